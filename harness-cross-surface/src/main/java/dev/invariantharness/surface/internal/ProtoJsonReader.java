package dev.invariantharness.surface.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.invariantharness.surface.compare.JsonPointers;
import dev.invariantharness.surface.compare.ProtoJson.Note;
import dev.invariantharness.surface.compare.ProtoJson.NoteKind;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Reads a proto JSON answer, already parsed by Jackson, into a {@link DynamicMessage} and notes
 * what its type does not declare, in one walk of the tree. {@code JsonFormat} would parse the
 * text a second time (with Gson) and rebuild its field-name table on every call; on a step's
 * three answers that was most of the harness's own per-step cost.
 *
 * <p>The reader builds the message only from values whose meaning is beyond doubt: JSON numbers
 * and decimal strings for integers, numbers for floats, booleans, strings, enum names and
 * declared enum numbers, canonical base64, nested objects, arrays and maps. At anything else — a
 * well-known type, a {@code null} that means something ({@code Value}, {@code NullValue}),
 * {@code "NaN"}, a number where a string is, a field given twice, two members of one oneof, an
 * enum name the type does not declare, a value out of range — it stops building and says so, and
 * the caller lets {@code JsonFormat} parse the text, so every accepted spelling and every error
 * message stays {@code JsonFormat}'s own. The notes are always complete: the walk goes on over
 * the whole tree either way, and notes exactly what the earlier separate walk noted.
 */
public final class ProtoJsonReader {

