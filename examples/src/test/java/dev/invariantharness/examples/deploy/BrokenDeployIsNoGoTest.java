package dev.invariantharness.examples.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.deploy.postgres.PostgresServers;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every broken deploy the issue lists is NO-GO on the right invariant with a message naming what
 * is wrong, every other gate of the same run stays green, and the correct deploy is GO.
 */
class BrokenDeployIsNoGoTest {

  @TempDir Path reports;

  /**
   * The nested runs' launcher has no listener that would start PostgreSQL ahead of the fixtures,
   * so start it here, outside any fixture's time bound.
   */
  @BeforeAll
  static void postgresIsUp() {
    PostgresServers.shared();
  }

  @ParameterizedTest(name = "{0} is NO-GO on {1}")
  @CsvSource(delimiter = '|', value = {
      "runtime-grant-on-control    | INV-04 | onlyTheControlPlaneWritesTheControlSchema     | can write control.sessions (INSERT, via role",
      "inherited-cross-plane-write | INV-05 | onlyTheRuntimePlaneWritesTheRuntimeSchema     | can write runtime.events (INSERT, via role",
      "edited-migration            | INV-09 | appliedMigrationsMatchTheFiles                | migration-edited: migration 20260101000000 was edited after it was applied",
      "applied-missing-from-files  | INV-09 | appliedMigrationsMatchTheFiles                | migration-extra: migration 20260201000000 (add run owner) is applied",
      "drop-column-during-overlap  | INV-09 | theReleaseChangesNothingDestructivelyDuringTheOverlap | ban-drop-column while a mixed-version window is open",
      "wrong-after-hash            | INV-09 | theBackfillManifestMatchesItsStores           | after-hash-mismatch: store codex_threads",
      "missing-count-key           | INV-09 | theBackfillManifestMatchesItsStores           | count-key-missing: store domain has no count shouts",
      "backup-mismatch             | INV-10 | everyStoreRollsBackFromAVerifiedBackup        | backup-hash-mismatch: backup backups/auth.json.bak of store auth",
  })
  void aBrokenDeployIsNoGoOnTheRightInvariant(String variant, String invariant, String check, String message) {
    Outcome out = GateRun.into(reports).with(DeployReference.VARIANT, variant).run(DeploySafetyGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    CheckResult row = row(out, "DeploySafetyGates." + check);
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).containsExactly(invariant);
    assertThat(row.reason()).startsWith(invariant + " violated").contains(message);
    assertThat(out.report().results()).filteredOn(r -> r.checkId().startsWith(DeploySafetyGates.class.getName() + ".") && r != row)
        .allSatisfy(r -> assertThat(r.status()).as(r.checkId()).isEqualTo(CheckStatus.PASSED));
  }

  @Test
  void theCorrectDeployIsGo() {
    Outcome out = GateRun.into(reports).run(DeploySafetyGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(out.report().results()).filteredOn(r -> r.checkId().startsWith(DeploySafetyGates.class.getName() + "."))
        .hasSize(6).allSatisfy(r -> assertThat(r.status()).as(r.checkId()).isEqualTo(CheckStatus.PASSED));
  }

  private static CheckResult row(Outcome out, String id) {
    return out.report().results().stream().filter(r -> r.checkId().equals(id) || r.checkId().endsWith("." + id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " in " + out.report().results()));
  }
}
