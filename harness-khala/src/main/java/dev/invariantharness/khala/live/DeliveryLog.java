package dev.invariantharness.khala.live;

import dev.invariantharness.khala.wire.SyncEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one subscription received on one connection, from the moment the subscribe was sent.
 *
 * @param peer the peer (no query, no token)
 * @param topics the subscribed topics
 * @param resumeAfter the resume points sent
 * @param frames the frames, in arrival order
 * @param heads the heads the peer announced (reply {@code current_watermarks}, heartbeats)
 * @param reply the subscribe reply, if one came
 * @param staleCursor the stale-cursor answer, if one came
 */
public record DeliveryLog(String peer, List<String> topics, Map<String, Long> resumeAfter, List<SyncEvent.Frame> frames,
    Map<String, Long> heads, Optional<SyncEvent.Reply> reply, Optional<SyncEvent.StaleCursor> staleCursor) {

  /** The frames as evidence lines: {@code topic seq form}. */
  public List<String> lines() {
    return frames.stream().map(f -> f.topic() + " " + f.seq() + " " + f.form()).toList();
  }

  /** The seqs of {@code topic}, in arrival order. */
  public List<Long> seqs(String topic) {
    return frames.stream().filter(f -> f.topic().equals(topic)).map(SyncEvent.Frame::seq).toList();
  }
}
