package dev.invariantharness.deploy.lint.internal;

import java.util.ArrayList;
import java.util.List;

/** Offsets to 0-based (line, column), as squawk reports them: columns count UTF-8 bytes. */
public final class LineIndex {

  private final String text;
  private final List<Integer> starts = new ArrayList<>();

  /** The line starts of {@code text}. */
  public LineIndex(String text) {
    this.text = text;
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
  }

  /** {line, column} of {@code offset}. */
  public int[] position(int offset) {
    int lo = 0;
    int hi = starts.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts.get(mid) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int column = 0;
    for (int i = starts.get(lo); i < offset; i++) {
      char c = text.charAt(i);
      // a surrogate pair is one 4-byte character: 2 bytes for each half
      column += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return new int[] {lo, column};
  }
}
