package dev.invariantharness.proto.internal;

import static dev.invariantharness.proto.internal.Text.q;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import dev.cel.compiler.CelCompiler;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * buf's {@code PROTOVALIDATE} lint rule: protovalidate rules ({@code (buf.validate.field)},
 * {@code (buf.validate.message)}, {@code (buf.validate.predefined)}) that cannot be satisfied,
 * contradict each other, do not fit the field's type, are redundant, or hold CEL that does not
 * compile ({@link ProtovalidateCel}). The rules are read with the {@code buf/validate/validate.proto}
 * the checked files import (it is in the image), so the harness itself does not depend on a
 * protovalidate release.
 *
 * <p>{@code example} values are validated against the field's rules ({@link ProtovalidateExamples}).
 * Durations and timestamps inside rules must be valid values. {@code pattern} is compiled with re2j, the Java port of
 * the RE2 engine Go's regexp package is, so it accepts what buf accepts and words errors as Go does.
 */
final class Protovalidate {

  /** The extension number of {@code (buf.validate.field)} and {@code (buf.validate.message)}. */
  private static final int EXTENSION = 1159;
  private static final int FIELD_OPTIONS = 8;
  private static final int MESSAGE_OPTIONS = 7;
  /** The extension number of {@code (buf.validate.predefined)} on field options. */
  private static final int PREDEFINED = 1160;

  /** Reports a finding: the file, the span (null: none known) and the message. */
  interface Report {
    void add(ProtoFile file, Span span, String message);
  }

  private final Descriptor fieldRules;
  private final Descriptor messageRules;
  private final Descriptor predefinedRules;
  private final Report report;
  private final ProtovalidateExamples examples;
  /** CEL environments by the file whose types they declare and the type of {@code this}: one per pair and check. */
  private final Map<String, CelCompiler> compilers = new HashMap<>();

  private Protovalidate(Descriptor fieldRules, Descriptor messageRules, Descriptor predefinedRules,
      Collection<FileDescriptor> files, Report report) {
    this.fieldRules = fieldRules;
    this.messageRules = messageRules;
    this.predefinedRules = predefinedRules;
    this.report = report;
    this.examples = new ProtovalidateExamples(files);
  }

  /** Checks every target message and field of {@code image}; nothing when no file imports protovalidate. */
  static void check(Image image, Report report) {
    Descriptor fieldRules = null;
    Descriptor messageRules = null;
    Descriptor predefinedRules = null;
    for (ProtoFile file : image.allFiles().values()) {
      if (file.packageName().equals("buf.validate")) {
        Descriptor f = file.descriptor().findMessageTypeByName("FieldRules");
        if (f != null) {
          fieldRules = f;
          messageRules = file.descriptor().findMessageTypeByName("MessageRules");
          predefinedRules = file.descriptor().findMessageTypeByName("PredefinedRules");
        }
      }
    }
    if (fieldRules == null) {
      return;
    }
    List<FileDescriptor> files = new ArrayList<>();
    for (ProtoFile file : image.allFiles().values()) {
      files.add(file.descriptor());
    }
    Protovalidate rules = new Protovalidate(fieldRules, messageRules, predefinedRules, files, report);
    for (El.Message m : image.messages()) {
      rules.message(m);
    }
    for (El.Field f : image.fields()) {
      rules.field(f);
    }
    for (El.Field f : image.extensions()) {
      rules.field(f);
      rules.predefined(f);
    }
  }

  /** The extension's value in {@code options} (unknown to protobuf-java), parsed as {@code type}; null when unset. */
  private static DynamicMessage extension(Message options, Descriptor type) {
    return extension(options, EXTENSION, type);
  }

