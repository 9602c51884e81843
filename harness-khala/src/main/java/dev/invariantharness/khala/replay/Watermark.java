package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A per-topic watermark: the highest {@code seq} whose effects are in a client's state
 * ({@code last_applied_seq}). A client resumes "after" a watermark, and a snapshot or a full
 * resync brings the client to one.
 *
 * <pre>{@code
 * Watermark resumeFrom = new Watermark("runtime.notifications", 120);
 * }</pre>
 *
 * @param topic the topic
 * @param seq the watermark, {@code >= 0}; 0 means nothing applied yet
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Watermark(String topic, long seq) {

  public Watermark {
    Objects.requireNonNull(topic, "topic");
    if (seq < 0) {
      throw new IllegalArgumentException(
          "watermark must be >= 0, was " + seq + " on topic " + topic);
    }
  }

  @Override
  public String toString() {
    return topic + "@" + seq;
  }
}
