package dev.invariantharness.report;

import dev.invariantharness.catalogue.EscalationClass;
import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.Mitigation;
import dev.invariantharness.gate.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-built gate reports for the view and writer tests: one run that has every status, a
 * mitigation, an N/A reason, an unmapped test, a coverage gap and evidence.
 */
public final class SampleReports {

  public static final Instant GENERATED_AT = Instant.parse("2026-11-22T22:36:14.123456789Z");

  public static final Mitigation KHALA_MITIGATION = new Mitigation(
      "INV-07", "KhalaReplay.resumeRedeliversExactly", "@runtime-oncall", "OA-RUST-143",
      "resume off-by-one on the compatibility lane; fix in flight", LocalDate.parse("2026-12-31"));

  private SampleReports() {}

  public static List<Invariant> catalogue() {
    return List.of(
        new Invariant("INV-01", "Control service is the auth authority", "Only control issues "
            + "sessions.", EscalationClass.BLOCK_MERGE, "smoke-control.sh",
            List.of("control"), null, List.of()),
        new Invariant("INV-02", "HTTP-only mutations", "Commands are HTTP; WS is read-only.",
            EscalationClass.BLOCK_MERGE, "route scan", List.of("control", "runtime"), null,
            List.of("v1: mutations over HTTP or WS")),
        new Invariant("INV-07", "Replay/idempotency contract", "Apply by (topic, seq).",
            EscalationClass.BLOCK_MERGE_UNLESS_MITIGATED, "khala tests", List.of("runtime"),
            null, List.of()),
        new Invariant("INV-09", "Migration discipline", "expand/migrate/contract",
            EscalationClass.BLOCK_RELEASE_PROMOTION, "check-migration-drift.sh",
            List.of("runtime"), null, List.of()),
        new Invariant("INV-11", "iOS parity", "iOS follows the same contracts.",
            EscalationClass.ADVISORY, "cross-surface harness", List.of("ios"), null, List.of()),
        new Invariant("INV-12", "No GitHub workflow automation", "No .github/workflows.",
            EscalationClass.BLOCK_MERGE, "repository scan", List.of(), null, List.of()),
        new Invariant("INV-03", "Khala is SSE-free", "Live sync is WS-only.",
            EscalationClass.BLOCK_MERGE, "", List.of(), "INV-07", List.of()));
  }

  /** The rows, in execution order: every status at least once. */
  public static List<CheckResult> results() {
    return List.of(
        new CheckResult("ControlGates.healthIsReady", true, CheckStatus.PASSED,
            "staging control health/ready endpoints", "control", List.of("INV-01"), 41, "",
            "mvn -Dtest=ControlGates#healthIsReady test",
            List.of(new EvidenceRef("GET /readyz", "http",
                "evidence/ControlGates-healthIsReady/001-get-readyz.http.txt")),
            null),
        new CheckResult("ControlGates.mutationsAreHttpOnly", true, CheckStatus.FAILED,
            "mutations answer only over HTTP", "control", List.of("INV-02"), 230,
            "INV-02 violated: 1 finding(s) — commands are HTTP only\n"
                + "  /ws/commands: accepted a command frame",
            "mvn -Dtest=ControlGates#mutationsAreHttpOnly test",
            List.of(
                new EvidenceRef("ws frames", "frames",
                    "evidence/ControlGates-mutationsAreHttpOnly/001-frames.txt"),
                new EvidenceRef("route diff", "diff",
                    "evidence/ControlGates-mutationsAreHttpOnly/002-routes.diff")),
            null),
        new CheckResult("RuntimeGates.migrationDrift", true, CheckStatus.SKIPPED,
            "runtime service/migrate-job image drift", "runtime", List.of("INV-09"), 0,
            "gcloud not installed", "mvn -Dtest=RuntimeGates#migrationDrift test", List.of(),
            null),
        new CheckResult("KhalaReplay.resumeRedeliversExactly", true, CheckStatus.MITIGATED,
            "resume redelivers exactly the missed frames", "khala", List.of("INV-07"), 1200,
            "expected seq 41 after watermark 40, got 42", "mvn -Dtest=KhalaReplay test",
            List.of(new EvidenceRef("frames around the gap", "frames",
                "evidence/KhalaReplay-resumeRedeliversExactly/001-frames.txt")),
            KHALA_MITIGATION),
        new CheckResult("SurfaceGates.ios", true, CheckStatus.NOT_APPLICABLE, "ios", "surface",
            List.of("INV-11"), 0, "no iOS client in this service", "", List.of(), null),
        new CheckResult("KhalaGates.helperWithoutMapping", true, CheckStatus.UNMAPPED,
            "helperWithoutMapping()", "khala", List.of(), 3,
            "no @Verifies or @NotApplicable", "mvn -Dtest=KhalaGates#helperWithoutMapping test",
            List.of(), null),
        new CheckResult("SurfaceGates.crossSurfaceParity", false, CheckStatus.FAILED,
            "web/desktop cross-surface contract parity", "surface", List.of("INV-02", "INV-11"),
            800, "desktop answered 409, web 200", "mvn -Dtest=SurfaceGates test", List.of(), null),
        new CheckResult("SurfaceGates.desktopOnly", false, CheckStatus.SKIPPED,
            "desktop-only parity", "surface", List.of("INV-11"), 0, "RUN_CROSS_SURFACE=0",
            "mvn -Dtest=SurfaceGates#desktopOnly test", List.of(), null));
  }

