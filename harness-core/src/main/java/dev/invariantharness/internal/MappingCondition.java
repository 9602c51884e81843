package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The mapping capability of {@code @InvariantTest}: validates each test's invariant mapping
 * against the catalogue, skips N/A-only tests with their reason, fails an unmapped test in gating
 * mode, and fails every test when the gate inputs cannot be assembled (a typo in
 * {@code FAIL_ON_REQUIRED_FAILURE}, a malformed mitigation or catalogue file) — a gate that cannot
 * be judged must never pass silently. Users must not use this class directly.
 */
public final class MappingCondition implements ExecutionCondition, BeforeEachCallback {

  /** One result for every mapped test: JUnit only logs the reason, and a test of 1 ms must not pay for it. */
  private static final ConditionEvaluationResult VERIFIES = ConditionEvaluationResult.enabled("verifies its invariants");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<CheckDescriptor> descriptor = CheckDescriptor.of(context);
    if (descriptor.isEmpty()) {
      return ConditionEvaluationResult.enabled("not an invariant test method");
    }
    CheckDescriptor d = descriptor.get();
    RunState run = RunState.of(context);
    if (run.problem() != null) {
      // Reported by beforeEach, where JUnit shows the error as it is instead of wrapping it.
      return ConditionEvaluationResult.enabled("gate inputs are broken");
    }
    try {
      d.validate(run.inputs().catalogue());
    } catch (HarnessInputException e) {
      return ConditionEvaluationResult.enabled("invalid invariant mapping");
    }
    if (d.notApplicableOnly()) {
      return ConditionEvaluationResult.disabled("n/a — " + d.notApplicableReason());
    }
    return VERIFIES;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<CheckDescriptor> descriptor = CheckDescriptor.of(context);
    if (descriptor.isEmpty()) {
      return;
    }
    RunState run = RunState.of(context);
    CheckDescriptor d = descriptor.get();
    d.validate(run.requireInputs().catalogue());
    if (d.unmapped() && run.gating()) {
      throw new AssertionError(d.testName()
          + " is unmapped: every test in an @InvariantTest class must name the invariants it verifies"
          + " (@Verifies(\"INV-..\")) or declare them N/A with a reason (@NotApplicable); in gating mode"
          + " (FAIL_ON_REQUIRED_FAILURE=1) an unmapped test counts as a failed required check");
    }
  }
}
