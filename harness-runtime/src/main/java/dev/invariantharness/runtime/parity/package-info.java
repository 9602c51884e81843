/**
 * Shadow parity: does the new (Rust) runtime behave like the legacy one closely enough to cut
 * authority over? Two forms, one report ({@link dev.invariantharness.runtime.parity.ParityReport},
 * {@code openagents.runtime.shadow_parity.v1}):
 *
 * <ul>
 *   <li>{@link dev.invariantharness.runtime.parity.ArtifactParity}: a legacy run's and a Rust
 *       run's artifacts (receipt, replay log, summary, checkpoint) compared field by field;
 *   <li>{@link dev.invariantharness.runtime.parity.TrafficParity}: recorded traffic (WireMock
 *       mappings or JSONL) replayed to legacy, a second legacy instance and the candidate,
 *       Diffy-style, with noise learned from the two legacy answers.
 * </ul>
 *
 * <p>Assert with {@link dev.invariantharness.runtime.parity.ParityAssertions#assertThat}
 * ({@code allows()} fails naming INV-10) or run the
 * {@link dev.invariantharness.runtime.parity.cli.ShadowParityCommand} CLI (exit 0 allow, 1 block,
 * 2 bad input). Field derivation, rules and formats: {@code harness-runtime/docs/shadow-parity.md}.
 *
 * <pre>{@code
 * ParityReport report = ArtifactParity.defaults().compare(legacyManifest, rustManifest);
 * report.write(Path.of("target/shadow-parity.json"));
 * ParityAssertions.assertThat(report).allows();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
