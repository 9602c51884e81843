/**
 * Migration discipline (INV-09): applied migrations against the migration files (sqlx's
 * {@code _sqlx_migrations} with SHA-384 checksums, Flyway's {@code flyway_schema_history} with
 * CRC32 checksums) and image alignment of the service and its migrate job from a deploy
 * descriptor.
 *
 * <pre>{@code
 * MigrationDrift.sqlx(Path.of("migrations")).check(connection).assertNoDrift();
 * ImageAlignment.read(Path.of("deploy.json")).assertAligned();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.deploy.migration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
