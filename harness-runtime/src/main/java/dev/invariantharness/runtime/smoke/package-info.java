/**
 * Service smoke lanes of the validation matrix: the ready checks a team points at a deployed
 * control service and runtime per environment (lanes 1, 2 and 5 of the Rust cutover matrix).
 *
 * <ul>
 *   <li>{@link dev.invariantharness.runtime.smoke.ServiceSmoke}: bounded HTTP probes of one
 *       service, every exchange attached as redacted evidence;
 *   <li>{@link dev.invariantharness.runtime.smoke.SmokeAssertions}: {@code assertThat(service)}
 *       and {@code assertThat(host)} with failures that name their invariant;
 *   <li>{@link dev.invariantharness.runtime.smoke.ControlSmokeSuite} and
 *       {@link dev.invariantharness.runtime.smoke.RuntimeSmokeSuite}: ready-made
 *       {@code @InvariantTest} suites a team extends with one line;
 *   <li>{@link dev.invariantharness.runtime.smoke.SmokeTarget}: base URL and access token of a
 *       target from the harness configuration, and the seed script's skip rule for a missing
 *       token.
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
