package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** What {@code @InvariantTest} does to the tests it runs, asserted on JUnit's own events. */
class InvariantExtensionTest {

  @Test
  void mappedTestsRunAndNotApplicableTestsAreSkippedWithTheirReason() {
    Events tests = run(Samples.AllGo.class, "1");
    tests.assertStatistics(s -> s.started(3).succeeded(3).skipped(1).failed(0));
    tests.assertThatEvents().haveExactly(1,
        event(test("ios"), skippedWithReason("n/a — INV-11: no iOS client in this service")));
  }

  @Test
  void unmappedTestFailsInGatingMode() {
    Events tests = run(Samples.Unmapped.class, "1");
    tests.assertStatistics(s -> s.succeeded(1).failed(1));
    tests.assertThatEvents().haveExactly(1, event(test("forgotTheMapping"),
        finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.contains("is unmapped") && m.contains("@Verifies")))));
  }

  @Test
  void unmappedTestRunsInBaselineMode() {
    run(Samples.Unmapped.class, "0").assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @Test
  void unknownInvariantIdIsAConfigurationErrorNamingTestAndId() {
    Events tests = run(Samples.UnknownId.class, "1");
    tests.assertThatEvents().haveExactly(1, event(test("typo"), finishedWithFailure(instanceOf(HarnessInputException.class),
        message("test UnknownId.typo(): @Verifies names unknown invariant id 'INV-99'; the catalogue has INV-01, INV-02,"
            + " INV-03, INV-04, INV-05, INV-06, INV-07, INV-08, INV-09, INV-10, INV-11, INV-12"))));
  }

  @Test
  void notApplicableWithoutReasonIsAConfigurationError() {
    run(Samples.BlankNaReason.class, "1").assertThatEvents().haveExactly(1, event(test("ios"),
        finishedWithFailure(message(m -> m.contains("@NotApplicable(\"INV-11\") needs a reason")))));
  }

  @Test
  void abortedRequiredCheckFailsInGatingModeButOptionalOneStaysSkipped() {
    Events tests = run(Samples.AbortedRequired.class, "1");
    tests.assertStatistics(s -> s.failed(1).aborted(1));
    tests.assertThatEvents().haveExactly(1, event(test("replayAgainstStaging"), finishedWithFailure(
        message(m -> m.contains("required check dev.invariantharness.samples.Samples$AbortedRequired.replayAgainstStaging [INV-07] was aborted (Assumption failed: STAGING_KHALA_BASE_URL not set)")
            && m.contains("cannot be skipped")))));
  }

  @Test
  void abortedRequiredCheckStaysAbortedInBaselineMode() {
    run(Samples.AbortedRequired.class, "0").assertStatistics(s -> s.failed(0).aborted(2));
  }

  private static Events run(Class<?> suite, String failOnRequired) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(suite))
        .configurationParameter("invariant.harness.fail-on-required-failure", failOnRequired)
        .execute()
        .testEvents();
  }
}
