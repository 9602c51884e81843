package dev.invariantharness.surface.compare;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.invariantharness.surface.internal.MessageTree;
import dev.invariantharness.surface.internal.ProtoJsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The proto-typed canonical form: an answer parsed into its proto message type (proto JSON for
 * HTTP and WebSocket payloads, the message itself for gRPC) and printed back as JSON with one
 * convention — every field present with its default, {@code int64} as a string, enums by name,
 * one field-name style. Two surfaces that say the same thing in different legal spellings come
 * out equal; anything the proto does not declare is noted, not silently dropped.
 *
 * <pre>{@code
 * ProtoJson.Canonical http = ProtoJson.fromJson(Note.getDescriptor(), body, CanonicalOptions.standard());
 * ProtoJson.Canonical grpc = ProtoJson.fromMessage(reply, CanonicalOptions.standard());
 * http.notes();                                   // e.g. UNDECLARED_FIELD at /debugOwner
 * JsonDiff.between(http.tree(), grpc.tree());     // what really differs
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtoJson {

  private static final ObjectMapper JSON = Json.mapper();

  private ProtoJson() {}

  /** What an answer does that the contract does not declare. */
  public enum NoteKind {
    /** A JSON field the message type does not declare. */
    UNDECLARED_FIELD,
    /** A JSON enum value (by name) the enum type does not declare. */
    UNDECLARED_ENUM_VALUE,
    /** An enum sent as a number where the options want names. */
    ENUM_AS_NUMBER,
    /** A binary field number the message type does not declare (gRPC answers). */
    UNKNOWN_FIELD_NUMBER
  }

  /**
   * One irregularity of an answer.
   *
   * @param kind what it is
   * @param path the JSON pointer where it is, in the answer's own spelling
   * @param detail the value or field numbers seen
   */
  public record Note(NoteKind kind, String path, String detail) {

    /** A reviewer's sentence, e.g. {@code /debugOwner: field not declared by surface.test.v1.Note}. */
    public String describe(String typeName) {
      return switch (kind) {
        case UNDECLARED_FIELD -> path + ": field not declared by " + typeName + " (value " + detail + ")";
        case UNDECLARED_ENUM_VALUE -> path + ": enum value " + detail + " is not declared by the contract";
        case ENUM_AS_NUMBER -> path + ": enum sent as number " + detail + " where the contract's JSON convention is names";
        case UNKNOWN_FIELD_NUMBER -> path + ": field number(s) " + detail + " not declared by " + typeName;
      };
    }
  }

  /**
   * An answer in canonical form.
   *
   * @param tree the canonical JSON
   * @param message the parsed message
   * @param notes everything the answer does that its type does not declare
   */
  public record Canonical(JsonNode tree, Message message, List<Note> notes) {

    public Canonical {
      notes = List.copyOf(notes);
    }
  }

  /**
   * Parses {@code json} as {@code type} in proto JSON and returns its canonical form.
   *
   * @throws IllegalArgumentException when {@code json} is not JSON or not a valid {@code type}
   *     (a string where a number must be, an object where a list must be, ...)
   */
  public static Canonical fromJson(Descriptor type, String json, CanonicalOptions options) {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    return fromTree(type, tree, json, options);
  }

  /**
   * As {@link #fromJson(Descriptor, String, CanonicalOptions)}, for an answer already read as a
   * JSON tree (e.g. one message of a stream): it is not printed and read again.
   *
   * @throws IllegalArgumentException when {@code json} is not a valid {@code type}
   */
  public static Canonical fromJson(Descriptor type, JsonNode json, CanonicalOptions options) {
    return fromTree(type, json, null, options);
  }

  private static Canonical fromTree(Descriptor type, JsonNode tree, String text, CanonicalOptions options) {
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("not a JSON object but " + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
    }
    List<Note> notes = new ArrayList<>();
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    // one walk notes what the type does not declare and, for plain answers, builds the message too
    if (!ProtoJsonReader.read(tree, type, builder, options.enumsAsNumbers(), notes)) {
      builder = DynamicMessage.newBuilder(type);
      try {
        // undeclared names were noted above; the parse must not stop at the first of them
        JsonFormat.parser().ignoringUnknownFields().merge(text != null ? text : tree.toString(), builder);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalArgumentException("not a valid " + type.getFullName() + " in proto JSON: " + e.getMessage(), e);
      }
    }
    DynamicMessage message = builder.build();
    return new Canonical(print(message, options), message, notes);
  }

  /**
   * Everything {@code json} does that {@code type} does not declare, without parsing it: for
   * checking a scenario's own requests before anything runs.
   */
  public static List<Note> irregularities(Descriptor type, JsonNode json, CanonicalOptions options) {
    List<Note> notes = new ArrayList<>();
    ProtoJsonReader.read(json, type, null, options.enumsAsNumbers(), notes);
    return notes;
  }

  /** The canonical form of a message as received (e.g. over gRPC), noting unknown field numbers. */
  public static Canonical fromMessage(Message message, CanonicalOptions options) {
    List<Note> notes = new ArrayList<>();
    unknownNumbers(message, "", notes);
    return new Canonical(print(message, options), message, notes);
  }

  /** The canonical JSON of {@code message}. */
  public static JsonNode print(Message message, CanonicalOptions options) {
    return MessageTree.of(message, options.protoFieldNames());
  }

  private static void unknownNumbers(Message message, String path, List<Note> notes) {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      notes.add(new Note(NoteKind.UNKNOWN_FIELD_NUMBER, path.isEmpty() ? "/" : path, message.getUnknownFields().asMap().keySet().toString()));
    }
    // the message fields in field-number order, as getAllFields() would give them, without
    // building that map for every message of every answer
    List<FieldDescriptor> fields = message.getDescriptorForType().getFields();
    int previous = Integer.MIN_VALUE;
    boolean ordered = true;
    for (FieldDescriptor f : fields) {
      ordered &= f.getNumber() > previous;
      previous = f.getNumber();
    }
    if (message.getDescriptorForType().isExtendable()) {
      // proto2 extensions are among getAllFields() but not among the declared fields
      fields = List.copyOf(message.getAllFields().keySet());
    } else if (!ordered) {
      fields = fields.stream().sorted(java.util.Comparator.comparingInt(FieldDescriptor::getNumber)).toList();
    }
    for (FieldDescriptor f : fields) {
      if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (f.isRepeated()) {
        int n = message.getRepeatedFieldCount(f);
        for (int i = 0; i < n; i++) {
          unknownNumbers((Message) message.getRepeatedField(f, i), path + "/" + f.getJsonName() + "/" + i, notes);
        }
      } else if (message.hasField(f)) {
        unknownNumbers((Message) message.getField(f), path + "/" + f.getJsonName(), notes);
      }
    }
  }
}
