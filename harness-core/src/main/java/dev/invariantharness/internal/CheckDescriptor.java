package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.catalogue.InvariantCatalogue;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.UniqueId;

/**
 * How one test method maps to invariants, read from its annotations (and its class's). The
 * extension and the report listener both derive it from the same annotations, so the row and the
 * test's behaviour never disagree.
 *
 * @param checkId the stable check id
 * @param lane the suite's lane
 * @param required whether any mapping is required
 * @param verifies ids of {@code @Verifies}
 * @param notApplicable {@code @NotApplicable} declarations
 * @param testName {@code ClassName.method()} for messages
 */
public record CheckDescriptor(
    String checkId,
    String lane,
    boolean required,
    List<String> verifies,
    List<NotApplicable> notApplicable,
    String testName) {

  /**
   * Mappings per class, computed once per method: annotations never change at run time, and
   * {@link ClassValue} lets a class and its cache be unloaded together.
   */
  private static final ClassValue<Map<Method, Optional<CheckDescriptor>>> CACHE = new ClassValue<>() {
    @Override
    protected Map<Method, Optional<CheckDescriptor>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  /** The descriptor of {@code method} if its class (or an enclosing class) is an invariant suite. */
  public static Optional<CheckDescriptor> of(Class<?> testClass, Method method) {
    return CACHE.get(testClass).computeIfAbsent(method, m -> read(testClass, m));
  }

  private static Optional<CheckDescriptor> read(Class<?> testClass, Method method) {
    Optional<InvariantTest> suite = suiteOf(testClass);
    if (suite.isEmpty()) {
      return Optional.empty();
    }
    List<Verifies> verifies = new ArrayList<>();
    List<NotApplicable> na = new ArrayList<>();
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      verifies.addAll(AnnotationSupport.findRepeatableAnnotations(c, Verifies.class));
      na.addAll(AnnotationSupport.findRepeatableAnnotations(c, NotApplicable.class));
    }
    verifies.addAll(AnnotationSupport.findRepeatableAnnotations(method, Verifies.class));
    na.addAll(AnnotationSupport.findRepeatableAnnotations(method, NotApplicable.class));

    Set<String> ids = new LinkedHashSet<>();
    boolean required = false;
    String check = "";
    for (Verifies v : verifies) {
      for (String id : v.value()) {
        ids.add(id.trim());
      }
      required |= v.required();
      if (!v.check().isBlank()) {
        check = v.check().trim();
      }
    }
    String testName = testClass.getSimpleName() + "." + method.getName() + "()";
    // Fully qualified, outer classes kept: two suites of one simple name never share an id (nor a mitigation).
    String checkId = check.isEmpty() ? testClass.getName() + "." + method.getName() : check;
    return Optional.of(new CheckDescriptor(checkId, suite.get().lane(), required, List.copyOf(ids), List.copyOf(na), testName));
  }

  /** The {@code @InvariantTest} on the class or, for {@code @Nested} classes, an enclosing class. */
  public static Optional<InvariantTest> suiteOf(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<InvariantTest> a = AnnotationSupport.findAnnotation(c, InvariantTest.class);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
  }

  /** The descriptor of the test method of {@code context}, if it is an invariant check. */
  public static Optional<CheckDescriptor> of(ExtensionContext context) {
    if (context.getTestMethod().isEmpty() || context.getTestClass().isEmpty()) {
      return Optional.empty();
    }
    return of(context.getRequiredTestClass(), context.getRequiredTestMethod());
  }

  /** The mapping of the factory method a dynamic test came from. */
  public static Optional<CheckDescriptor> ofFactory(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<CheckDescriptor> d = of(c.get());
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  /**
   * What tells the invocations of one test apart, outermost first: {@code [staging]} for the
   * parameterized invocation displayed {@code [2] staging}, {@code [resume][after 41]} for a
   * dynamic test in a dynamic container. Keyed by display name, not index, so a row keeps its id
   * (and its mitigation) when the list of arguments changes.
   */
  public static String invocationSuffix(ExtensionContext context) {
    String suffix = "";
    // An invocation or dynamic node is a context whose parent is about the same test method (the
    // template or factory); the same nodes whose unique id ends in [type:#n], which
    // isInvocation(String) reads from the test plan. Asked this way, a plain test never formats
    // its unique id, which JUnit builds as a string only on demand.
    ExtensionContext c = context;
    for (Optional<ExtensionContext> parent = c.getParent();
        parent.isPresent() && parent.get().getTestMethod().isPresent();
        c = parent.get(), parent = c.getParent()) {
      suffix = "[" + invocationName(c.getDisplayName()) + "]" + suffix;
    }
    return environmentSuffix(context) + suffix;
  }

  /** {@code [staging]} for a test of a {@code @PerEnvironment} run when several environments were asked for. */
  private static String environmentSuffix(ExtensionContext context) {
    if (!RunState.of(context).environmentsKeyed()) {
      return "";
    }
    return EnvironmentTemplates.environmentOf(context).map(e -> "[" + invocationName(e) + "]").orElse("");
  }

  /** Whether {@code uniqueId} ends in a class template's invocation ({@code [class-template-invocation:#n]}). */
  public static boolean isClassTemplateInvocation(String uniqueId) {
    int open = uniqueId.lastIndexOf("/[");
    return open >= 0 && uniqueId.startsWith("[class-template-invocation:#", open + 1);
  }

  /** As {@link #isClassTemplateInvocation(String)}, without formatting the id. */
  public static boolean isClassTemplateInvocation(UniqueId uniqueId) {
    UniqueId.Segment last = uniqueId.getLastSegment();
    return last.getType().equals("class-template-invocation") && last.getValue().startsWith("#");
  }

  /** As {@link #isInvocation(String)}, without formatting the id. */
  public static boolean isInvocation(UniqueId uniqueId) {
    return uniqueId.getLastSegment().getValue().startsWith("#");
  }

  /** Whether the last segment of {@code uniqueId} is an invocation or a dynamic node ({@code [type:#n]}). */
  public static boolean isInvocation(String uniqueId) {
    int end = uniqueId.length();
    if (end == 0 || uniqueId.charAt(end - 1) != ']') {
      return false;
    }
    int open = uniqueId.lastIndexOf("/[", end - 1);
    int colon = open < 0 ? -1 : uniqueId.indexOf(':', open);
    return colon >= 0 && colon + 1 < end - 1 && uniqueId.charAt(colon + 1) == '#';
  }

  /** A display name as an id part: JUnit's leading {@code [n] } index dropped, brackets kept out. */
  public static String invocationName(String displayName) {
    String name = displayName.replaceFirst("^\\[\\d+\\]\\s*", "").trim();
    if (name.isEmpty()) {
      name = displayName.trim();
    }
    return name.replace('[', '(').replace(']', ')').replace('\t', ' ').replace('\n', ' ');
  }

  /** No {@code @Verifies} and no {@code @NotApplicable}: reviewers require an explicit mapping. */
  public boolean unmapped() {
    return verifies.isEmpty() && notApplicable.isEmpty();
  }

  /** Only {@code @NotApplicable}: the test is not run and shows as n/a. */
  public boolean notApplicableOnly() {
    return verifies.isEmpty() && !notApplicable.isEmpty();
  }

  /** Every invariant id the row names. */
  public List<String> invariants() {
    Set<String> all = new LinkedHashSet<>(verifies);
    notApplicable.forEach(n -> all.add(n.value().trim()));
    return List.copyOf(all);
  }

  /** The ids declared N/A, minus any the test also verifies (which {@link #validate} rejects). */
  public List<String> notApplicableIds() {
    Set<String> ids = new LinkedHashSet<>();
    notApplicable.forEach(n -> ids.add(n.value().trim()));
    ids.removeAll(verifies);
    return List.copyOf(ids);
  }

  /** The N/A reasons as {@code INV-11: reason; ...}. */
  public String notApplicableReason() {
    List<String> parts = new ArrayList<>();
    for (NotApplicable n : notApplicable) {
      parts.add(n.value().trim() + ": " + n.reason().trim());
    }
    return String.join("; ", parts);
  }

  /**
   * Fails on configuration errors: unknown ids, blank N/A reasons, an id both verified and N/A.
   *
   * @throws HarnessInputException naming the test and the id
   */
  public void validate(InvariantCatalogue catalogue) {
    for (String id : verifies) {
      if (!catalogue.contains(id)) {
        throw new HarnessInputException("test " + testName, "@Verifies names " + catalogue.unknownIdProblem(id));
      }
    }
    for (NotApplicable n : notApplicable) {
      String id = n.value().trim();
      if (!catalogue.contains(id)) {
        throw new HarnessInputException("test " + testName, "@NotApplicable names " + catalogue.unknownIdProblem(id));
      }
      if (n.reason().isBlank()) {
        throw new HarnessInputException("test " + testName, "@NotApplicable(\"" + id + "\") needs a reason a reviewer can read");
      }
      if (verifies.contains(id)) {
        throw new HarnessInputException("test " + testName, id + " is both verified and declared not applicable");
      }
    }
  }
}
