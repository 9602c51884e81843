package dev.invariantharness.report;

import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.GatePolicy;
import dev.invariantharness.gate.MitigationFile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Reports judged by the real {@link GatePolicy} over {@link SampleReports#catalogue()}, so the
 * decision's blockers are the ones the rows cause: for views whose output depends on what a
 * row means for the decision.
 */
final class JudgedReports {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  /** Waives INV-07 on {@code Replay.resume}. */
  static final MitigationFile INV07_ON_REPLAY_RESUME = MitigationFile.parse("""
      mitigations:
        - invariant: INV-07
          check: Replay.resume
          owner: "@runtime-oncall"
          followUp: OA-RUST-143
          reason: off-by-one on the compatibility lane, fix in flight
          expires: 2026-12-31
      """, "invariant-mitigations.yaml");

  private JudgedReports() {}

  static GateReport judge(GateMode mode, boolean requireCoverage, List<CheckResult> rows) {
    InvariantCatalogue catalogue = InvariantCatalogue.of(SampleReports.catalogue());
    GatePolicy policy = new GatePolicy(catalogue, INV07_ON_REPLAY_RESUME, mode, TODAY, requireCoverage);
    return GateReport.of("judged", SampleReports.GENERATED_AT, Map.of(), catalogue, policy.evaluate(rows));
  }

  static GateReport judge(CheckResult... rows) {
    return judge(GateMode.GATING, false, List.of(rows));
  }

  static CheckResult row(String checkId, boolean required, CheckStatus status, String lane, String... invariants) {
    return new CheckResult(checkId, required, status, checkId, lane, List.of(invariants), 1,
        status == CheckStatus.PASSED ? "" : "because " + checkId, "", List.of(), null);
  }

  /** A row that declares {@code invariant} not applicable. */
  static CheckResult notApplicable(String checkId, String lane, String invariant) {
    return new CheckResult(checkId, false, CheckStatus.NOT_APPLICABLE, checkId, lane, List.of(invariant),
        List.of(invariant), 0, "no such client here", "", List.of(), List.of(), Map.of(), null);
  }

  /** A failed required row of INV-01 with a finding and evidence on both the row and the finding. */
  static CheckResult failedWithEvidence() {
    EvidenceRef log = new EvidenceRef("route log", "text", "evidence/Gates-blockingFailure/001-routes.txt");
    EvidenceRef frames = new EvidenceRef("ws frames", "frames", "evidence/Gates-blockingFailure/002-frames.txt");
    return new CheckResult("Gates.blockingFailure", true, CheckStatus.FAILED, "blocking failure", "control",
        List.of("INV-01"), List.of(), 5, "INV-01 violated", "mvn verify", List.of(log),
        List.of(new Finding("INV-01", "/ws/commands", "accepted a command frame", List.of(frames))), Map.of(), null);
  }

  /** One row for every {@link dev.invariantharness.report.internal.ReportFacts.Meaning}, and a release blocker. */
  static GateReport everyMeaning() {
    return judge(GateMode.GATING, false, List.of(
        failedWithEvidence(),
        row("Gates.blockingSkip", true, CheckStatus.SKIPPED, "control", "INV-02"),
        row("Replay.resume", true, CheckStatus.FAILED, "khala", "INV-07"),
        row("Gates.optionalFailure", false, CheckStatus.FAILED, "control", "INV-12"),
        row("Gates.advisoryFailure", true, CheckStatus.FAILED, "surface", "INV-11"),
        row("Gates.optionalSkip", false, CheckStatus.SKIPPED, "runtime", "INV-12"),
        row("Gates.passed", true, CheckStatus.PASSED, "runtime", "INV-01"),
        notApplicable("Gates.na", "runtime", "INV-11"),
        row("Gates.unmapped", true, CheckStatus.UNMAPPED, "khala"),
        row("Deploy.migrates", true, CheckStatus.FAILED, "runtime", "INV-09")));
  }
}
