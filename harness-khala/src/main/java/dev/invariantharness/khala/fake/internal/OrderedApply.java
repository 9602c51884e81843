package dev.invariantharness.khala.fake.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The client apply rule, per topic: discard {@code seq <= last_applied}, apply
 * {@code seq == last_applied + 1}, and a larger seq is a gap to be fetched (resume), never applied.
 * Memory is one counter per topic.
 *
 * <p>A private reference for the fake server and its reference client; the harness's shared
 * model lives in {@code dev.invariantharness.khala.replay}.
 */
public final class OrderedApply {

  /** What the rule says about one frame. */
  public enum Decision { APPLY, DUPLICATE, GAP }

  private final Map<String, Long> applied = new HashMap<>();

  public Decision offer(String topic, long seq) {
    long last = applied.getOrDefault(topic, 0L);
    if (seq <= last) {
      return Decision.DUPLICATE;
    }
    if (seq > last + 1) {
      return Decision.GAP;
    }
    applied.put(topic, seq);
    return Decision.APPLY;
  }

  public long watermark(String topic) {
    return applied.getOrDefault(topic, 0L);
  }

  /** Resets {@code topic} to {@code watermark} (after a stale cursor and a snapshot bootstrap). */
  public void reset(String topic, long watermark) {
    applied.put(topic, watermark);
  }

  public Map<String, Long> watermarks() {
    return Map.copyOf(applied);
  }
}
