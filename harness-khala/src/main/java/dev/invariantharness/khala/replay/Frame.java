package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One Khala frame as the ordering contract sees it: its topic and its per-topic sequence number.
 * Logical order is {@code (topic, seq)}; frames of different topics are unordered.
 *
 * <pre>{@code
 * Frame frame = new Frame("run:42:events", 7);
 * }</pre>
 *
 * @param topic the topic, e.g. {@code runtime.run_summaries} or {@code run:<run_id>:events}
 * @param seq the per-topic sequence number, {@code >= 0} (0 is reserved for error frames)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Frame(String topic, long seq) {

  public Frame {
    Objects.requireNonNull(topic, "topic");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, was " + seq + " on topic " + topic);
    }
  }

  @Override
  public String toString() {
    return topic + "#" + seq;
  }
}
