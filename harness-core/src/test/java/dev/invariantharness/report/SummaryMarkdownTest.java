package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.report.internal.SummaryMarkdown;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SummaryMarkdownTest {

  private final SummaryMarkdown view = new SummaryMarkdown();

  /** The text of one {@code ## } section, up to the next one. */
  private static String section(String md, String heading) {
    int start = md.indexOf("\n## " + heading + "\n");
    assertThat(start).as("section %s", heading).isNotNegative();
    int end = md.indexOf("\n## ", start + 1);
    return md.substring(start, end < 0 ? md.length() : end);
  }

  @Test
  void keepsTheScriptsTitleBulletsInTheScriptsOrder() {
    String md = view.render(SampleReports.full());

    assertThat(view.fileName()).isEqualTo("SUMMARY.md");
    assertThat(md).startsWith("# Invariant Validation Matrix\n\n"
        + "- Timestamp (UTC): 20261122T223614Z\n"
        + "- Overall: failed — NO-GO (merge blocked: 3 blocker(s))\n"
        + "- Total checks: 8\n"
        + "- Passed: 1\n"
        + "- Required failures: 1\n"
        + "- Optional failures: 1\n"
        + "- Required skipped: 1\n"
        + "- Optional skipped: 1\n"
        + "- Decision: NO-GO\n"
        + "- Blocked: merge\n"
        + "- Mode: gating (FAIL_ON_REQUIRED_FAILURE=1)\n");
  }

  @Test
  void hasEverySectionInOrder() {
    String md = view.render(SampleReports.full());

    assertThat(md).containsSubsequence("\n## Environment\n", "\n## Decision\n",
        "\n## Counts per lane\n", "\n## Check Results\n", "\n## Failed required checks\n",
        "\n## Mitigations\n", "\n## Not applicable\n", "\n## Unmapped tests\n",
        "\n## Coverage gaps\n", "\n## Commands\n");
  }

  @Test
  void emptySectionsStayAndSayNone() {
    String md = view.render(SampleReports.report(SampleReports.go(GateMode.GATING), List.of(
        SampleReports.row("A.passes", CheckStatus.PASSED, "control", "INV-01"))));

    assertThat(section(md, "Failed required checks")).contains("None.");
    assertThat(section(md, "Not applicable")).contains("None.");
    assertThat(section(md, "Unmapped tests")).contains("None.");
    assertThat(section(md, "Decision")).contains("### Blockers\n\nNone.");
  }

  @ParameterizedTest
  @EnumSource(BlockedScope.class)
  void blockedBulletNamesTheScope(BlockedScope scope) {
    GateReport report = scope == BlockedScope.NOTHING
        ? SampleReports.report(SampleReports.go(GateMode.GATING), SampleReports.results())
        : SampleReports.report(SampleReports.noGo(scope, GateMode.GATING), SampleReports.results());

    String md = view.render(report);

    assertThat(md).contains("\n- Blocked: " + scope.label() + "\n");
    assertThat(md).contains("\n- Decision: "
        + (scope == BlockedScope.NOTHING ? "GO" : "NO-GO") + "\n");
  }

  @Test
  void overallPassesOnlyWhenTheGateSaysGoAndNoRequiredCheckFailedOrSkipped() {
    CheckResult ok = SampleReports.row("A.ok", CheckStatus.PASSED, "control", "INV-01");
    CheckResult optionalFail = new CheckResult("B.optional", false, CheckStatus.FAILED, "",
        "control", List.of("INV-11"), 1, "flaky", "", List.of(), null);

    assertThat(view.render(SampleReports.ofRows(ok, optionalFail)))
        .contains("\n- Overall: passed — GO with 1 warning(s)\n");
    assertThat(view.render(SampleReports.full())).contains("\n- Overall: failed — ");
  }

  @Test
  void baselineModeNamesTheFlagValue() {
    GateReport report = SampleReports.report(
        SampleReports.noGo(BlockedScope.MERGE, GateMode.BASELINE), SampleReports.results());

    assertThat(view.render(report)).contains("\n- Mode: baseline (FAIL_ON_REQUIRED_FAILURE=0)\n");
  }

  @Test
  void environmentIsListedAsTheScriptDidInKeyOrder() {
    assertThat(section(view.render(SampleReports.full()), "Environment")).contains(
        "- FAIL_ON_REQUIRED_FAILURE=1\n- GCP_PROJECT=sample-project\n"
            + "- STAGING_CONTROL_BASE_URL=staging.example\n");
  }

  @Test
  void decisionListsBlockersAsReviewerSentencesWithWarningsAndRejectedMitigations() {
    String decision = section(view.render(SampleReports.full()), "Decision");

    assertThat(decision)
        .contains("**NO-GO (merge blocked: 3 blocker(s))**")
        .contains("- `ControlGates.mutationsAreHttpOnly` blocks merge: INV-02 (block-merge) — "
            + "INV-02 violated: 1 finding(s) — commands are HTTP only\n")
        .contains("  /ws/commands: accepted a command frame\n")
        .contains("- `RuntimeGates.migrationDrift` blocks release promotion: INV-09 "
            + "(block-release-promotion) — required check skipped: gcloud not installed\n")
        .contains("- `KhalaGates.helperWithoutMapping` blocks merge: no invariant mapping — "
            + "test maps to no invariant\n")
        .contains("### Warnings\n\n- INV-07 failure mitigated until 2026-12-31")
        .contains("### Rejected mitigations\n\n- invariant-mitigations.yaml: INV-02 is not "
            + "mitigable (block-merge)\n");
  }

  @Test
  void countsPerLaneTableHasEveryStatusAndATotal() {
    String lanes = section(view.render(SampleReports.full()), "Counts per lane");

    assertThat(lanes)
        .contains("| Lane | passed | failed | skipped | n/a | mitigated | unmapped | total |\n")
        .contains("| control | 1 | 1 | 0 | 0 | 0 | 0 | 2 |\n")
        .contains("| surface | 0 | 1 | 1 | 1 | 0 | 0 | 3 |\n");
  }

  @Test
  void checkResultsTableKeepsTheScriptsColumnsThenAddsLaneInvariantsAndHarnessStatus() {
    String results = section(view.render(SampleReports.full()), "Check Results");

    assertThat(results)
        .contains("| Check | Required | Status | Description | Log | Lane | Invariants | Harness status |\n"
            + "| --- | --- | --- | --- | --- | --- | --- | --- |\n")
        .contains("| ControlGates.healthIsReady | required | passed | staging control health/ready "
            + "endpoints | evidence/ControlGates-healthIsReady/001-get-readyz.http.txt | control | INV-01 | passed |\n")
        .contains("| SurfaceGates.crossSurfaceParity | optional | failed | web/desktop "
            + "cross-surface contract parity |  | surface | INV-02, INV-11 | failed |\n")
        // the script's three words in its column, the finer status in the last
        .contains("| KhalaReplay.resumeRedeliversExactly | required | failed |")
        .contains("| SurfaceGates.ios | required | skipped | ios |  | surface | INV-11 | n/a |\n")
        .contains("| KhalaGates.helperWithoutMapping | required | failed | helperWithoutMapping() |  | khala |  | unmapped |\n");
  }

  @Test
  void tableCellsEscapePipesAndLineBreaks() {
    CheckResult row = new CheckResult("Pipe|check", true, CheckStatus.PASSED,
        "a | b\nc\r\nd", "control", List.of("INV-01"), 1, "", "", List.of(), null);

    String results = section(view.render(SampleReports.ofRows(row)), "Check Results");

    assertThat(results).contains("| Pipe\\|check | required | passed | a \\| b<br>c<br>d |");
  }

  @Test
  void failedRequiredChecksNameEachInvariantItsCatalogueEscalationAndTheReason() {
    String failed = section(view.render(SampleReports.full()), "Failed required checks");

    assertThat(failed)
        .contains("- `ControlGates.mutationsAreHttpOnly` (failed): INV-02 (block-merge) — "
            + "INV-02 violated")
        .contains("- `RuntimeGates.migrationDrift` (skipped): INV-09 (block-release-promotion) "
            + "— gcloud not installed")
        .contains("- `KhalaGates.helperWithoutMapping` (unmapped): no invariant mapping")
        .doesNotContain("crossSurfaceParity")
        .doesNotContain("resumeRedeliversExactly");
  }

  @Test
  void invariantUnknownToTheCatalogueIsSaidSo() {
    CheckResult row = new CheckResult("X.check", true, CheckStatus.FAILED, "", "control",
        List.of("INV-99"), 1, "boom", "", List.of(), null);

    assertThat(section(view.render(SampleReports.ofRows(row)), "Failed required checks"))
        .contains("INV-99 (not in the catalogue) — boom");
  }

  @Test
  void mitigationsNotApplicableUnmappedAndCoverageGapsAreListed() {
    String md = view.render(SampleReports.full());

    assertThat(section(md, "Mitigations"))
        .contains("| Invariant | Check | Owner | Follow-up | Expires | Reason |")
        .contains("| INV-07 | KhalaReplay.resumeRedeliversExactly | @runtime-oncall | OA-RUST-143 "
            + "| 2026-12-31 | resume off-by-one on the compatibility lane; fix in flight |");
    assertThat(section(md, "Not applicable"))
        .contains("| SurfaceGates.ios | INV-11 | no iOS client in this service |");
    assertThat(section(md, "Unmapped tests"))
        .contains("- `KhalaGates.helperWithoutMapping` (lane khala): helperWithoutMapping()");
    assertThat(section(md, "Coverage gaps")).contains("- INV-12 — No GitHub workflow automation");
  }

  @Test
  void commandsAreFencedPerCheckAndSkippedChecksShowTheirReason() {
    String commands = section(view.render(SampleReports.full()), "Commands");

    assertThat(commands)
        .contains("- ControlGates.healthIsReady:\n\n  ```\n  mvn -Dtest=ControlGates#healthIsReady "
            + "test\n  ```\n")
        .contains("- RuntimeGates.migrationDrift: skipped — gcloud not installed\n")
        .contains("- SurfaceGates.ios: (none)\n");
  }

  @Test
  void aCommandWithBackticksCannotCloseItsFence() {
    CheckResult row = new CheckResult("X.check", true, CheckStatus.PASSED, "", "control",
        List.of("INV-01"), 1, "", "echo ```done```", List.of(), null);

    assertThat(section(view.render(SampleReports.ofRows(row)), "Commands"))
        .contains("  ````\n  echo ```done```\n  ````\n");
  }
}
