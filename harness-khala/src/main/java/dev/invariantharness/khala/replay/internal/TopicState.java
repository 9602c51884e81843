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

  private final long[] recentLines;
  private final long[] recentValues;
  private final EventKind[] recentKinds;
  private int recentNext;
  private int recentCount;

  TopicState(String topic, int contextSize) {
    this.topic = topic;
    this.recentLines = new long[contextSize];
    this.recentValues = new long[contextSize];
    this.recentKinds = new EventKind[contextSize];
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
    if (recentLines.length == 0) {
      return;
    }
    recentLines[recentNext] = line;
    recentValues[recentNext] = value;
    recentKinds[recentNext] = kind;
    recentNext = (recentNext + 1) % recentLines.length;
    if (recentCount < recentLines.length) {
      recentCount++;
    }
  }

  int recentCount() {
    return recentCount;
  }

  /** The {@code i}-th most recent remembered event, oldest first ({@code i < recentCount()}). */
  private int slot(int i) {
    int size = recentLines.length;
    return ((recentNext - recentCount + i) % size + size) % size;
  }

  long recentLine(int i) {
    return recentLines[slot(i)];
  }

  long recentValue(int i) {
    return recentValues[slot(i)];
  }

  EventKind recentKind(int i) {
    return recentKinds[slot(i)];
  }
}
