package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Leaf-level differences between two JSON documents, each named by its JSON pointer. */
public final class JsonDiff {

  /**
   * One differing leaf.
   *
   * @param pointer where ({@code ""} for the whole document)
   * @param left the left value, or null when absent on the left
   * @param right the right value, or null when absent on the right
   */
  public record Leaf(String pointer, JsonNode left, JsonNode right) {}

  private JsonDiff() {}

  /** Every leaf that differs, left's order first, then leaves only the right has. */
  public static List<Leaf> diff(JsonNode left, JsonNode right) {
    Map<String, JsonNode> l = flatten(left);
    Map<String, JsonNode> r = flatten(right);
    List<Leaf> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : l.entrySet()) {
      JsonNode other = r.get(e.getKey());
      if (other == null || !JsonValues.same(e.getValue(), other)) {
        out.add(new Leaf(e.getKey(), e.getValue(), other));
      }
    }
    for (Map.Entry<String, JsonNode> e : r.entrySet()) {
      if (!l.containsKey(e.getKey())) {
        out.add(new Leaf(e.getKey(), null, e.getValue()));
      }
    }
    return out;
  }

  /** Leaves by pointer: scalars, empty objects and empty arrays. */
  static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten(node, "", out);
    return out;
  }

  private static void flatten(JsonNode node, String at, Map<String, JsonNode> out) {
    if (node.isObject() && node.size() > 0) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(e.getValue(), at + "/" + PointerPattern.escape(e.getKey()), out);
      }
    } else if (node.isArray() && node.size() > 0) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), at + "/" + i, out);
      }
    } else {
      out.put(at, node);
    }
  }
}
