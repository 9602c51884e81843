package dev.invariantharness.khala.replay.internal;

import dev.invariantharness.khala.replay.ReplayViolation;
import dev.invariantharness.khala.replay.ViolationKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts every violation and keeps the first {@code maxKept} in full, so a log with millions of
 * violations costs a counter, not a list.
 */
final class ViolationSink {

  private static final ViolationKind[] KINDS = ViolationKind.values();

  private final int maxKept;
  private final long[] counts = new long[KINDS.length];
  private final List<ReplayViolation> kept = new ArrayList<>();
  private long total;

  ViolationSink(int maxKept) {
    this.maxKept = maxKept;
  }

  /** Whether the next violation is kept in full; if not, only {@link #count} it. */
  boolean wantsDetail() {
    return kept.size() < maxKept;
  }

  void count(ViolationKind kind) {
    counts[kind.ordinal()]++;
    total++;
  }

  void add(ReplayViolation violation) {
    count(violation.kind());
    kept.add(violation);
  }

  long total() {
    return total;
  }

  List<ReplayViolation> kept() {
    return kept;
  }

  Map<ViolationKind, Long> countsByKind() {
    Map<ViolationKind, Long> byKind = new EnumMap<>(ViolationKind.class);
    for (ViolationKind kind : KINDS) {
      if (counts[kind.ordinal()] > 0) {
        byKind.put(kind, counts[kind.ordinal()]);
      }
    }
    return byKind;
  }
}
