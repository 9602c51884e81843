package dev.invariantharness.runtime.parity.internal;

/**
 * What one side answered to one exchange, or why it did not.
 *
 * @param status the HTTP status, or 0 when it did not answer
 * @param body the body text, or empty
 * @param error why it did not answer, or null when it did
 */
public record Answer(int status, String body, String error) {

  /** A side that was not asked (no second legacy instance configured). */
  public static final Answer NOT_ASKED = new Answer(0, "", null);

  /** Whether the side failed to answer. */
  public boolean failed() {
    return error != null;
  }
}
