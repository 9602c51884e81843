package dev.invariantharness.surface.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.invariantharness.surface.internal.ProtoJsonReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answers are read into their proto type in one walk of the Jackson tree that also notes what the
 * type does not declare; {@code JsonFormat} is asked only for what the walk does not take as
 * plain. Whatever path an answer takes, the message (or the error) must be exactly what
 * {@code JsonFormat} makes of the text, and the notes exactly the undeclared parts.
 */
class OnePassReadTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Descriptor EVERYTHING = CanonicalPrintTest.everything();

  /** Plain answers: built by the walk, no JsonFormat. */
  private static final List<String> PLAIN = List.of(
      "{}",
      "{\"i32\":-5,\"u32\":4294967295,\"i64\":\"-9223372036854775808\",\"u64\":\"18446744073709551615\"}",
      "{\"i64\":42,\"u64\":18446744073709551615,\"i32\":\"17\",\"u32\":\"3\"}",
      "{\"f\":1.5,\"d\":-2.25e-3,\"ok\":true,\"s\":\"h\\u00e9llo \\\"q\\\"\",\"raw\":\"AP8H\"}",
      "{\"f\":3,\"d\":12345678901234567890}",
      "{\"color\":\"RED\",\"colors\":[\"RED\",\"COLOR_UNSPECIFIED\"],\"names\":[\"a\",\"b\"],\"names2\":null}",
      "{\"inner\":{\"innerId\":\"3\"},\"counts\":{\"x\":\"9\",\"y\":1},\"byId\":{\"-3\":{},\"4\":{\"inner_id\":5}}}",
      "{\"choiceText\":\"picked\",\"maybe\":0,\"color\":1}",
      "{\"i32\":1,\"i32\":2}",
      "{\"choice_number\":\"7\",\"inner\":null,\"s\":null}",
      "{\"title\":\"undeclared\",\"inner\":{\"innerId\":1,\"extra\":[1,2]}}");

  /** Answers the walk leaves to JsonFormat: legal but unusual spellings, and invalid ones. */
  private static final List<String> FOR_JSONFORMAT = List.of(
      "{\"when\":\"2024-01-02T03:04:05.5Z\",\"blob\":{\"k\":[1,null]}}",
      "{\"d\":\"NaN\",\"f\":\"-Infinity\"}",
      "{\"i32\":1.0,\"u64\":\"1e3\"}",
      "{\"ok\":\"true\"}",
      "{\"color\":7}",
      "{\"color\":\"GREEN\"}",
      "{\"raw\":\"AP8\"}",
      "{\"raw\":\"_-8\"}",
      "{\"inner\":{\"innerId\":1,\"inner_id\":2}}",
      "{\"byId\":{\"1\":{}},\"by_id\":{}}",
      "{\"choiceText\":\"a\",\"choiceNumber\":\"1\"}",
      "{\"choice_text\":\"a\",\"choiceText\":\"b\"}",
      "{\"i32\":2147483648}",
      "{\"u32\":-1}",
      "{\"u64\":-1}",
      "{\"i32\":\"x\"}",
      "{\"s\":5}",
      "{\"names\":\"a\"}",
      "{\"names\":[null]}",
      "{\"inner\":[]}",
      "{\"counts\":[]}",
      "{\"counts\":{\"x\":null}}",
      "{\"byId\":{\"nope\":{}}}",
      "{\"f\":1e39}",
      "{\"d\":1e400}");

  @Test
  void plainAnswersAreBuiltInOneWalkExactlyAsJsonFormatParsesThem() throws Exception {
    for (String json : PLAIN) {
      DynamicMessage.Builder b = DynamicMessage.newBuilder(EVERYTHING);
      assertThat(ProtoJsonReader.read(JSON.readTree(json), EVERYTHING, b, false, new ArrayList<>())).as(json).isTrue();
      assertThat(b.build()).as(json).isEqualTo(jsonFormat(json));
      assertThat(ProtoJson.fromJson(EVERYTHING, json, CanonicalOptions.standard()).message()).as(json).isEqualTo(jsonFormat(json));
    }
  }

  @Test
  void unusualAnswersAreLeftToJsonFormatWithItsResultOrItsError() throws Exception {
    for (String json : FOR_JSONFORMAT) {
      DynamicMessage.Builder b = DynamicMessage.newBuilder(EVERYTHING);
      assertThat(ProtoJsonReader.read(JSON.readTree(json), EVERYTHING, b, true, new ArrayList<>())).as(json).isFalse();
      DynamicMessage expected;
      try {
        expected = jsonFormat(json);
      } catch (InvalidProtocolBufferException e) {
        assertThatThrownBy(() -> ProtoJson.fromJson(EVERYTHING, json, CanonicalOptions.standard().withEnumsAsNumbers(true))).as(json)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not a valid t.Everything in proto JSON: " + e.getMessage());
        continue;
      }
      assertThat(ProtoJson.fromJson(EVERYTHING, json, CanonicalOptions.standard().withEnumsAsNumbers(true)).message()).as(json)
          .isEqualTo(expected);
    }
  }

  @Test
  void theWalkNotesUndeclaredFieldsAndEnumValuesWhereverItBuildsOrNot() throws Exception {
    List<ProtoJson.Note> built = ProtoJson.fromJson(EVERYTHING,
        "{\"title\":\"x\",\"inner\":{\"innerId\":1,\"a/b\":2},\"counts\":{\"k\":\"1\"},\"colors\":[\"RED\",3]}",
        CanonicalOptions.standard()).notes();
    assertThat(built).extracting(ProtoJson.Note::kind, ProtoJson.Note::path, ProtoJson.Note::detail).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ProtoJson.NoteKind.UNDECLARED_FIELD, "/title", "\"x\""),
        org.assertj.core.groups.Tuple.tuple(ProtoJson.NoteKind.UNDECLARED_FIELD, "/inner/a~1b", "2"),
        org.assertj.core.groups.Tuple.tuple(ProtoJson.NoteKind.ENUM_AS_NUMBER, "/colors/1", "3"));
    // the same notes when JsonFormat builds the message (an unusual spelling elsewhere)
    List<ProtoJson.Note> viaJsonFormat = ProtoJson.fromJson(EVERYTHING,
        "{\"d\":\"NaN\",\"title\":\"x\",\"color\":\"GREEN\",\"inner\":{\"innerId\":1,\"a/b\":2}}", CanonicalOptions.standard()).notes();
    assertThat(viaJsonFormat).extracting(ProtoJson.Note::path).containsExactly("/title", "/color", "/inner/a~1b");
    assertThat(viaJsonFormat.get(1).describe("t.Everything")).isEqualTo("/color: enum value \"GREEN\" of t.Everything.Color is not declared"
        + " by the contract");
  }

  @Test
  void aStreamedMessageReadFromItsTreeIsTheSameAsFromItsText() throws Exception {
    String json = "{\"i64\":\"5\",\"color\":\"RED\",\"extra\":true}";
    ProtoJson.Canonical fromText = ProtoJson.fromJson(EVERYTHING, json, CanonicalOptions.standard());
    ProtoJson.Canonical fromTree = ProtoJson.fromJson(EVERYTHING, JSON.readTree(json), CanonicalOptions.standard());
    assertThat(fromTree.message()).isEqualTo(fromText.message());
    assertThat(fromTree.tree()).isEqualTo(fromText.tree());
    assertThat(fromTree.notes()).isEqualTo(fromText.notes());
    assertThatThrownBy(() -> ProtoJson.fromJson(EVERYTHING, JSON.readTree("[1]"), CanonicalOptions.standard()))
        .hasMessage("not a JSON object but array");
  }

  @Test
  void fieldNamesAreIndexedPerDescriptorSoTwoContractsWithTheSameTypeNameDoNotShareAnEntry() throws Exception {
    // the legacy and the new contract both declare t.Run; only the new one renamed title to name
    Descriptor legacy = run("title");
    Descriptor renamed = run("name");
    assertThat(legacy.getFullName()).isEqualTo(renamed.getFullName());
    JsonNode answer = JSON.readTree("{\"name\":\"nightly\"}");
    for (int round = 0; round < 2; round++) {
      List<ProtoJson.Note> onLegacy = new ArrayList<>();
      DynamicMessage.Builder l = DynamicMessage.newBuilder(legacy);
      assertThat(ProtoJsonReader.read(answer, legacy, l, false, onLegacy)).isTrue();
      assertThat(onLegacy).extracting(ProtoJson.Note::path).containsExactly("/name");
      assertThat(l.build().getAllFields()).isEmpty();
      List<ProtoJson.Note> onRenamed = new ArrayList<>();
      DynamicMessage.Builder r = DynamicMessage.newBuilder(renamed);
      assertThat(ProtoJsonReader.read(answer, renamed, r, false, onRenamed)).isTrue();
      assertThat(onRenamed).isEmpty();
      assertThat(r.build().getField(renamed.findFieldByName("name"))).isEqualTo("nightly");
    }
    assertThat(ProtoJsonReader.field(legacy, "title")).isSameAs(legacy.findFieldByName("title"));
    assertThat(ProtoJsonReader.field(renamed, "title")).isNull();
  }

  @Test
  void aReceivedMessageNotesUnknownFieldNumbersWhereverTheyAreInFieldNumberOrder() {
    Descriptor inner = EVERYTHING.findFieldByName("inner").getMessageType();
    Descriptor byId = EVERYTHING.findFieldByName("by_id").getMessageType();
    DynamicMessage withUnknown = DynamicMessage.newBuilder(inner).setUnknownFields(unknown(98)).build();
    DynamicMessage m = DynamicMessage.newBuilder(EVERYTHING)
        .addRepeatedField(EVERYTHING.findFieldByName("by_id"), DynamicMessage.newBuilder(byId).setField(byId.findFieldByName("key"), 4)
            .setField(byId.findFieldByName("value"), withUnknown).build())
        .setField(EVERYTHING.findFieldByName("inner"), DynamicMessage.newBuilder(inner).setUnknownFields(unknown(99)).build())
        .setField(EVERYTHING.findFieldByName("s"), "plain")
        .setUnknownFields(unknown(50)).build();
    assertThat(ProtoJson.fromMessage(m, CanonicalOptions.standard()).notes())
        .extracting(ProtoJson.Note::kind, ProtoJson.Note::path, ProtoJson.Note::detail).containsExactly(
            org.assertj.core.groups.Tuple.tuple(ProtoJson.NoteKind.UNKNOWN_FIELD_NUMBER, "/", "[50]"),
            org.assertj.core.groups.Tuple.tuple(ProtoJson.NoteKind.UNKNOWN_FIELD_NUMBER, "/inner", "[99]"),
            org.assertj.core.groups.Tuple.tuple(ProtoJson.NoteKind.UNKNOWN_FIELD_NUMBER, "/byId/0/value", "[98]"));
    assertThat(ProtoJson.fromMessage(DynamicMessage.newBuilder(EVERYTHING).setField(EVERYTHING.findFieldByName("inner"),
        DynamicMessage.newBuilder(inner).build()).build(), CanonicalOptions.standard()).notes()).isEmpty();
  }

  private static com.google.protobuf.UnknownFieldSet unknown(int number) {
    return com.google.protobuf.UnknownFieldSet.newBuilder()
        .addField(number, com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build();
  }

  private static DynamicMessage jsonFormat(String json) throws InvalidProtocolBufferException {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(EVERYTHING);
    JsonFormat.parser().ignoringUnknownFields().merge(json, b);
    return b.build();
  }

  private static Descriptor run(String titleField) throws Exception {
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("t/run.proto").setPackage("t").setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("Run")
            .addField(FieldDescriptorProto.newBuilder().setName("run_id").setNumber(1).setType(Type.TYPE_STRING).setLabel(Label.LABEL_OPTIONAL))
            .addField(FieldDescriptorProto.newBuilder().setName(titleField).setNumber(2).setType(Type.TYPE_STRING)
                .setLabel(Label.LABEL_OPTIONAL)))
        .build();
    return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Run");
  }
}
