package dev.invariantharness.surface.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.StructProto;
import com.google.protobuf.Timestamp;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canonical form is built as a tree without printing and re-reading text; it must be exactly
 * what {@code JsonFormat} prints with every field: every scalar type (unsigned, 64-bit, special
 * floats, bytes), enums known and unknown, repeated and map fields, presence (message fields,
 * oneofs, proto3 {@code optional}) and the well-known types.
 */
class CanonicalPrintTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Descriptor EVERYTHING = everything();

  @Test
  void aMessageWithEveryKindOfFieldPrintsAsJsonFormatDoes() throws Exception {
    Descriptor t = EVERYTHING;
    Descriptor inner = t.getNestedTypes().get(0);
    DynamicMessage.Builder b = DynamicMessage.newBuilder(t)
        .setField(t.findFieldByName("i32"), -5)
        .setField(t.findFieldByName("u32"), -1)
        .setField(t.findFieldByName("i64"), Long.MIN_VALUE)
        .setField(t.findFieldByName("u64"), -2L)
        .setField(t.findFieldByName("f"), 1.5f)
        .setField(t.findFieldByName("d"), Double.NaN)
        .setField(t.findFieldByName("ok"), true)
        .setField(t.findFieldByName("s"), "héllo \"quoted\"")
        .setField(t.findFieldByName("raw"), ByteString.copyFrom(new byte[] {0, (byte) 0xff, 7}))
        .setField(t.findFieldByName("color"), t.findEnumTypeByName("Color").findValueByNumberCreatingIfUnknown(7))
        .addRepeatedField(t.findFieldByName("names"), "a")
        .addRepeatedField(t.findFieldByName("names"), "b")
        .addRepeatedField(t.findFieldByName("colors"), t.findEnumTypeByName("Color").findValueByName("RED"))
        .setField(t.findFieldByName("inner"), DynamicMessage.newBuilder(inner).setField(inner.findFieldByName("inner_id"), 3L).build())
        .setField(t.findFieldByName("choice_text"), "picked")
        .setField(t.findFieldByName("when"), Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5_000_000).build())
        .setField(t.findFieldByName("blob"), Struct.newBuilder().putFields("k", Value.newBuilder().setNumberValue(2).build()).build());
    Descriptor counts = t.findFieldByName("counts").getMessageType();
    b.addRepeatedField(t.findFieldByName("counts"), DynamicMessage.newBuilder(counts).setField(counts.findFieldByName("key"), "x")
        .setField(counts.findFieldByName("value"), 9L).build());
    Descriptor byId = t.findFieldByName("by_id").getMessageType();
    b.addRepeatedField(t.findFieldByName("by_id"), DynamicMessage.newBuilder(byId).setField(byId.findFieldByName("key"), -3)
        .setField(byId.findFieldByName("value"), DynamicMessage.newBuilder(inner).build()).build());
    assertPrintsAsJsonFormat(b.build());
  }

  @Test
  void anEmptyMessagePrintsEveryFieldWithoutPresenceAndNothingElse() throws Exception {
    assertPrintsAsJsonFormat(DynamicMessage.newBuilder(EVERYTHING).build());
    JsonNode tree = ProtoJson.print(DynamicMessage.newBuilder(EVERYTHING).build(), CanonicalOptions.standard());
    assertThat(tree.has("i64")).isTrue();
    assertThat(tree.has("inner")).isFalse();
    assertThat(tree.has("maybe")).isFalse();
    assertThat(tree.has("choiceText")).isFalse();
  }

  @Test
  void infinitiesAndSetOptionalsPrintAsJsonFormatDoes() throws Exception {
    Descriptor t = EVERYTHING;
    assertPrintsAsJsonFormat(DynamicMessage.newBuilder(t).setField(t.findFieldByName("d"), Double.NEGATIVE_INFINITY)
        .setField(t.findFieldByName("f"), Float.POSITIVE_INFINITY).setField(t.findFieldByName("maybe"), 0).build());
  }

  @Test
  void wellKnownTypesAtTheTopPrintAsJsonFormatDoes() throws Exception {
    assertPrintsAsJsonFormat(Timestamp.newBuilder().setSeconds(1).build());
    assertPrintsAsJsonFormat(Struct.newBuilder().putFields("a", Value.newBuilder().setStringValue("b").build()).build());
  }

  private static void assertPrintsAsJsonFormat(Message m) throws Exception {
    for (boolean protoNames : List.of(false, true)) {
      JsonFormat.Printer printer = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();
      JsonNode expected = JSON.readTree((protoNames ? printer.preservingProtoFieldNames() : printer).print(m));
      JsonNode actual = ProtoJson.print(m, CanonicalOptions.standard().withProtoFieldNames(protoNames));
      assertThat(JsonDiff.between(expected, actual)).as("%s with proto names %s", actual, protoNames).isEmpty();
    }
  }

  static Descriptor everything() {
    FieldDescriptorProto.Builder[] fields = {
        field("i32", 1, Type.TYPE_INT32), field("u32", 2, Type.TYPE_UINT32), field("i64", 3, Type.TYPE_INT64),
        field("u64", 4, Type.TYPE_UINT64), field("f", 5, Type.TYPE_FLOAT), field("d", 6, Type.TYPE_DOUBLE),
        field("ok", 7, Type.TYPE_BOOL), field("s", 8, Type.TYPE_STRING), field("raw", 9, Type.TYPE_BYTES),
        field("color", 10, Type.TYPE_ENUM).setTypeName(".t.Everything.Color"),
        field("names", 11, Type.TYPE_STRING).setLabel(Label.LABEL_REPEATED),
        field("colors", 12, Type.TYPE_ENUM).setTypeName(".t.Everything.Color").setLabel(Label.LABEL_REPEATED),
        field("inner", 13, Type.TYPE_MESSAGE).setTypeName(".t.Everything.Inner"),
        field("counts", 14, Type.TYPE_MESSAGE).setTypeName(".t.Everything.CountsEntry").setLabel(Label.LABEL_REPEATED),
        field("by_id", 15, Type.TYPE_MESSAGE).setTypeName(".t.Everything.ByIdEntry").setLabel(Label.LABEL_REPEATED),
        field("choice_text", 16, Type.TYPE_STRING).setOneofIndex(0),
        field("choice_number", 17, Type.TYPE_INT64).setOneofIndex(0),
        field("maybe", 18, Type.TYPE_INT32).setOneofIndex(1).setProto3Optional(true),
        field("when", 19, Type.TYPE_MESSAGE).setTypeName(".google.protobuf.Timestamp"),
        field("blob", 20, Type.TYPE_MESSAGE).setTypeName(".google.protobuf.Struct"),
    };
    DescriptorProto.Builder m = DescriptorProto.newBuilder().setName("Everything")
        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("choice"))
        .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_maybe"))
        .addNestedType(DescriptorProto.newBuilder().setName("Inner").addField(field("inner_id", 1, Type.TYPE_INT64)))
        .addNestedType(entry("CountsEntry", field("key", 1, Type.TYPE_STRING), field("value", 2, Type.TYPE_INT64)))
        .addNestedType(entry("ByIdEntry", field("key", 1, Type.TYPE_SINT32),
            field("value", 2, Type.TYPE_MESSAGE).setTypeName(".t.Everything.Inner")))
        .addEnumType(EnumDescriptorProto.newBuilder().setName("Color")
            .addValue(EnumValueDescriptorProto.newBuilder().setName("COLOR_UNSPECIFIED").setNumber(0))
            .addValue(EnumValueDescriptorProto.newBuilder().setName("RED").setNumber(1)));
    for (FieldDescriptorProto.Builder f : fields) {
      m.addField(f);
    }
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("t/everything.proto").setPackage("t").setSyntax("proto3")
        .addDependency("google/protobuf/timestamp.proto").addDependency("google/protobuf/struct.proto").addMessageType(m).build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[] {TimestampProto.getDescriptor(), StructProto.getDescriptor()})
          .findMessageTypeByName("Everything");
    } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(Label.LABEL_OPTIONAL);
  }

  private static DescriptorProto.Builder entry(String name, FieldDescriptorProto.Builder key, FieldDescriptorProto.Builder value) {
    return DescriptorProto.newBuilder().setName(name).addField(key).addField(value).setOptions(MessageOptions.newBuilder().setMapEntry(true));
  }
}
