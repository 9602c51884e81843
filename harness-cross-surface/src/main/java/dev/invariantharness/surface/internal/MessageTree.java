package dev.invariantharness.surface.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.invariantharness.json.Json;
import java.util.Base64;
import java.util.List;

/**
 * A message as a Jackson tree in proto JSON, built directly rather than printed to text and read
 * back: every step compares three or more answers, and printing then re-parsing each one was a
 * measurable share of the harness's per-step cost. The output is what
 * {@code JsonFormat.printer().alwaysPrintFieldsWithNoPresence()} prints (fields without presence
 * always, with their defaults; fields with presence only when set; {@code int64} as strings; enums
 * by name, unknown values by number; bytes in base64); well-known types, whose JSON forms are
 * special ({@code Timestamp} as RFC 3339, {@code Struct} as an object, ...), are left to
 * {@code JsonFormat}. Proto2 extensions are not printed (API contracts in proto3 have none).
 */
public final class MessageTree {

  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private MessageTree() {}

  /** {@code message} in proto JSON, names as declared when {@code protoFieldNames}, else lowerCamelCase. */
  public static JsonNode of(Message message, boolean protoFieldNames) {
    if (isWellKnown(message.getDescriptorForType())) {
      return viaJsonFormat(message, protoFieldNames);
    }
    ObjectNode out = NODES.objectNode();
    for (FieldDescriptor f : message.getDescriptorForType().getFields()) {
      boolean present = f.isRepeated() ? message.getRepeatedFieldCount(f) > 0 : message.hasField(f);
      if (!present && f.hasPresence()) {
        continue;
      }
      String name = protoFieldNames ? f.getName() : f.getJsonName();
      if (f.isMapField()) {
        out.set(name, map(message, f, protoFieldNames));
      } else if (f.isRepeated()) {
        ArrayNode list = out.putArray(name);
        for (Object v : (List<?>) message.getField(f)) {
          list.add(value(f, v, protoFieldNames));
        }
      } else {
        out.set(name, value(f, message.getField(f), protoFieldNames));
      }
    }
    return out;
  }

  private static ObjectNode map(Message message, FieldDescriptor f, boolean protoFieldNames) {
    FieldDescriptor key = f.getMessageType().findFieldByName("key");
    FieldDescriptor value = f.getMessageType().findFieldByName("value");
    ObjectNode out = NODES.objectNode();
    for (Object entry : (List<?>) message.getField(f)) {
      Message e = (Message) entry;
      Object k = e.getField(key);
      String keyText = switch (key.getType()) {
        case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) k);
        case UINT64, FIXED64 -> Long.toUnsignedString((Long) k);
        default -> String.valueOf(k);
      };
      out.set(keyText, value(value, e.getField(value), protoFieldNames));
    }
    return out;
  }

  private static JsonNode value(FieldDescriptor f, Object v, boolean protoFieldNames) {
    return switch (f.getType()) {
      case INT32, SINT32, SFIXED32 -> NODES.numberNode((Integer) v);
      case UINT32, FIXED32 -> NODES.numberNode(Integer.toUnsignedLong((Integer) v));
      case INT64, SINT64, SFIXED64 -> NODES.textNode(Long.toString((Long) v));
      case UINT64, FIXED64 -> NODES.textNode(Long.toUnsignedString((Long) v));
      case FLOAT -> floating((Float) v, Float.isNaN((Float) v) || Float.isInfinite((Float) v));
      case DOUBLE -> floating((Double) v, Double.isNaN((Double) v) || Double.isInfinite((Double) v));
      case BOOL -> NODES.booleanNode((Boolean) v);
      case STRING -> NODES.textNode((String) v);
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
      case ENUM -> enumValue((EnumValueDescriptor) v);
      case MESSAGE, GROUP -> of((Message) v, protoFieldNames);
    };
  }

  private static JsonNode floating(Number v, boolean special) {
    if (special) {
      // proto JSON spells these as strings
      return NODES.textNode(v instanceof Float ? Float.toString(v.floatValue()) : Double.toString(v.doubleValue()));
    }
    return v instanceof Float ? NODES.numberNode(v.floatValue()) : NODES.numberNode(v.doubleValue());
  }

  private static JsonNode enumValue(EnumValueDescriptor v) {
    if (v.getType().getFullName().equals("google.protobuf.NullValue")) {
      return NODES.nullNode();
    }
    // a value the enum does not declare (DynamicMessage keeps it with index -1) is printed as its number
    return v.getIndex() == -1 ? NODES.numberNode(v.getNumber()) : NODES.textNode(v.getName());
  }

  private static boolean isWellKnown(Descriptor type) {
    return type.getFile().getPackage().equals("google.protobuf") && type.getFile().getName().startsWith("google/protobuf/")
        && !type.getFile().getName().equals("google/protobuf/descriptor.proto");
  }

  private static JsonNode viaJsonFormat(Message message, boolean protoFieldNames) {
    JsonFormat.Printer printer = JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();
    if (protoFieldNames) {
      printer = printer.preservingProtoFieldNames();
    }
    try {
      return JSON.readTree(printer.print(message));
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      throw new IllegalStateException("cannot print " + message.getDescriptorForType().getFullName() + " as JSON: " + e.getMessage(), e);
    }
  }
}
