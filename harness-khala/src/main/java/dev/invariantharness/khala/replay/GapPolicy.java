package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How a client treats a frame whose seq is more than one above its watermark (a gap). Both
 * policies discard a seq at or below the watermark; they differ only on gaps.
 *
 * <pre>{@code
 * GapPolicy.KHALA.decide(4, 7);   // APPLY: the gap 5..6 must be filled later
 * GapPolicy.STRICT.decide(4, 7);  // RESYNC_REQUIRED: only seq 5 may apply
 * GapPolicy.STRICT.decide(4, 4);  // DISCARD: already applied
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum GapPolicy {

  /**
   * The Khala client rule (the default): apply every {@code seq > last_applied_seq}. A gap is a
   * replay/bootstrap concern: the client must fill it by replay (rewind with a reset, then
   * resume) or by a snapshot before it is consistent, and a history that ends with a silent
   * hole violates INV-07.
   */
  KHALA("khala"),

  /**
   * Gap-free apply: only {@code seq == watermark + 1} applies; a larger seq requires a resync
   * (resume after the watermark, or a snapshot). Applying it anyway violates INV-07.
   */
  STRICT("strict");

  private final String id;

  GapPolicy(String id) {
    this.id = id;
  }

  /** The reference decision for a frame with {@code seq} arriving at a topic at {@code watermark}. */
  public ApplyDecision decide(long watermark, long seq) {
    if (seq <= watermark) {
      return ApplyDecision.DISCARD;
    }
    if (this == STRICT && seq != watermark + 1) {
      return ApplyDecision.RESYNC_REQUIRED;
    }
    return ApplyDecision.APPLY;
  }

  /** The lower-case name used in configuration and messages: {@code khala} or {@code strict}. */
  public String id() {
    return id;
  }

  /**
   * The policy named {@code id} ({@code khala} or {@code strict}, any case).
   *
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  public static GapPolicy of(String id) {
    for (GapPolicy policy : values()) {
      if (policy.id.equalsIgnoreCase(id.trim())) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "unknown gap policy '" + id + "'; expected one of: khala, strict");
  }

  @Override
  public String toString() {
    return id;
  }
}
