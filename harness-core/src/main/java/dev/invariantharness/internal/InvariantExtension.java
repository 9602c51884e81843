package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.EvidenceLog;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.evidence.internal.CurrentEvidence;
import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import dev.invariantharness.gate.GateMode;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Engine glue behind {@code @InvariantTest}: validates each test's invariant mapping against the
 * catalogue, skips N/A-only tests with their reason, enforces the gating rules a test can enforce
 * itself (an unmapped test fails; a required check may not abort), binds evidence capture around
 * each test, and injects fixtures with bounded creation and closing.
 *
 * <p>All state lives in the {@link ExtensionContext.Store} under this extension's namespace:
 * run-wide state in the root store, fixtures in the test's or class's store, closed by JUnit.
 * Users must not use this class directly.
 */
public final class InvariantExtension
    implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler, InvocationInterceptor {

  private static final Namespace NAMESPACE = Namespace.create(InvariantExtension.class);

  /** Run-wide state, created once per engine run. */
  record Harness(HarnessConfiguration config, InvariantCatalogue catalogue, List<FixtureProvider<?>> providers,
      Redactor redactor, Path evidenceStaging) {}

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<CheckDescriptor> descriptor = descriptor(context);
    if (descriptor.isEmpty()) {
      return ConditionEvaluationResult.enabled("not an invariant test method");
    }
    CheckDescriptor d = descriptor.get();
    try {
      d.validate(harness(context).catalogue());
    } catch (HarnessInputException e) {
      // Reported by beforeEach, where JUnit shows the error as it is instead of wrapping it.
      return ConditionEvaluationResult.enabled("invalid invariant mapping");
    }
    if (d.notApplicableOnly()) {
      return ConditionEvaluationResult.disabled("n/a — " + d.notApplicableReason());
    }
    return ConditionEvaluationResult.enabled("verifies " + d.verifies());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<CheckDescriptor> descriptor = descriptor(context);
    if (descriptor.isPresent()) {
      descriptor.get().validate(harness(context).catalogue());
    }
    if (descriptor.isPresent() && descriptor.get().unmapped() && harness(context).config().mode() == GateMode.GATING) {
      throw new AssertionError(descriptor.get().testName()
          + " is unmapped: every test in an @InvariantTest class must name the invariants it verifies"
          + " (@Verifies(\"INV-..\")) or declare them N/A with a reason (@NotApplicable); in gating mode"
          + " (FAIL_ON_REQUIRED_FAILURE=1) an unmapped test counts as a failed required check");
    }
  }

  /** Publishes the test's evidence so the report listener can link it from the row. */
  @Override
  public void afterEach(ExtensionContext context) {
    publishEvidence(context);
  }

  private static void publishEvidence(ExtensionContext context) {
    EvidenceLog log = context.getStore(NAMESPACE).get(EvidenceLog.class, EvidenceLog.class);
    if (log != null) {
      for (EvidenceRef ref : log.list()) {
        context.publishReportEntry(Map.of(InvariantReportListener.EVIDENCE_NAME, ref.name().isBlank() ? ref.path() : ref.name(),
            InvariantReportListener.EVIDENCE_KIND, ref.kind(), InvariantReportListener.EVIDENCE_PATH, ref.path()));
      }
    }
  }

  /**
   * A dynamic test is a row of its own: it gets its own evidence log, and since JUnit runs no
   * {@code afterEach} per dynamic test, its evidence is published here, under its own id.
   */
  @Override
  public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
      ExtensionContext context) throws Throwable {
    try {
      withEvidence(invocation, context, factoryDescriptor(context));
    } finally {
      publishEvidence(context);
    }
  }

  /** The mapping of the factory method a dynamic test came from. */
  private static Optional<CheckDescriptor> factoryDescriptor(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
      Optional<CheckDescriptor> d = descriptor(c.get());
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    withEvidence(invocation, context);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    withEvidence(invocation, context);
  }

  @Override
  public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    withEvidence(invocation, context);
  }

  @Override
  public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    withEvidence(invocation, context);
  }

  /** Binds the test's evidence log on the thread that actually runs the invocation. */
  private static void withEvidence(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
    withEvidence(invocation, context, descriptor(context));
  }

  private static void withEvidence(Invocation<Void> invocation, ExtensionContext context, Optional<CheckDescriptor> d)
      throws Throwable {
    if (d.isEmpty()) {
      invocation.proceed();
      return;
    }
    try (CurrentEvidence.Binding binding = CurrentEvidence.bind(evidenceLog(context, d.get()))) {
      invocation.proceed();
    }
  }

  private static EvidenceLog evidenceLog(ExtensionContext context, CheckDescriptor d) {
    Harness harness = harness(context);
    String name = d.checkId() + CheckDescriptor.invocationSuffix(context.getUniqueId());
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(EvidenceLog.class,
        k -> new EvidenceLog(harness.evidenceStaging(), name, harness.redactor()), EvidenceLog.class);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw gated(context, throwable);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw gated(context, throwable);
  }

  /** In gating mode a required check may not abort (an assumption failure is a skip). */
  private Throwable gated(ExtensionContext context, Throwable throwable) {
    if (!(throwable instanceof TestAbortedException)) {
      return throwable;
    }
    Optional<CheckDescriptor> d = descriptor(context);
    if (d.isEmpty() || !d.get().required() || harness(context).config().mode() != GateMode.GATING) {
      return throwable;
    }
    AssertionError error = new AssertionError("required check " + d.get().checkId() + " " + d.get().verifies()
        + " was aborted (" + throwable.getMessage() + "); in gating mode (FAIL_ON_REQUIRED_FAILURE=1) a required"
        + " check cannot be skipped: make it runnable or mark it @Verifies(..., required = false)", throwable);
    return error;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == HarnessConfiguration.class || type == InvariantCatalogue.class
        || (type == EvidenceLog.class && descriptor(context).isPresent())
        || provider(harness(context), type).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Harness harness = harness(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == HarnessConfiguration.class) {
      return harness.config();
    }
    if (type == InvariantCatalogue.class) {
      return harness.catalogue();
    }
    if (type == EvidenceLog.class) {
      return evidenceLog(context, descriptor(context).orElseThrow());
    }
    FixtureProvider<?> provider = provider(harness, type).orElseThrow();
    ExtensionContext owner = provider.scope() == FixtureProvider.Scope.CLASS
        ? context.getTestClass().isPresent() ? classContext(context) : context
        : context;
    Store store = owner.getStore(NAMESPACE);
    Object key = List.of(provider.getClass().getName(), owner.getUniqueId());
    Fixture fixture = store.getOrComputeIfAbsent(key, k -> create(harness, provider, owner), Fixture.class);
    return fixture.value();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static Fixture create(Harness harness, FixtureProvider<?> provider, ExtensionContext owner) {
    Duration setup = harness.config().timeout("fixture");
    String name = provider.type().getSimpleName();
    FixtureContext fc = new FixtureContext(harness.config(), setup, laneOf(owner), owner.getDisplayName());
    try {
      Object value = BoundedCall.call("fixture " + name + " (" + provider.getClass().getName() + ")", setup, () -> provider.create(fc));
      if (value == null) {
        throw new ParameterResolutionException("fixture provider " + provider.getClass().getName() + " returned null for " + name);
      }
      return new Fixture(name, value, harness.config().timeout("fixture-close"));
    } catch (BoundedCall.TimedOut e) {
      throw new ParameterResolutionException(e.getMessage()
          + " (invariant.harness.timeout.fixture); is the target up and reachable?");
    } catch (ParameterResolutionException | HarnessInputException e) {
      throw e;
    } catch (Exception e) {
      throw new ParameterResolutionException("fixture " + name + " could not be created: " + e.getMessage(), e);
    }
  }

  private static String laneOf(ExtensionContext context) {
    return context.getTestClass().flatMap(CheckDescriptor::suiteOf).map(s -> s.lane()).orElse("default");
  }

  private static Optional<FixtureProvider<?>> provider(Harness harness, Class<?> type) {
    return harness.providers().stream().filter(p -> p.type() == type).findFirst()
        .or(() -> harness.providers().stream().filter(p -> type.isAssignableFrom(p.type())).findFirst());
  }

  private static Optional<CheckDescriptor> descriptor(ExtensionContext context) {
    if (context.getTestMethod().isEmpty() || context.getTestClass().isEmpty()) {
      return Optional.empty();
    }
    return CheckDescriptor.of(context.getRequiredTestClass(), context.getRequiredTestMethod());
  }

  /** The run-wide state, created on first use and shared by every test of the engine run. */
  static Harness harness(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Harness.class, k -> {
      HarnessConfiguration config = HarnessConfiguration.of(context::getConfigurationParameter);
      InvariantCatalogue catalogue = InvariantCatalogue.defaults();
      Optional<String> file = config.get(HarnessConfiguration.CATALOGUE);
      if (file.isPresent()) {
        catalogue = catalogue.extendedWith(Path.of(file.get()));
      }
      List<FixtureProvider<?>> providers = new ArrayList<>();
      for (FixtureProvider<?> p : ServiceLoader.load(FixtureProvider.class, Thread.currentThread().getContextClassLoader())) {
        providers.add(p);
      }
      Path staging = config.reportDirectory().toAbsolutePath().resolve(".staging").resolve(RunIdentity.of(config));
      return new Harness(config, catalogue, List.copyOf(providers), ReportPublisher.redactor(config), staging);
    }, Harness.class);
  }

  /** A created fixture; closing it is bounded too. */
  record Fixture(String name, Object value, Duration closeLimit) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (value instanceof AutoCloseable closeable) {
        try {
          BoundedCall.call("closing fixture " + name, closeLimit, () -> {
            closeable.close();
            return null;
          });
        } catch (BoundedCall.TimedOut e) {
          throw new IllegalStateException(e.getMessage() + " (invariant.harness.timeout.fixture-close); it may leak a socket or thread");
        }
      }
    }
  }
}
