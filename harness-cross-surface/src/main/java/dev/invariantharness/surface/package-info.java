/**
 * Cross-surface contract parity: one {@link dev.invariantharness.surface.scenario.Scenario} run on
 * every surface — HTTP JSON, gRPC, WebSocket, a legacy and a new deployment — with proto-typed
 * canonical answers that must agree ({@link dev.invariantharness.surface.SurfaceParity}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
