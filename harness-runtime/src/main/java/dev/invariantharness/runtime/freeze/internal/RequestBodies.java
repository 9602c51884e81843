package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A small JSON value that a (fully resolved, so {@code $ref}s are inlined) OpenAPI schema accepts,
 * so a write probe reaches the service's write path instead of its body validation: a route that
 * rejects {@code {}} with 400 proves nothing about the freeze.
 *
 * <p>Objects hold their required properties (not {@code readOnly} ones, which a request must not
 * send) and, up to {@code minProperties}, the first optional ones. A value is its
 * {@code example}, {@code examples[0]}, {@code default}, {@code const} or first non-null
 * {@code enum} entry, else built from its type: strings of the right {@code format} (date-time,
 * date, time, uuid, email, uri, hostname, ipv4, ipv6, byte, duration), matching {@code pattern}
 * where a sample can be built, padded to {@code minLength} and cut to {@code maxLength}; numbers
 * inside {@code minimum}/{@code maximum} (exclusive or not, OpenAPI 3.0 and 3.1 forms) and on a
 * {@code multipleOf}; arrays of {@code minItems} items, distinct under {@code uniqueItems}.
 * {@code allOf} parts are merged; {@code oneOf}/{@code anyOf} take the first alternative.
 * Recursion through self-referencing schemas stops at a fixed depth.
 */
public final class RequestBodies {

  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  private RequestBodies() {}

  /** The body of {@code schema} as JSON text; {@code {}} for no schema. */
  public static String minimal(Schema<?> schema) {
    return write(value(schema, 0, 0));
  }

  /** An example object (as swagger-parser holds it) as JSON text. */
  public static String toJson(Object example) {
    return write(JSON.valueToTree(example));
  }

  /** A scalar of {@code schema} as text, for query parameters. */
  public static String minimalText(Schema<?> schema) {
    JsonNode v = value(schema, 0, 0);
    return v.isValueNode() ? v.asText() : write(v);
  }

