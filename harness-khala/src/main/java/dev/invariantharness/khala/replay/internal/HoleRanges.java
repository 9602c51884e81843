package dev.invariantharness.khala.replay.internal;

import java.util.Arrays;

/**
 * The seqs a topic's client skipped below its watermark, as sorted disjoint ranges, each with the
 * line where it was skipped. Holes are only ever added above every existing one (a gap opens
 * between the watermark and a higher applied seq), and only shrink when an out-of-order apply
 * fills one seq, or clear on a reset.
 *
 * <p>Bounded: at most {@link #MAX_RANGES} ranges are tracked per topic, so memory depends on the
 * number of topics, not frames. Further holes are only counted ({@link #untrackedRanges()},
 * {@link #untrackedSeqs()}); a seq filled inside an untracked hole is then indistinguishable from
 * a duplicate, which is still reported, only under the other kind.
 */
final class HoleRanges {

  static final int MAX_RANGES = 1024;

  private long[] from = new long[4];
  private long[] to = new long[4];
  private long[] lines = new long[4];
  private int size;
  private long untrackedRanges;
  private long untrackedSeqs;

  /** Adds the hole {@code first..last}, which lies above every hole already held. */
  void add(long first, long last, long line) {
    if (size == MAX_RANGES) {
      untrackedRanges++;
      untrackedSeqs += last - first + 1;
      return;
    }
    if (size == from.length) {
      int capacity = Math.min(MAX_RANGES, size * 2);
      from = Arrays.copyOf(from, capacity);
      to = Arrays.copyOf(to, capacity);
      lines = Arrays.copyOf(lines, capacity);
    }
    from[size] = first;
    to[size] = last;
    lines[size] = line;
    size++;
  }

  /**
   * Removes {@code seq} if it lies in a tracked hole and returns the line where that hole was
   * skipped; returns -1 when {@code seq} is in no tracked hole.
   */
  long fill(long seq) {
    int i = indexOf(seq);
    if (i < 0) {
      return -1;
    }
    long skippedAt = lines[i];
    if (from[i] == to[i]) {
      remove(i);
    } else if (seq == from[i]) {
      from[i] = seq + 1;
    } else if (seq == to[i]) {
      to[i] = seq - 1;
    } else if (size < MAX_RANGES) {
      insertAfter(i, seq + 1, to[i], lines[i]);
      to[i] = seq - 1;
    } else {
      // no room to split: keep the lower part tracked, count the upper part
      untrackedRanges++;
      untrackedSeqs += to[i] - seq;
      to[i] = seq - 1;
    }
    return skippedAt;
  }

  private int indexOf(long seq) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (to[mid] < seq) {
        low = mid + 1;
      } else if (from[mid] > seq) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private void remove(int i) {
    int tail = size - i - 1;
    System.arraycopy(from, i + 1, from, i, tail);
    System.arraycopy(to, i + 1, to, i, tail);
    System.arraycopy(lines, i + 1, lines, i, tail);
    size--;
  }

  private void insertAfter(int i, long first, long last, long line) {
    if (size == from.length) {
      int capacity = Math.min(MAX_RANGES, size * 2);
      from = Arrays.copyOf(from, capacity);
      to = Arrays.copyOf(to, capacity);
      lines = Arrays.copyOf(lines, capacity);
    }
    int tail = size - i - 1;
    System.arraycopy(from, i + 1, from, i + 2, tail);
    System.arraycopy(to, i + 1, to, i + 2, tail);
    System.arraycopy(lines, i + 1, lines, i + 2, tail);
    from[i + 1] = first;
    to[i + 1] = last;
    lines[i + 1] = line;
    size++;
  }

  void clear() {
    size = 0;
    untrackedRanges = 0;
    untrackedSeqs = 0;
  }

  boolean isEmpty() {
    return size == 0 && untrackedRanges == 0;
  }

  int size() {
    return size;
  }

  long from(int i) {
    return from[i];
  }

  long to(int i) {
    return to[i];
  }

  long line(int i) {
    return lines[i];
  }

  long untrackedRanges() {
    return untrackedRanges;
  }

  long untrackedSeqs() {
    return untrackedSeqs;
  }
}
