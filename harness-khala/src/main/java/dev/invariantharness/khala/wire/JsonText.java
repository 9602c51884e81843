package dev.invariantharness.khala.wire;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The codecs' one JSON mapper, and reading helpers that report problems in the codec's terms. */
final class JsonText {

  static final ObjectMapper MAPPER = Json.mapper();

  private JsonText() {}

  static JsonNode parse(String surface, String text) {
    if (text == null) {
      throw new SyncCodecException(surface, null, "no message (null)");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new SyncCodecException(surface, text, "empty message");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new SyncCodecException(surface, text, "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String text(String surface, String input, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new SyncCodecException(surface, input, "field '" + field + "' is missing or not a string");
    }
    return v.asText();
  }

  static long number(String surface, String input, JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() && !v.isTextual()) {
      throw new SyncCodecException(surface, input, "field '" + field + "' is missing or not an integer");
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText());
      } catch (NumberFormatException e) {
        throw new SyncCodecException(surface, input, "field '" + field + "' is '" + v.asText() + "', not an integer");
      }
    }
    return v.asLong();
  }

  static long optionalNumber(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.canConvertToLong() ? v.asLong() : -1;
  }

  static String payloadText(JsonNode payload) {
    if (payload == null || payload.isNull() || payload.isMissingNode()) {
      return "";
    }
    return payload.isTextual() ? payload.asText() : write(payload);
  }
}
