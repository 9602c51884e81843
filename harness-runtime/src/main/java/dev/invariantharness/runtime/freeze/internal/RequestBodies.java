package dev.invariantharness.runtime.freeze.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The smallest valid JSON value of a (fully resolved) OpenAPI schema: required properties only,
 * each from its example, default or first enum value, else a minimal value of its type and
 * format. Recursion through self-referencing schemas stops at a fixed depth.
 */
public final class RequestBodies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  private RequestBodies() {}

  /** The minimal body of {@code schema} as JSON text; {@code {}} for no schema. */
  public static String minimal(Schema<?> schema) {
    return write(value(schema, 0));
  }

  /** An example object (as swagger-parser holds it) as JSON text. */
  public static String toJson(Object example) {
    return write(JSON.valueToTree(example));
  }

  /** A minimal scalar of {@code schema} as text, for query parameters. */
  public static String minimalText(Schema<?> schema) {
    JsonNode v = value(schema, 0);
    return v.isValueNode() ? v.asText() : write(v);
  }

  static JsonNode value(Schema<?> schema, int depth) {
    if (schema == null) {
      return NODES.objectNode();
    }
    if (schema.getExample() != null) {
      return JSON.valueToTree(schema.getExample());
    }
    if (schema.getDefault() != null) {
      return JSON.valueToTree(schema.getDefault());
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty() && schema.getEnum().get(0) != null) {
      return JSON.valueToTree(schema.getEnum().get(0));
    }
    if (depth >= MAX_DEPTH) {
      return NODES.nullNode();
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return allOf(schema, depth);
    }
    if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
      return value(schema.getOneOf().get(0), depth + 1);
    }
    if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
      return value(schema.getAnyOf().get(0), depth + 1);
    }
    String type = typeOf(schema);
    return switch (type) {
      case "object" -> object(schema.getProperties(), schema.getRequired(), depth);
      case "array" -> array(schema, depth);
      case "string" -> NODES.textNode(string(schema));
      case "integer" -> NODES.numberNode(number(schema).toBigInteger());
      case "number" -> NODES.numberNode(number(schema));
      case "boolean" -> NODES.booleanNode(false);
      case "null" -> NODES.nullNode();
      default -> NODES.objectNode();
    };
  }

  private static String typeOf(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() != null) {
      for (String t : schema.getTypes()) {
        if (!"null".equals(t)) {
          return t;
        }
      }
    }
    return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "";
  }

  @SuppressWarnings("rawtypes")
  private static JsonNode allOf(Schema<?> schema, int depth) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    List<Schema<?>> parts = new ArrayList<>();
    parts.add(schema);
    for (Schema<?> part : schema.getAllOf()) {
      parts.add(part);
    }
    for (Schema<?> part : parts) {
      if (part.getProperties() != null) {
        properties.putAll(part.getProperties());
      }
      if (part.getRequired() != null) {
        required.addAll(part.getRequired());
      }
    }
    if (properties.isEmpty() && schema.getAllOf().size() == 1) {
      return value(schema.getAllOf().get(0), depth + 1);
    }
    return object(properties, new ArrayList<>(required), depth);
  }

  @SuppressWarnings("rawtypes")
  private static ObjectNode object(Map<String, Schema> properties, List<String> required, int depth) {
    ObjectNode node = NODES.objectNode();
    if (required == null) {
      return node;
    }
    // document order of the properties, not the order of the required list (which resolving may sort)
    if (properties != null) {
      properties.forEach((name, property) -> {
        if (required.contains(name)) {
          node.set(name, value(property, depth + 1));
        }
      });
    }
    for (String name : required) {
      if (!node.has(name)) {
        node.set(name, NODES.textNode("probe"));
      }
    }
    return node;
  }

  private static ArrayNode array(Schema<?> schema, int depth) {
    ArrayNode node = NODES.arrayNode();
    int count = schema.getMinItems() == null ? 0 : schema.getMinItems();
    for (int i = 0; i < count; i++) {
      node.add(value(schema.getItems(), depth + 1));
    }
    return node;
  }

  private static String string(Schema<?> schema) {
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    String base = switch (format) {
      case "date-time" -> "1970-01-01T00:00:00Z";
      case "date" -> "1970-01-01";
      case "uuid" -> "00000000-0000-4000-8000-000000000000";
      case "email" -> "probe@example.invalid";
      case "uri", "url" -> "https://example.invalid/probe";
      default -> "probe";
    };
    int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
    StringBuilder b = new StringBuilder(base);
    while (b.length() < min) {
      b.append('x');
    }
    if (schema.getMaxLength() != null && b.length() > schema.getMaxLength()) {
      b.setLength(Math.max(schema.getMaxLength(), min));
    }
    return b.toString();
  }

  private static BigDecimal number(Schema<?> schema) {
    BigDecimal min = schema.getMinimum();
    if (min != null && min.signum() > 0) {
      return Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? min.add(BigDecimal.ONE) : min;
    }
    BigDecimal max = schema.getMaximum();
    if (max != null && max.signum() < 0) {
      return Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? max.subtract(BigDecimal.ONE) : max;
    }
    return BigDecimal.ZERO;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a generated JSON body", e);
    }
  }
}
