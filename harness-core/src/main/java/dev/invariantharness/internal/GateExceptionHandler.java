package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.GateMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The gating capability of {@code @InvariantTest}: makes a test's outcome in the build agree
 * with the gate decision.
 *
 * <ul>
 *   <li>In gating mode a required check may not abort: an assumption failure becomes a failure.
 *   <li>A failure that does not block the gate asked for — a finding covered by an accepted
 *       mitigation, a failed optional check, any failure in baseline mode, a release-only
 *       finding in a merge-gate build — is recorded for the report and the test returns
 *       normally, so the build result is the decision. Blocking failures are rethrown unchanged.
 * </ul>
 *
 * <p>Recording instead of failing is on under build tools (Surefire, Failsafe, Gradle) and off
 * elsewhere, so a developer who runs a test by hand in an IDE still sees the raw failure;
 * {@value #NON_BLOCKING_FAILURES} ({@code record} or {@code fail}) overrides. Users must not use
 * this class directly.
 */
public final class GateExceptionHandler
    implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler, InvocationInterceptor {

  /** {@code record}: non-blocking failures are recorded, the test passes; {@code fail}: every failure fails. */
  public static final String NON_BLOCKING_FAILURES = HarnessConfiguration.PREFIX + "non-blocking-failures";

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    judge(context, CheckDescriptor.of(context), throwable);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    judge(context, CheckDescriptor.of(context), throwable);
  }

  /** JUnit hands dynamic tests' failures to no exception handler: they are judged here. */
  @Override
  public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
      ExtensionContext context) throws Throwable {
    try {
      invocation.proceed();
    } catch (Throwable t) {
      judge(context, CheckDescriptor.ofFactory(context), t);
    }
  }

  private static void judge(ExtensionContext context, Optional<CheckDescriptor> descriptor, Throwable throwable)
      throws Throwable {
    if (descriptor.isEmpty()) {
      throw throwable;
    }
    CheckDescriptor d = descriptor.get();
    RunState run = RunState.of(context);
    if (run.problem() != null || d.unmapped()) {
      throw throwable;
    }
    if (throwable instanceof TestAbortedException) {
      if (d.required() && run.gating()) {
        throw new AssertionError("required check " + d.checkId() + " " + d.verifies()
            + " was aborted (" + throwable.getMessage() + "); in gating mode (FAIL_ON_REQUIRED_FAILURE=1) a required"
            + " check cannot be skipped: make it runnable or mark it @Verifies(..., required = false)", throwable);
      }
      throw throwable;
    }
    if (!recordsNonBlockingFailures(run.config())) {
      throw throwable;
    }
    String checkId = d.checkId() + CheckDescriptor.invocationSuffix(context);
    CheckResult row = new CheckResult(checkId, d.required(), CheckStatus.FAILED, "", d.lane(), d.invariants(),
        d.notApplicableIds(), 0, String.valueOf(throwable.getMessage()), "", List.of(), FailureFindings.of(throwable),
        Map.of(), null);
    GateDecision alone = run.inputs().withRequireCoverage(false).policy().evaluate(List.of(row)).decision();
    if (alone.failsBuild()) {
      throw throwable;
    }
    DeferredFailures.put(RunIdentity.of(run.config()), context.getUniqueId(), throwable);
    System.out.println("[invariant-harness] " + checkId + " failed, recorded in the gate report without failing the build ("
        + why(d, alone) + "): " + run.redactor().redact(firstLine(String.valueOf(throwable.getMessage()))));
  }

  private static String why(CheckDescriptor d, GateDecision alone) {
    if (alone.mode() != GateMode.GATING) {
      return "baseline mode";
    }
    if (!d.required()) {
      return "optional check";
    }
    if (!alone.blockers().isEmpty()) {
      return "blocks " + alone.blocked().label() + " only; this build decides the " + alone.gate().label() + " gate";
    }
    return "mitigated";
  }

  /** {@code record} under a build tool, {@code fail} in an IDE, unless configured. */
  static boolean recordsNonBlockingFailures(HarnessConfiguration config) {
    Optional<String> configured = config.get(NON_BLOCKING_FAILURES);
    if (configured.isPresent()) {
      return switch (configured.get().trim().toLowerCase(Locale.ROOT)) {
        case "record" -> true;
        case "fail" -> false;
        default -> throw new HarnessInputException(config.describe(NON_BLOCKING_FAILURES),
            "'" + configured.get() + "' is neither record nor fail");
      };
    }
    return System.getProperty("surefire.test.class.path") != null || System.getProperty("surefire.real.class.path") != null
        || System.getProperty("org.gradle.test.worker") != null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
