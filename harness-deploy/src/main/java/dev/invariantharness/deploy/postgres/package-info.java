/**
 * Real PostgreSQL for the deploy checks: one server per test JVM (zonky embedded PostgreSQL by
 * default, Testcontainers when a Docker engine answers, or a user's JDBC URL) and an isolated
 * scratch database per test.
 *
 * <pre>{@code
 * try (ScratchDatabase db = ScratchDatabase.create()) {
 *   try (Connection c = db.connect()) { ... }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.deploy.postgres;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
