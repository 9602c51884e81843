package dev.invariantharness.khala.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The INV-07 rules written a second time, as plainly as possible, to check the checker against:
 * the client's state is an explicit set of held seqs, the replay due after a resume an explicit
 * queue. No bounds, no cleverness; only for small histories.
 *
 * <p>Its verdict is the list of violations as {@code line N topic KIND}, in the order the
 * checker reports them: per event in log order, then the end-of-log ones per topic in the order
 * topics first appear (unfinished replay before silent hole).
 */
final class ReferenceReplayModel {

  private final GapPolicy policy;
  private final List<String> verdict = new ArrayList<>();
  private final Set<String> topicsInOrder = new LinkedHashSet<>();

  private final Map<String, Long> watermark = new HashMap<>();
  /** Seqs 1..base are held because a snapshot, reset or starting resume brought them. */
  private final Map<String, Long> base = new HashMap<>();
  /** Seqs held because they were applied since the last reset. */
  private final Map<String, Set<Long>> applied = new HashMap<>();
  private final Set<String> established = new HashSet<>();
  private final Set<String> clientSide = new HashSet<>();
  private final Map<String, Long> maxSent = new HashMap<>();

  private int connection;
  private final Map<String, Integer> resumedOnConnection = new HashMap<>();
  private final Map<String, Long> resumedAt = new HashMap<>();
  private final Map<String, Deque<Long>> due = new HashMap<>();

  private ReferenceReplayModel(GapPolicy policy) {
    this.policy = policy;
  }

  static List<String> verdict(GapPolicy policy, List<ReplayEvent> events) {
    ReferenceReplayModel model = new ReferenceReplayModel(policy);
    int line = 0;
    for (ReplayEvent event : events) {
      model.accept(event, ++line);
    }
    model.end(line);
    return model.verdict;
  }

  private void accept(ReplayEvent event, int line) {
    String t = event.topic();
    long n = event.value();
    if (t != null) {
      topicsInOrder.add(t);
    }
    switch (event.kind()) {
      case CONNECT, DISCONNECT -> connection++;
      case SENT -> sent(t, n, line);
      case APPLIED -> applied(t, n, line);
      case DISCARDED -> discarded(t, n, line);
      case RESUME -> resume(t, n, line);
      case RESET, SNAPSHOT -> reset(t, n);
    }
  }

  private long w(String t) {
    return watermark.getOrDefault(t, 0L);
  }

  private boolean holds(String t, long seq) {
    return seq <= base.getOrDefault(t, 0L) || applied.computeIfAbsent(t, k -> new HashSet<>())
        .contains(seq);
  }

  private void applied(String t, long seq, int line) {
    clientSide.add(t);
    established.add(t);
    if (seq <= w(t)) {
      if (holds(t, seq)) {
        report(line, t, ViolationKind.DUPLICATE_APPLY);
      } else {
        report(line, t, ViolationKind.OUT_OF_ORDER_APPLY);
        applied.get(t).add(seq);
      }
      return;
    }
    if (policy == GapPolicy.STRICT && seq > w(t) + 1) {
      report(line, t, ViolationKind.GAP_APPLIED);
    }
    applied.computeIfAbsent(t, k -> new HashSet<>()).add(seq);
    watermark.put(t, seq);
  }

  private void discarded(String t, long seq, int line) {
    clientSide.add(t);
    boolean mustApply = policy == GapPolicy.KHALA ? seq > w(t) : seq == w(t) + 1;
    if (mustApply) {
      report(line, t, ViolationKind.NEW_FRAME_DISCARDED);
    }
  }

  private void reset(String t, long to) {
    clientSide.add(t);
    established.add(t);
    watermark.put(t, to);
    base.put(t, to);
    applied.put(t, new HashSet<>());
    resumedOnConnection.remove(t);
  }

  private void resume(String t, long after, int line) {
    if (!established.contains(t)) {
      established.add(t);
      watermark.put(t, after);
      base.put(t, after);
    } else if (after > w(t)) {
      report(line, t, ViolationKind.RESUME_SKIPPED_FRAMES);
    } else if (after < w(t)) {
      report(line, t, ViolationKind.WATERMARK_BACKWARDS);
    }
    resumedOnConnection.put(t, connection);
    resumedAt.put(t, after);
    Deque<Long> frames = new ArrayDeque<>();
    for (long seq = after + 1; seq <= maxSent.getOrDefault(t, 0L); seq++) {
      frames.add(seq);
    }
    due.put(t, frames);
  }

  private void sent(String t, long seq, int line) {
    Integer resumed = resumedOnConnection.get(t);
    if (resumed != null && resumed == connection) {
      Deque<Long> frames = due.get(t);
      if (seq <= resumedAt.get(t)) {
        report(line, t, ViolationKind.RESUME_REPEATED_FRAMES);
      } else if (!frames.isEmpty()) {
        if (seq == frames.peekFirst()) {
          frames.removeFirst();
        } else if (seq > frames.peekFirst()) {
          report(line, t, ViolationKind.RESUME_SKIPPED_FRAMES);
          frames.removeIf(due -> due <= seq);
        } else {
          report(line, t, ViolationKind.RESUME_REPEATED_FRAMES);
        }
      }
    }
    maxSent.merge(t, seq, Math::max);
  }

  private void end(int lastLine) {
    for (String t : topicsInOrder) {
      Integer resumed = resumedOnConnection.get(t);
      if (resumed != null && resumed == connection && !due.get(t).isEmpty()) {
        report(lastLine, t, ViolationKind.RESUME_SKIPPED_FRAMES);
      }
      if (clientSide.contains(t)) {
        long upTo = Math.max(w(t), maxSent.getOrDefault(t, 0L));
        for (long seq = 1; seq <= upTo; seq++) {
          if (!holds(t, seq)) {
            report(lastLine, t, ViolationKind.SILENT_HOLE);
            break;
          }
        }
      }
    }
  }

  private void report(int line, String topic, ViolationKind kind) {
    verdict.add("line " + line + " " + topic + " " + kind);
  }
}
