package dev.invariantharness.evidence.internal;

/**
 * Builds a copy of a text with replaced ranges, in one left-to-right pass. Allocates nothing
 * until the first real change, so a rule that finds nothing returns its input unchanged.
 */
final class Splicer {

  private final String text;
  private StringBuilder out;
  private int copied;

  Splicer(String text) {
    this.text = text;
  }

  /** Replaces {@code [start, end)}; ranges must come in increasing, non-overlapping order. */
  void replace(int start, int end, String replacement) {
    if (start < copied || end < start) {
      throw new IllegalStateException("overlapping replacement at " + start + " (copied up to " + copied + ")");
    }
    if (out == null) {
      out = new StringBuilder(text.length() + 32);
    }
    out.append(text, copied, start).append(replacement);
    copied = end;
  }

  String result() {
    if (out == null) {
      return text;
    }
    out.append(text, copied, text.length());
    return out.toString();
  }

  /** Whether {@code [start, end)} lies inside an occurrence of the marker, so redacting it again would change nothing useful. */
  static boolean insideMarker(String text, int start, int end) {
    int len = RedactionRule.MARKER.length();
    for (int from = Math.max(0, start - len + 1); from <= start; from++) {
      if (end <= from + len && text.startsWith(RedactionRule.MARKER, from)) {
        return true;
      }
    }
    return false;
  }
}
