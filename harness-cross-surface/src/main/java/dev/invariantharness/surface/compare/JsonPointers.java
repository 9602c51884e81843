package dev.invariantharness.surface.compare;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * JSON pointers (RFC 6901) as volatile-field rules: {@code /updatedAt} removes one field,
 * {@code /items/{@literal *}/etag} removes {@code etag} from every element. A segment written in
 * {@code snake_case} also matches its lowerCamelCase form and the other way round, so one rule
 * fits answers canonicalised with either naming convention.
 *
 * <pre>{@code
 * JsonNode stable = JsonPointers.without(answer, List.of("/updatedAt", "/items/*\/etag"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JsonPointers {

  private JsonPointers() {}

  /** A copy of {@code tree} with every field matched by a pointer in {@code pointers} removed. */
  public static JsonNode without(JsonNode tree, Collection<String> pointers) {
    if (pointers.isEmpty() || tree == null) {
      return tree;
    }
    JsonNode copy = tree.deepCopy();
    removeIn(copy, pointers);
    return copy;
  }

  /**
   * Removes every field matched by a pointer in {@code pointers} from {@code tree} itself, for a
   * tree the caller owns and no longer needs whole (no copy is made); returns {@code tree}.
   */
  public static JsonNode removeIn(JsonNode tree, Collection<String> pointers) {
    if (tree == null) {
      return null;
    }
    for (String p : pointers) {
      Segment[] segments = compiled(p);
      if (segments.length > 0) {
        remove(tree, segments, 0);
      }
    }
    return tree;
  }

  /** The value at {@code pointer} (naming conventions matched as in {@link #without}), or null. */
  public static JsonNode at(JsonNode tree, String pointer) {
    JsonNode n = tree;
    for (Segment s : compiled(pointer)) {
      if (n == null) {
        return null;
      }
      n = child(n, s);
    }
    return n;
  }

  /** Splits a pointer into unescaped segments. */
  public static List<String> segments(String pointer) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
      return List.of();
    }
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("'" + pointer + "' is not a JSON pointer (it must start with '/')");
    }
    List<String> out = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** Escapes a field name for use as a pointer segment. */
  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** {@code note_id} to {@code noteId}. */
  public static String lowerCamel(String name) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** {@code noteId} to {@code note_id}. */
  public static String snake(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * One segment of a pointer, its spellings worked out once: the segment as written, then its
   * lowerCamelCase and snake_case forms (distinct), and its value as an array index.
   */
  private record Segment(boolean any, String[] spellings, int index) {

    static Segment of(String s) {
      Set<String> spellings = new LinkedHashSet<>(List.of(s, lowerCamel(s), snake(s)));
      int index = -1;
      if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
        try {
          index = Integer.parseInt(s);
        } catch (NumberFormatException beyondAnyArray) {
          index = Integer.MAX_VALUE;
        }
      }
      return new Segment(s.equals("*"), spellings.toArray(new String[0]), index);
    }
  }

  /**
   * Pointers split and spelled out once, not once per answer: a pointer's compiled form depends
   * on its text alone. Bounded, for a process that makes up pointers without end.
   */
  private static final Map<String, Segment[]> COMPILED = new ConcurrentHashMap<>();

  private static Segment[] compiled(String pointer) {
    Segment[] c = COMPILED.get(pointer);
    if (c == null) {
      c = segments(pointer).stream().map(Segment::of).toArray(Segment[]::new);
      if (COMPILED.size() < 4_096) {
        COMPILED.put(pointer, c);
      }
    }
    return c;
  }

  private static JsonNode child(JsonNode n, Segment segment) {
    if (n.isArray()) {
      return segment.index() >= 0 ? n.get(segment.index()) : null;
    }
    if (!n.isObject()) {
      return null;
    }
    for (String spelling : segment.spellings()) {
      JsonNode c = n.get(spelling);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  private static void remove(JsonNode n, Segment[] segments, int i) {
    Segment s = segments[i];
    boolean last = i == segments.length - 1;
    if (n instanceof ObjectNode o) {
      if (s.any()) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          if (last) {
            o.remove(name);
          } else {
            remove(o.get(name), segments, i + 1);
          }
        }
        return;
      }
      for (String name : s.spellings()) {
        if (!o.has(name)) {
          continue;
        }
        if (last) {
          o.remove(name);
        } else {
          remove(o.get(name), segments, i + 1);
        }
      }
    } else if (n instanceof ArrayNode a) {
      if (s.any()) {
        for (int k = last ? a.size() - 1 : 0; last ? k >= 0 : k < a.size(); k += last ? -1 : 1) {
          if (last) {
            a.remove(k);
          } else {
            remove(a.get(k), segments, i + 1);
          }
        }
      } else if (s.index() >= 0 && s.index() < a.size()) {
        if (last) {
          a.remove(s.index());
        } else {
          remove(a.get(s.index()), segments, i + 1);
        }
      }
    }
  }
}