  private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);

  /**
   * Field names (as declared and in lowerCamelCase) to field index, per message type. Keyed by
   * the descriptor itself (identity: two contracts' {@code Run} types are two entries however alike
   * their names), weakly, and the value refers to no descriptor, so a contract that is dropped
   * takes its entries with it.
   */
  private static final Map<Descriptor, Map<String, Integer>> FIELD_INDEX = Collections.synchronizedMap(new WeakHashMap<>());

  private ProtoJsonReader() {}

  /**
   * Walks {@code json} as a {@code type}: notes go to {@code notes}; the message is built into
   * {@code into} when that is not null.
   *
   * @param enumsAsNumbers whether an enum sent as its number is legal (else it is noted)
   * @return true when {@code into} holds the whole message; false when it does not (nothing was
   *     given to build into, or the JSON needs {@code JsonFormat}'s judgement), and the caller
   *     must parse the text with {@code JsonFormat}
   */
  public static boolean read(JsonNode json, Descriptor type, DynamicMessage.Builder into, boolean enumsAsNumbers, List<Note> notes) {
    Walk w = new Walk(enumsAsNumbers, notes, into != null);
    w.object(json, type, null, into);
    return w.exact;
  }

  /** The field {@code name} (declared or lowerCamelCase spelling) of {@code type}, or null. */
  public static FieldDescriptor field(Descriptor type, String name) {
    Map<String, Integer> index = FIELD_INDEX.get(type);
    if (index == null) {
      index = new HashMap<>();
      List<FieldDescriptor> fields = type.getFields();
      for (int i = 0; i < fields.size(); i++) {
        // first field wins, as a scan of the fields in order would find it
        index.putIfAbsent(fields.get(i).getJsonName(), i);
        index.putIfAbsent(fields.get(i).getName(), i);
      }
      FIELD_INDEX.put(type, index);
    }
    Integer i = index.get(name);
    return i == null ? null : type.getFields().get(i);
  }

  /** A JSON pointer built only when a note needs it. */
  private record Path(Path parent, String segment) {

    static String render(Path p, String last) {
      StringBuilder sb = new StringBuilder();
      append(sb, p);
      return sb.append('/').append(last).toString();
    }

    static String render(Path p) {
      if (p == null) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      append(sb, p);
      return sb.toString();
    }

    private static void append(StringBuilder sb, Path p) {
      if (p != null) {
        append(sb, p.parent);
        sb.append('/').append(p.segment);
      }
    }
  }

  private static final class Walk {
    final boolean enumsAsNumbers;
    final List<Note> notes;
    boolean exact;

    Walk(boolean enumsAsNumbers, List<Note> notes, boolean building) {
      this.enumsAsNumbers = enumsAsNumbers;
      this.notes = notes;
      this.exact = building;
    }

    /** Stops building: from here on only notes are taken. */
    void giveUp() {
      exact = false;
    }

    void object(JsonNode node, Descriptor type, Path path, DynamicMessage.Builder b) {
      if (!node.isObject() || isWellKnown(type)) {
        if (b != null) {
          giveUp();
        }
        return;
      }
      long seen = 0;
      java.util.Set<FieldDescriptor> seenMany = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode v = e.getValue();
        FieldDescriptor f = field(type, key);
        if (f == null) {
          notes.add(new Note(NoteKind.UNDECLARED_FIELD, Path.render(path, JsonPointers.escape(key)), abbreviate(v)));
          continue;
        }
        Path here = new Path(path, JsonPointers.escape(key));
        DynamicMessage.Builder target = exact ? b : null;
        if (target != null) {
          // the same field twice (declared and lowerCamelCase names) or two members of one oneof: JsonFormat's error
          int i = f.getIndex();
          boolean again;
          if (i < 64) {
            again = (seen & (1L << i)) != 0;
            seen |= 1L << i;
          } else {
            if (seenMany == null) {
              seenMany = new java.util.HashSet<>();
            }
            again = !seenMany.add(f);
          }
          OneofDescriptor oneof = f.getRealContainingOneof();
          if (again || (oneof != null && target.hasOneof(oneof))) {
            giveUp();
            target = null;
          }
        }
        if (v == null || v.isNull()) {
          if (target != null && meaningfulNull(f)) {
            giveUp();
          }
          continue;
        }
        if (f.isMapField()) {
          map(v, f, here, target);
        } else if (f.isRepeated() && v.isArray()) {
          for (int k = 0; k < v.size(); k++) {
            JsonNode x = v.get(k);
            Object value = value(x, f, new Path(here, Integer.toString(k)), exact ? target : null);
            if (exact && target != null) {
              if (value == null || x.isNull()) {
                giveUp();
              } else {
                target.addRepeatedField(f, value);
              }
            }
          }
        } else {
          if (target != null && f.isRepeated()) {
            giveUp();
            target = null;
          }
          Object value = value(v, f, here, target);
          if (exact && target != null) {
            target.setField(f, value);
          }
        }
      }
    }

    private void map(JsonNode v, FieldDescriptor f, Path here, DynamicMessage.Builder target) {
      if (target != null && !v.isObject()) {
        giveUp();
        target = null;
      }
      Descriptor entryType = f.getMessageType();
      FieldDescriptor keyField = entryType.findFieldByName("key");
      FieldDescriptor valueField = entryType.findFieldByName("value");
      for (Iterator<Map.Entry<String, JsonNode>> m = v.fields(); m.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = m.next();
        JsonNode x = entry.getValue();
        Object value = value(x, valueField, new Path(here, JsonPointers.escape(entry.getKey())), exact ? target : null);
        if (exact && target != null) {
          Object key = scalar(keyField, TextNode.valueOf(entry.getKey()));
          if (key == null || value == null || x.isNull()) {
            giveUp();
          } else {
            target.addRepeatedField(f, DynamicMessage.newBuilder(entryType).setField(keyField, key).setField(valueField, value).build());
          }
        }
      }
    }

    /** One value of field {@code f}: its notes, and the value to set when building (null when not, or when given up). */
    private Object value(JsonNode v, FieldDescriptor f, Path path, DynamicMessage.Builder parent) {
      boolean building = parent != null && exact;
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        Descriptor type = f.getMessageType();
        DynamicMessage.Builder sub = building ? DynamicMessage.newBuilder(type) : null;
        object(v, type, path, sub);
        return sub != null && exact ? sub.build() : null;
      }
      if (f.getJavaType() == FieldDescriptor.JavaType.ENUM) {
        if (f.getEnumType().getFullName().equals("google.protobuf.NullValue")) {
          if (building) {
            giveUp();
          }
          return null;
        }
        EnumValueDescriptor found = null;
        if (v.isNumber()) {
          if (!enumsAsNumbers) {
            notes.add(new Note(NoteKind.ENUM_AS_NUMBER, Path.render(path), v.asText()));
          }
          if (v.isIntegralNumber() && v.canConvertToInt()) {
            found = f.getEnumType().findValueByNumber(v.intValue());
          }
        } else if (v.isTextual()) {
          found = f.getEnumType().findValueByName(v.textValue());
          if (found == null) {
            notes.add(new Note(NoteKind.UNDECLARED_ENUM_VALUE, Path.render(path), "\"" + v.textValue() + "\" of "
                + f.getEnumType().getFullName()));
          }
        }
        if (building && found == null) {
          giveUp();
        }
        return building ? found : null;
      }
      if (!building) {
        return null;
      }
      Object out = scalar(f, v);
      if (out == null) {
        giveUp();
      }
      return out;
    }
  }

  /**
   * A scalar as {@code JsonFormat} reads it where that is beyond doubt, else null (the caller
   * gives up and leaves the text to {@code JsonFormat}, which accepts more spellings or rejects
   * with its own message). Strings are parsed as {@code JsonFormat} first tries them.
   */
  static Object scalar(FieldDescriptor f, JsonNode v) {
    try {
      return switch (f.getType()) {
        case INT32, SINT32, SFIXED32 -> v.isIntegralNumber() ? (v.canConvertToInt() ? v.intValue() : null)
            : v.isTextual() ? Integer.parseInt(v.textValue()) : null;
        case UINT32, FIXED32 -> {
          Long l = v.isIntegralNumber() ? (v.canConvertToLong() ? v.longValue() : null) : v.isTextual() ? Long.parseLong(v.textValue()) : null;
          yield l == null || l < 0 || l > 0xFFFFFFFFL ? null : (Object) (int) (long) l;
        }
        case INT64, SINT64, SFIXED64 -> v.isIntegralNumber() ? (v.canConvertToLong() ? v.longValue() : null)
            : v.isTextual() ? Long.parseLong(v.textValue()) : null;
        case UINT64, FIXED64 -> {
          if (v.isTextual()) {
            yield Long.parseUnsignedLong(v.textValue());
          }
          if (!v.isIntegralNumber()) {
            yield null;
          }
          BigInteger b = v.bigIntegerValue();
          yield b.signum() < 0 || b.compareTo(TWO_TO_THE_64) >= 0 ? null : (Object) b.longValue();
        }
        case FLOAT -> {
          double d = v.isNumber() ? v.doubleValue() : Double.NaN;
          yield Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) > Float.MAX_VALUE ? null : (Object) (float) d;
        }
        case DOUBLE -> {
          double d = v.isNumber() ? v.doubleValue() : Double.NaN;
          yield Double.isNaN(d) || Double.isInfinite(d) ? null : (Object) d;
        }
        case BOOL -> v.isBoolean() ? v.booleanValue() : null;
        case STRING -> v.isTextual() ? v.textValue() : null;
        case BYTES -> {
          if (!v.isTextual()) {
            yield null;
          }
          byte[] raw = Base64.getDecoder().decode(v.textValue());
          // only canonical base64, which every decoder reads alike; JsonFormat judges the rest
          yield Base64.getEncoder().encodeToString(raw).equals(v.textValue()) ? ByteString.copyFrom(raw) : null;
        }
        default -> null;
      };
    } catch (IllegalArgumentException notPlain) {
      // NumberFormatException included: a spelling for JsonFormat to judge
      return null;
    }
  }

  private static boolean meaningfulNull(FieldDescriptor f) {
    return (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && f.getMessageType().getFullName().equals("google.protobuf.Value"))
        || (f.getJavaType() == FieldDescriptor.JavaType.ENUM && f.getEnumType().getFullName().equals("google.protobuf.NullValue"));
  }

  private static boolean isWellKnown(Descriptor type) {
    return type.getFile().getPackage().equals("google.protobuf");
  }

  private static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
