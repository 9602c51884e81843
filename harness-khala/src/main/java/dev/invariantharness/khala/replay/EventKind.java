package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The kinds of event in a frame log, each with the {@code "event"} name it has in the JSON-lines
 * format (see {@code docs/frame-log-format.md}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum EventKind {
  /** The server sent frame {@code (topic, seq)} to the client. */
  SENT("sent", Carries.SEQ),
  /** The client applied frame {@code (topic, seq)} to its state. */
  APPLIED("applied", Carries.SEQ),
  /** The client received frame {@code (topic, seq)} and dropped it. */
  DISCARDED("discarded", Carries.SEQ),
  /** A connection (socket) to the server opened. */
  CONNECT("connect", Carries.NOTHING),
  /** The connection closed; any replay in progress ends with it. */
  DISCONNECT("disconnect", Carries.NOTHING),
  /** The client subscribed to {@code topic} resuming after {@code watermark}. */
  RESUME("resume", Carries.WATERMARK),
  /**
   * The client reset {@code topic} to {@code watermark} after a full resync (e.g. a
   * {@code stale_cursor} error): its state is the authoritative state at that watermark.
   */
  RESET("reset", Carries.WATERMARK),
  /** The client loaded a snapshot of {@code topic} at {@code watermark}; same effect as a reset. */
  SNAPSHOT("snapshot", Carries.WATERMARK);

  /** Which number field an event of a kind carries. */
  enum Carries {
    SEQ,
    WATERMARK,
    NOTHING
  }

  private final String wireName;
  private final Carries carries;

  EventKind(String wireName, Carries carries) {
    this.wireName = wireName;
    this.carries = carries;
  }

  /** The value of the {@code "event"} field, e.g. {@code applied}. */
  public String wireName() {
    return wireName;
  }

  /** Whether an event of this kind names a frame: {@code topic} and {@code seq}. */
  public boolean carriesSeq() {
    return carries == Carries.SEQ;
  }

  /** Whether an event of this kind names a topic and a {@code watermark}. */
  public boolean carriesWatermark() {
    return carries == Carries.WATERMARK;
  }

  /** Whether an event of this kind is about one topic (all but connect and disconnect). */
  public boolean hasTopic() {
    return carries != Carries.NOTHING;
  }

  /** Whether this is something the client did to its state (applied, discarded, reset, snapshot). */
  public boolean isClientStateChange() {
    return this == APPLIED || this == DISCARDED || this == RESET || this == SNAPSHOT;
  }

  /**
   * The kind whose wire name is {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static EventKind fromWireName(String name) {
    for (EventKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown event \"" + name + "\"; expected one of: "
        + "sent, applied, discarded, connect, disconnect, resume, reset, snapshot");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
