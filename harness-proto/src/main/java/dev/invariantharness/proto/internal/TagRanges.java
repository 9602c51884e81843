package dev.invariantharness.proto.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Inclusive tag ranges: collapsing, finding what a previous range lost, printing like buf. */
final class TagRanges {

  private TagRanges() {}

  static List<int[]> collapse(List<int[]> ranges) {
    List<int[]> sorted = new ArrayList<>();
    for (int[] r : ranges) {
      sorted.add(r.clone());
    }
    sorted.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> r[1]));
    List<int[]> out = new ArrayList<>();
    for (int[] r : sorted) {
      if (!out.isEmpty() && (long) r[0] <= (long) out.get(out.size() - 1)[1] + 1) {
        int[] last = out.get(out.size() - 1);
        last[1] = Math.max(last[1], r[1]);
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /** The parts of [start, end] no collapsed range covers. */
  static List<int[]> missing(int start, int end, List<int[]> collapsed) {
    List<int[]> out = new ArrayList<>();
    long cursor = start;
    for (int[] r : collapsed) {
      if (r[1] < cursor) {
        continue;
      }
      if (r[0] > end) {
        break;
      }
      if (r[0] > cursor) {
        out.add(new int[] {(int) cursor, r[0] - 1});
      }
      cursor = (long) r[1] + 1;
      if (cursor > end) {
        return out;
      }
    }
    if (cursor <= end) {
      out.add(new int[] {(int) cursor, end});
    }
    return out;
  }

  static String string(int[] r, int maxTag) {
    if (r[0] == r[1]) {
      return "[" + r[0] + "]";
    }
    if (r[1] == maxTag) {
      return "[" + r[0] + ",max]";
    }
    return "[" + r[0] + "," + r[1] + "]";
  }

  static String missingString(List<int[]> missing, int maxTag) {
    List<String> parts = new ArrayList<>();
    for (int[] r : missing) {
      parts.add(string(r, maxTag));
    }
    return String.join(", ", parts);
  }
}
