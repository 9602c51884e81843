package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.khala.replay.internal.ReplayEngine;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An INV-07 check fed event by event, for histories that are produced in memory (a test client,
 * a fake server, a generator) rather than read from a file. Each event is numbered like a log
 * line, starting at 1, and violations name that number.
 *
 * <pre>{@code
 * ReplayChecker checker = ReplayCheck.of(GapPolicy.KHALA).start("client-under-test");
 * checker.connect();
 * checker.sent("a", 1).applied("a", 1);
 * checker.sent("a", 1).discarded("a", 1);      // a redelivered duplicate, correctly dropped
 * checker.finish().assertNoViolations();
 * }</pre>
 *
 * <p>Memory is bounded by the number of topics, not events. Not thread-safe: feed it from one
 * thread, in the order the events happened.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReplayChecker {

  private final ReplayEngine engine;
  private long line;
  private boolean finished;

  ReplayChecker(ReplayEngine engine) {
    this.engine = engine;
  }

  /** The server sent {@code frame}. Returns {@code this}. */
  public ReplayChecker sent(Frame frame) {
    return sent(frame.topic(), frame.seq());
  }

  /** The server sent {@code (topic, seq)}. Returns {@code this}. */
  public ReplayChecker sent(String topic, long seq) {
    engine.sent(topic, requireSeq(topic, seq), next());
    return this;
  }

  /** The client applied {@code frame}. Returns {@code this}. */
  public ReplayChecker applied(Frame frame) {
    return applied(frame.topic(), frame.seq());
  }

  /** The client applied {@code (topic, seq)}. Returns {@code this}. */
  public ReplayChecker applied(String topic, long seq) {
    engine.applied(topic, requireSeq(topic, seq), next());
    return this;
  }

  /** The client discarded {@code frame}. Returns {@code this}. */
  public ReplayChecker discarded(Frame frame) {
    return discarded(frame.topic(), frame.seq());
  }

  /** The client discarded {@code (topic, seq)}. Returns {@code this}. */
  public ReplayChecker discarded(String topic, long seq) {
    engine.discarded(topic, requireSeq(topic, seq), next());
    return this;
  }

  /** A connection opened; any replay in progress ends. Returns {@code this}. */
  public ReplayChecker connect() {
    engine.connection(EventKind.CONNECT, next());
    return this;
  }

  /** The connection closed; any replay in progress ends. Returns {@code this}. */
  public ReplayChecker disconnect() {
    engine.connection(EventKind.DISCONNECT, next());
    return this;
  }

  /** The client resumed after {@code watermark}. Returns {@code this}. */
  public ReplayChecker resume(Watermark watermark) {
    engine.resume(watermark.topic(), watermark.seq(), next());
    return this;
  }

  /** The client reset its topic to {@code watermark} after a full resync. Returns {@code this}. */
  public ReplayChecker reset(Watermark watermark) {
    engine.reset(EventKind.RESET, watermark.topic(), watermark.seq(), next());
    return this;
  }

  /** The client loaded a snapshot at {@code watermark}. Returns {@code this}. */
  public ReplayChecker snapshot(Watermark watermark) {
    engine.reset(EventKind.SNAPSHOT, watermark.topic(), watermark.seq(), next());
    return this;
  }

  /** Feeds one event of any kind. Returns {@code this}. */
  public ReplayChecker accept(ReplayEvent event) {
    engine.accept(event.kind(), event.topic(), event.value(), next());
    return this;
  }

  /** Feeds {@code events} in order. Returns {@code this}. */
  public ReplayChecker acceptAll(Iterable<ReplayEvent> events) {
    for (ReplayEvent event : events) {
      accept(event);
    }
    return this;
  }

  /**
   * Ends the history: runs the end-of-log checks (silent holes, unfinished replays) and returns
   * the verdict. The checker cannot be fed afterwards.
   */
  public ReplayReport finish() {
    if (finished) {
      throw new IllegalStateException("this replay check has already finished");
    }
    finished = true;
    return engine.finish();
  }

  private long next() {
    if (finished) {
      throw new IllegalStateException("this replay check has already finished");
    }
    return ++line;
  }

  private static long requireSeq(String topic, long seq) {
    Objects.requireNonNull(topic, "topic");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, was " + seq + " on topic " + topic);
    }
    return seq;
  }
}
