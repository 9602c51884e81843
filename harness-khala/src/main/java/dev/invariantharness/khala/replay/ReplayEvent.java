package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One event of a frame log: a frame sent, applied or discarded, a connection opened or closed, or
 * a topic's watermark set by a resume, reset or snapshot. One event is one line of the JSON-lines
 * format described in {@code docs/frame-log-format.md}.
 *
 * <pre>{@code
 * List<ReplayEvent> history = List.of(
 *     ReplayEvent.connect(),
 *     ReplayEvent.sent("a", 1), ReplayEvent.applied("a", 1),
 *     ReplayEvent.sent("a", 1), ReplayEvent.discarded("a", 1),   // at-least-once duplicate
 *     ReplayEvent.disconnect(),
 *     ReplayEvent.connect(), ReplayEvent.resume("a", 1));
 * }</pre>
 *
 * @param kind what happened
 * @param topic the topic; {@code null} exactly for connect and disconnect
 * @param value the frame's {@code seq} for sent/applied/discarded, the {@code watermark} for
 *     resume/reset/snapshot, 0 for connect/disconnect
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReplayEvent(EventKind kind, String topic, long value) {

  public ReplayEvent {
    Objects.requireNonNull(kind, "kind");
    if (kind.hasTopic()) {
      Objects.requireNonNull(topic, () -> kind + " needs a topic");
      if (value < 0) {
        throw new IllegalArgumentException(kind + " on topic " + topic + " has negative "
            + (kind.carriesSeq() ? "seq " : "watermark ") + value);
      }
    } else if (topic != null || value != 0) {
      throw new IllegalArgumentException(kind + " carries no topic and no number");
    }
  }

  /** The server sent {@code (topic, seq)}. */
  public static ReplayEvent sent(String topic, long seq) {
    return new ReplayEvent(EventKind.SENT, topic, seq);
  }

  /** The client applied {@code (topic, seq)}. */
  public static ReplayEvent applied(String topic, long seq) {
    return new ReplayEvent(EventKind.APPLIED, topic, seq);
  }

  /** The client discarded {@code (topic, seq)}. */
  public static ReplayEvent discarded(String topic, long seq) {
    return new ReplayEvent(EventKind.DISCARDED, topic, seq);
  }

  /** A connection opened. */
  public static ReplayEvent connect() {
    return new ReplayEvent(EventKind.CONNECT, null, 0);
  }

  /** The connection closed. */
  public static ReplayEvent disconnect() {
    return new ReplayEvent(EventKind.DISCONNECT, null, 0);
  }

  /** The client subscribed to {@code topic} resuming after {@code watermark}. */
  public static ReplayEvent resume(String topic, long watermark) {
    return new ReplayEvent(EventKind.RESUME, topic, watermark);
  }

  /** The client reset {@code topic} to {@code watermark} after a full resync. */
  public static ReplayEvent reset(String topic, long watermark) {
    return new ReplayEvent(EventKind.RESET, topic, watermark);
  }

  /** The client loaded a snapshot of {@code topic} at {@code watermark}. */
  public static ReplayEvent snapshot(String topic, long watermark) {
    return new ReplayEvent(EventKind.SNAPSHOT, topic, watermark);
  }

  /** The frame a sent, applied or discarded event names. */
  public Frame frame() {
    if (!kind.carriesSeq()) {
      throw new IllegalStateException(kind + " names no frame");
    }
    return new Frame(topic, value);
  }

  /** The watermark a resume, reset or snapshot event names. */
  public Watermark watermark() {
    if (!kind.carriesWatermark()) {
      throw new IllegalStateException(kind + " names no watermark");
    }
    return new Watermark(topic, value);
  }

  /** Reads like a log line: {@code applied a#3}, {@code resume a@2}, {@code disconnect}. */
  @Override
  public String toString() {
    if (!kind.hasTopic()) {
      return kind.wireName();
    }
    return kind.wireName() + " " + topic + (kind.carriesSeq() ? "#" : "@") + value;
  }
}
