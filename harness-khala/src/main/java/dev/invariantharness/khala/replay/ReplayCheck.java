package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.khala.replay.internal.FrameLogReader;
import dev.invariantharness.khala.replay.internal.ReplayEngine;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The INV-07 replay check: does a recorded frame log show a client that applies each
 * {@code (topic, seq)} once, in order, under a {@link GapPolicy}, and a server that redelivers
 * exactly the frames after a resume watermark? Every violation is reported, with its line and the
 * topic's previous events, not just the first.
 *
 * <pre>{@code
 * ReplayReport report = ReplayCheck.of(GapPolicy.KHALA).check(Path.of("target/frames.jsonl"));
 * report.assertNoViolations();   // INV-07 violated: 2 finding(s) — ... otherwise
 *
 * // or, fed in memory:
 * ReplayChecker checker = ReplayCheck.of(GapPolicy.STRICT).start("fake client");
 * checker.sent("a", 1).applied("a", 1).finish().assertNoViolations();
 * }</pre>
 *
 * <p>What is checked (details and the log format in {@code docs/frame-log-format.md}):
 *
 * <ul>
 *   <li>{@code applied}: a seq at or below the topic's watermark is a {@linkplain
 *       ViolationKind#DUPLICATE_APPLY duplicate} (or an {@linkplain
 *       ViolationKind#OUT_OF_ORDER_APPLY out-of-order apply} when it was skipped earlier); under
 *       {@code strict}, a seq above watermark + 1 is a {@linkplain ViolationKind#GAP_APPLIED gap
 *       applied}.
 *   <li>{@code discarded}: a frame the policy applies was {@linkplain
 *       ViolationKind#NEW_FRAME_DISCARDED lost}.
 *   <li>{@code resume}: after a watermark other than the client's own {@linkplain
 *       ViolationKind#RESUME_SKIPPED_FRAMES skips} or {@linkplain
 *       ViolationKind#WATERMARK_BACKWARDS rewinds} without a reset; the server's frames after it
 *       must be exactly watermark+1 up to its previous head, in order, on that connection.
 *   <li>end of log: a client that misses seqs — gaps never filled, frames sent but never applied
 *       — has a {@linkplain ViolationKind#SILENT_HOLE silent hole}.
 * </ul>
 *
 * <p>Frames of different topics interleave freely; order is per topic only. A {@code reset} or
 * {@code snapshot} moves a watermark anywhere, backwards included.
 *
 * <p>Memory is bounded by the number of topics: a file is streamed, each topic keeps a fixed
 * state and a small ring of recent events, and only the first {@link #keepingAtMost(int)}
 * violations are kept in full (the rest are counted). Instances are immutable and reusable.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReplayCheck {

  /** Default number of violations kept in full. */
  public static final int DEFAULT_MAX_KEPT = 100;

  /** Default number of a topic's previous events shown with a violation. */
  public static final int DEFAULT_CONTEXT = 3;

  private final GapPolicy policy;
  private final int maxKept;
  private final int context;

  private ReplayCheck(GapPolicy policy, int maxKept, int context) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.maxKept = maxKept;
    this.context = context;
  }

  /** A check under {@code policy}. */
  public static ReplayCheck of(GapPolicy policy) {
    return new ReplayCheck(policy, DEFAULT_MAX_KEPT, DEFAULT_CONTEXT);
  }

  /** A check under the default {@link GapPolicy#KHALA} policy. */
  public static ReplayCheck khala() {
    return of(GapPolicy.KHALA);
  }

  /** The same check keeping at most {@code max} violations in full (default 100). */
  public ReplayCheck keepingAtMost(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be >= 0, was " + max);
    }
    return new ReplayCheck(policy, max, context);
  }

  /** The same check showing {@code events} previous events of the topic per violation (default 3). */
  public ReplayCheck withContext(int events) {
    if (events < 0 || events > 100) {
      throw new IllegalArgumentException("context must be within 0..100, was " + events);
    }
    return new ReplayCheck(policy, maxKept, events);
  }

  /** The gap policy checked against. */
  public GapPolicy policy() {
    return policy;
  }

  /**
   * Checks the JSON-lines log at {@code file}, streaming it.
   *
   * @throws dev.invariantharness.HarnessInputException when the file cannot be read or a line
   *     is malformed; the message names the file and the line
   */
  public ReplayReport check(Path file) {
    return check(FrameLog.of(file));
  }

  /** Checks {@code log}, a file or an in-memory history. */
  public ReplayReport check(FrameLog log) {
    ReplayEngine engine = engine(log.name());
    if (log.file().isPresent()) {
      FrameLogReader.read(log.file().get(), engine);
      return engine.finish();
    }
    ReplayChecker checker = new ReplayChecker(engine);
    checker.acceptAll(log.events().orElseThrow());
    return checker.finish();
  }

  /** Starts a check fed event by event; {@code name} names the history in reports. */
  public ReplayChecker start(String name) {
    return new ReplayChecker(engine(Objects.requireNonNull(name, "name")));
  }

  private ReplayEngine engine(String name) {
    return new ReplayEngine(policy, name, maxKept, context);
  }

  @Override
  public String toString() {
    return "INV-07 replay check (gap policy " + policy + ")";
  }
}
