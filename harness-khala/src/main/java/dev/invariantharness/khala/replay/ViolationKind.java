package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The ways a frame log can break the INV-07 ordering and delivery contract. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ViolationKind {

  /** The client applied a {@code (topic, seq)} whose effects it already had. */
  DUPLICATE_APPLY("duplicate apply"),

  /**
   * The client applied a seq below its watermark that it had skipped earlier: the frame filled a
   * hole, but out of order; the rule discards every seq at or below {@code last_applied_seq}.
   */
  OUT_OF_ORDER_APPLY("out-of-order apply"),

  /**
   * Under {@link GapPolicy#STRICT}: the client applied a seq more than one above its watermark
   * instead of resyncing.
   */
  GAP_APPLIED("gap applied"),

  /** The client discarded a frame the gap policy says it must apply. */
  NEW_FRAME_DISCARDED("new frame discarded"),

  /**
   * A resume skipped frames: the client resumed after a watermark above what it had applied, or
   * the server's redelivery after a resume left out frames after the watermark.
   */
  RESUME_SKIPPED_FRAMES("resume skipped frames"),

  /**
   * After a resume at watermark W the server redelivered a frame at or below W, or one it had
   * already redelivered: a resume redelivers exactly the frames after W, once, in order.
   */
  RESUME_REPEATED_FRAMES("resume repeated frames"),

  /**
   * The client resumed after a watermark below what it had applied without a reset or snapshot:
   * its watermark went backwards.
   */
  WATERMARK_BACKWARDS("watermark went backwards"),

  /**
   * At the end of the log the client's state misses frames: a gap it never filled, or frames the
   * server sent that it never applied.
   */
  SILENT_HOLE("silent hole at end"),

  /**
   * Server side, at least once: a seq between the delivery's start (a resume point) and the head
   * never arrived on the connection — duplicates and reordering allowed, a silent hole is not.
   */
  NOT_DELIVERED("frame never delivered");

  private final String label;

  ViolationKind(String label) {
    this.label = label;
  }

  /** A short lower-case label for messages, e.g. {@code duplicate apply}. */
  public String label() {
    return label;
  }
}
