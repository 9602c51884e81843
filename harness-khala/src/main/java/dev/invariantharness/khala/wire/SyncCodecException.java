package dev.invariantharness.khala.wire;

import dev.invariantharness.HarnessInputException;

/**
 * A message that is not in any documented form. The message names the surface, quotes the
 * offending input (shortened) and says what was wrong, e.g.
 * {@code Phoenix channel message '[1,2,3]': expected a 5-element array [join_ref, ref, topic, event, payload], got 3 elements}.
 */
public class SyncCodecException extends HarnessInputException {

  private static final long serialVersionUID = 1L;

  /** How much of the offending input is quoted. */
  static final int QUOTED = 200;

  /** {@code surface} could not decode {@code input} because of {@code problem}. */
  public SyncCodecException(String surface, String input, String problem) {
    this(surface, input, problem, null);
  }

  /** As {@link #SyncCodecException(String, String, String)}, with the parser's cause. */
  public SyncCodecException(String surface, String input, String problem, Throwable cause) {
    super(surface + " message '" + quote(input) + "'", -1, problem, cause);
  }

  static String quote(String input) {
    if (input == null) {
      return "null";
    }
    return input.length() <= QUOTED ? input : input.substring(0, QUOTED) + "…(" + input.length() + " chars)";
  }
}