  private static DynamicMessage extension(Message options, int number, Descriptor type) {
    UnknownFieldSet.Field raw = options.getUnknownFields().getField(number);
    if (raw == null || raw.getLengthDelimitedList().isEmpty()) {
      return null;
    }
    ByteString all = ByteString.EMPTY;
    for (ByteString part : raw.getLengthDelimitedList()) {
      all = all.concat(part);
    }
    try {
      return DynamicMessage.parseFrom(type, all);
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  // ---- (buf.validate.message).oneof

  private void message(El.Message m) {
    if (messageRules == null || m.isMapEntry()) {
      return;
    }
    DynamicMessage rules = extension(m.d().toProto().getOptions(), messageRules);
    if (rules == null) {
      return;
    }
    oneofRules(m, rules);
    List<Integer> base = El.child(m.path(), MESSAGE_OPTIONS, EXTENSION);
    String parent = "message " + q(m.d().getName());
    cel(rules, () -> compilers.computeIfAbsent(m.d().getFile().getName() + "\0message " + m.d().getFullName(),
        k -> ProtovalidateCel.forMessage(m.d())), parent, "M" + parent.substring(1), "(buf.validate.message)",
        (number, index, message) -> report.add(m.file(),
            m.file().optionSpan(El.child(base, number, index), base.size(), messageRules), message));
  }

  /** Where a CEL finding goes: the number of {@code cel} or {@code cel_expression}, the rule's index, the message. */
  private interface CelAt {
    void add(int number, int index, String message);
  }

  /** The {@code cel} and {@code cel_expression} rules of {@code rules} (message or field rules), checked as buf does. */
  private static void cel(Message rules, Supplier<CelCompiler> environment,
      String parent, String parentCapitalized, String rulesName, CelAt at) {
    FieldDescriptor celField = rules.getDescriptorForType().findFieldByName("cel");
    FieldDescriptor expressionField = rules.getDescriptorForType().findFieldByName("cel_expression");
    List<ProtovalidateCel.Rule> cel = celRules(rules, celField);
    List<ProtovalidateCel.Rule> expressions = new ArrayList<>();
    if (expressionField != null && expressionField.isRepeated()) {
      for (int i = 0; i < rules.getRepeatedFieldCount(expressionField); i++) {
        expressions.add(new ProtovalidateCel.Rule("", "", String.valueOf(rules.getRepeatedField(expressionField, i))));
      }
    }
    if (cel.isEmpty() && expressions.isEmpty()) {
      return;
    }
    CelCompiler compiler = environment.get();
    ProtovalidateCel.check(compiler, cel, parent, parentCapitalized, rulesName + ".cel", false,
        (index, message) -> at.add(celField.getNumber(), index, message));
    if (!expressions.isEmpty()) {
      ProtovalidateCel.check(compiler, expressions, parent, parentCapitalized, rulesName + ".cel_expression", true,
          (index, message) -> at.add(expressionField.getNumber(), index, message));
    }
  }

  /** The {@code buf.validate.Rule} entries of a repeated {@code cel} field; empty when there is none. */
  private static List<ProtovalidateCel.Rule> celRules(Message rules, FieldDescriptor celField) {
    List<ProtovalidateCel.Rule> out = new ArrayList<>();
    if (celField == null || !celField.isRepeated() || celField.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return out;
    }
    for (int i = 0; i < rules.getRepeatedFieldCount(celField); i++) {
      Message rule = (Message) rules.getRepeatedField(celField, i);
      out.add(new ProtovalidateCel.Rule(string(rule, "id"), string(rule, "message"), string(rule, "expression")));
    }
    return out;
  }

  private static String string(Message m, String name) {
    Object v = get(m, name);
    return v instanceof String s ? s : "";
  }

  // ---- (buf.validate.predefined) on extensions of buf.validate.*Rules

  private void predefined(El.Field f) {
    if (predefinedRules == null) {
      return;
    }
    Descriptor extended = f.d().getContainingType();
    if (!extended.getFile().getPackage().equals("buf.validate") || !extended.getName().endsWith("Rules")
        || extended.getContainingType() != null) {
      return;
    }
    DynamicMessage rules = extension(f.d().toProto().getOptions(), PREDEFINED, predefinedRules);
    if (rules == null) {
      return;
    }
    FieldDescriptor celField = predefinedRules.findFieldByName("cel");
    List<ProtovalidateCel.Rule> cel = celRules(rules, celField);
    if (cel.isEmpty()) {
      return;
    }
    CelCompiler compiler = ProtovalidateCel.forPredefined(f.d());
    if (compiler == null) {
      return;
    }
    List<Integer> base = El.child(f.path(), FIELD_OPTIONS, PREDEFINED);
    ProtovalidateCel.check(compiler, cel, "extension field", "Extension field", "(buf.validate.predefined).cel", false,
        (index, message) -> report.add(f.file(),
            f.file().optionSpan(El.child(base, celField.getNumber(), index), base.size(), predefinedRules), message));
  }

  private void oneofRules(El.Message m, DynamicMessage rules) {
    FieldDescriptor oneofField = messageRules.findFieldByName("oneof");
    if (oneofField == null || !oneofField.isRepeated()) {
      return;
    }
    List<Integer> base = El.child(m.path(), MESSAGE_OPTIONS, EXTENSION);
    int oneofNumber = oneofField.getNumber();
    Map<String, List<Integer>> entriesByField = new LinkedHashMap<>();
    int count = rules.getRepeatedFieldCount(oneofField);
    for (int i = 0; i < count; i++) {
      Message entry = (Message) rules.getRepeatedField(oneofField, i);
      FieldDescriptor fieldsField = entry.getDescriptorForType().findFieldByName("fields");
      Span entrySpan = m.file().optionSpan(El.child(base, oneofNumber, i), base.size(), messageRules);
      List<String> names = new ArrayList<>();
      for (int j = 0; fieldsField != null && j < entry.getRepeatedFieldCount(fieldsField); j++) {
        names.add((String) entry.getRepeatedField(fieldsField, j));
      }
      if (names.isEmpty()) {
        report.add(m.file(), entrySpan, "Message " + q(m.d().getName())
            + " has a (buf.validate.message).oneof entry with no fields. Each oneof entry must specify at least one field.");
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (int j = 0; j < names.size(); j++) {
        String name = names.get(j);
        Span span = m.file().optionSpan(El.child(base, oneofNumber, i, fieldsField.getNumber(), j), base.size(), messageRules);
        if (!seen.add(name)) {
          report.add(m.file(), span, "Message " + q(m.d().getName()) + " has a (buf.validate.message).oneof entry that references field "
              + q(name) + " more than once. Duplicate field names are not permitted.");
          continue;
        }
        if (m.d().findFieldByName(name) == null) {
          report.add(m.file(), span, "Message " + q(m.d().getName()) + " has a (buf.validate.message).oneof entry that references field "
              + q(name) + ", which is not defined in the message.");
          continue;
        }
        entriesByField.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
      }
    }
    for (var e : entriesByField.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      List<Span> spans = new ArrayList<>();
      for (int index : e.getValue()) {
        spans.add(m.file().optionSpan(El.child(base, oneofNumber, index), base.size(), messageRules));
      }
      for (Span span : distinct(spans)) {
        report.add(m.file(), span, "Message " + q(m.d().getName()) + " references field " + q(e.getKey())
            + " in more than one (buf.validate.message).oneof entry. A field may only appear in one oneof entry.");
      }
    }
  }

  // ---- (buf.validate.field)

  private void field(El.Field f) {
    if (f.message() != null && f.message().isMapEntry()) {
      return;
    }
    DynamicMessage rules = extension(f.d().toProto().getOptions(), fieldRules);
    if (rules == null) {
      return;
    }
    Adder adder = new Adder(f, prettyType(f.d()), List.of());
    checkRules(adder, rules, null, f.d(), f.d().isRepeated());
  }

  /** Where findings of one field go: its name, its type as buf prints it, and the rule path so far. */
  private final class Adder {
    final El.Field field;
    final String prettyType;
    final List<Integer> base;

    Adder(El.Field field, String prettyType, List<Integer> base) {
      this.field = field;
      this.prettyType = prettyType;
      this.base = base;
    }

    Adder under(int... path) {
      return new Adder(field, prettyType, El.child(List.of(), path));
    }

    String name() {
      return q(field.d().getName());
    }

    Span span(int... path) {
      List<Integer> options = El.child(field.path(), FIELD_OPTIONS, EXTENSION);
      List<Integer> full = new ArrayList<>(options);
      full.addAll(base);
      for (int p : path) {
        full.add(p);
      }
      return field.file().optionSpan(full, options.size(), fieldRules);
    }

    void add(String message, int... path) {
      report.add(field.file(), span(path), message);
    }

    void addAll(String message, int[]... paths) {
      List<Span> spans = new ArrayList<>();
      for (int[] path : paths) {
        spans.add(span(path));
      }
      for (Span s : distinct(spans)) {
        report.add(field.file(), s, message);
      }
    }

    /** {@code (buf.validate.field).string.min_len}: the rule names along the base path and {@code path}. */
    String rule(int... path) {
      StringBuilder name = new StringBuilder("(buf.validate.field)");
      Descriptor type = fieldRules;
      List<Integer> all = new ArrayList<>(base);
      for (int p : path) {
        all.add(p);
      }
      for (int number : all) {
        FieldDescriptor sub = type == null ? null : type.findFieldByNumber(number);
        if (sub == null) {
          return name.toString();
        }
        name.append('.').append(sub.getName());
        if (sub.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
          return name.toString();
        }
        type = sub.getMessageType();
      }
      return name.toString();
    }
  }

  private static List<Span> distinct(List<Span> spans) {
    List<Span> out = new ArrayList<>();
    Set<List<Integer>> seen = new HashSet<>();
    for (Span s : spans) {
      List<Integer> key = s == null ? List.of() : List.of(s.startLine(), s.startColumn(), s.endLine(), s.endColumn());
      if (seen.add(key)) {
        out.add(s);
      }
    }
    return out;
  }

  private int number(Descriptor type, String name) {
    FieldDescriptor f = type.findFieldByName(name);
    return f == null ? -1 : f.getNumber();
  }

  private static Object get(Message m, String name) {
    FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
    return f != null && !f.isRepeated() && m.hasField(f) ? m.getField(f) : null;
  }

  private static String ignoreValue(Message rules) {
    Object v = get(rules, "ignore");
    return v instanceof EnumValueDescriptor e ? e.getName() : "IGNORE_UNSPECIFIED";
  }

  private static boolean flag(Message m, String name) {
    return Boolean.TRUE.equals(get(m, name));
  }

  private void checkRules(Adder adder, Message rules, FieldDescriptor parentMap, FieldDescriptor field,
      boolean expectRepeated) {
    if (rules == null) {
      return;
    }
    int required = number(fieldRules, "required");
    int ignore = number(fieldRules, "ignore");
    if (field.isExtension()) {
      if (flag(rules, "required")) {
        adder.add("Field " + adder.name() + " is an extension field and cannot have " + adder.rule(required) + ".", required);
      }
      if (ignoreValue(rules).equals("IGNORE_IF_ZERO_VALUE")) {
        adder.add("Field " + adder.name() + " is an extension field and cannot have " + adder.rule(ignore)
            + "=IGNORE_IF_ZERO_VALUE.", ignore);
      }
    }
    if (field.getRealContainingOneof() != null && flag(rules, "required")) {
      adder.add("Field " + adder.name() + " has " + adder.rule(required) + " but is in a oneof ("
          + field.getRealContainingOneof().getName() + "). Oneof fields must not have " + adder.rule(required) + ".", required);
    }
    checkFlags(adder, rules, field, required, ignore);
    cel(rules, () -> compilers.computeIfAbsent(field.getFile().getName() + "\0"
            + ProtovalidateCel.format(ProtovalidateCel.typeOf(field, !expectRepeated)),
        k -> ProtovalidateCel.forField(field, !expectRepeated)), "field " + adder.name(), "Field " + adder.name(),
        adder.rule(), (number, index, message) -> adder.add(message, number, index));
    FieldDescriptor typeRules = typeRules(rules);
    if (typeRules == null) {
      return;
    }
    int typeNumber = typeRules.getNumber();
    Message typed = (Message) rules.getField(typeRules);
    switch (typeRules.getName()) {
      case "map" -> {
        checkMap(adder, typed, field, typeNumber);
        return;
      }
      case "repeated" -> {
        checkRepeated(adder, typed, field, typeNumber);
        return;
      }
      default -> {
        // scalar, enum and well-known-type rules below
      }
    }
    if (!typeMatches(adder, field, typeRules, expectRepeated)) {
      return;
    }
    checkExamples(adder, rules, typed, typeNumber, parentMap, field);
    switch (typeRules.getName()) {
      case "float", "double" -> {
        checkNumeric(adder, typed, typeNumber);
        checkNaN(adder, typed, typeNumber);
      }
      case "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64",
          "duration" -> checkNumeric(adder, typed, typeNumber);
      case "string" -> checkString(adder, typed, typeNumber);
      case "bytes" -> checkBytes(adder, typed, typeNumber);
      case "enum", "any" -> checkConst(adder, typed, typeNumber);
      case "timestamp" -> checkTimestamp(adder, typed, typeNumber);
      case "field_mask" -> checkFieldMask(adder, typed, typeNumber);
      default -> {
        // bool has only const
      }
    }
  }

  /** buf's checkExampleValues: each {@code example} must pass the field's rules, when it has any besides examples. */
  private void checkExamples(Adder adder, Message rules, Message typed, int typeNumber, FieldDescriptor parentMap,
      FieldDescriptor field) {
    FieldDescriptor exampleField = typed.getDescriptorForType().findFieldByName("example");
    if (exampleField == null || !exampleField.isRepeated() || typed.getRepeatedFieldCount(exampleField) == 0) {
      return;
    }
    FieldDescriptor celField = rules.getDescriptorForType().findFieldByName("cel");
    boolean hasRules = celField != null && celField.isRepeated() && rules.getRepeatedFieldCount(celField) > 0;
    for (FieldDescriptor set : typed.getAllFields().keySet()) {
      hasRules |= !set.equals(exampleField);
    }
    // a predefined rule is an extension of the rules message, unknown to the image's descriptors
    hasRules |= !typed.getUnknownFields().asMap().isEmpty();
    if (!hasRules) {
      return;
    }
    Descriptor containing = adder.field.message() != null ? adder.field.message().d() : null;
    if (containing == null || field.isExtension()) {
      return;
    }
    examples.check((List<?>) typed.getField(exampleField), containing, parentMap, field,
        (index, message) -> adder.add(message, typeNumber, exampleField.getNumber(), index));
  }

  private FieldDescriptor typeRules(Message rules) {
    for (FieldDescriptor f : rules.getAllFields().keySet()) {
      if (f.getContainingOneof() != null && f.getContainingOneof().getName().equals("type")) {
        return f;
      }
    }
    return null;
  }

  private void checkFlags(Adder adder, Message rules, FieldDescriptor field, int required, int ignore) {
    int count = rules.getAllFields().size();
    String ignoreValue = ignoreValue(rules);
    if (ignoreValue.equals("IGNORE_ALWAYS") && count > 1) {
      adder.add("Field " + adder.name() + " has " + adder.rule(ignore) + "=IGNORE_ALWAYS and therefore other rules in "
          + adder.rule() + " are not applied and should be removed.", ignore);
    }
    if (flag(rules, "required") && ignoreValue.equals("IGNORE_IF_ZERO_VALUE")) {
      adder.addAll("Field " + adder.name() + " has both " + adder.rule(required) + " and " + adder.rule(ignore)
          + "=IGNORE_IF_ZERO_VALUE. A field cannot be empty if it is required.", new int[] {required}, new int[] {ignore});
    }
    if (ignoreValue.equals("IGNORE_IF_ZERO_VALUE") && field.hasPresence() && !field.isExtension()) {
      adder.add("Field " + adder.name() + " has " + adder.rule(ignore)
          + "=IGNORE_IF_ZERO_VALUE and tracks presence. This is the same as the default and the ignore option can be removed.",
          ignore);
    }
  }

  private static final Map<String, FieldDescriptor.Type> SCALAR = Map.ofEntries(
      Map.entry("float", FieldDescriptor.Type.FLOAT), Map.entry("double", FieldDescriptor.Type.DOUBLE),
      Map.entry("int32", FieldDescriptor.Type.INT32), Map.entry("int64", FieldDescriptor.Type.INT64),
      Map.entry("uint32", FieldDescriptor.Type.UINT32), Map.entry("uint64", FieldDescriptor.Type.UINT64),
      Map.entry("sint32", FieldDescriptor.Type.SINT32), Map.entry("sint64", FieldDescriptor.Type.SINT64),
      Map.entry("fixed32", FieldDescriptor.Type.FIXED32), Map.entry("fixed64", FieldDescriptor.Type.FIXED64),
      Map.entry("sfixed32", FieldDescriptor.Type.SFIXED32), Map.entry("sfixed64", FieldDescriptor.Type.SFIXED64),
      Map.entry("bool", FieldDescriptor.Type.BOOL), Map.entry("string", FieldDescriptor.Type.STRING),
      Map.entry("bytes", FieldDescriptor.Type.BYTES), Map.entry("enum", FieldDescriptor.Type.ENUM));

  private static final Map<String, String> MESSAGE = Map.ofEntries(
      Map.entry("float", "google.protobuf.FloatValue"), Map.entry("double", "google.protobuf.DoubleValue"),
      Map.entry("int32", "google.protobuf.Int32Value"), Map.entry("int64", "google.protobuf.Int64Value"),
      Map.entry("uint32", "google.protobuf.UInt32Value"), Map.entry("uint64", "google.protobuf.UInt64Value"),
      Map.entry("bool", "google.protobuf.BoolValue"), Map.entry("string", "google.protobuf.StringValue"),
      Map.entry("bytes", "google.protobuf.BytesValue"), Map.entry("any", "google.protobuf.Any"),
      Map.entry("duration", "google.protobuf.Duration"), Map.entry("timestamp", "google.protobuf.Timestamp"),
      Map.entry("field_mask", "google.protobuf.FieldMask"));

  private static final Set<String> WRAPPERS = Set.of("google.protobuf.FloatValue", "google.protobuf.DoubleValue",
      "google.protobuf.Int32Value", "google.protobuf.Int64Value", "google.protobuf.UInt32Value",
      "google.protobuf.UInt64Value", "google.protobuf.BoolValue", "google.protobuf.StringValue",
      "google.protobuf.BytesValue");

  private static boolean isMessage(FieldDescriptor f) {
    return f.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
  }

  /** Go's protoreflect kind name, the message's full name, or {@code map<K, V>}. */
  private static String prettyType(FieldDescriptor f) {
    if (!isMessage(f)) {
      return f.getType().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (f.isMapField()) {
      return "map<" + prettyType(f.getMessageType().findFieldByNumber(1)) + ", "
          + prettyType(f.getMessageType().findFieldByNumber(2)) + ">";
    }
    return f.getMessageType().getFullName();
  }

  private boolean typeMatches(Adder adder, FieldDescriptor field, FieldDescriptor typeRules, boolean expectRepeated) {
    int n = typeRules.getNumber();
    if (expectRepeated) {
      adder.add("Field " + adder.name() + " is of type repeated " + adder.prettyType + " but has " + adder.rule(n) + " rules.", n);
      return false;
    }
    if (SCALAR.get(typeRules.getName()) == field.getType()) {
      return true;
    }
    String message = MESSAGE.get(typeRules.getName());
    if (message != null && isMessage(field) && field.getMessageType().getFullName().equals(message)) {
      return true;
    }
    adder.add("Field " + adder.name() + " is of type " + adder.prettyType + " but has " + adder.rule(n) + " rules.", n);
    return false;
  }

  private void checkRepeated(Adder adder, Message rules, FieldDescriptor field, int repeatedNumber) {
    if (!field.isRepeated() || field.isMapField()) {
      adder.add("Field " + adder.name() + " is not repeated but has " + adder.rule(repeatedNumber) + " rules.", repeatedNumber);
      return;
    }
    Descriptor type = rules.getDescriptorForType();
    int unique = number(type, "unique");
    int minItems = number(type, "min_items");
    int maxItems = number(type, "max_items");
    int items = number(type, "items");
    if (flag(rules, "unique") && isMessage(field) && !WRAPPERS.contains(field.getMessageType().getFullName())) {
      adder.add("Field " + adder.name() + " is of type " + adder.prettyType + " but has " + adder.rule(repeatedNumber, unique)
          + " set to true, which is only allowed for scalar types and wrapper types.", repeatedNumber, unique);
    }
    Object min = get(rules, "min_items");
    Object max = get(rules, "max_items");
    if (min != null && max != null && Long.compareUnsigned((Long) min, (Long) max) > 0) {
      adder.add("Field " + adder.name() + " has value " + Long.toUnsignedString((Long) min) + " for "
          + adder.rule(repeatedNumber, minItems) + ", which must be lower than value " + Long.toUnsignedString((Long) max)
          + " for " + adder.rule(repeatedNumber, maxItems) + ".", repeatedNumber, minItems);
      adder.add("Field " + adder.name() + " has value " + Long.toUnsignedString((Long) max) + " for "
          + adder.rule(repeatedNumber, maxItems) + ", which must be higher than value " + Long.toUnsignedString((Long) min)
          + " for " + adder.rule(repeatedNumber, minItems) + ".", repeatedNumber, maxItems);
    }
    Adder itemAdder = adder.under(repeatedNumber, items);
    Message itemRules = (Message) get(rules, "items");
    int required = number(fieldRules, "required");
    if (itemRules != null && flag(itemRules, "required")) {
      itemAdder.add("Field " + adder.name() + " has " + itemAdder.rule(required)
          + " on repeated item rules, which is unenforceable. The " + itemAdder.rule(required)
          + " constraint cannot be applied to individual items in a repeated field.", required);
    }
    checkRules(itemAdder, itemRules, null, field, false);
  }

  private void checkMap(Adder adder, Message rules, FieldDescriptor field, int mapNumber) {
    if (!field.isMapField()) {
      adder.add("Field " + adder.name() + " is not a map but has " + adder.rule(mapNumber) + ".", mapNumber);
      return;
    }
    Descriptor type = rules.getDescriptorForType();
    int minPairs = number(type, "min_pairs");
    int maxPairs = number(type, "max_pairs");
    Object min = get(rules, "min_pairs");
    Object max = get(rules, "max_pairs");
    if (min != null && max != null && Long.compareUnsigned((Long) min, (Long) max) > 0) {
      adder.add("Field " + adder.name() + " has value " + Long.toUnsignedString((Long) min) + " for "
          + adder.rule(mapNumber, minPairs) + ", which must be lower than value " + Long.toUnsignedString((Long) max)
          + " for " + adder.rule(mapNumber, maxPairs) + ".", mapNumber, minPairs);
      adder.add("Field " + adder.name() + " has value " + Long.toUnsignedString((Long) max) + " for "
          + adder.rule(mapNumber, maxPairs) + ", which must be higher than value " + Long.toUnsignedString((Long) min)
          + " for " + adder.rule(mapNumber, minPairs) + ".", mapNumber, maxPairs);
    }
    int required = number(fieldRules, "required");
    for (String side : List.of("keys", "values")) {
      Adder sideAdder = adder.under(mapNumber, number(type, side));
      Message sideRules = (Message) get(rules, side);
      if (sideRules != null && flag(sideRules, "required")) {
        String what = side.equals("keys") ? "map key" : "map value";
        sideAdder.add("Field " + adder.name() + " has " + sideAdder.rule(required) + " on " + what
            + " rules, which is unenforceable. The " + sideAdder.rule(required) + " constraint cannot be applied to "
            + what + "s.", required);
      }
      FieldDescriptor entryField = field.getMessageType().findFieldByNumber(side.equals("keys") ? 1 : 2);
      checkRules(sideAdder, sideRules, field, entryField, false);
    }
  }

  private void checkConst(Adder adder, Message rules, int typeNumber) {
    FieldDescriptor constant = rules.getDescriptorForType().findFieldByName("const");
    if (constant != null && rules.hasField(constant) && rules.getAllFields().size() > 1) {
      adder.add("Field " + adder.name() + " has " + adder.rule(typeNumber, constant.getNumber())
          + ", therefore other rules in " + adder.rule(typeNumber) + " are not applied and should be removed.",
          typeNumber, constant.getNumber());
    }
  }

  /** const with other rules, and bounds that are equal (a single value, or none at all). */
  private void checkNumeric(Adder adder, Message rules, int typeNumber) {
    // a duration or timestamp that is no valid value is reported and then left out, as buf does
    Set<FieldDescriptor> invalid = new HashSet<>();
    String rulesType = rules.getDescriptorForType().getName();
    if (rulesType.equals("DurationRules") || rulesType.equals("TimestampRules")) {
      for (var e : rules.getAllFields().entrySet()) {
        FieldDescriptor f = e.getKey();
        if (!List.of("const", "gt", "gte", "lt", "lte").contains(f.getName()) || !(e.getValue() instanceof Message value)) {
          continue;
        }
        String problem = rulesType.equals("DurationRules") ? durationProblem(value) : timestampProblem(value);
        if (problem != null) {
          invalid.add(f);
          adder.add("Field " + adder.name() + " has an invalid " + adder.rule(typeNumber, f.getNumber()) + ": " + problem
              + ".", typeNumber, f.getNumber());
        }
      }
    }
    FieldDescriptor constant = rules.getDescriptorForType().findFieldByName("const");
    if (constant == null || !invalid.contains(constant)) {
      checkConst(adder, rules, typeNumber);
    }
    FieldDescriptor lower = null;
    FieldDescriptor upper = null;
    for (FieldDescriptor f : rules.getAllFields().keySet()) {
      if (invalid.contains(f)) {
        continue;
      }
      switch (f.getName()) {
        case "gt", "gte" -> lower = f;
        case "lt", "lte" -> upper = f;
        default -> {
          // const and the lists are not bounds
        }
      }
    }
    if (lower == null || upper == null || !sameValue(rules.getField(lower), rules.getField(upper))) {
      return;
    }
    int[] lowerPath = {typeNumber, lower.getNumber()};
    int[] upperPath = {typeNumber, upper.getNumber()};
    if (lower.getName().equals("gte") && upper.getName().equals("lte")) {
      adder.addAll("Field " + adder.name() + " has equal " + adder.rule(lowerPath) + " and " + adder.rule(upperPath)
          + ", use " + adder.rule(typeNumber) + ".const instead.", lowerPath, upperPath);
      return;
    }
    adder.addAll("Field " + adder.name() + " has equal " + adder.rule(lowerPath) + " and " + adder.rule(upperPath)
        + ". All values are rejected by these checks.", lowerPath, upperPath);
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Message ma && b instanceof Message mb) {
      return Objects.equals(get(ma, "seconds"), get(mb, "seconds")) && Objects.equals(get(ma, "nanos"), get(mb, "nanos"));
    }
    if (a instanceof Float fa && b instanceof Float fb) {
      return fa.floatValue() == fb.floatValue();
    }
    if (a instanceof Double da && b instanceof Double db) {
      return da.doubleValue() == db.doubleValue();
    }
    return Objects.equals(a, b);
  }

  private void checkNaN(Adder adder, Message rules, int typeNumber) {
    for (var e : rules.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      switch (f.getName()) {
        case "const", "lt", "lte", "gt", "gte" -> {
          if (isNaN(e.getValue())) {
            adder.add("Field " + adder.name() + " has " + adder.rule(typeNumber, f.getNumber())
                + " set to NaN. Comparisons with NaN are always false, so this rule can never be satisfied.",
                typeNumber, f.getNumber());
          }
        }
        case "in", "not_in" -> {
          List<?> list = (List<?>) e.getValue();
          for (int i = 0; i < list.size(); i++) {
            if (isNaN(list.get(i))) {
              adder.add("Field " + adder.name() + " has NaN in " + adder.rule(typeNumber, f.getNumber())
                  + ". Comparisons with NaN are always false, so this entry "
                  + (f.getName().equals("not_in") ? "has no effect" : "can never match") + ".",
                  typeNumber, f.getNumber(), i);
            }
          }
        }
        default -> {
          // other rules take no floating-point value
        }
      }
    }
  }

  private static boolean isNaN(Object v) {
    return v instanceof Float fl && fl.isNaN() || v instanceof Double d && d.isNaN();
  }

  private static Long unsigned(Message rules, String name) {
    Object v = get(rules, name);
    return v instanceof Long l ? l : null;
  }

  /** buf's checkLenRules: {@code len} with a bound is redundant; min above max; min equal to max. */
  private void checkLen(Adder adder, Message rules, int typeNumber, String lenName, String minName, String maxName) {
    Descriptor type = rules.getDescriptorForType();
    Long length = unsigned(rules, lenName);
    Long min = unsigned(rules, minName);
    Long max = unsigned(rules, maxName);
    int lenN = number(type, lenName);
    int minN = number(type, minName);
    int maxN = number(type, maxName);
    if (length != null && min != null) {
      adder.add("Field " + adder.name() + " has " + adder.rule(typeNumber, lenN) + " and therefore, "
          + adder.rule(typeNumber, minN) + " is redundant and should be removed.", typeNumber, minN);
    }
    if (length != null && max != null) {
      adder.add("Field " + adder.name() + " has " + adder.rule(typeNumber, lenN) + " and therefore, "
          + adder.rule(typeNumber, maxN) + " is redundant and should be removed.", typeNumber, maxN);
    }
    if (min == null || max == null) {
      return;
    }
    int cmp = Long.compareUnsigned(min, max);
    if (cmp > 0) {
      adder.add("Field " + adder.name() + " has value " + Long.toUnsignedString(min) + " for " + adder.rule(typeNumber, minN)
          + ", which must be lower than value " + Long.toUnsignedString(max) + " for " + adder.rule(typeNumber, maxN) + ".",
          typeNumber, minN);
      adder.add("Field " + adder.name() + " has value " + Long.toUnsignedString(max) + " for " + adder.rule(typeNumber, maxN)
          + ", which must be higher than value " + Long.toUnsignedString(min) + " for " + adder.rule(typeNumber, minN) + ".",
          typeNumber, maxN);
    } else if (cmp == 0) {
      adder.addAll("Field " + adder.name() + " has equal " + adder.rule(typeNumber, minN) + " and " + maxName + ", use "
          + adder.rule(typeNumber) + "." + lenName + " instead.", new int[] {typeNumber, minN}, new int[] {typeNumber, maxN});
    }
  }

  private void checkString(Adder adder, Message rules, int typeNumber) {
    checkConst(adder, rules, typeNumber);
    checkLen(adder, rules, typeNumber, "len", "min_len", "max_len");
    checkLen(adder, rules, typeNumber, "len_bytes", "min_bytes", "max_bytes");
    Descriptor type = rules.getDescriptorForType();
    Long minLen = unsigned(rules, "min_len");
    Long maxLen = unsigned(rules, "max_len");
    Long minBytes = unsigned(rules, "min_bytes");
    Long maxBytes = unsigned(rules, "max_bytes");
    int minLenN = number(type, "min_len");
    int maxLenN = number(type, "max_len");
    int minBytesN = number(type, "min_bytes");
    int maxBytesN = number(type, "max_bytes");
    if (minLen != null && maxBytes != null && Long.compareUnsigned(maxBytes, minLen) < 0) {
      String tail = ". A string with " + minLen + " UTF-8 characters has at least " + minLen
          + " bytes, which is higher than " + maxBytes + " bytes.";
      adder.add("Field " + adder.name() + " has value " + minLen + " for " + adder.rule(typeNumber, minLenN)
          + ", which must be lower than value " + maxBytes + " for " + adder.rule(typeNumber, maxBytesN) + tail,
          typeNumber, minLenN);
      adder.add("Field " + adder.name() + " has value " + maxBytes + " for " + adder.rule(typeNumber, maxBytesN)
          + ", which must be higher than value " + minLen + " for " + adder.rule(typeNumber, minLenN) + tail,
          typeNumber, maxBytesN);
    }
    if (maxLen != null && minBytes != null && Long.compareUnsigned(maxLen * 4, minBytes) < 0) {
      String tail = ". A string with " + maxLen + " UTF-8 characters has at most " + (maxLen * 4) + " bytes.";
      adder.add("Field " + adder.name() + " has value " + minBytes + " for " + adder.rule(typeNumber, minBytesN) + " but "
          + maxLen + " for " + adder.rule(typeNumber, maxLenN) + tail, typeNumber, minBytesN);
      adder.add("Field " + adder.name() + " has value " + maxLen + " for " + adder.rule(typeNumber, maxLenN) + " but "
          + minBytes + " for " + adder.rule(typeNumber, minBytesN) + tail, typeNumber, maxLenN);
    }
    Object notContains = get(rules, "not_contains");
    for (String name : List.of("prefix", "suffix", "contains")) {
      Object value = get(rules, name);
      if (!(value instanceof String sub)) {
        continue;
      }
      int n = number(type, name);
      long runes = sub.codePointCount(0, sub.length());
      if (maxLen != null && Long.compareUnsigned(runes, maxLen) > 0) {
        adder.add("Field " + adder.name() + " has a " + adder.rule(typeNumber, n) + " of length " + runes
            + ", exceeding its max_len (" + maxLen + "). It is impossible for a string to contain " + q(sub)
            + " while having less than or equal to " + runes + " UTF-8 characters.", typeNumber, n);
      }
      long bytes = sub.getBytes(StandardCharsets.UTF_8).length;
      if (maxBytes != null && Long.compareUnsigned(bytes, maxBytes) > 0) {
        adder.add("Field " + adder.name() + " has a " + adder.rule(typeNumber, n) + " of " + bytes
            + " bytes, exceeding its max_bytes (" + maxBytes + "). It is impossible for a string to contain " + q(sub)
            + " while having less than or equal to " + bytes + " bytes.", typeNumber, n);
      }
      if (notContains instanceof String nc && sub.contains(nc)) {
        adder.add("Field " + adder.name() + " has a " + adder.rule(typeNumber, n) + " (" + q(sub)
            + ") containing its not_contains (" + q(nc) + "). It is impossible for a string to contain " + q(sub)
            + " without containing " + q(nc) + ".", typeNumber, n);
      }
    }
    checkPattern(adder, rules, typeNumber);
    Object strict = get(rules, "strict");
    Object wellKnown = get(rules, "well_known_regex");
    boolean regexUnspecified = !(wellKnown instanceof EnumValueDescriptor e) || e.getNumber() == 0;
    if (Boolean.FALSE.equals(strict) && regexUnspecified) {
      int strictN = number(type, "strict");
      int regexN = number(type, "well_known_regex");
      adder.add("Field " + adder.name() + " has " + adder.rule(typeNumber, strictN) + " without "
          + adder.rule(typeNumber, regexN) + ". " + adder.rule(typeNumber, strictN) + " only applies to "
          + adder.rule(typeNumber, regexN) + " and is invalid without it.", typeNumber, strictN);
    }
  }

  private void checkBytes(Adder adder, Message rules, int typeNumber) {
    checkConst(adder, rules, typeNumber);
    checkLen(adder, rules, typeNumber, "len", "min_len", "max_len");
    Long maxLen = unsigned(rules, "max_len");
    Descriptor type = rules.getDescriptorForType();
    checkPattern(adder, rules, typeNumber);
    for (String name : List.of("prefix", "suffix", "contains")) {
      Object value = get(rules, name);
      int length = value instanceof ByteString b ? b.size() : 0;
      if (maxLen != null && Long.compareUnsigned(length, maxLen) > 0) {
        int n = number(type, name);
        adder.add("Field " + adder.name() + " has a " + adder.rule(typeNumber, n) + " of " + length
            + " bytes, exceeding its max_len (" + maxLen + "). It is impossible to contain "
            + q(((ByteString) value).toString(StandardCharsets.ISO_8859_1)) + " while having less than or equal to "
            + maxLen + " bytes.", typeNumber, n);
      }
    }
  }

  /** A {@code pattern} that Go's regexp (RE2) does not compile, with Go's message (re2j is RE2's Java port). */
  private void checkPattern(Adder adder, Message rules, int typeNumber) {
    Object value = get(rules, "pattern");
    if (value == null) {
      return;
    }
    String pattern = value instanceof ByteString b ? b.toString(StandardCharsets.UTF_8) : (String) value;
    try {
      com.google.re2j.Pattern.compile(pattern);
    } catch (com.google.re2j.PatternSyntaxException e) {
      String message = e.getMessage();
      if (message.startsWith("Error parsing regexp")) {
        message = "e" + message.substring(1);
      }
      int n = number(rules.getDescriptorForType(), "pattern");
      adder.add("Field " + adder.name() + " has a " + adder.rule(typeNumber, n) + " that fails to compile: " + message + ".",
          typeNumber, n);
    }
  }

  private void checkTimestamp(Adder adder, Message rules, int typeNumber) {
    checkNumeric(adder, rules, typeNumber);
    if (flag(rules, "lt_now") && flag(rules, "gt_now")) {
      Descriptor type = rules.getDescriptorForType();
      int[] gtNow = {typeNumber, number(type, "gt_now")};
      int[] ltNow = {typeNumber, number(type, "lt_now")};
      adder.addAll("Field " + adder.name() + " has both " + adder.rule(gtNow) + " and " + adder.rule(ltNow)
          + ". A timestamp cannot be both before and after validation time.", gtNow, ltNow);
    }
    if (get(rules, "within") instanceof Message within) {
      int withinNumber = number(rules.getDescriptorForType(), "within");
      String problem = durationProblem(within);
      if (problem != null) {
        adder.add("Field " + adder.name() + " has an invalid " + adder.rule(typeNumber, withinNumber) + ": " + problem + ".",
            typeNumber, withinNumber);
      } else if (seconds(within) <= 0 && nanos(within) <= 0) {
        adder.add("Field " + adder.name() + " must have a positive " + adder.rule(typeNumber, withinNumber) + " ("
            + goText(seconds(within), nanos(within)) + ").", typeNumber, withinNumber);
      }
    }
  }

  /** Go's text of a Duration or Timestamp as buf's %v prints it: {@code seconds:1 nanos:-5}, empty when both are zero. */
  private static String goText(long seconds, int nanos) {
    List<String> parts = new ArrayList<>();
    if (seconds != 0) {
      parts.add("seconds:" + seconds);
    }
    if (nanos != 0) {
      parts.add("nanos:" + nanos);
    }
    return String.join(" ", parts);
  }

  private static long seconds(Message m) {
    Object v = get(m, "seconds");
    return v instanceof Long l ? l : 0;
  }

  private static int nanos(Message m) {
    Object v = get(m, "nanos");
    return v instanceof Integer i ? i : 0;
  }

  /** buf's checkDuration: what makes {@code d} no valid duration for protovalidate, or null. */
  private static String durationProblem(Message d) {
    long secs = seconds(d);
    int nanos = nanos(d);
    String text = goText(secs, nanos);
    if (nanos <= -1_000_000_000 || nanos >= 1_000_000_000) {
      return "duration (" + text + ") must have nanos in the range 0 to 999999999";
    }
    if (secs > 0 && nanos < 0 || secs < 0 && nanos > 0) {
      return "duration (" + text + ") has seconds and nanos with different signs";
    }
    // Go's AsDuration saturates at the int64 nanosecond range; protovalidate runs out a little earlier
    BigInteger total = BigInteger.valueOf(secs).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(nanos));
    BigInteger max = BigInteger.valueOf(9_223_372_036_854_775_428L);
    if (total.compareTo(max) > 0 || total.compareTo(max.negate()) < 0) {
      return "duration (" + text + ") must be in the range seconds:-9223372036 nanos:-854775428 to"
          + " seconds:9223372036 nanos:854775428";
    }
    return null;
  }

  /**
   * The prefix of Go protobuf's errors: {@code proto:} and a no-break space, which the Go runtime
   * picks (over a plain space) from a hash of the binary, to keep callers from matching error
   * strings; buf 1.75's binary has the no-break space.
   */
  private static final String PROTO_ERROR = "proto:\u00a0";

  /** Go's Timestamp.CheckValid: what makes {@code t} no valid timestamp, or null. */
  private static String timestampProblem(Message t) {
    long secs = seconds(t);
    int nanos = nanos(t);
    String text = goText(secs, nanos);
    if (secs < -62_135_596_800L) {
      return PROTO_ERROR + "timestamp (" + text + ") before 0001-01-01";
    }
    if (secs > 253_402_300_799L) {
      return PROTO_ERROR + "timestamp (" + text + ") after 9999-12-31";
    }
    if (nanos < 0 || nanos >= 1_000_000_000) {
      return PROTO_ERROR + "timestamp (" + text + ") has out-of-range nanos";
    }
    return null;
  }

  private void checkFieldMask(Adder adder, Message rules, int typeNumber) {
    checkConst(adder, rules, typeNumber);
    FieldDescriptor in = rules.getDescriptorForType().findFieldByName("in");
    FieldDescriptor notIn = rules.getDescriptorForType().findFieldByName("not_in");
    if (in == null || notIn == null) {
      return;
    }
    List<?> notInPaths = (List<?>) rules.getField(notIn);
    for (Object path : (List<?>) rules.getField(in)) {
      if (notInPaths.contains(path)) {
        adder.add("Field " + adder.name() + " has path " + q(String.valueOf(path)) + " in both in and not_in rules.",
            typeNumber, in.getNumber());
      }
    }
  }
}