  public static GateDecision noGo(BlockedScope scope, GateMode mode) {
    return new GateDecision(Verdict.NO_GO, scope, mode,
        List.of(
            new Blocker("ControlGates.mutationsAreHttpOnly", "INV-02", EscalationClass.BLOCK_MERGE,
                BlockedScope.MERGE, "INV-02 violated: 1 finding(s) — commands are HTTP only\n"
                    + "  /ws/commands: accepted a command frame"),
            new Blocker("RuntimeGates.migrationDrift", "INV-09",
                EscalationClass.BLOCK_RELEASE_PROMOTION, BlockedScope.RELEASE_PROMOTION,
                "required check skipped: gcloud not installed"),
            new Blocker("KhalaGates.helperWithoutMapping", "", null, BlockedScope.MERGE,
                "test maps to no invariant")),
        List.of("INV-07 failure mitigated until 2026-12-31 by @runtime-oncall (OA-RUST-143)",
            "coverage gap: INV-12 has no check"),
        List.of("invariant-mitigations.yaml: INV-02 is not mitigable (block-merge)"));
  }

  public static GateDecision go(GateMode mode) {
    return new GateDecision(Verdict.GO, BlockedScope.NOTHING, mode, List.of(),
        List.of("optional check failed: SurfaceGates.crossSurfaceParity"), List.of());
  }

  /** The full sample: NO-GO, merge blocked, gating mode. */
  public static GateReport full() {
    return report(noGo(BlockedScope.MERGE, GateMode.GATING), results());
  }

  public static GateReport report(GateDecision decision, List<CheckResult> results) {
    return new GateReport(GateReport.SCHEMA_VERSION, "run-7f3a", GENERATED_AT,
        Map.of("STAGING_CONTROL_BASE_URL", "staging.example",
            "FAIL_ON_REQUIRED_FAILURE", decision.mode().flag(),
            "GCP_PROJECT", "sample-project"),
        results, decision, catalogue(), List.of("INV-12"), List.of(KHALA_MITIGATION));
  }

  /** The full sample, generated at another time. */
  public static GateReport fullAt(Instant generatedAt) {
    GateReport r = full();
    return new GateReport(r.schemaVersion(), r.runId(), generatedAt, r.environment(),
        r.results(), r.decision(), r.catalogue(), r.coverageGaps(), r.mitigations());
  }

  /** The full sample with one row replaced. */
  public static GateReport withRow(int index, CheckResult row) {
    List<CheckResult> rows = new ArrayList<>(results());
    rows.set(index, row);
    return report(noGo(BlockedScope.MERGE, GateMode.GATING), rows);
  }

  /** A report of exactly these rows, GO. */
  public static GateReport ofRows(CheckResult... rows) {
    return report(go(GateMode.GATING), List.of(rows));
  }

  public static CheckResult row(String id, CheckStatus status, String lane, String... invariants) {
    return new CheckResult(id, true, status, id, lane, List.of(invariants), 1, "", "", List.of(),
        null);
  }
}
