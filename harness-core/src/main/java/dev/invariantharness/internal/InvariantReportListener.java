package dev.invariantharness.internal;

import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records one row per test of every {@code @InvariantTest} class and, when the test plan has
 * finished, hands the rows to the {@link ReportPublisher}, which joins the rows of every fork of
 * the run and writes the gate report. Registered with {@link java.util.ServiceLoader}, so it
 * works under plain Surefire, Gradle and in the IDE without configuration.
 *
 * <p>Thread-safe: with parallel execution, callbacks arrive concurrently.
 */
public final class InvariantReportListener implements TestExecutionListener {

  /**
   * Report entry keys the extension publishes each piece of evidence under, one entry per piece:
   * the entry is a map, so the reference crosses from extension to listener field by field.
   */
  public static final String EVIDENCE_NAME = "invariant-harness.evidence.name";
  public static final String EVIDENCE_KIND = "invariant-harness.evidence.kind";
  public static final String EVIDENCE_PATH = "invariant-harness.evidence.path";

  private static final int MAX_REASON = 4000;
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  // Keyed by JUnit's UniqueId, not its text: the text is formatted on first use, once per test.
  private final Map<UniqueId, Long> startedNanos = new ConcurrentHashMap<>();
  private final Map<UniqueId, CheckResult> rows = new ConcurrentHashMap<>();
  private final Map<UniqueId, List<EvidenceRef>> evidence = new ConcurrentHashMap<>();
  private final Map<MethodSource, Optional<Mapping>> mappings = new ConcurrentHashMap<>();
  private final Map<Class<?>, Map<String, Method>> methodIndex = new ConcurrentHashMap<>();
  private volatile TestPlan plan;
  private volatile HarnessConfiguration config;
  private volatile Redactor redactor;
  private volatile RunSecrets.Lease secrets;
  private volatile String lastReport;
  private volatile String runId;
  private volatile boolean environmentsKeyed;
  private final String partName = ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    HarnessConfiguration given = HarnessConfiguration.of(testPlan.getConfigurationParameters()::get);
    String run = RunIdentity.of(given);
    RunSecrets.Lease previous = secrets;
    secrets = RunSecrets.lease(run);
    if (previous != null) {
      previous.close();
    }
    config = given.withKnownSecrets(secrets.scope());
    // Secrets given as JUnit configuration parameters cannot be listed from a test's context:
    // register them before the first test runs, so they are redacted from the first byte written,
    // whether or not a check ever reads them through secret().
    for (String key : testPlan.getConfigurationParameters().keySet()) {
      if (HarnessConfiguration.looksSecret(key)) {
        config.secret(key);
      }
    }
    redactor = ReportPublisher.redactor(config);
    environmentsKeyed = EnvironmentTemplates.keyed(config);
    // Surefire may execute the classes of one fork as several test plans: rows of the same run
    // accumulate, so this JVM's part always holds everything it ran.
    if (!run.equals(runId)) {
      runId = run;
      rows.clear();
      startedNanos.clear();
      evidence.clear();
      mappings.clear();
      methodIndex.clear();
    }
    if (config.flag(HarnessConfiguration.REPORT_ENABLED, true)) {
      markRunning(testPlan);
    }
  }

  /** Leaves a marker naming the suites this JVM runs, so a fork that dies is noticed. */
  private void markRunning(TestPlan testPlan) {
    Set<String> classes = new TreeSet<>();
    for (TestIdentifier root : testPlan.getRoots()) {
      for (TestIdentifier t : testPlan.getDescendants(root)) {
        t.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast).ifPresent(cs -> {
          try {
            if (CheckDescriptor.suiteOf(cs.getJavaClass()).isPresent()) {
              classes.add(cs.getClassName());
            }
          } catch (RuntimeException e) {
            // a class that cannot be loaded is reported by the engine, not here
          }
        });
      }
    }
    if (classes.isEmpty()) {
      return;
    }
    try {
      ForkMarkers.started(ReportPublisher.partsDirectory(config), partName, classes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run marker under " + config.reportDirectory().toAbsolutePath()
          + " (invariant.harness.report.dir): the gate report cannot be written either", e);
    }
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    if (id.isTest()) {
      startedNanos.put(id.getUniqueIdObject(), System.nanoTime());
    }
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      record(id, CheckStatus.SKIPPED, reason);
    } else {
      for (TestIdentifier t : plan.getDescendants(id)) {
        if (t.isTest()) {
          record(t, CheckStatus.SKIPPED, reason);
        }
      }
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    String reason = result.getThrowable().map(InvariantReportListener::describe).orElse("");
    CheckStatus status = switch (result.getStatus()) {
      case SUCCESSFUL -> CheckStatus.PASSED;
      case ABORTED -> CheckStatus.SKIPPED;
      case FAILED -> CheckStatus.FAILED;
    };
    Throwable failure = result.getThrowable().orElse(null);
    if (id.isTest() && status == CheckStatus.PASSED) {
      // A failure the gating handler recorded instead of failing the build: the row still fails.
      Throwable deferred = DeferredFailures.pending() ? DeferredFailures.take(runId, id.getUniqueId()) : null;
      if (deferred != null) {
        failure = deferred;
        status = CheckStatus.FAILED;
        reason = describe(deferred);
      }
    }
    if (id.isTest()) {
      record(id, status, reason, failure == null ? List.of() : FailureFindings.of(failure));
    } else if (status != CheckStatus.PASSED) {
      // A failed @BeforeAll leaves the tests below without events: they must not vanish from the gate.
      for (TestIdentifier t : plan.getDescendants(id)) {
        if (t.isTest() && !rows.containsKey(t.getUniqueIdObject())) {
          record(t, status, "not run: " + id.getDisplayName() + " " + (status == CheckStatus.FAILED ? "failed" : "was aborted")
              + " before its tests ran: " + reason);
        }
      }
    }
  }

  @Override
  public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
    Map<String, String> pairs = entry.getKeyValuePairs();
    String path = pairs.get(EVIDENCE_PATH);
    if (path != null) {
      evidence.computeIfAbsent(id.getUniqueIdObject(), k -> new CopyOnWriteArrayList<>())
          .add(new EvidenceRef(pairs.getOrDefault(EVIDENCE_NAME, ""), pairs.getOrDefault(EVIDENCE_KIND, "text"), path));
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    try {
      if (rows.isEmpty() || !config.flag(HarnessConfiguration.REPORT_ENABLED, true)) {
        return;
      }
      List<CheckResult> ordered = new ArrayList<>(rows.values());
      ordered.sort(CheckResult.REPORT_ORDER);
      lastReport = ReportPublisher.publish(config, partName, ordered);
    } finally {
      RunSecrets.Lease held = secrets;
      if (held != null) {
        held.close();
      }
    }
  }

  /** Where the last report of this listener went, for tools and tests; null before any. */
  public String lastReport() {
    return lastReport;
  }

  private void record(TestIdentifier id, CheckStatus observed, String reason) {
    record(id, observed, reason, List.of());
  }

  private void record(TestIdentifier id, CheckStatus observed, String reason, List<Finding> findings) {
    Optional<MethodSource> source = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    if (source.isEmpty()) {
      return;
    }
    MethodSource ms = source.get();
    Optional<Mapping> found = mappings.computeIfAbsent(ms, k -> mappingOf(ms));
    if (found.isEmpty()) {
      return;
    }
    Class<?> testClass = found.get().testClass();
    Method method = found.get().method();
    CheckDescriptor d = found.get().descriptor();
    CheckStatus status = observed;
    String why = reason;
    if (d.unmapped()) {
      status = CheckStatus.UNMAPPED;
      why = "no @Verifies or @NotApplicable mapping" + (reason.isEmpty() ? "" : "; " + reason);
    } else if (d.notApplicableOnly() && observed == CheckStatus.SKIPPED) {
      status = CheckStatus.NOT_APPLICABLE;
      why = d.notApplicableReason();
    }
    Long start = startedNanos.get(id.getUniqueIdObject());
    long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    String checkId = d.checkId() + invocationSuffix(id);
    String command = status == CheckStatus.SKIPPED
        ? why
        : "mvn verify -Dtest='" + testClass.getName().replace('$', '*') + "#" + method.getName() + "'";
    // Failure messages quote what a peer sent: redact before the row exists, not only when written.
    // The command is built from class and method names, which cannot hold a secret.
    List<Finding> redacted = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      redacted.add(new Finding(f.invariant(), redactor.redact(f.location()), redactor.redact(cap(f.message())), f.evidence()));
    }
    rows.put(id.getUniqueIdObject(), new CheckResult(checkId, d.required() || d.unmapped(), status, redactor.redact(id.getDisplayName()),
        d.lane(), d.invariants(), d.notApplicableIds(), millis, redactor.redact(cap(why)),
        status == CheckStatus.SKIPPED ? redactor.redact(command) : command,
        evidence.getOrDefault(id.getUniqueIdObject(), List.of()), redacted, Map.of(), null));
  }

  /** As {@link CheckDescriptor#invocationSuffix(org.junit.jupiter.api.extension.ExtensionContext)}, from the test plan. */
  private String invocationSuffix(TestIdentifier id) {
    String suffix = "";
    Optional<TestIdentifier> t = Optional.of(id);
    for (; t.isPresent(); t = plan.getParent(t.get())) {
      if (!CheckDescriptor.isInvocation(t.get().getUniqueIdObject())) {
        break;
      }
      suffix = "[" + CheckDescriptor.invocationName(t.get().getDisplayName()) + "]" + suffix;
    }
    if (environmentsKeyed) {
      // a @PerEnvironment run: the class template's invocation is named after its environment
      for (; t.isPresent(); t = plan.getParent(t.get())) {
        if (CheckDescriptor.isClassTemplateInvocation(t.get().getUniqueIdObject())) {
          return "[" + CheckDescriptor.invocationName(t.get().getDisplayName()) + "]" + suffix;
        }
      }
    }
    return suffix;
  }

  /** A test method and its invariant mapping, resolved once per method and run. */
  private record Mapping(Class<?> testClass, Method method, CheckDescriptor descriptor) {}

  private Optional<Mapping> mappingOf(MethodSource source) {
    try {
      Class<?> testClass = source.getJavaClass();
      if (CheckDescriptor.suiteOf(testClass).isEmpty()) {
        return Optional.empty();
      }
      Method method = methodIndex.computeIfAbsent(testClass, InvariantReportListener::indexMethods)
          .get(source.getMethodName() + "(" + source.getMethodParameterTypes() + ")");
      if (method == null) {
        method = source.getJavaMethod();
      }
      Method m = method;
      return CheckDescriptor.of(testClass, m).map(d -> new Mapping(testClass, m, d));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The methods of a class and its superclasses by {@code name(param types)}, built once: asking
   * {@link MethodSource#getJavaMethod()} per test searches every declared method each time,
   * quadratic in the size of large suites.
   */
  private static Map<String, Method> indexMethods(Class<?> type) {
    Map<String, Method> index = new HashMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        StringJoiner params = new StringJoiner(", ");
        for (Class<?> p : m.getParameterTypes()) {
          params.add(p.getName());
        }
        index.putIfAbsent(m.getName() + "(" + params + ")", m);
      }
    }
    return index;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getName() : message;
  }

  private static String cap(String s) {
    return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + " … (" + (s.length() - MAX_REASON) + " more characters)";
  }
}