  /**
   * A value of {@code schema}; {@code variant} above 0 asks for the variant-th distinct value
   * where the schema allows several (items of a {@code uniqueItems} array).
   */
  static JsonNode value(Schema<?> schema, int depth, int variant) {
    if (schema == null) {
      return NODES.objectNode();
    }
    if (variant == 0 && schema.getExample() != null) {
      return JSON.valueToTree(schema.getExample());
    }
    if (variant == 0 && schema.getExamples() != null && !schema.getExamples().isEmpty() && schema.getExamples().get(0) != null) {
      return JSON.valueToTree(schema.getExamples().get(0));
    }
    if (variant == 0 && schema.getDefault() != null) {
      return JSON.valueToTree(schema.getDefault());
    }
    if (schema.getConst() != null) {
      return JSON.valueToTree(schema.getConst());
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      List<?> values = schema.getEnum().stream().filter(v -> v != null).toList();
      if (!values.isEmpty()) {
        return JSON.valueToTree(values.get(variant % values.size()));
      }
    }
    if (depth >= MAX_DEPTH) {
      return NODES.nullNode();
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return allOf(schema, depth, variant);
    }
    if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
      return value(schema.getOneOf().get(0), depth + 1, variant);
    }
    if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
      return value(schema.getAnyOf().get(0), depth + 1, variant);
    }
    return switch (typeOf(schema)) {
      case "object" -> object(schema, schema.getProperties(), schema.getRequired(), depth, variant);
      case "array" -> array(schema, depth);
      case "string" -> NODES.textNode(string(schema, variant));
      case "integer" -> NODES.numberNode(number(schema, true, variant).toBigInteger());
      case "number" -> NODES.numberNode(number(schema, false, variant));
      case "boolean" -> NODES.booleanNode(variant % 2 == 1);
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
  private static JsonNode allOf(Schema<?> schema, int depth, int variant) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    List<Schema<?>> parts = new ArrayList<>();
    parts.add(schema);
    parts.addAll(schema.getAllOf().stream().<Schema<?>>map(p -> p).toList());
    for (Schema<?> part : parts) {
      if (part.getProperties() != null) {
        properties.putAll(part.getProperties());
      }
      if (part.getRequired() != null) {
        required.addAll(part.getRequired());
      }
    }
    if (properties.isEmpty() && schema.getAllOf().size() == 1) {
      return value(schema.getAllOf().get(0), depth + 1, variant);
    }
    return object(schema, properties, new ArrayList<>(required), depth, variant);
  }

  @SuppressWarnings("rawtypes")
  private static ObjectNode object(Schema<?> schema, Map<String, Schema> properties, List<String> required, int depth, int variant) {
    ObjectNode node = NODES.objectNode();
    List<String> needed = required == null ? List.of() : required;
    Map<String, Schema> declared = properties == null ? Map.of() : properties;
    // document order of the properties, not the order of the required list (which resolving may sort)
    declared.forEach((name, property) -> {
      if (needed.contains(name) && !Boolean.TRUE.equals(property.getReadOnly())) {
        node.set(name, value(property, depth + 1, variant));
      }
    });
    for (String name : needed) {
      Schema<?> property = declared.get(name);
      if (!node.has(name) && property == null) {
        Schema<?> extra = schema.getAdditionalProperties() instanceof Schema<?> s ? s : null;
        node.set(name, extra == null ? NODES.textNode("probe") : value(extra, depth + 1, variant));
      }
    }
    int minProperties = schema.getMinProperties() == null ? 0 : schema.getMinProperties();
    for (Map.Entry<String, Schema> e : declared.entrySet()) {
      if (node.size() >= minProperties) {
        break;
      }
      if (!node.has(e.getKey()) && !Boolean.TRUE.equals(e.getValue().getReadOnly())) {
        node.set(e.getKey(), value(e.getValue(), depth + 1, variant));
      }
    }
    return node;
  }

  private static ArrayNode array(Schema<?> schema, int depth) {
    ArrayNode node = NODES.arrayNode();
    int count = schema.getMinItems() == null ? 0 : schema.getMinItems();
    boolean unique = Boolean.TRUE.equals(schema.getUniqueItems());
    for (int i = 0; i < count; i++) {
      node.add(value(schema.getItems(), depth + 1, unique ? i : 0));
    }
    return node;
  }

  private static String string(Schema<?> schema, int variant) {
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    String base = switch (format) {
      case "date-time" -> "1970-01-01T00:00:0" + (variant % 10) + "Z";
      case "date" -> "1970-01-" + String.format("%02d", 1 + variant % 28);
      case "time" -> "00:00:0" + (variant % 10) + "Z";
      case "uuid" -> String.format("00000000-0000-4000-8000-%012d", variant);
      case "email", "idn-email" -> "probe" + suffix(variant) + "@example.com";
      case "uri", "url", "iri" -> "https://example.invalid/probe" + suffix(variant);
      case "uri-reference", "iri-reference" -> "/probe" + suffix(variant);
      case "hostname", "idn-hostname" -> "probe" + suffix(variant) + ".example.invalid";
      case "ipv4" -> "192.0.2." + (1 + variant % 254);
      case "ipv6" -> "2001:db8::" + Integer.toHexString(1 + variant);
      case "byte" -> variant == 0 ? "cHJvYmU=" : java.util.Base64.getEncoder().encodeToString(("probe" + variant).getBytes());
      case "duration" -> "PT" + (1 + variant) + "S";
      default -> "probe" + suffix(variant);
    };
    String pattern = schema.getPattern();
    if (pattern != null) {
      Pattern compiled;
      try {
        compiled = Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        compiled = null;
      }
      if (compiled != null && !compiled.matcher(base).find()) {
        for (String candidate : PatternSample.samples(pattern, variant)) {
          if (compiled.matcher(candidate).find()) {
            base = candidate;
            break;
          }
        }
      }
      return fitLength(base, schema, compiled);
    }
    return fitLength(base, schema, null);
  }

  private static String suffix(int variant) {
    return variant == 0 ? "" : "-" + variant;
  }

  /** {@code value} padded to {@code minLength} and cut to {@code maxLength}, keeping a pattern match where padding can. */
  private static String fitLength(String value, Schema<?> schema, Pattern pattern) {
    int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
    int max = schema.getMaxLength() == null ? Integer.MAX_VALUE : Math.max(schema.getMaxLength(), min);
    StringBuilder b = new StringBuilder(value);
    if (b.length() < min) {
      StringBuilder padded = new StringBuilder(b);
      if (pattern != null && b.length() > 0) {
        // repeating the last character keeps a match of [a-z]+ or \d+ where 'x' would not
        char last = b.charAt(b.length() - 1);
        while (padded.length() < min) {
          padded.append(last);
        }
      }
      if (pattern == null || !pattern.matcher(padded).find()) {
        padded = new StringBuilder(b);
        while (padded.length() < min) {
          padded.append('x');
        }
      }
      b = padded;
    }
    if (b.length() > max) {
      b.setLength(max);
    }
    return b.toString();
  }

  private static BigDecimal number(Schema<?> schema, boolean integer, int variant) {
    BigDecimal min = schema.getMinimum();
    boolean exclusiveMin = Boolean.TRUE.equals(schema.getExclusiveMinimum());
    if (schema.getExclusiveMinimumValue() != null && (min == null || schema.getExclusiveMinimumValue().compareTo(min) >= 0)) {
      min = schema.getExclusiveMinimumValue();
      exclusiveMin = true;
    }
    BigDecimal max = schema.getMaximum();
    boolean exclusiveMax = Boolean.TRUE.equals(schema.getExclusiveMaximum());
    if (schema.getExclusiveMaximumValue() != null && (max == null || schema.getExclusiveMaximumValue().compareTo(max) <= 0)) {
      max = schema.getExclusiveMaximumValue();
      exclusiveMax = true;
    }
    BigDecimal step = schema.getMultipleOf() != null && schema.getMultipleOf().signum() > 0 ? schema.getMultipleOf()
        : integer ? BigDecimal.ONE : null;
    BigDecimal start;
    if (min != null && (min.signum() > 0 || exclusiveMin && min.signum() == 0 || max != null && max.signum() < 0)) {
      start = exclusiveMin ? min.add(step != null ? step.min(BigDecimal.ONE) : BigDecimal.ONE) : min;
      if (exclusiveMin && max != null && start.compareTo(max) >= 0) {
        start = min.add(max).divide(BigDecimal.valueOf(2));
      }
    } else if (max != null && (max.signum() < 0 || exclusiveMax && max.signum() == 0)) {
      start = exclusiveMax ? max.subtract(step != null ? step.min(BigDecimal.ONE) : BigDecimal.ONE) : max;
    } else {
      start = BigDecimal.ZERO;
    }
    start = start.add(BigDecimal.valueOf(variant).multiply(step == null ? BigDecimal.ONE : step));
    if (step != null) {
      // the first multiple of the step at or above start (strictly above an exclusive minimum)
      BigDecimal multiple = start.divide(step, 0, RoundingMode.CEILING).multiply(step);
      if (exclusiveMin && min != null && multiple.compareTo(min) <= 0) {
        multiple = multiple.add(step);
      }
      if (integer && multiple.stripTrailingZeros().scale() > 0) {
        multiple = multiple.setScale(0, RoundingMode.CEILING);
      }
      start = multiple;
    }
    return start.stripTrailingZeros().scale() < 0 ? start.setScale(0) : start;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a generated JSON body", e);
    }
  }
}
