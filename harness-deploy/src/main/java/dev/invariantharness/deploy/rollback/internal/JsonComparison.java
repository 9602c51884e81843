package dev.invariantharness.deploy.rollback.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.deploy.rollback.ServedComparison;
import java.util.ArrayList;
import java.util.List;

/** Status plus canonical JSON (sorted keys, ignored pointers removed); text bodies compared as text. */
public final class JsonComparison implements ServedComparison {

  private static final ObjectMapper JSON = Json.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final List<String> ignored;

  /** A comparison ignoring {@code ignored} JSON pointers. */
  public JsonComparison(List<String> ignored) {
    this.ignored = List.copyOf(ignored);
  }

  @Override
  public List<String> differences(Served before, Served after) {
    List<String> out = new ArrayList<>();
    if (before.status() != after.status()) {
      out.add("status " + before.status() + " before rollback, " + after.status() + " after");
    }
    String a = canonical(before.body());
    String b = canonical(after.body());
    if (!a.equals(b)) {
      out.add("body before rollback " + abbreviate(a) + ", after " + abbreviate(b));
    }
    return out;
  }

  private String canonical(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null) {
        return "";
      }
      for (String p : ignored) {
        JsonPointer ptr = JsonPointer.compile(p);
        JsonNode parent = n.at(ptr.head());
        if (parent instanceof ObjectNode o) {
          o.remove(ptr.last().getMatchingProperty());
        }
      }
      Object tree = JSON.treeToValue(n, Object.class);
      return JSON.writeValueAsString(tree);
    } catch (Exception e) {
      return body;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
