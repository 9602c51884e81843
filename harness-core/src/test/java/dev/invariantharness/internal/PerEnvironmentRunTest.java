package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.samples.PerEnvironmentSample;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation matrix in one run: an environment-bound suite runs once per environment. */
class PerEnvironmentRunTest {

  static final String ID = "dev.invariantharness.samples.PerEnvironmentSample.controlIsHealthy";

  @TempDir Path reports;

  @Test
  void eachEnvironmentIsARowOfItsOwnWithItsOwnTargetsAndOneDecision() {
    Outcome out = GateRun.into(reports)
        .with("invariant.harness.environments", "staging,prod")
        .with("invariant.harness.target.control.staging.base-url", "https://control.staging.example.test")
        .with("invariant.harness.target.control.prod.base-url", "https://control.example.test")
        .run(PerEnvironmentSample.class);

    assertThat(out.report().results()).extracting(CheckResult::checkId, CheckResult::status).containsExactlyInAnyOrder(
        tuple(ID + "[staging]", CheckStatus.PASSED), tuple(ID + "[prod]", CheckStatus.FAILED));
    assertThat(out.report().results()).filteredOn(r -> r.status() == CheckStatus.FAILED).singleElement()
        .satisfies(r -> assertThat(r.reason()).isEqualTo("GET https://control.example.test/healthz answered 503"));
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blockers()).extracting(Blocker::checkId).containsExactly(ID + "[prod]");
  }

  @Test
  void withoutEnvironmentsTheSuiteRunsOnceWithItsPlainId() {
    Outcome out = GateRun.into(reports)
        .with("invariant.harness.environment", "staging")
        .with("invariant.harness.target.control.staging.base-url", "https://control.staging.example.test")
        .run(PerEnvironmentSample.class);

    assertThat(out.report().results()).extracting(CheckResult::checkId, CheckResult::status)
        .containsExactly(tuple(ID, CheckStatus.PASSED));
  }
}
