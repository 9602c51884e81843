package dev.invariantharness.runtime.smoke.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Lenient JSON reading: a body that is not JSON is a finding for the caller, not an exception. */
public final class JsonDocs {

  private static final ObjectMapper MAPPER = Json.mapper();

  private JsonDocs() {}

  /** The body as a JSON tree, or empty when it is not JSON. */
  public static Optional<JsonNode> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readTree(body)).filter(n -> !n.isMissingNode());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** A JSON string literal of {@code value}, escaped. */
  public static String quote(String value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A field of an object, looked up at the top level and then under {@code data}. */
  public static Optional<JsonNode> field(JsonNode root, String name) {
    JsonNode direct = root.get(name);
    if (direct != null && !direct.isNull()) {
      return Optional.of(direct);
    }
    JsonNode data = root.get("data");
    if (data != null && data.isObject() && data.get(name) != null && !data.get(name).isNull()) {
      return Optional.of(data.get(name));
    }
    return Optional.empty();
  }
}
