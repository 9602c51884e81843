package dev.invariantharness.khala.replay.internal;

import dev.invariantharness.khala.replay.EventKind;

/**
 * Everything the checker keeps about one topic: the client's watermark and holes, the server's
 * highest sent seq and any replay in progress, and a small ring of the topic's latest events for
 * context. Fixed size (apart from bounded holes), whatever the number of frames.
 */
final class TopicState {

  final String topic;

  /** The client's {@code last_applied_seq}. */
  long watermark;
  /** Whether the client's watermark is known: set by applied, resume, reset or snapshot. */
  boolean established;
  /** Whether the log shows the client's side for this topic (applied, discarded, reset, snapshot). */
  boolean clientSide;
  /** The watermark of the latest reset or snapshot (or the resume that set the start), else -1. */
  long baseWatermark = -1;
  long baseLine;
  EventKind baseKind;
  /** Seqs skipped below the watermark; null until the first gap. */
  HoleRanges holes;

  /** The highest seq the server sent on this topic, 0 when none. */
  long highestSent;

  /** The replay after the latest resume: frames {@code replayNext..replayEnd} still due. */
  long resumeWatermark;
  long resumeLine;
  long replayNext;
  long replayEnd = -1;
  /** The connection the latest resume is in force on; a disconnect or a reset ends it. */
  long resumeConnection = -1;

  /**
   * An at-least-once delivery window (live captures): the server owes every seq
   * {@code deliverAfter+1 .. deliverEnd} at least once on {@code deliverConnection}; duplicates
   * and reordering are counted, not flagged. Open while {@code deliverConnection} is current.
   */
  long deliverConnection = -1;
  long deliverAfter;
  long deliverEnd;
  long deliverLine;
  boolean deliverIsResume;
  /** Highest seq delivered in the window, {@code deliverAfter} when none. */
  long deliveredHigh;
  /** Seqs in the window skipped so far (a higher one arrived first); null until the first. */
  HoleRanges owed;
  long duplicates;
  long reordered;
  long otherForm;
  long distinct;

  /** Per seq, how often each wire form delivered it; only for form-aware feeds (live captures). */
  java.util.Map<Long, int[]> formCounts;

  /**
   * The ring of recent events: two longs per event, the line with the kind's ordinal in the top
   * byte, and the seq or watermark. One primitive array, so remembering an event is two stores.
   */
  private final long[] recent;
  private final int capacity;
  private int recentNext;
  private int recentCount;

  TopicState(String topic, int contextSize) {
    this.topic = topic;
    this.capacity = contextSize;
    this.recent = new long[2 * contextSize];
  }

  boolean deliveryOpen(long connection) {
    return deliverConnection == connection;
  }

  HoleRanges owed() {
    if (owed == null) {
      owed = new HoleRanges();
    }
    return owed;
  }

  boolean replayInProgress(long connection) {
    return resumeConnection == connection && replayNext <= replayEnd;
  }

  void endResume() {
    resumeConnection = -1;
  }

  HoleRanges holes() {
    if (holes == null) {
      holes = new HoleRanges();
    }
    return holes;
  }

  boolean hasHoles() {
    return holes != null && !holes.isEmpty();
  }

  void remember(EventKind kind, long value, long line) {
    if (capacity == 0) {
      return;
    }
    int slot = recentNext;
    recent[2 * slot] = line | ((long) kind.ordinal() << KIND_SHIFT);
    recent[2 * slot + 1] = value;
    // no modulo on the per-event path
    recentNext = slot + 1 == capacity ? 0 : slot + 1;
    if (recentCount < capacity) {
      recentCount++;
    }
  }

  int recentCount() {
    return recentCount;
  }

  /** The {@code i}-th remembered event, oldest first ({@code i < recentCount()}). */
  private int slot(int i) {
    return ((recentNext - recentCount + i) % capacity + capacity) % capacity;
  }

  long recentLine(int i) {
    return recent[2 * slot(i)] & LINE_MASK;
  }

  long recentValue(int i) {
    return recent[2 * slot(i) + 1];
  }

  EventKind recentKind(int i) {
    return KINDS[(int) (recent[2 * slot(i)] >>> KIND_SHIFT)];
  }

  private static final EventKind[] KINDS = EventKind.values();
  private static final int KIND_SHIFT = 56;
  private static final long LINE_MASK = (1L << KIND_SHIFT) - 1;
}
