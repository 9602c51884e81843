package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.samples.FindingSamples;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Findings are data from the check to the gate: the row lists what the check found, and the gate
 * blames exactly the invariants the findings name.
 */
class FindingsReachTheGateTest {

  @TempDir Path reports;

  @Test
  void aTestVerifyingTwoInvariantsThatViolatesOneBlocksOnlyThatOne() {
    Outcome out = GateRun.into(reports).run(FindingSamples.TwoInvariantsOneViolated.class);

    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blockers()).extracting(Blocker::invariant).containsExactly("INV-06");
    CheckResult row = out.report().results().get(0);
    assertThat(row.findings()).singleElement().satisfies(f -> {
      assertThat(f.invariant()).isEqualTo("INV-06");
      assertThat(f.location()).isEqualTo("GET /runs/42");
      assertThat(f.message()).isEqualTo("state changed after the WS attempt");
      assertThat(f.evidence()).singleElement().satisfies(e -> assertThat(out.reportDir().resolve(e.path())).exists());
    });
    assertThat(row.outcomes()).containsExactly(Map.entry("INV-02", CheckStatus.PASSED), Map.entry("INV-06", CheckStatus.FAILED));
  }

  @Test
  void softFindingsOfTwoInvariantsInOneCheckAreAllReportedAndBothBlock() {
    Outcome out = GateRun.into(reports).run(FindingSamples.SoftAcrossInvariants.class);

    CheckResult row = out.report().results().get(0);
    assertThat(row.findings()).extracting(f -> f.invariant()).containsExactly("INV-02", "INV-06");
    assertThat(row.reason()).contains("INV-02 violated: 1 finding(s)").contains("INV-06 violated: 1 finding(s)");
    assertThat(out.report().decision().blockers()).extracting(Blocker::invariant).containsExactly("INV-02", "INV-06");
    assertThat(out.report().decision().blockers()).filteredOn(b -> b.invariant().equals("INV-06")).singleElement()
        .satisfies(b -> assertThat(b.reason()).contains("GET /runs/42: state changed after the WS attempt"));
  }

  @Test
  void aMitigatedFindingBesideAnUnmitigatedOneBlocksOnlyOnTheUnmitigated() throws IOException {
    Outcome out = GateRun.into(reports.resolve("r")).with("invariant.harness.mitigations", mitigation().toString())
        .run(FindingSamples.MitigatedBesideUnmitigated.class);

    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blockers()).extracting(Blocker::invariant).containsExactly("INV-03");
    CheckResult row = out.report().results().get(0);
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.outcomes()).containsEntry("INV-07", CheckStatus.MITIGATED).containsEntry("INV-03", CheckStatus.FAILED);
    assertThat(out.report().decision().warnings()).anySatisfy(w -> assertThat(w).startsWith("INV-07 failure of khala-live is mitigated"));
  }

  @Test
  void aMitigatedFindingNoLongerBlocksOnTheOtherInvariantTheTestVerifies() throws IOException {
    Outcome out = GateRun.into(reports.resolve("r")).with("invariant.harness.mitigations", mitigation().toString())
        .run(FindingSamples.OnlyMitigatedFinding.class);

    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    CheckResult row = out.report().results().get(0);
    assertThat(row.status()).isEqualTo(CheckStatus.MITIGATED);
    assertThat(row.outcomes()).containsEntry("INV-07", CheckStatus.MITIGATED).containsEntry("INV-03", CheckStatus.PASSED);
  }

  @Test
  void aFailureWithoutFindingsIsBlamedOnEveryVerifiedInvariant() {
    Outcome out = GateRun.into(reports).run(FindingSamples.PlainFailure.class);

    assertThat(out.report().results().get(0).findings()).isEmpty();
    assertThat(out.report().decision().blockers()).extracting(Blocker::invariant).containsExactly("INV-02", "INV-06");
  }

  @Test
  void classLevelNotApplicableDeclarationsAreNeverBlamed() {
    Outcome out = GateRun.into(reports).run(FindingSamples.ClassLevelNotApplicable.class);

    assertThat(out.report().decision().blockers()).extracting(Blocker::invariant).containsExactly("INV-07");
    assertThat(out.report().results().get(0).outcomes())
        .containsEntry("INV-07", CheckStatus.FAILED)
        .containsEntry("INV-11", CheckStatus.NOT_APPLICABLE)
        .containsEntry("INV-12", CheckStatus.NOT_APPLICABLE);
  }

  @Test
  void aViolationInsideAssertjSoftAssertionsIsFoundAndThePlainPartBlamesEveryVerifiedInvariant() {
    Outcome out = GateRun.into(reports).run(FindingSamples.ViolationInsideAssertjSoftAssertions.class);

    CheckResult row = out.report().results().get(0);
    assertThat(row.findings()).extracting(f -> f.invariant()).containsExactly("INV-03", "");
    assertThat(out.report().decision().blockers()).extracting(Blocker::invariant).containsExactlyInAnyOrder("INV-03", "INV-02");
  }

  @Test
  void anAssertionsDescriptionSurvivesAndTheFindingsStillReachTheRow() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(FindingSamples.DescribedAssertion.class))
        .configurationParameter("invariant.harness.report.enabled", "false")
        .execute().testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
            instanceOf(InvariantViolation.class),
            message(m -> m.startsWith("[staging] INV-05 violated: 1 finding(s)")))));

    Outcome out = GateRun.into(reports).run(FindingSamples.DescribedAssertion.class);
    assertThat(out.report().results().get(0).findings()).singleElement()
        .satisfies(f -> assertThat(f.location()).isEqualTo("POST /internal/v1/runs"));
  }

  @Test
  void findingsAndOutcomesAreInTheJsonAndTheHtmlMatrix() {
    Outcome out = GateRun.into(reports).run(FindingSamples.TwoInvariantsOneViolated.class);

    assertThat(out.file("summary.json")).contains("\"outcomes\": {").contains("\"INV-06\": \"failed\"")
        .contains("\"findings\": [").contains("\"location\": \"GET /runs/42\"");
    assertThat(out.file("index.html")).contains("INV-02 passed").contains("state changed after the WS attempt");
  }

  private Path mitigation() throws IOException {
    Files.createDirectories(reports);
    return Files.writeString(reports.resolve("m.yaml"), """
        mitigations:
          - invariant: INV-07
            check: khala-live
            owner: "@khala-owner"
            followUp: https://tracker.example.test/OA-RUST-143
            reason: compatibility lane resends the watermark frame; fix in flight
            expires: 2999-01-01
        """);
  }
}
