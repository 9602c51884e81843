package dev.invariantharness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.EscalationClass;
import dev.invariantharness.catalogue.InvariantCatalogue;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatePolicyTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final String VALID_INV07 = """
      mitigations:
        - invariant: INV-07
          check: Replay.resume
          owner: "@runtime-oncall"
          followUp: https://tracker.example.test/OA-RUST-143
          reason: off-by-one on the compatibility lane, fix in flight
          expires: 2026-12-31
      """;

  @Test
  void allPassedIsGo() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(row("A.a", CheckStatus.PASSED, "INV-01")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.NOTHING);
    assertThat(e.decision().failsBuild()).isFalse();
  }

  @Test
  void failedBlockMergeInvariantBlocksMerge() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(row("Ws.noCommands", CheckStatus.FAILED, "INV-02")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.MERGE);
    assertThat(e.decision().blockers()).singleElement().satisfies(b -> {
      assertThat(b.invariant()).isEqualTo("INV-02");
      assertThat(b.escalation()).isEqualTo(EscalationClass.BLOCK_MERGE);
      assertThat(b.reason()).isEqualTo("boom");
    });
    assertThat(e.decision().failsBuild()).isTrue();
  }

  @Test
  void failedReleaseInvariantBlocksOnlyReleasePromotion() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(row("Deploy.migrates", CheckStatus.FAILED, "INV-09")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.RELEASE_PROMOTION);
  }

  @Test
  void mergeBlockOutranksReleaseBlock() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(
        row("Deploy.migrates", CheckStatus.FAILED, "INV-09"), row("Ws.noCommands", CheckStatus.FAILED, "INV-06")));
    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.MERGE);
    assertThat(e.decision().blockers()).hasSize(2);
  }

  @Test
  void unmitigatedInv07BlocksMerge() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(row("Replay.resume", CheckStatus.FAILED, "INV-07")));
    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.MERGE);
    assertThat(e.decision().blockers().get(0).reason()).contains("no accepted mitigation");
  }

  @Test
  void approvedMitigationTurnsInv07FailureIntoWarning() {
    GateEvaluation e = policy(MitigationFile.parse(VALID_INV07, "m.yaml")).evaluate(List.of(row("Replay.resume", CheckStatus.FAILED, "INV-07")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(e.results()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(CheckStatus.MITIGATED);
      assertThat(r.mitigation().owner()).isEqualTo("@runtime-oncall");
    });
    assertThat(e.mitigationsInForce()).hasSize(1);
    assertThat(e.decision().warnings()).anySatisfy(w -> assertThat(w).contains("mitigated until 2026-12-31").contains("OA-RUST-143"));
  }

  @Test
  void expiredMitigationIsRejectedAndTheFailureBlocks() {
    MitigationFile file = MitigationFile.parse(VALID_INV07.replace("2026-12-31", "2026-11-21"), "m.yaml");
    GateEvaluation e = policy(file).evaluate(List.of(row("Replay.resume", CheckStatus.FAILED, "INV-07")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().rejectedMitigations()).singleElement().asString()
        .isEqualTo("m.yaml:2: mitigation for INV-07 on check Replay.resume rejected: expired on 2026-11-21 (today is 2026-11-22)");
    assertThat(e.results().get(0).status()).isEqualTo(CheckStatus.FAILED);
  }

  @Test
  void mitigationExpiringTodayStillHolds() {
    MitigationFile file = MitigationFile.parse(VALID_INV07.replace("2026-12-31", "2026-11-22"), "m.yaml");
    assertThat(policy(file).evaluate(List.of(row("Replay.resume", CheckStatus.FAILED, "INV-07"))).decision().verdict()).isEqualTo(Verdict.GO);
  }

  @Test
  void incompleteMitigationIsRejectedNamingTheMissingFields() {
    MitigationFile file = MitigationFile.parse("""
        mitigations:
          - invariant: INV-07
            check: Replay.resume
            reason: trust me
            expires: 2026-12-31
        """, "m.yaml");
    GateEvaluation e = policy(file).evaluate(List.of(row("Replay.resume", CheckStatus.FAILED, "INV-07")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().rejectedMitigations()).singleElement().asString()
        .contains("m.yaml:2").contains("missing 'owner'").contains("missing 'followUp'");
  }

  @Test
  void mitigationOfABlockMergeInvariantIsRejected() {
    MitigationFile file = MitigationFile.parse(VALID_INV07.replace("INV-07", "INV-02"), "m.yaml");
    GateEvaluation e = policy(file).evaluate(List.of(row("Replay.resume", CheckStatus.FAILED, "INV-02")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().rejectedMitigations()).singleElement().asString()
        .contains("INV-02 is block-merge, which no mitigation can waive");
  }

  @Test
  void mitigationForAnotherCheckDoesNotApply() {
    GateEvaluation e = policy(MitigationFile.parse(VALID_INV07, "m.yaml")).evaluate(List.of(row("Replay.other", CheckStatus.FAILED, "INV-07")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().warnings()).anySatisfy(w -> assertThat(w).contains("is not needed by this run"));
  }

  @Test
  void mitigatingOneInvariantDoesNotWaiveAnotherOnTheSameCheck() {
    GateEvaluation e = policy(MitigationFile.parse(VALID_INV07, "m.yaml"))
        .evaluate(List.of(row("Replay.resume", CheckStatus.FAILED, "INV-07", "INV-06")));
    assertThat(e.decision().blockers()).singleElement().satisfies(b -> assertThat(b.invariant()).isEqualTo("INV-06"));
    assertThat(e.results().get(0).status()).isEqualTo(CheckStatus.FAILED);
  }

  @Test
  void skippedRequiredCheckBlocksLikeAFailure() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(
        new CheckResult("Khala.replay", true, CheckStatus.SKIPPED, "", "khala", List.of("INV-03"), 0, "no target configured", "", List.of(), null)));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().blockers().get(0).reason()).contains("required check was skipped (no target configured)")
        .contains("cannot be skipped in gating mode");
  }

  @Test
  void optionalFailureAndSkipAreWarningsOnly() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(
        new CheckResult("Opt.a", false, CheckStatus.FAILED, "", "x", List.of("INV-03"), 0, "nope", "", List.of(), null),
        new CheckResult("Opt.b", false, CheckStatus.SKIPPED, "", "x", List.of("INV-03"), 0, "no token", "", List.of(), null)));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(e.decision().warnings()).anySatisfy(w -> assertThat(w).startsWith("optional check Opt.a failed: nope"));
  }

  @Test
  void unmappedTestBlocksMerge() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(
        new CheckResult("Suite.helper", true, CheckStatus.UNMAPPED, "", "x", List.of(), 0, "", "", List.of(), null)));
    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.MERGE);
    assertThat(e.decision().blockers().get(0).reason()).contains("require an explicit INV mapping");
  }

  @Test
  void notApplicableCountsAsCoverageAndUncoveredInvariantsAreWarnedAbout() {
    GateEvaluation e = policy(MitigationFile.none()).evaluate(List.of(
        row("A.a", CheckStatus.PASSED, "INV-01"),
        new CheckResult("A.ios", false, CheckStatus.NOT_APPLICABLE, "", "x", List.of("INV-11"), 0, "INV-11: no iOS", "", List.of(), null)));
    assertThat(e.coverageGaps()).doesNotContain("INV-01", "INV-11").contains("INV-02", "INV-12");
    assertThat(e.decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(e.decision().warnings()).anySatisfy(w -> assertThat(w).startsWith("coverage gap: INV-02 (HTTP-only authority mutations)"));
  }

  @Test
  void requiredCoverageTurnsGapsIntoBlockers() {
    GatePolicy strict = new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.none(), GateMode.GATING, TODAY, true);
    GateEvaluation e = strict.evaluate(List.of(row("A.a", CheckStatus.PASSED, "INV-01")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().blockers()).hasSize(11);
  }

  @Test
  void baselineModeDecidesTheSameButNeverFailsTheBuild() {
    GatePolicy baseline = new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.none(), GateMode.BASELINE, TODAY, false);
    GateEvaluation e = baseline.evaluate(List.of(row("Ws.noCommands", CheckStatus.FAILED, "INV-02")));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().failsBuild()).isFalse();
    assertThat(e.decision().warnings()).anySatisfy(w -> assertThat(w).contains("baseline mode (FAIL_ON_REQUIRED_FAILURE=0)"));
  }

  @Test
  void reJudgingAMitigatedRowReappliesTheMitigation() {
    CheckResult mitigated = row("Replay.resume", CheckStatus.MITIGATED, "INV-07");
    assertThat(policy(MitigationFile.none()).evaluate(List.of(mitigated)).decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(policy(MitigationFile.parse(VALID_INV07, "m.yaml")).evaluate(List.of(mitigated)).results().get(0).status())
        .isEqualTo(CheckStatus.MITIGATED);
  }

  @Test
  void malformedMitigationFileFailsFastWithFileAndLine() {
    assertThatThrownBy(() -> MitigationFile.parse("mitigations:\n  - invariant: INV-07\n    check: [unclosed\n", "invariant-mitigations.yaml"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith("invariant-mitigations.yaml:")
        .hasMessageContaining("malformed");
  }

  @Test
  void mitigationWithUnknownFieldIsRejectedAtItsLine() {
    assertThatThrownBy(() -> MitigationFile.parse("mitigations:\n  - invariant: INV-07\n    expiry: 2026-12-31\n", "m.yaml"))
        .hasMessage("m.yaml:2: mitigation entry has unknown field 'expiry'; known fields: " + mitigationFieldsInMessage());
  }

  private static String mitigationFieldsInMessage() {
    try {
      MitigationFile.parse("mitigations:\n  - bogus: 1\n", "x");
    } catch (HarnessInputException e) {
      return e.getMessage().substring(e.getMessage().indexOf("known fields: ") + "known fields: ".length());
    }
    throw new AssertionError("unreachable");
  }

  private static GatePolicy policy(MitigationFile file) {
    return new GatePolicy(InvariantCatalogue.defaults(), file, GateMode.GATING, TODAY, false);
  }

  private static CheckResult row(String id, CheckStatus status, String... invariants) {
    return new CheckResult(id, true, status, id, "lane", List.of(invariants), 1, status == CheckStatus.PASSED ? "" : "boom", "", List.of(), null);
  }
}
