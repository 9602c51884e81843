package dev.invariantharness.examples.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shadow parity gates against deliberately broken candidates: a regression in one critical
 * field is NO-GO on INV-10 naming the field; differences that are only noise are GO. The suites
 * run in a nested launcher, so this build stays green while the gate inside says NO-GO.
 */
class BrokenParityIsNoGoTest {

  @TempDir Path reports;

  @Test
  void aCandidateWhoseRunStatusDriftsIsNoGoNamingTheField() {
    Outcome out = GateRun.into(reports).with(ParityServices.CANDIDATE, "critical-drift").run(ShadowParityGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blocked()).isEqualTo(BlockedScope.RELEASE_PROMOTION);
    CheckResult row = row(out, "ShadowParityGates.trafficShadowParityAllowsTheCutover");
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).containsExactly("INV-10");
    assertThat(row.reason())
        .startsWith("INV-10 violated")
        .contains("gate: block: 1 critical diff(s): GET /api/runs/3?view=full#/run/status")
        .contains("GET /api/runs/3?view=full#/run/status: critical: legacy \"completed\", rust \"failed\"");
    assertThat(row.evidence()).isNotEmpty();
    assertThat(row(out, "ShadowParityGates.artifactShadowParityAllowsTheCutover").status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void aCandidateThatDiffersOnlyInNoiseIsGo() {
    Outcome out = GateRun.into(reports).with(ParityServices.CANDIDATE, "noise-only").run(ShadowParityGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(row(out, "ShadowParityGates.trafficShadowParityAllowsTheCutover").status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void rustArtifactsThatEndInAnotherStatusAreNoGoNamingTheFields() {
    Outcome out = GateRun.into(reports).with(ParityServices.ARTIFACTS, "critical-drift").run(ShadowParityGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(row(out, "ShadowParityGates.artifactShadowParityAllowsTheCutover").reason())
        .startsWith("INV-10 violated")
        .contains("gate: block: 2 critical diff(s): summary_status, summary_last_seq")
        .contains("summary_status: critical: legacy \"completed\", rust \"failed\"");
  }

  @Test
  void theCorrectCandidateIsGo() {
    Outcome out = GateRun.into(reports).run(ShadowParityGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(out.report().results()).filteredOn(r -> r.checkId().startsWith(ShadowParityGates.class.getName() + "."))
        .hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
  }

  private static CheckResult row(Outcome out, String id) {
    return out.report().results().stream().filter(r -> r.checkId().equals(id) || r.checkId().endsWith("." + id) || r.checkId().endsWith("$" + id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " in " + out.report().results()));
  }
}
