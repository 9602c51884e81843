package dev.invariantharness.khala.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small simulation of a Khala server and a correct client, driven by generated steps, that
 * writes the frame log the checker would see: at-least-once delivery with duplicates, lost and
 * reordered frames, reconnects that resume every topic, and a client that follows its gap
 * policy (discard at or below the watermark; fill a gap by reset and replay under khala, resync
 * under strict). {@link Step.Kind#REAPPLY} is the one injected client fault.
 */
final class SimulatedSync {

  /** One thing that happens; the topic is ignored by {@link Kind#RECONNECT}. */
  record Step(Kind kind, String topic) {

    enum Kind {
      PUBLISH, DUPLICATE, DROP, REORDER, RECONNECT, REAPPLY
    }

    @Override
    public String toString() {
      return kind == Kind.RECONNECT ? "RECONNECT" : kind + " " + topic;
    }
  }

  static final List<String> TOPICS = List.of("a", "b", "c");

  private final GapPolicy policy;
  private final List<ReplayEvent> log = new ArrayList<>();
  private final ApplyModel client;
  /** The server's last allocated seq per topic. */
  private final Map<String, Long> head = new HashMap<>();
  /** The last seq sent on the current connection (after the latest resume) per topic. */
  private final Map<String, Long> lastSent = new HashMap<>();
  private int faults;

  private SimulatedSync(GapPolicy policy) {
    this.policy = policy;
    this.client = ApplyModel.with(policy);
  }

  /** The log of {@code steps} played under {@code policy}. */
  static History play(GapPolicy policy, List<Step> steps) {
    return new SimulatedSync(policy).run(steps).history();
  }

  /** How many injected faults actually fired while playing {@code steps}. */
  static int faultsFired(GapPolicy policy, List<Step> steps) {
    return new SimulatedSync(policy).run(steps).faults;
  }

  private SimulatedSync run(List<Step> steps) {
    connectAndResume();
    for (Step step : steps) {
      String t = step.topic();
      switch (step.kind()) {
        case PUBLISH -> deliver(t, allocate(t));
        case DROP -> allocate(t);
        case DUPLICATE -> {
          Long last = lastSent.get(t);
          if (last != null) {
            deliver(t, last);
          }
        }
        case REORDER -> {
          long first = allocate(t);
          long second = allocate(t);
          deliver(t, second);
          deliver(t, first);
        }
        case RECONNECT -> {
          log.add(ReplayEvent.disconnect());
          connectAndResume();
        }
        case REAPPLY -> {
          long w = client.watermark(t);
          if (w > 0) {
            log.add(ReplayEvent.applied(t, w));
            faults++;
          }
        }
      }
    }
    // a correct client ends caught up: a last reconnect fetches anything lost
    log.add(ReplayEvent.disconnect());
    connectAndResume();
    return this;
  }

  private History history() {
    return new History(policy, log);
  }

  private long allocate(String t) {
    return head.merge(t, 1L, Long::sum);
  }

  private void connectAndResume() {
    log.add(ReplayEvent.connect());
    lastSent.clear();
    for (String t : TOPICS) {
      resume(t);
    }
  }

  private void resume(String t) {
    long from = client.watermark(t);
    log.add(ReplayEvent.resume(t, from));
    lastSent.remove(t);
    for (long seq = from + 1; seq <= head.getOrDefault(t, 0L); seq++) {
      deliver(t, seq);
    }
  }

  private void deliver(String t, long seq) {
    log.add(ReplayEvent.sent(t, seq));
    lastSent.put(t, seq);
    long before = client.watermark(t);
    switch (client.offer(new Frame(t, seq))) {
      case APPLY -> {
        log.add(ReplayEvent.applied(t, seq));
        if (seq > before + 1) {
          // khala applied over a gap: rewind to the gap and replay it
          client.reset(new Watermark(t, before));
          log.add(ReplayEvent.reset(t, before));
          resume(t);
        }
      }
      case DISCARD -> log.add(ReplayEvent.discarded(t, seq));
      case RESYNC_REQUIRED -> {
        log.add(ReplayEvent.discarded(t, seq));
        resume(t);
      }
    }
  }
}
