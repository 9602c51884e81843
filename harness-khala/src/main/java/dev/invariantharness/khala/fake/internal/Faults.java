package dev.invariantharness.khala.fake.internal;

import java.time.Duration;

/** A fault schedule as the connections read it; built from the public {@code FaultSchedule}. */
public record Faults(
    long seed,
    String description,
    double duplicates,
    int reorderWindow,
    double gaps,
    int closeAfter,
    Duration slow,
    boolean staleFirst,
    int faultyConnections,
    boolean neverAnswerSubscribe,
    boolean silent,
    int malformedAfter,
    int oversizedAfter,
    int oversizedBytes,
    int foreignTopicAfter,
    boolean resendWatermarkOnResume,
    boolean skipFirstOnResume,
    boolean bothWireForms,
    int batchSize,
    boolean replyBeforeReplay,
    int dropLiveFrame,
    boolean silentStaleCursor) {

  /** Whether delivery faults hit connection {@code index} (0-based). */
  public boolean deliveryFaultsApplyTo(int index) {
    return index < faultyConnections;
  }
}
