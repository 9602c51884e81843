package dev.invariantharness.examples.deploy;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.deploy.backfill.BackfillManifest;
import dev.invariantharness.deploy.backfill.CountBaseline;
import dev.invariantharness.deploy.backfill.ManifestVerifier;
import dev.invariantharness.deploy.backfill.RollbackDrill;
import dev.invariantharness.deploy.isolation.IsolationReport;
import dev.invariantharness.deploy.lint.MigrationLinter;
import dev.invariantharness.deploy.migration.DeployDescriptor;
import dev.invariantharness.deploy.migration.ImageAlignment;
import dev.invariantharness.deploy.migration.MigrationDrift;
import dev.invariantharness.deploy.postgres.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mixed-version deploy safety on a real PostgreSQL: plane isolation (INV-04, INV-05), migration
 * drift, image alignment and no destructive change during the overlap (INV-09), backfill verify
 * (INV-09) and the rollback drill (INV-10).
 */
@InvariantTest(lane = "deploy")
class DeploySafetyGates {

  private static String variant(HarnessConfiguration config) {
    return config.get(DeployReference.VARIANT).orElse("correct");
  }

  private static IsolationReport isolation(ScratchDatabase db, HarnessConfiguration config) throws Exception {
    try (Connection c = db.connect()) {
      return DeployReference.planes(db, variant(config)).check(c);
    }
  }

  @Test
  @Verifies("INV-04")
  void onlyTheControlPlaneWritesTheControlSchema(ScratchDatabase db, HarnessConfiguration config) throws Exception {
    isolation(db, config).forInvariant("INV-04").assertIsolated();
  }

  @Test
  @Verifies("INV-05")
  void onlyTheRuntimePlaneWritesTheRuntimeSchema(ScratchDatabase db, HarnessConfiguration config) throws Exception {
    isolation(db, config).forInvariant("INV-05").assertIsolated();
  }

  @Test
  @Verifies("INV-09")
  void appliedMigrationsMatchTheFiles(ScratchDatabase db, HarnessConfiguration config, @TempDir Path dir) throws Exception {
    Path migrations = DeployReference.migrations(dir.resolve("migrations"), db, variant(config));
    try (Connection c = db.connect()) {
      MigrationDrift.sqlx(migrations).check(c).assertNoDrift();
    }
  }

  @Test
  @Verifies("INV-09")
  void theReleaseChangesNothingDestructivelyDuringTheOverlap(HarnessConfiguration config, @TempDir Path dir) throws Exception {
    DeployDescriptor deploy = DeployDescriptor.read(DeployReference.deployDescriptor(dir));
    ImageAlignment.of(deploy).assertAligned();
    MigrationLinter.squawkDefaults().lint(List.of(DeployReference.releaseMigration(dir, variant(config))))
        .duringOverlap(deploy.overlapWindowOpen()).assertNoBlocking();
  }

  @Test
  @Verifies("INV-09")
  void theBackfillManifestMatchesItsStores(HarnessConfiguration config, @TempDir Path dir) throws Exception {
    Path manifest = DeployReference.backfill(dir, variant(config));
    ManifestVerifier.against(CountBaseline.defaults()).verify(BackfillManifest.read(manifest), dir).assertNone();
  }

  @Test
  @Verifies("INV-10")
  void everyStoreRollsBackFromAVerifiedBackup(HarnessConfiguration config, @TempDir Path dir) throws Exception {
    Path manifest = DeployReference.backfill(dir.resolve("storage"), variant(config));
    RollbackDrill.into(dir.resolve("scratch")).run(BackfillManifest.read(manifest), dir.resolve("storage")).assertNone();
  }
}
