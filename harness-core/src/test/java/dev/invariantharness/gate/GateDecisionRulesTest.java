package dev.invariantharness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.catalogue.EscalationClass;
import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.finding.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the gate turns rows into one decision: scope, advisory invariants, outcomes, blame. */
class GateDecisionRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  /** The default catalogue plus an advisory invariant. */
  static final InvariantCatalogue WITH_ADVISORY = catalogueWith(
      new Invariant("INV-90", "Prefer small PRs", "", EscalationClass.ADVISORY, "", List.of(), null, List.of()));

  static InvariantCatalogue catalogueWith(Invariant extra) {
    List<Invariant> all = new ArrayList<>(InvariantCatalogue.defaults().all());
    all.add(extra);
    return InvariantCatalogue.of(all);
  }

  static GateEvaluation judge(CheckResult... rows) {
    return new GatePolicy(WITH_ADVISORY, MitigationFile.none(), GateMode.GATING, TODAY, false).evaluate(List.of(rows));
  }

  static CheckResult row(String id, CheckStatus status, String... invariants) {
    return new CheckResult(id, true, status, id, "lane", List.of(invariants), 1,
        status == CheckStatus.PASSED ? "" : "boom\nsecond line", "", List.of(), null);
  }

  static CheckResult withFindings(String id, List<String> invariants, Finding... findings) {
    return new CheckResult(id, true, CheckStatus.FAILED, id, "lane", invariants, List.of(), 1, "boom", "", List.of(),
        List.of(findings), Map.of(), null);
  }

  @Test
  void aMergeBlockerFollowedByAReleaseBlockerStillBlocksMerge() {
    GateEvaluation e = judge(row("Ws.noCommands", CheckStatus.FAILED, "INV-02"), row("Deploy.migrates", CheckStatus.FAILED, "INV-09"));

    assertThat(e.decision().blockers()).extracting(Blocker::scope)
        .containsExactly(BlockedScope.MERGE, BlockedScope.RELEASE_PROMOTION);
    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.MERGE);
    assertThat(e.decision().headline()).isEqualTo("NO-GO (merge blocked: 2 blocker(s))");
  }

  @Test
  void onlyReleaseBlockersBlockReleasePromotion() {
    GateEvaluation e = judge(row("Deploy.migrates", CheckStatus.FAILED, "INV-09"), row("Legacy.removed", CheckStatus.FAILED, "INV-10"));

    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.RELEASE_PROMOTION);
    assertThat(e.decision().blockers()).extracting(Blocker::escalation)
        .containsOnly(EscalationClass.BLOCK_RELEASE_PROMOTION);
  }

  @Test
  void scopeMaxIsTheWiderOfTwoWhateverTheOrder() {
    for (BlockedScope a : BlockedScope.values()) {
      for (BlockedScope b : BlockedScope.values()) {
        BlockedScope wider = a.ordinal() >= b.ordinal() ? a : b;
        assertThat(a.max(b)).isEqualTo(wider);
        assertThat(b.max(a)).isEqualTo(wider);
      }
    }
    assertThat(BlockedScope.RELEASE_PROMOTION.max(BlockedScope.MERGE)).isEqualTo(BlockedScope.MERGE);
    assertThat(BlockedScope.MERGE.max(BlockedScope.RELEASE_PROMOTION)).isEqualTo(BlockedScope.MERGE);
  }

  @Test
  void wordsOfTheDecisionAreTheReportsWords() {
    assertThat(BlockedScope.values()).extracting(BlockedScope::toString)
        .containsExactly("nothing", "release promotion", "merge");
    assertThat(Verdict.values()).extracting(Verdict::toString).containsExactly("GO", "NO-GO");
    assertThat(Verdict.NO_GO.label()).isEqualTo("NO-GO");
    assertThat(GateMode.GATING.flag()).isEqualTo("1");
    assertThat(GateMode.BASELINE.flag()).isEqualTo("0");
  }

  @Test
  void aFailingCheckOfAnAdvisoryInvariantIsAWarningAndBlocksNothing() {
    GateEvaluation e = judge(row("Style.smallPrs", CheckStatus.FAILED, "INV-90"));

    assertThat(e.decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(e.decision().blocked()).isEqualTo(BlockedScope.NOTHING);
    assertThat(e.decision().blockers()).isEmpty();
    assertThat(e.decision().warnings()).contains("advisory INV-90 violated by Style.smallPrs: boom");
    assertThat(e.results()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
      assertThat(r.outcomes()).containsExactly(Map.entry("INV-90", CheckStatus.FAILED));
    });
  }

  @Test
  void anAdvisoryInvariantBesideABlockingOneLetsTheBlockingOneBlock() {
    GateEvaluation e = judge(row("Mixed.check", CheckStatus.FAILED, "INV-90", "INV-02"));

    assertThat(e.decision().blockers()).singleElement().satisfies(b -> assertThat(b.invariant()).isEqualTo("INV-02"));
    assertThat(e.decision().warnings()).anySatisfy(w -> assertThat(w).startsWith("advisory INV-90 violated by Mixed.check"));
  }

  @Test
  void aFailureOfAnInvariantTheCatalogueDoesNotKnowBlocksMergeAndSaysSo() {
    GateEvaluation e = judge(row("Odd.check", CheckStatus.FAILED, "INV-99"));

    assertThat(e.decision().blockers()).singleElement().satisfies(b -> {
      assertThat(b.escalation()).isEqualTo(EscalationClass.BLOCK_MERGE);
      assertThat(b.scope()).isEqualTo(BlockedScope.MERGE);
      assertThat(b.reason()).isEqualTo("boom (invariant INV-99 is not in the catalogue; judged block-merge)");
    });
  }

  @Test
  void aFailedRequiredCheckWithOnlyNotApplicableMappingsBlocksWithoutAnInvariant() {
    CheckResult naOnly = new CheckResult("Na.fails", true, CheckStatus.FAILED, "", "lane", List.of("INV-11"),
        List.of("INV-11"), 1, "boom", "", List.of(), List.of(), Map.of(), null);

    GateEvaluation e = judge(naOnly);

    assertThat(e.decision().blockers()).singleElement().satisfies(b -> {
      assertThat(b.invariant()).isEmpty();
      assertThat(b.reason()).isEqualTo("boom");
    });
    assertThat(e.results().get(0).outcomes()).containsExactly(Map.entry("INV-11", CheckStatus.NOT_APPLICABLE));
  }

  @Test
  void blockerReasonQuotesTheFirstFindingOfItsInvariant() {
    GateEvaluation e = judge(withFindings("Ws.both", List.of("INV-02", "INV-06"),
        new Finding("INV-06", "/ws", "changed state\nframe 3"), new Finding("INV-06", "/ws/2", "again")));

    assertThat(e.decision().blockers()).singleElement().satisfies(b -> {
      assertThat(b.invariant()).isEqualTo("INV-06");
      assertThat(b.reason()).isEqualTo("INV-06 violated: 2 finding(s), first: /ws: changed state");
    });
    assertThat(e.results().get(0).outcomes())
        .containsExactly(Map.entry("INV-02", CheckStatus.PASSED), Map.entry("INV-06", CheckStatus.FAILED));
  }

  @Test
  void aFindingOfAnInvariantTheRowDoesNotMapIsBlamedToo() {
    GateEvaluation e = judge(withFindings("Ws.found", List.of("INV-02"), new Finding("INV-06", "/ws", "changed state")));

    assertThat(e.decision().blockers()).extracting(Blocker::invariant).containsExactly("INV-06");
    assertThat(e.results().get(0).outcomes())
        .containsExactly(Map.entry("INV-02", CheckStatus.PASSED), Map.entry("INV-06", CheckStatus.FAILED));
  }

  @Test
  void anUnattributedFindingBlamesEveryVerifiedInvariantButNeverAnNotApplicableOne() {
    CheckResult r = new CheckResult("Mixed.check", true, CheckStatus.FAILED, "", "lane", List.of("INV-02", "INV-06", "INV-11"),
        List.of("INV-11"), 1, "boom", "", List.of(),
        List.of(new Finding("INV-06", "/ws", "x"), new Finding("", "", "plain assertion")), Map.of(), null);

    assertThat(GatePolicy.blamed(r)).containsExactly("INV-06", "INV-02");
    assertThat(judge(r).results().get(0).outcomes()).containsExactly(Map.entry("INV-02", CheckStatus.FAILED),
        Map.entry("INV-06", CheckStatus.FAILED), Map.entry("INV-11", CheckStatus.NOT_APPLICABLE));
  }

  @Test
  void aSkippedRowIsBlamedOnEveryVerifiedInvariantAndPassedRowsOnNone() {
    CheckResult skipped = new CheckResult("S.s", true, CheckStatus.SKIPPED, "", "lane", List.of("INV-01", "INV-11"),
        List.of("INV-11"), 0, "no target", "", List.of(), List.of(new Finding("INV-02", "", "stale")), Map.of(), null);

    assertThat(GatePolicy.blamed(skipped)).containsExactly("INV-02", "INV-01");
    GateEvaluation e = judge(skipped, row("P.p", CheckStatus.PASSED, "INV-03"));
    assertThat(e.results().get(0).outcomes()).containsEntry("INV-01", CheckStatus.SKIPPED)
        .containsEntry("INV-11", CheckStatus.NOT_APPLICABLE);
    assertThat(e.results().get(1).outcomes()).containsExactly(Map.entry("INV-03", CheckStatus.PASSED));
  }

  @Test
  void notApplicableRowsOutcomesAreAllNotApplicable() {
    CheckResult na = new CheckResult("A.ios", false, CheckStatus.NOT_APPLICABLE, "", "x", List.of("INV-11"), 0, "no iOS", "",
        List.of(), null);

    assertThat(judge(na).results().get(0).outcomes()).containsExactly(Map.entry("INV-11", CheckStatus.NOT_APPLICABLE));
  }

  @Test
  void optionalFailureWarnsWithTheFirstLineAndItsOutcomeIsFailed() {
    CheckResult optional = new CheckResult("Opt.a", false, CheckStatus.FAILED, "", "x", List.of("INV-03"), 0,
        "first\nsecond", "", List.of(), null);

    GateEvaluation e = judge(optional);

    assertThat(e.decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(e.decision().warnings()).contains("optional check Opt.a failed: first");
    assertThat(e.results().get(0).outcomes()).containsExactly(Map.entry("INV-03", CheckStatus.FAILED));
  }

  @Test
  void optionalSkipIsNotAWarning() {
    CheckResult skipped = new CheckResult("Opt.b", false, CheckStatus.SKIPPED, "", "x", List.of("INV-03"), 0, "no token", "",
        List.of(), null);

    GateEvaluation e = judge(skipped);

    assertThat(e.decision().warnings()).noneMatch(w -> w.contains("Opt.b"));
    assertThat(e.results().get(0).outcomes()).containsExactly(Map.entry("INV-03", CheckStatus.SKIPPED));
  }

  @Test
  void unmappedRowsDoNotCoverAnInvariant() {
    CheckResult unmapped = new CheckResult("U.u", true, CheckStatus.UNMAPPED, "", "x", List.of("INV-01"), 0, "", "",
        List.of(), null);

    GateEvaluation e = judge(unmapped);

    assertThat(e.coverageGaps()).contains("INV-01");
    assertThat(e.results()).containsExactly(unmapped);
  }

  @Test
  void coverageBlockerCarriesTheInvariantsEscalationAndBlocksMerge() {
    GatePolicy strict = new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.none(), GateMode.GATING, TODAY, true);
    List<CheckResult> rows = new ArrayList<>();
    for (String id : InvariantCatalogue.defaults().ids()) {
      if (!id.equals("INV-09")) {
        rows.add(row("All." + id, CheckStatus.PASSED, id));
      }
    }

    GateEvaluation e = strict.evaluate(rows);

    assertThat(e.decision().blockers()).singleElement().isEqualTo(new Blocker("(coverage)", "INV-09",
        EscalationClass.BLOCK_RELEASE_PROMOTION, BlockedScope.MERGE,
        "INV-09 (Migration discipline) is covered by no check and declared N/A by none"));
    assertThat(e.decision().warnings()).noneMatch(w -> w.startsWith("coverage gap"));
  }

  @Test
  void goHeadlineCountsWarnings() {
    assertThat(judge(row("A.a", CheckStatus.PASSED, "INV-01")).decision().headline())
        .isEqualTo("GO with " + (InvariantCatalogue.defaults().ids().size()) + " warning(s)");
    assertThat(new GateDecision(Verdict.GO, BlockedScope.NOTHING, GateMode.GATING, List.of(), List.of(), List.of()).headline())
        .isEqualTo("GO");
  }

  @ParameterizedTest
  @EnumSource(GateMode.class)
  void onlyANoGoInGatingModeFailsTheBuild(GateMode mode) {
    GateDecision noGo = new GateDecision(Verdict.NO_GO, BlockedScope.MERGE, mode, List.of(), List.of(), List.of());
    GateDecision go = new GateDecision(Verdict.GO, BlockedScope.NOTHING, mode, List.of(), List.of(), List.of());

    assertThat(noGo.failsBuild()).isEqualTo(mode == GateMode.GATING);
    assertThat(go.failsBuild()).isFalse();
  }

  @Test
  void statusLabelsParseBackAndAnUnknownLabelIsNamed() {
    for (CheckStatus s : CheckStatus.values()) {
      assertThat(CheckStatus.fromLabel(s.label())).isEqualTo(s);
      assertThat(s.toString()).isEqualTo(s.label());
    }
    assertThatThrownBy(() -> CheckStatus.fromLabel("PASSED")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown check status 'PASSED'");
  }

  @Test
  void escalationClassesParseByIdOrNameAndRankBySeverity() {
    assertThat(EscalationClass.fromId("Block-Merge")).isEqualTo(EscalationClass.BLOCK_MERGE);
    assertThat(EscalationClass.fromId("block_release_promotion")).isEqualTo(EscalationClass.BLOCK_RELEASE_PROMOTION);
    assertThat(EscalationClass.ADVISORY.toString()).isEqualTo("advisory");
    assertThatThrownBy(() -> EscalationClass.fromId("blocker")).hasMessage("unknown escalation class 'blocker', "
        + "expected one of block-merge, block-merge-unless-mitigated, block-release-promotion, advisory");
    assertThat(EscalationClass.values()).extracting(EscalationClass::severity).containsExactly(3, 2, 1, 0);
    assertThat(EscalationClass.values()).extracting(EscalationClass::blocksMerge).containsExactly(true, true, false, false);
    assertThat(EscalationClass.values()).extracting(EscalationClass::mitigable).containsExactly(false, true, false, false);
  }

  @Test
  void policyRefusesMissingParts() {
    assertThatThrownBy(() -> new GatePolicy(null, MitigationFile.none(), GateMode.GATING, TODAY, false)).hasMessage("catalogue");
    assertThatThrownBy(() -> new GatePolicy(WITH_ADVISORY, null, GateMode.GATING, TODAY, false)).hasMessage("mitigations");
    assertThatThrownBy(() -> new GatePolicy(WITH_ADVISORY, MitigationFile.none(), null, TODAY, false)).hasMessage("mode");
    assertThatThrownBy(() -> new GatePolicy(WITH_ADVISORY, MitigationFile.none(), GateMode.GATING, null, false)).hasMessage("today");
  }
}
