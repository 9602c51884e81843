package dev.invariantharness.runtime.parity.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON pointer (RFC 6901) whose {@code *} segments match any one key or array index.
 *
 * @param segments unescaped reference tokens; {@code *} is the wildcard
 */
public record PointerPattern(List<String> segments) {

  /** Copies the segments. */
  public PointerPattern {
    segments = List.copyOf(segments);
  }

  /**
   * Parses {@code pointer}: {@code ""} is the whole document, otherwise it starts with {@code /}.
   *
   * @throws IllegalArgumentException naming the pointer and the problem
   */
  public static PointerPattern parse(String pointer) {
    if (pointer == null) {
      throw new IllegalArgumentException("pointer is required");
    }
    return new PointerPattern(split(pointer));
  }

  /** The unescaped reference tokens of a concrete pointer. */
  public static List<String> split(String pointer) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("JSON pointer '" + pointer + "' must be empty or start with '/'");
    }
    List<String> out = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      if (raw.matches(".*~(?![01]).*")) {
        throw new IllegalArgumentException("JSON pointer '" + pointer + "' has '~' not followed by 0 or 1");
      }
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** Escapes one token for a pointer: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Whether this pattern matches {@code pointer} or one of its ancestors. */
  public boolean coversPointer(List<String> pointer) {
    if (pointer.size() < segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String s = segments.get(i);
      if (!s.equals("*") && !s.equals(pointer.get(i))) {
        return false;
      }
    }
    return true;
  }
}
