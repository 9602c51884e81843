/**
 * The gate's Maven goals: {@code check} fails the build when the decision blocks the gate asked for; {@code merge} joins module reports into one decision.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.maven;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
