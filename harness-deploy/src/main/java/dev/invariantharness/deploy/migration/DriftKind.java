package dev.invariantharness.deploy.migration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The distinct ways applied migrations and migration files disagree; each is its own named failure. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DriftKind {
  /** A file newer than everything applied was never applied: the migrate job did not run. */
  MISSING("migration-missing"),
  /** Applied in the database, but no file has its version: applied from a branch or deleted. */
  EXTRA("migration-extra"),
  /** Applied, but the file's checksum is not the recorded one: edited after it ran. */
  EDITED("migration-edited"),
  /** Not applied although newer versions are, or applied in an order other than version order. */
  OUT_OF_ORDER("migration-out-of-order"),
  /** Recorded as failed (sqlx {@code success = false}, Flyway {@code success = false}). */
  FAILED("migration-failed");

  private final String ruleName;

  DriftKind(String ruleName) {
    this.ruleName = ruleName;
  }

  /** The failure's stable name, e.g. {@code migration-edited}. */
  public String ruleName() {
    return ruleName;
  }
}
