package dev.invariantharness.khala.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads watermark collections in both documented forms: a map or a list of {topic, watermark}. */
final class Watermarks {

  private Watermarks() {}

  static Map<String, Long> read(JsonNode node) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      for (JsonNode e : node) {
        if (!e.isObject() || !e.path("topic").isTextual() || !e.path("watermark").canConvertToLong()) {
          throw new IllegalArgumentException("watermark list entry " + e + " is not {\"topic\":..,\"watermark\":..}");
        }
        out.put(e.get("topic").asText(), e.get("watermark").asLong());
      }
      return out;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!e.getValue().canConvertToLong()) {
          throw new IllegalArgumentException("watermark of topic '" + e.getKey() + "' is " + e.getValue() + ", not a number");
        }
        out.put(e.getKey(), e.getValue().asLong());
      }
      return out;
    }
    throw new IllegalArgumentException("watermarks " + node + " are neither a map nor a list");
  }
}
