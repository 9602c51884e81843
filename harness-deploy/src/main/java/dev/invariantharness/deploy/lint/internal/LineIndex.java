package dev.invariantharness.deploy.lint.internal;

import java.util.ArrayList;
import java.util.List;

/** Offsets to 0-based (line, column), as squawk reports them. */
public final class LineIndex {

  private final List<Integer> starts = new ArrayList<>();

  /** The line starts of {@code text}. */
  public LineIndex(String text) {
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
    return new int[] {lo, offset - starts.get(lo)};
  }
}
