package dev.invariantharness.surface.compare;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
      List<String> segments = segments(p);
      if (!segments.isEmpty()) {
        remove(tree, segments, 0);
      }
    }
    return tree;
  }

  /** The value at {@code pointer} (naming conventions matched as in {@link #without}), or null. */
  public static JsonNode at(JsonNode tree, String pointer) {
    JsonNode n = tree;
    for (String s : segments(pointer)) {
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

  private static JsonNode child(JsonNode n, String segment) {
    if (n.isArray()) {
      return segment.matches("\\d+") ? n.get(Integer.parseInt(segment)) : null;
    }
    if (!n.isObject()) {
      return null;
    }
    JsonNode c = n.get(segment);
    if (c == null) {
      c = n.get(lowerCamel(segment));
    }
    if (c == null) {
      c = n.get(snake(segment));
    }
    return c;
  }

  private static void remove(JsonNode n, List<String> segments, int i) {
    String s = segments.get(i);
    boolean last = i == segments.size() - 1;
    if (n instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      if (s.equals("*")) {
        o.fieldNames().forEachRemaining(names::add);
      } else {
        for (String candidate : new String[] {s, lowerCamel(s), snake(s)}) {
          if (o.has(candidate) && !names.contains(candidate)) {
            names.add(candidate);
          }
        }
      }
      for (String name : names) {
        if (last) {
          o.remove(name);
        } else {
          remove(o.get(name), segments, i + 1);
        }
      }
    } else if (n instanceof ArrayNode a) {
      if (s.equals("*")) {
        for (int k = last ? a.size() - 1 : 0; last ? k >= 0 : k < a.size(); k += last ? -1 : 1) {
          if (last) {
            a.remove(k);
          } else {
            remove(a.get(k), segments, i + 1);
          }
        }
      } else if (s.matches("\\d+") && Integer.parseInt(s) < a.size()) {
        if (last) {
          a.remove(Integer.parseInt(s));
        } else {
          remove(a.get(Integer.parseInt(s)), segments, i + 1);
        }
      }
    }
  }
}
