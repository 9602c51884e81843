package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The reference client of the ordering contract: per-topic watermarks and the apply decision of
 * a {@link GapPolicy}. Use it where a test needs a correct client to compare against, or to drive
 * a fake client that applies frames the way the contract says.
 *
 * <pre>{@code
 * ApplyModel client = ApplyModel.with(GapPolicy.KHALA);
 * client.offer(new Frame("a", 1));             // APPLY, watermark of "a" is 1
 * client.offer(new Frame("a", 1));             // DISCARD: duplicate
 * client.offer(new Frame("b", 9));             // APPLY: topics are independent
 * client.reset(new Watermark("a", 0));         // stale cursor: rebootstrap from 0
 * long resumeAfter = client.watermark("a");    // 0
 * }</pre>
 *
 * <p>Not thread-safe: a client applies frames from one thread, as the contract's per-topic order
 * requires.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ApplyModel {

  private final GapPolicy policy;
  private final Map<String, Long> watermarks = new HashMap<>();

  private ApplyModel(GapPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A client with no state, applying frames under {@code policy}. */
  public static ApplyModel with(GapPolicy policy) {
    return new ApplyModel(policy);
  }

  /** The policy this client follows. */
  public GapPolicy policy() {
    return policy;
  }

  /** What this client must do with {@code frame}, without changing its state. */
  public ApplyDecision decide(Frame frame) {
    return policy.decide(watermark(frame.topic()), frame.seq());
  }

  /**
   * Offers {@code frame} to the client: when the decision is {@link ApplyDecision#APPLY} the
   * topic's watermark moves to the frame's seq. Returns the decision.
   */
  public ApplyDecision offer(Frame frame) {
    ApplyDecision decision = decide(frame);
    if (decision == ApplyDecision.APPLY) {
      watermarks.put(frame.topic(), frame.seq());
    }
    return decision;
  }

  /**
   * Sets a topic's watermark after a snapshot or a full resync (stale cursor): the one legitimate
   * way to move a watermark other than applying frames, and the only way it may go backwards.
   */
  public void reset(Watermark watermark) {
    watermarks.put(watermark.topic(), watermark.seq());
  }

  /** The topic's watermark ({@code last_applied_seq}); 0 for a topic never seen. */
  public long watermark(String topic) {
    return watermarks.getOrDefault(topic, 0L);
  }

  /** Every topic's watermark, e.g. for a subscribe's {@code resume_after}. */
  public Map<String, Long> watermarks() {
    return Map.copyOf(watermarks);
  }
}
