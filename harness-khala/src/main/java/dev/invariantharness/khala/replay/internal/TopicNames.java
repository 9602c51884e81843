package dev.invariantharness.khala.replay.internal;

import java.util.Arrays;

/**
 * Turns a topic read from the parser's character buffer into one shared {@code String} per
 * topic, without allocating for topics already seen: a log has a few topics and millions of
 * lines, so the per-line cost is a cheap hash and one vectorised comparison.
 */
final class TopicNames {

  private char[][] keys = new char[64][];
  private String[] names = new String[64];
  private int size;

  String intern(char[] buffer, int offset, int length) {
    int mask = keys.length - 1;
    int slot = hash(buffer, offset, length) & mask;
    while (true) {
      char[] key = keys[slot];
      if (key == null) {
        return add(slot, buffer, offset, length);
      }
      if (key.length == length && Arrays.equals(key, 0, length, buffer, offset, offset + length)) {
        return names[slot];
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Length and a few characters: enough to spread real topic names, cheap to compute. */
  private static int hash(char[] buffer, int offset, int length) {
    int h = length;
    if (length > 0) {
      h = h * 31 + buffer[offset];
      h = h * 31 + buffer[offset + length - 1];
      h = h * 31 + buffer[offset + (length >> 1)];
      h = h * 31 + buffer[offset + (length >> 2)];
      h = h * 31 + buffer[offset + length - 1 - (length >> 2)];
    }
    return h ^ (h >>> 16);
  }

  private String add(int slot, char[] buffer, int offset, int length) {
    String name = new String(buffer, offset, length);
    keys[slot] = Arrays.copyOfRange(buffer, offset, offset + length);
    names[slot] = name;
    if (++size * 2 > keys.length) {
      grow();
    }
    return name;
  }

  private void grow() {
    char[][] oldKeys = keys;
    String[] oldNames = names;
    keys = new char[oldKeys.length * 2][];
    names = new String[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      char[] key = oldKeys[i];
      if (key != null) {
        int slot = hash(key, 0, key.length) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        names[slot] = oldNames[i];
      }
    }
  }
}
