/**
 * INV-07, the Khala replay and idempotency contract, as a checkable model: logical order is
 * {@code (topic, seq)}, delivery is at least once, a client discards every seq at or below its
 * per-topic watermark, and a resume after watermark W redelivers exactly the frames after W.
 *
 * <ul>
 *   <li>{@link dev.invariantharness.khala.replay.GapPolicy} and
 *       {@link dev.invariantharness.khala.replay.ApplyModel}: the reference apply decision, for
 *       the {@code khala} (default) and {@code strict} gap policies.
 *   <li>{@link dev.invariantharness.khala.replay.FrameLogWriter}: records a JSON-lines frame log
 *       (format in {@code harness-khala/docs/frame-log-format.md}).
 *   <li>{@link dev.invariantharness.khala.replay.ReplayCheck}: checks a log, streaming, and
 *       reports every violation with its line and context;
 *       {@link dev.invariantharness.khala.replay.ReplayAssertions#assertThat(FrameLog)} is the
 *       AssertJ-style entry point.
 * </ul>
 *
 * <pre>{@code
 * try (FrameLogWriter recorder = FrameLogWriter.create(log)) {
 *   // ... record what the server sent and what the client applied ...
 * }
 * assertThat(FrameLog.of(log)).usingGapPolicy(GapPolicy.KHALA).hasNoReplayViolations();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
