package dev.invariantharness.deploy.lint.internal;

import java.util.Arrays;

/** Offsets to 0-based (line, column), as squawk reports them: columns count UTF-8 bytes. */
public final class LineIndex {

  private final String text;
  /** Line starts, found on the first lookup: most files of a clean directory never need them. */
  private int[] starts;
  private int lines;

  /** An index over {@code text}. */
  public LineIndex(String text) {
    this.text = text;
  }

  private void index() {
    starts = new int[16];
    lines = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (lines == starts.length) {
        starts = Arrays.copyOf(starts, lines * 2);
      }
      starts[lines++] = i + 1;
    }
  }

  /** {line, column} of {@code offset}. */
  public int[] position(int offset) {
    if (starts == null) {
      index();
    }
    int lo = 0;
    int hi = lines - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int column = 0;
    for (int i = starts[lo]; i < offset; i++) {
      char c = text.charAt(i);
      // a surrogate pair is one 4-byte character: 2 bytes for each half
      column += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return new int[] {lo, column};
  }
}
