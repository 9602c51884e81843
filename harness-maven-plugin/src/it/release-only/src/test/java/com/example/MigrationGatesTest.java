package com.example;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.finding.Findings;
import org.junit.jupiter.api.Test;

@InvariantTest(lane = "migrations")
@NotApplicable(value = "INV-01", reason = "not covered by this IT project")
@NotApplicable(value = "INV-02", reason = "not covered by this IT project")
@NotApplicable(value = "INV-03", reason = "not covered by this IT project")
@NotApplicable(value = "INV-04", reason = "not covered by this IT project")
@NotApplicable(value = "INV-05", reason = "not covered by this IT project")
@NotApplicable(value = "INV-06", reason = "not covered by this IT project")
@NotApplicable(value = "INV-07", reason = "not covered by this IT project")
@NotApplicable(value = "INV-08", reason = "not covered by this IT project")
@NotApplicable(value = "INV-10", reason = "not covered by this IT project")
@NotApplicable(value = "INV-11", reason = "not covered by this IT project")
@NotApplicable(value = "INV-12", reason = "not covered by this IT project")
class MigrationGatesTest {

  @Test @Verifies("INV-09")
  void migrationsAreAppliedInOrder() {
    Findings.of("INV-09", "migrations are append-only and applied in order")
        .add("db/migrations/0042_drop_legacy.sql", "edited after it was applied in staging")
        .assertNone();
  }
}
