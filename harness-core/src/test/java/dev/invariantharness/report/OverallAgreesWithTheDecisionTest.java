package dev.invariantharness.report;

import static dev.invariantharness.report.JudgedReports.judge;
import static dev.invariantharness.report.JudgedReports.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.report.internal.ReportFacts;
import dev.invariantharness.report.internal.SummaryMarkdown;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The script's "Overall" bullet never says passed on a NO-GO, whatever caused it: a failed or
 * skipped required check, an unmapped test, or an uncovered invariant when coverage is required.
 */
class OverallAgreesWithTheDecisionTest {

  private final SummaryMarkdown view = new SummaryMarkdown();

  private static final String[] ALL_COVERED = {"INV-01", "INV-02", "INV-07", "INV-09", "INV-11", "INV-12"};

  @Test
  void aNoGoCausedByAnUnmappedTestIsOverallFailed() {
    GateReport report = judge(row("A.passes", true, CheckStatus.PASSED, "control", "INV-01"),
        row("A.helper", true, CheckStatus.UNMAPPED, "control"));

    assertThat(report.requiredWith(CheckStatus.FAILED)).isZero();
    assertThat(view.render(report)).contains("- Overall: failed — NO-GO (merge blocked: 1 blocker(s))\n")
        .contains("- Required failures: 0\n");
  }

  @Test
  void aNoGoCausedByACoverageBlockerIsOverallFailed() {
    GateReport report = JudgedReports.judge(GateMode.GATING, true,
        List.of(row("A.passes", true, CheckStatus.PASSED, "control", "INV-01")));

    assertThat(report.decision().blockers()).isNotEmpty().allSatisfy(b -> assertThat(b.checkId()).isEqualTo("(coverage)"));
    assertThat(view.render(report)).contains("- Overall: failed — NO-GO (merge blocked: ");
  }

  @Test
  void aRequiredFailureOrSkipIsOverallFailed() {
    assertThat(ReportFacts.overall(judge(row("A.f", true, CheckStatus.FAILED, "c", "INV-01")))).isEqualTo("failed");
    assertThat(ReportFacts.overall(judge(row("A.s", true, CheckStatus.SKIPPED, "c", "INV-01")))).isEqualTo("failed");
  }

  @Test
  void baselineNoGoIsOverallFailedToo() {
    GateReport report = JudgedReports.judge(GateMode.BASELINE, false,
        List.of(row("A.f", true, CheckStatus.FAILED, "c", "INV-02")));

    assertThat(view.render(report)).contains("- Overall: failed — NO-GO");
  }

  @Test
  void goWithOnlyWarningsIsOverallPassed() {
    GateReport report = JudgedReports.judge(GateMode.GATING, true, List.of(
        row("A.passes", true, CheckStatus.PASSED, "c", ALL_COVERED),
        row("A.optional", false, CheckStatus.FAILED, "c", "INV-01"),
        row("Replay.resume", true, CheckStatus.FAILED, "k", "INV-07")));

    assertThat(report.decision().blockers()).isEmpty();
    assertThat(view.render(report)).contains("- Overall: passed — GO with ");
  }

  @Test
  void withoutADecisionTheScriptsRuleAlone() {
    GateReport judged = judge(row("A.f", true, CheckStatus.FAILED, "c", "INV-01"));
    GateReport undecidedFailure = new GateReport(1, "r", null, Map.of(), judged.results(), null, List.of(), List.of(), List.of());
    GateReport undecidedPass = new GateReport(1, "r", null, Map.of(),
        List.of(row("A.p", true, CheckStatus.PASSED, "c", "INV-01"), row("A.o", false, CheckStatus.FAILED, "c", "INV-01")),
        null, List.of(), List.of(), List.of());

    assertThat(ReportFacts.overall(undecidedFailure)).isEqualTo("failed");
    assertThat(ReportFacts.overall(undecidedPass)).isEqualTo("passed");
  }
}
