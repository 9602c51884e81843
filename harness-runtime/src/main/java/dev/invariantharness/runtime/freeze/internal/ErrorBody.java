package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The error code of a response body, in either shape the services use: flat
 * {@code {"error":"write_path_frozen","message":"..."}} (runtime) or nested
 * {@code {"error":{"code":"write_path_frozen","message":"..."}}} (legacy).
 *
 * @param shape which shape the body had
 * @param code the error code found, or {@code null}
 * @param excerpt the body, shortened for messages
 */
public record ErrorBody(Shape shape, String code, String excerpt) {

  /** The body shapes told apart in messages. */
  public enum Shape {
    /** {@code {"error":"<code>"}}. */
    FLAT("flat", "flat"),
    /** {@code {"error":{"code":"<code>"}}}. */
    NESTED("nested", "nested"),
    /** JSON without an error code in either shape. */
    OTHER_JSON("JSON without an error code", "json"),
    /** Not JSON at all. */
    NOT_JSON("non-JSON", "non-json"),
    /** No body. */
    EMPTY("empty", "empty");

    private final String label;
    private final String column;

    Shape(String label, String column) {
      this.label = label;
      this.column = column;
    }

    /** How report tables name the shape: {@code flat}, {@code nested}, {@code json}, {@code non-json}, {@code empty}. */
    public String column() {
      return column;
    }

    /** How messages and reports name the shape. */
    public String label() {
      return label;
    }
  }

  private static final ObjectMapper JSON = Json.mapper();
  private static final int EXCERPT = 200;

  /** Reads the error code of {@code body}. */
  public static ErrorBody parse(String body) {
    if (body == null || body.isBlank()) {
      return new ErrorBody(Shape.EMPTY, null, "");
    }
    String excerpt = body.length() <= EXCERPT ? body.strip() : body.substring(0, EXCERPT).strip() + "…";
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return new ErrorBody(Shape.NOT_JSON, null, excerpt);
    }
    JsonNode error = root == null ? null : root.get("error");
    if (error != null && error.isTextual()) {
      return new ErrorBody(Shape.FLAT, error.asText(), excerpt);
    }
    if (error != null && error.isObject() && error.path("code").isTextual()) {
      return new ErrorBody(Shape.NESTED, error.get("code").asText(), excerpt);
    }
    return new ErrorBody(Shape.OTHER_JSON, null, excerpt);
  }

  /** Whether the code is {@code expected}. */
  public boolean hasCode(String expected) {
    return expected.equals(code);
  }

  /**
   * What was seen, for a failure message: {@code flat body with error code "unavailable":
   * {"error":"unavailable"}}.
   */
  public String describe() {
    return switch (shape) {
      case FLAT -> "flat body with error code \"" + code + "\": " + excerpt;
      case NESTED -> "nested body with error.code \"" + code + "\": " + excerpt;
      case OTHER_JSON -> "JSON body with no error code (neither flat \"error\" nor nested \"error.code\"): " + excerpt;
      case NOT_JSON -> "non-JSON body: " + excerpt;
      case EMPTY -> "empty body";
    };
  }
}
