package dev.invariantharness.proto.internal;

import static dev.invariantharness.proto.internal.Text.q;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FeatureSet;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * buf's breaking rules, rule for rule: the same pairing of elements (files by path, messages,
 * enums and services by full name, fields by number, RPCs by name), the same locations and the
 * same messages.
 */
public final class BreakingRules {

  private final Image current;
  private final Image previous;
  private final Set<String> rules;
  private final Sink sink;

  private BreakingRules(Image current, Image previous, Set<String> rules, Sink sink) {
    this.current = current;
    this.previous = previous;
    this.rules = rules;
    this.sink = sink;
  }

  /** Runs every rule in {@code rules} on {@code current} against {@code previous}. */
  public static void run(Image current, Image previous, Set<String> rules, Sink sink) {
    new BreakingRules(current, previous, rules, sink).run();
  }

  private boolean on(String rule) {
    return rules.contains(rule);
  }

  private void add(String rule, ProtoFile file, Span span, ProtoFile against, String message) {
    if (on(rule)) {
      sink.add(rule, file, span, against, message);
    }
  }

  private static <T> Map<String, T> by(List<T> list, Function<T, String> key) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T t : list) {
      map.putIfAbsent(key.apply(t), t);
    }
    return map;
  }

  private void run() {
    Map<String, ProtoFile> files = by(current.targets(), ProtoFile::name);
    Map<String, ProtoFile> prevFiles = by(previous.targets(), ProtoFile::name);
    for (ProtoFile prev : prevFiles.values()) {
      ProtoFile file = files.get(prev.name());
      if (file == null) {
        add("FILE_NO_DELETE", null, null, prev, "Previously present file " + q(prev.name()) + " was deleted.");
      } else {
        filePair(file, prev);
      }
    }
    Map<String, El.Message> messages = by(current.messages(), m -> m.d().getFullName());
    for (El.Message prev : previous.messages()) {
      El.Message m = messages.get(prev.d().getFullName());
      if (m != null) {
        messagePair(m, prev);
      }
    }
    Map<String, El.Enum> enums = by(current.enums(), e -> e.d().getFullName());
    for (El.Enum prev : previous.enums()) {
      El.Enum e = enums.get(prev.d().getFullName());
      if (e != null) {
        enumPair(e, prev);
      }
    }
    Map<String, El.Service> services = by(current.services(), s -> s.d().getFullName());
    for (El.Service prev : previous.services()) {
      El.Service s = services.get(prev.d().getFullName());
      if (s != null) {
        servicePair(s, prev);
      }
    }
    Map<String, El.Field> exts = by(current.extensions(), BreakingRules::extensionKey);
    for (El.Field prev : previous.extensions()) {
      El.Field x = exts.get(extensionKey(prev));
      if (x != null) {
        fieldPair(x, prev);
      }
    }
    packages();
  }

  private static String extensionKey(El.Field f) {
    return f.d().getContainingType().getFullName() + "#" + f.d().getNumber();
  }

  // ---- files

  private void filePair(ProtoFile file, ProtoFile prev) {
    Map<String, El.Enum> enums = by(declared(current, file, El.Enum.class), El.Enum::nestedName);
    for (El.Enum e : declared(previous, prev, El.Enum.class)) {
      if (!enums.containsKey(e.nestedName())) {
        El.Message parent = nearestMessage(file, e.nestedName());
        add("ENUM_NO_DELETE", file, parent == null ? null : parent.span(), prev,
            "Previously present enum " + q(e.nestedName()) + " was deleted from file.");
      }
    }
    Map<String, El.Message> messages = by(declared(current, file, El.Message.class), El.Message::nestedName);
    for (El.Message m : declared(previous, prev, El.Message.class)) {
      if (!messages.containsKey(m.nestedName())) {
        El.Message parent = nearestMessage(file, m.nestedName());
        add("MESSAGE_NO_DELETE", file, parent == null ? null : parent.span(), prev,
            "Previously present message " + q(m.nestedName()) + " was deleted from file.");
      }
    }
    Map<String, El.Field> exts = by(declared(current, file, El.Field.class), BreakingRules::extensionNestedName);
    for (El.Field x : declared(previous, prev, El.Field.class)) {
      String name = extensionNestedName(x);
      if (!exts.containsKey(name)) {
        El.Message parent = nearestMessage(file, name);
        add("EXTENSION_NO_DELETE", file, parent == null ? null : parent.span(), prev,
            "Previously present extension " + q(name) + " was deleted from file.");
      }
    }
    Map<String, El.Service> services = by(declared(current, file, El.Service.class), s -> s.d().getName());
    for (El.Service s : declared(previous, prev, El.Service.class)) {
      if (!services.containsKey(s.d().getName())) {
        add("SERVICE_NO_DELETE", file, null, prev,
            "Previously present service " + q(s.d().getName()) + " was deleted from file.");
      }
    }
    FileOptions o = file.proto().getOptions();
    FileOptions po = prev.proto().getOptions();
    fileValue("FILE_SAME_CC_ENABLE_ARENAS", file, prev, String.valueOf(po.getCcEnableArenas()),
        String.valueOf(o.getCcEnableArenas()), FileOptions.CC_ENABLE_ARENAS_FIELD_NUMBER, "option \"cc_enable_arenas\"");
    fileValue("FILE_SAME_CC_GENERIC_SERVICES", file, prev, String.valueOf(po.getCcGenericServices()),
        String.valueOf(o.getCcGenericServices()), FileOptions.CC_GENERIC_SERVICES_FIELD_NUMBER, "option \"cc_generic_services\"");
    fileValue("FILE_SAME_CSHARP_NAMESPACE", file, prev, po.getCsharpNamespace(), o.getCsharpNamespace(),
        FileOptions.CSHARP_NAMESPACE_FIELD_NUMBER, "option \"csharp_namespace\"");
    fileValue("FILE_SAME_GO_PACKAGE", file, prev, po.getGoPackage(), o.getGoPackage(),
        FileOptions.GO_PACKAGE_FIELD_NUMBER, "option \"go_package\"");
    fileValue("FILE_SAME_JAVA_GENERIC_SERVICES", file, prev, String.valueOf(po.getJavaGenericServices()),
        String.valueOf(o.getJavaGenericServices()), FileOptions.JAVA_GENERIC_SERVICES_FIELD_NUMBER, "option \"java_generic_services\"");
    fileValue("FILE_SAME_JAVA_MULTIPLE_FILES", file, prev, String.valueOf(po.getJavaMultipleFiles()),
        String.valueOf(o.getJavaMultipleFiles()), FileOptions.JAVA_MULTIPLE_FILES_FIELD_NUMBER, "option \"java_multiple_files\"");
    fileValue("FILE_SAME_JAVA_OUTER_CLASSNAME", file, prev, po.getJavaOuterClassname(), o.getJavaOuterClassname(),
        FileOptions.JAVA_OUTER_CLASSNAME_FIELD_NUMBER, "option \"java_outer_classname\"");
    fileValue("FILE_SAME_JAVA_PACKAGE", file, prev, po.getJavaPackage(), o.getJavaPackage(),
        FileOptions.JAVA_PACKAGE_FIELD_NUMBER, "option \"java_package\"");
    fileValue("FILE_SAME_OBJC_CLASS_PREFIX", file, prev, po.getObjcClassPrefix(), o.getObjcClassPrefix(),
        FileOptions.OBJC_CLASS_PREFIX_FIELD_NUMBER, "option \"objc_class_prefix\"");
    fileValue("FILE_SAME_OPTIMIZE_FOR", file, prev, po.getOptimizeFor().name(), o.getOptimizeFor().name(),
        FileOptions.OPTIMIZE_FOR_FIELD_NUMBER, "option \"optimize_for\"");
    fileValue("FILE_SAME_PHP_CLASS_PREFIX", file, prev, po.getPhpClassPrefix(), o.getPhpClassPrefix(),
        FileOptions.PHP_CLASS_PREFIX_FIELD_NUMBER, "option \"php_class_prefix\"");
    fileValue("FILE_SAME_PHP_METADATA_NAMESPACE", file, prev, po.getPhpMetadataNamespace(), o.getPhpMetadataNamespace(),
        FileOptions.PHP_METADATA_NAMESPACE_FIELD_NUMBER, "option \"php_metadata_namespace\"");
    fileValue("FILE_SAME_PHP_NAMESPACE", file, prev, po.getPhpNamespace(), o.getPhpNamespace(),
        FileOptions.PHP_NAMESPACE_FIELD_NUMBER, "option \"php_namespace\"");
    fileValue("FILE_SAME_PY_GENERIC_SERVICES", file, prev, String.valueOf(po.getPyGenericServices()),
        String.valueOf(o.getPyGenericServices()), FileOptions.PY_GENERIC_SERVICES_FIELD_NUMBER, "option \"py_generic_services\"");
    fileValue("FILE_SAME_RUBY_PACKAGE", file, prev, po.getRubyPackage(), o.getRubyPackage(),
        FileOptions.RUBY_PACKAGE_FIELD_NUMBER, "option \"ruby_package\"");
    fileValue("FILE_SAME_SWIFT_PREFIX", file, prev, po.getSwiftPrefix(), o.getSwiftPrefix(),
        FileOptions.SWIFT_PREFIX_FIELD_NUMBER, "option \"swift_prefix\"");
    String prevSyntax = Features.syntax(prev.descriptor());
    String syntax = Features.syntax(file.descriptor());
    if (!prevSyntax.equals(syntax)) {
      add("FILE_SAME_SYNTAX", file, file.span(List.of(12)), prev,
          "File syntax changed from " + q(prevSyntax) + " to " + q(syntax) + ".");
    }
    if (!prev.packageName().equals(file.packageName())) {
      add("FILE_SAME_PACKAGE", file, file.span(List.of(2)), prev,
          "File package changed from " + q(prev.packageName()) + " to " + q(file.packageName()) + ".");
    }
  }

  private void fileValue(String rule, ProtoFile file, ProtoFile prev, String before, String after, int option, String name) {
    if (!before.equals(after)) {
      add(rule, file, file.span(List.of(8, option)), prev,
          "File " + name + " changed from " + q(before) + " to " + q(after) + ".");
    }
  }

  /** The messages, enums, extensions or services ({@code type}) declared in {@code file} of {@code image}. */
  private static <T> List<T> declared(Image image, ProtoFile file, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Object element : image.elementsOf(file)) {
      if (type.isInstance(element)) {
        out.add(type.cast(element));
      }
    }
    return out;
  }

  private static String extensionNestedName(El.Field x) {
    FieldDescriptor d = x.d();
    String pkg = d.getFile().getPackage();
    String full = d.getFullName();
    return pkg.isEmpty() ? full : full.substring(pkg.length() + 1);
  }

  private El.Message nearestMessage(ProtoFile file, String nestedName) {
    if (!nestedName.contains(".")) {
      return null;
    }
    Map<String, El.Message> messages = by(declared(current, file, El.Message.class), El.Message::nestedName);
    String[] parts = nestedName.split("\\.");
    for (int i = parts.length - 1; i > 0; i--) {
      El.Message m = messages.get(String.join(".", java.util.Arrays.copyOf(parts, i)));
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  // ---- messages

  private void messagePair(El.Message m, El.Message prev) {
    Map<Integer, El.Field> fields = new HashMap<>();
    for (El.Field f : current.fieldsOf(m)) {
      fields.put(f.d().getNumber(), f);
    }
    Set<String> reservedNames = new TreeSet<>(m.d().toProto().getReservedNameList());
    List<int[]> reservedRanges = ranges(m.d().toProto());
    for (El.Field pf : previous.fieldsOf(prev)) {
      El.Field f = fields.get(pf.d().getNumber());
      if (f != null) {
        fieldPair(f, pf);
        continue;
      }
      String desc = lowerFirst(fieldDescription(pf));
      add("FIELD_NO_DELETE", m.file(), m.span(), prev.file(), "Previously present " + desc + " was deleted.");
      if (!inRanges(pf.d().getNumber(), reservedRanges)) {
        add("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED", m.file(), m.span(), prev.file(),
            "Previously present " + desc + " was deleted without reserving the number \"" + pf.d().getNumber() + "\".");
      }
      if (!reservedNames.contains(pf.d().getName())) {
        add("FIELD_NO_DELETE_UNLESS_NAME_RESERVED", m.file(), m.span(), prev.file(),
            "Previously present " + desc + " was deleted without reserving the name " + q(pf.d().getName()) + ".");
      }
    }
    // oneofs
    Set<String> oneofs = new TreeSet<>();
    for (var o : m.d().getOneofs()) {
      oneofs.add(o.getName());
    }
    for (var o : prev.d().getOneofs()) {
      if (!Features.synthetic(o) && !oneofs.contains(o.getName())) {
        add("ONEOF_NO_DELETE", m.file(), m.span(), prev.file(),
            "Previously present oneof " + q(o.getName()) + " on message " + q(m.d().getName()) + " was deleted.");
      }
    }
    // extension ranges
    tagRanges("EXTENSION_MESSAGE_NO_DELETE", "extension", m.file(), m.span(), prev.file(), "message", m.d().getName(),
        extensionRanges(prev.d().toProto()), extensionRanges(m.d().toProto()), maxTag(m));
    // reserved
    tagRanges("RESERVED_MESSAGE_NO_DELETE", "reserved", m.file(), m.span(), prev.file(), "message", m.d().getName(),
        ranges(prev.d().toProto()), reservedRanges, maxTag(m));
    for (String name : new TreeSet<>(prev.d().toProto().getReservedNameList())) {
      if (!reservedNames.contains(name)) {
        add("RESERVED_MESSAGE_NO_DELETE", m.file(), m.span(), prev.file(),
            "Previously present reserved name " + q(name) + " on message " + q(m.d().getName()) + " was deleted.");
      }
    }
    // no_standard_descriptor_accessor
    if (!prev.d().getOptions().getNoStandardDescriptorAccessor() && m.d().getOptions().getNoStandardDescriptorAccessor()) {
      add("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR", m.file(),
          m.span(7, MessageOptions.NO_STANDARD_DESCRIPTOR_ACCESSOR_FIELD_NUMBER), prev.file(),
          "Message option \"no_standard_descriptor_accessor\" changed from \"false\" to \"true\".");
    }
    // json format
    FeatureSet.JsonFormat pj = Features.of(prev.d()).getJsonFormat();
    FeatureSet.JsonFormat cj = Features.of(m.d()).getJsonFormat();
    if (pj == FeatureSet.JsonFormat.ALLOW && cj != FeatureSet.JsonFormat.ALLOW) {
      add("MESSAGE_SAME_JSON_FORMAT", m.file(), backup(m.span(7, 12, 6), m.span()), prev.file(),
          "Message " + q(m.d().getName()) + " JSON format support changed from " + pj + " to " + cj + ".");
    }
    // required fields
    Map<Integer, El.Field> prevRequired = new TreeMap<>();
    for (El.Field pf : previous.fieldsOf(prev)) {
      if (pf.d().isRequired()) {
        prevRequired.put(pf.d().getNumber(), pf);
      }
    }
    Map<Integer, El.Field> required = new TreeMap<>();
    for (El.Field f : current.fieldsOf(m)) {
      if (f.d().isRequired()) {
        required.put(f.d().getNumber(), f);
      }
    }
    for (int n : prevRequired.keySet()) {
      if (!required.containsKey(n)) {
        add("MESSAGE_SAME_REQUIRED_FIELDS", m.file(), m.span(), prev.file(), "Message " + q(prev.d().getName())
            + " had required field \"" + n + "\" deleted. Required fields must always be sent, so if one side does "
            + "not know about the required field, this will result in a breakage.");
      }
    }
    for (var e : required.entrySet()) {
      if (!prevRequired.containsKey(e.getKey())) {
        add("MESSAGE_SAME_REQUIRED_FIELDS", m.file(), e.getValue().span(), prev.file(), "Message " + q(m.d().getName())
            + " had required field \"" + e.getKey() + "\" added. Required fields must always be sent, so if one side "
            + "does not know about the required field, this will result in a breakage.");
      }
    }
  }

  private static int maxTag(El.Message m) {
    return m.d().getOptions().getMessageSetWireFormat() ? Integer.MAX_VALUE - 1 : 536870911;
  }

  private static List<int[]> ranges(DescriptorProto proto) {
    List<int[]> out = new ArrayList<>();
    for (var r : proto.getReservedRangeList()) {
      out.add(new int[] {r.getStart(), r.getEnd() - 1});
    }
    return out;
  }

  private static List<int[]> extensionRanges(DescriptorProto proto) {
    List<int[]> out = new ArrayList<>();
    for (var r : proto.getExtensionRangeList()) {
      out.add(new int[] {r.getStart(), r.getEnd() - 1});
    }
    return out;
  }

  private static List<int[]> ranges(EnumDescriptorProto proto) {
    List<int[]> out = new ArrayList<>();
    for (var r : proto.getReservedRangeList()) {
      out.add(new int[] {r.getStart(), r.getEnd()});
    }
    return out;
  }

  private static boolean inRanges(int n, List<int[]> ranges) {
    for (int[] r : ranges) {
      if (n >= r[0] && n <= r[1]) {
        return true;
      }
    }
    return false;
  }

  private void tagRanges(String rule, String rangeKind, ProtoFile file, Span span, ProtoFile prevFile, String kind,
      String name, List<int[]> previousRanges, List<int[]> ranges, int maxTag) {
    if (previousRanges.isEmpty() || !on(rule)) {
      return;
    }
    List<int[]> collapsed = TagRanges.collapse(ranges);
    for (int[] pr : previousRanges) {
      List<int[]> missing = TagRanges.missing(pr[0], pr[1], collapsed);
      if (!missing.isEmpty()) {
        add(rule, file, span, prevFile, "Previously present " + rangeKind + " range " + q(TagRanges.string(pr, maxTag))
            + " on " + kind + " " + q(name) + " is missing values: " + TagRanges.missingString(missing, maxTag)
            + " were removed.");
      }
    }
  }

  // ---- fields

  static String fieldDescription(El.Field f) {
    FieldDescriptor d = f.d();
    String name = d.isExtension() ? d.getFullName() : d.getName();
    return fieldDescriptionWithName(f, name);
  }

  static String fieldDescriptionWithName(El.Field f, String name) {
    FieldDescriptor d = f.d();
    String n = name.isEmpty() ? "" : " with name " + q(name);
    if (d.isExtension()) {
      return "Extension " + q(String.valueOf(d.getNumber())) + n + " on message " + q(d.getContainingType().getFullName());
    }
    return "Field " + q(String.valueOf(d.getNumber())) + n + " on message " + q(d.getContainingType().getName());
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static String kind(FieldDescriptor d) {
    return d.getType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String kindPretty(FieldDescriptor d) {
    if (d.getType() == Type.GROUP && !Features.syntax(d.getFile()).equals("proto2")) {
      return "message (delimited encoding)";
    }
    return kind(d);
  }

  private static final Map<Type, Integer> WIRE = new HashMap<>();
  private static final Map<Type, Integer> WIRE_JSON = new HashMap<>();

  static {
    Object[][] wire = {{Type.INT32, 1}, {Type.INT64, 1}, {Type.UINT32, 1}, {Type.UINT64, 1}, {Type.BOOL, 1},
        {Type.SINT32, 2}, {Type.SINT64, 2}, {Type.STRING, 3}, {Type.BYTES, 4}, {Type.FIXED32, 5},
        {Type.SFIXED32, 5}, {Type.FIXED64, 6}, {Type.SFIXED64, 6}, {Type.DOUBLE, 7}, {Type.FLOAT, 8},
        {Type.GROUP, 9}, {Type.MESSAGE, 10}, {Type.ENUM, 11}};
    for (Object[] w : wire) {
      WIRE.put((Type) w[0], (Integer) w[1]);
    }
    Object[][] wireJson = {{Type.INT32, 1}, {Type.UINT32, 1}, {Type.INT64, 2}, {Type.UINT64, 2}, {Type.FIXED32, 3},
        {Type.SFIXED32, 3}, {Type.FIXED64, 4}, {Type.SFIXED64, 4}, {Type.BOOL, 5}, {Type.SINT32, 6},
        {Type.SINT64, 7}, {Type.STRING, 8}, {Type.BYTES, 9}, {Type.DOUBLE, 10}, {Type.FLOAT, 11},
        {Type.GROUP, 12}, {Type.MESSAGE, 13}, {Type.ENUM, 14}};
    for (Object[] w : wireJson) {
      WIRE_JSON.put((Type) w[0], (Integer) w[1]);
    }
  }

  private static boolean named(Type t) {
    return t == Type.MESSAGE || t == Type.ENUM || t == Type.GROUP;
  }

  private static String typeName(FieldDescriptor d) {
    return switch (d.getType()) {
      case MESSAGE, GROUP -> d.getMessageType().getFullName();
      case ENUM -> d.getEnumType().getFullName();
      default -> "";
    };
  }

  private void fieldChangedType(String rule, El.Field f, El.Field pf, String extra) {
    Span span = named(f.d().getType()) ? f.span(6) : f.span(5);
    add(rule, f.file(), span, pf.file(), fieldDescription(f) + " changed type from " + q(kindPretty(pf.d())) + " to "
        + q(kindPretty(f.d())) + "." + (extra.isEmpty() ? "" : " " + extra));
  }

  private void typeNameChanged(String rule, El.Field f, El.Field pf) {
    add(rule, f.file(), f.span(6), pf.file(), fieldDescription(f) + " changed type from " + q(typeName(pf.d()))
        + " to " + q(typeName(f.d())) + ".");
  }

  private static final String WIRE_RULES = "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules.";

  private void fieldPair(El.Field f, El.Field pf) {
    FieldDescriptor d = f.d();
    FieldDescriptor pd = pf.d();
    boolean mapEntries = !d.isExtension() && d.getContainingType().getOptions().getMapEntry()
        && pd.getContainingType().getOptions().getMapEntry();
    // cardinality
    if (!mapEntries) {
      Cardinality pc = Cardinality.of(pd);
      Cardinality cc = Cardinality.of(d);
      String msg = pc == cc ? "" : fieldDescription(f) + " changed cardinality from " + q(pc.text) + " to " + q(cc.text) + ".";
      if (pc != cc) {
        add("FIELD_SAME_CARDINALITY", f.file(), f.span(), pf.file(), msg);
      }
      if (pc.wire != cc.wire) {
        add("FIELD_WIRE_COMPATIBLE_CARDINALITY", f.file(), f.span(), pf.file(), msg);
      }
      if (pc.wireJson != cc.wireJson) {
        add("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY", f.file(), f.span(), pf.file(), msg);
      }
    }
    // same type
    if (pd.getType() != d.getType()) {
      fieldChangedType("FIELD_SAME_TYPE", f, pf, "");
    } else if (named(d.getType()) && !typeName(pd).equals(typeName(d))) {
      typeNameChanged("FIELD_SAME_TYPE", f, pf);
    }
    // wire compatible type
    if (on("FIELD_WIRE_COMPATIBLE_TYPE")) {
      if (!WIRE.get(pd.getType()).equals(WIRE.get(d.getType()))) {
        if (pd.getType() == Type.STRING && d.getType() == Type.BYTES) {
          // string to bytes is fine
        } else if (pd.getType() == Type.BYTES && d.getType() == Type.STRING) {
          fieldChangedType("FIELD_WIRE_COMPATIBLE_TYPE", f, pf, WIRE_RULES + " Note that while string and bytes are "
              + "compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so "
              + "these fields may be incompatible.");
        } else {
          fieldChangedType("FIELD_WIRE_COMPATIBLE_TYPE", f, pf, WIRE_RULES);
        }
      } else if (d.getType() == Type.ENUM && !typeName(pd).equals(typeName(d))) {
        enumWireCompatible("FIELD_WIRE_COMPATIBLE_TYPE", f, pf);
      } else if ((d.getType() == Type.MESSAGE || d.getType() == Type.GROUP) && !typeName(pd).equals(typeName(d))) {
        typeNameChanged("FIELD_WIRE_COMPATIBLE_TYPE", f, pf);
      }
    }
    if (on("FIELD_WIRE_JSON_COMPATIBLE_TYPE")) {
      if (!WIRE_JSON.get(pd.getType()).equals(WIRE_JSON.get(d.getType()))) {
        fieldChangedType("FIELD_WIRE_JSON_COMPATIBLE_TYPE", f, pf, "See https://developers.google.com/protocol-buffers/"
            + "docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/"
            + "docs/proto3#json for JSON compatibility rules.");
      } else if (d.getType() == Type.ENUM && !typeName(pd).equals(typeName(d))) {
        enumWireCompatible("FIELD_WIRE_JSON_COMPATIBLE_TYPE", f, pf);
      } else if ((d.getType() == Type.MESSAGE || d.getType() == Type.GROUP) && !typeName(pd).equals(typeName(d))) {
        typeNameChanged("FIELD_WIRE_JSON_COMPATIBLE_TYPE", f, pf);
      }
    }
    // names
    String prevName = pd.isExtension() ? pd.getFullName() : pd.getName();
    String name = d.isExtension() ? d.getFullName() : d.getName();
    if (!prevName.equals(name)) {
      add("FIELD_SAME_NAME", f.file(), f.span(1), pf.file(),
          fieldDescriptionWithName(f, "") + " changed name from " + q(prevName) + " to " + q(name) + ".");
    }
    if (!pd.isExtension() && !pd.getJsonName().equals(d.getJsonName())) {
      add("FIELD_SAME_JSON_NAME", f.file(), backup(f.span(10), f.span()), pf.file(), fieldDescription(f)
          + " changed option \"json_name\" from " + q(pd.getJsonName()) + " to " + q(d.getJsonName()) + ".");
    }
    // jstype
    if (is64(pd.getType()) && is64(d.getType())
        && pd.getOptions().getJstype() != d.getOptions().getJstype()) {
      add("FIELD_SAME_JSTYPE", f.file(), backup(f.span(8, FieldOptions.JSTYPE_FIELD_NUMBER), f.span()), pf.file(),
          fieldDescription(f) + " changed option \"jstype\" from " + q(pd.getOptions().getJstype().name()) + " to "
              + q(d.getOptions().getJstype().name()) + ".");
    }
    // ctype
    if (!mapEntries && stringOrBytes(pd) && stringOrBytes(d)) {
      String pct = ctype(pd);
      String ct = ctype(d);
      if (!pct.equals(ct) && !(pct.equals("STRING_PIECE") && ct.equals("STRING"))) {
        add("FIELD_SAME_CPP_STRING_TYPE", f.file(), backup(f.span(8, FieldOptions.CTYPE_FIELD_NUMBER), f.span()),
            pf.file(), fieldDescription(f) + " changed C++ string type from " + q(pct) + " to " + q(ct) + ".");
      }
    }
    // utf8
    if (pd.getType() == Type.STRING && d.getType() == Type.STRING) {
      String pj = javaUtf8(pd);
      String cj = javaUtf8(d);
      if (!pj.equals(cj)) {
        add("FIELD_SAME_JAVA_UTF8_VALIDATION", f.file(),
            backup(f.file().span(List.of(8, FileOptions.JAVA_STRING_CHECK_UTF8_FIELD_NUMBER)), f.span()), pf.file(),
            fieldDescription(f) + " changed Java string UTF8 validation from " + q(pj) + " to " + q(cj) + ".");
      }
      FeatureSet.Utf8Validation pu = Features.of(pd).getUtf8Validation();
      FeatureSet.Utf8Validation cu = Features.of(d).getUtf8Validation();
      if (pu != cu) {
        add("FIELD_SAME_UTF8_VALIDATION", f.file(), backup(f.span(8, 21, 4), f.span()), pf.file(),
            fieldDescription(f) + " changed UTF8 validation from " + pu + " to " + cu + ".");
      }
    }
    // default
    if (canHaveDefault(pd) && canHaveDefault(d)) {
      String pdv = pd.toProto().hasDefaultValue() ? defaultText(pd) : null;
      String cdv = d.toProto().hasDefaultValue() ? defaultText(d) : null;
      if (pdv != null || cdv != null) {
        String before = pdv != null ? pdv : zeroDefault(pd);
        String after = cdv != null ? cdv : zeroDefault(d);
        if (!defaultsEqual(pd, before, d, after)) {
          add("FIELD_SAME_DEFAULT", f.file(), backup(defaultSpan(f), f.span()), pf.file(),
              fieldDescription(f) + " changed default value from " + printableDefault(pd, before) + " to "
                  + printableDefault(d, after) + ".");
        }
      }
    }
    // oneof
    if (!pd.isExtension()) {
      var po = pd.getRealContainingOneof();
      var co = d.getRealContainingOneof();
      if (po != null && co != null) {
        if (!po.getName().equals(co.getName())) {
          add("FIELD_SAME_ONEOF", f.file(), f.span(), pf.file(), fieldDescription(f) + "q moved from oneof "
              + q(po.getName()) + " to oneof " + q(co.getName()) + ".");
        }
      } else if (po != null || co != null) {
        add("FIELD_SAME_ONEOF", f.file(), f.span(), pf.file(), fieldDescription(f) + " moved from "
            + (po != null ? "inside" : "outside") + " to " + (po != null ? "outside" : "inside") + " a oneof.");
      }
    }
  }

  private void enumWireCompatible(String rule, El.Field f, El.Field pf) {
    var pe = pf.d().getEnumType();
    var ce = f.d().getEnumType();
    if (!pe.getName().equals(ce.getName())) {
      typeNameChanged(rule, f, pf);
      return;
    }
    // the previous enum's values (number and name) must all still be there
    for (var pv : pe.getValues()) {
      boolean found = false;
      for (var cv : ce.getValues()) {
        if (cv.getNumber() == pv.getNumber() && cv.getName().equals(pv.getName())) {
          found = true;
          break;
        }
      }
      if (!found) {
        typeNameChanged(rule, f, pf);
        return;
      }
    }
  }

  private static boolean is64(Type t) {
    return t == Type.INT64 || t == Type.SINT64 || t == Type.UINT64 || t == Type.FIXED64 || t == Type.SFIXED64;
  }

  private static boolean stringOrBytes(FieldDescriptor d) {
    return d.getType() == Type.STRING || d.getType() == Type.BYTES;
  }

  private static String ctype(FieldDescriptor d) {
    FieldOptions o = d.toProto().getOptions();
    if (o.hasCtype()) {
      return switch (o.getCtype()) {
        case CORD -> "CORD";
        case STRING_PIECE -> "STRING_PIECE";
        default -> "STRING";
      };
    }
    return "STRING";
  }

  private static String javaUtf8(FieldDescriptor d) {
    FeatureSet.Utf8Validation def = Features.of(d).getUtf8Validation();
    if (d.getFile().toProto().getOptions().getJavaStringCheckUtf8()) {
      return "VERIFY";
    }
    return def.name();
  }

  private static boolean canHaveDefault(FieldDescriptor d) {
    return !d.isRepeated() && d.getJavaType() != FieldDescriptor.JavaType.MESSAGE;
  }

  private static String defaultText(FieldDescriptor d) {
    return d.toProto().getDefaultValue();
  }

  private static String zeroDefault(FieldDescriptor d) {
    return switch (d.getType()) {
      case STRING, BYTES -> "";
      case BOOL -> "false";
      case ENUM -> d.getEnumType().getValues().get(0).getName();
      case DOUBLE, FLOAT -> "0";
      default -> "0";
    };
  }

  private static boolean defaultsEqual(FieldDescriptor pd, String before, FieldDescriptor d, String after) {
    if (pd.getType() != d.getType()) {
      return before.equals(after);
    }
    return switch (d.getType()) {
      case DOUBLE, FLOAT -> Double.compare(parseDouble(before), parseDouble(after)) == 0;
      case ENUM -> enumNumber(pd, before) == enumNumber(d, after);
      case INT32, INT64, UINT32, UINT64, SINT32, SINT64, FIXED32, FIXED64, SFIXED32, SFIXED64 ->
          new java.math.BigInteger(before).equals(new java.math.BigInteger(after));
      default -> before.equals(after);
    };
  }

  private static double parseDouble(String s) {
    return switch (s) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }

  private static int enumNumber(FieldDescriptor d, String name) {
    var v = d.getEnumType().findValueByName(name);
    return v == null ? Integer.MIN_VALUE : v.getNumber();
  }

  private static String printableDefault(FieldDescriptor d, String value) {
    return switch (d.getType()) {
      case STRING -> q(value);
      case ENUM -> d.getEnumType().getName() + "." + value;
      default -> value;
    };
  }

  /** buf spans {@code default = value}; protoc's span covers the value only. */
  private static Span defaultSpan(El.Field f) {
    Span value = f.span(7);
    if (value == null) {
      return null;
    }
    String line = f.file().sourceLine(value.startLine());
    if (line == null) {
      return value;
    }
    int at = line.lastIndexOf("default", value.startColumn() - 1);
    return at < 0 ? value : new Span(value.startLine(), at + 1, value.endLine(), value.endColumn(),
        value.leadingComments(), value.path());
  }

  private static Span backup(Span first, Span second) {
    return first != null ? first : second;
  }

  // ---- enums

  private void enumPair(El.Enum e, El.Enum prev) {
    if (prev.d().isClosed() != e.d().isClosed()) {
      String before = prev.d().isClosed() ? "closed" : "open";
      String after = e.d().isClosed() ? "closed" : "open";
      add("ENUM_SAME_TYPE", e.file(), backup(e.span(3, 7, 2), e.span()), prev.file(),
          "Enum " + q(e.d().getName()) + " changed from " + before + " to " + after + ".");
    }
    FeatureSet.JsonFormat pj = Features.of(prev.d()).getJsonFormat();
    FeatureSet.JsonFormat cj = Features.of(e.d()).getJsonFormat();
    if (pj == FeatureSet.JsonFormat.ALLOW && cj != FeatureSet.JsonFormat.ALLOW) {
      add("ENUM_SAME_JSON_FORMAT", e.file(), backup(e.span(3, 7, 6), e.span()), prev.file(),
          "Enum " + q(e.d().getName()) + " JSON format support changed from " + pj + " to " + cj + ".");
    }
    Map<Integer, List<El.Value>> values = valuesByNumber(current.valuesOf(e));
    Map<Integer, List<El.Value>> prevValues = valuesByNumber(previous.valuesOf(prev));
    Set<String> reservedNames = new TreeSet<>(e.d().toProto().getReservedNameList());
    List<int[]> reserved = ranges(e.d().toProto());
    for (var entry : prevValues.entrySet()) {
      int number = entry.getKey();
      List<El.Value> now = values.get(number);
      List<String> prevNames = names(entry.getValue());
      if (now == null) {
        String base = "Previously present enum value \"" + number + "\" on enum " + q(e.d().getName()) + " was deleted";
        add("ENUM_VALUE_NO_DELETE", e.file(), e.span(), prev.file(), base + ".");
        if (!inRanges(number, reserved)) {
          add("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED", e.file(), e.span(), prev.file(),
              base + " without reserving the number \"" + number + "\".");
        }
        if (!reservedNames.containsAll(prevNames)) {
          add("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED", e.file(), e.span(), prev.file(),
              base + " without reserving the name" + (prevNames.size() > 1 ? "s" : "") + " " + Text.joinQuoted(prevNames) + ".");
        }
        continue;
      }
      List<String> curNames = names(now);
      if (!curNames.containsAll(prevNames)) {
        String suffix = prevNames.size() > 1 && curNames.size() > 1 ? "s" : "";
        for (El.Value v : now) {
          add("ENUM_VALUE_SAME_NAME", v.file(), v.span(2), prev.file(), "Enum value \"" + number + "\" on enum "
              + q(e.d().getName()) + " changed name" + suffix + " from " + Text.joinQuoted(prevNames) + " to "
              + Text.joinQuoted(curNames) + ".");
        }
      }
    }
    tagRanges("RESERVED_ENUM_NO_DELETE", "reserved", e.file(), e.span(), prev.file(), "enum", e.d().getName(),
        ranges(prev.d().toProto()), reserved, Integer.MAX_VALUE);
    for (String name : new TreeSet<>(prev.d().toProto().getReservedNameList())) {
      if (!reservedNames.contains(name)) {
        add("RESERVED_ENUM_NO_DELETE", e.file(), e.span(), prev.file(),
            "Previously present reserved name " + q(name) + " on enum " + q(e.d().getName()) + " was deleted.");
      }
    }
  }

  private static Map<Integer, List<El.Value>> valuesByNumber(List<El.Value> values) {
    Map<Integer, List<El.Value>> out = new TreeMap<>();
    for (El.Value v : values) {
      out.computeIfAbsent(v.d().getNumber(), k -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static List<String> names(List<El.Value> values) {
    List<String> names = new ArrayList<>();
    for (El.Value v : values) {
      names.add(v.d().getName());
    }
    java.util.Collections.sort(names);
    return names;
  }

  // ---- services

  private void servicePair(El.Service s, El.Service prev) {
    Map<String, El.Method> methods = new HashMap<>();
    for (El.Method m : current.methodsOf(s)) {
      methods.put(m.d().getName(), m);
    }
    for (El.Method pm : previous.methodsOf(prev)) {
      El.Method m = methods.get(pm.d().getName());
      if (m == null) {
        add("RPC_NO_DELETE", s.file(), s.span(), prev.file(), "Previously present RPC " + q(pm.d().getName())
            + " on service " + q(s.d().getName()) + " was deleted.");
        continue;
      }
      String rpc = "RPC " + q(m.d().getName()) + " on service " + q(s.d().getName());
      if (pm.d().isClientStreaming() != m.d().isClientStreaming()) {
        add("RPC_SAME_CLIENT_STREAMING", m.file(), m.span(), pm.file(), rpc + " changed from client "
            + (m.d().isClientStreaming() ? "unary to client streaming." : "streaming to client unary."));
      }
      if (pm.d().isServerStreaming() != m.d().isServerStreaming()) {
        add("RPC_SAME_SERVER_STREAMING", m.file(), m.span(), pm.file(), rpc + " changed from server "
            + (m.d().isServerStreaming() ? "unary to server streaming." : "streaming to server unary."));
      }
      var pl = pm.d().getOptions().getIdempotencyLevel();
      var cl = m.d().getOptions().getIdempotencyLevel();
      if (pl != cl) {
        add("RPC_SAME_IDEMPOTENCY_LEVEL", m.file(), m.span(4, MethodOptions.IDEMPOTENCY_LEVEL_FIELD_NUMBER), pm.file(),
            rpc + " changed option \"idempotency_level\" from " + q(pl.name()) + " to " + q(cl.name()) + ".");
      }
      String pin = pm.d().getInputType().getFullName();
      String in = m.d().getInputType().getFullName();
      if (!pin.equals(in)) {
        add("RPC_SAME_REQUEST_TYPE", m.file(), m.span(2), pm.file(),
            rpc + " changed request type from " + q(pin) + " to " + q(in) + ".");
      }
      String pout = pm.d().getOutputType().getFullName();
      String out = m.d().getOutputType().getFullName();
      if (!pout.equals(out)) {
        add("RPC_SAME_RESPONSE_TYPE", m.file(), m.span(3), pm.file(),
            rpc + " changed response type from " + q(pout) + " to " + q(out) + ".");
      }
    }
  }

  // ---- packages

  private void packages() {
    Map<String, List<ProtoFile>> pkgs = new TreeMap<>();
    for (ProtoFile f : current.targets()) {
      pkgs.computeIfAbsent(f.packageName(), k -> new ArrayList<>()).add(f);
    }
    Map<String, List<ProtoFile>> prevPkgs = new TreeMap<>();
    for (ProtoFile f : previous.targets()) {
      prevPkgs.computeIfAbsent(f.packageName(), k -> new ArrayList<>()).add(f);
    }
    Map<String, ProtoFile> files = by(current.targets(), ProtoFile::name);
    // grouped by package once: a scan per package would cost packages x elements
    var prevEnums = elementsByPackage("PACKAGE_ENUM_NO_DELETE", previous.enums(), El.Enum::file, El.Enum::nestedName);
    var curEnums = elementsByPackage("PACKAGE_ENUM_NO_DELETE", current.enums(), El.Enum::file, El.Enum::nestedName);
    var prevMessages = elementsByPackage("PACKAGE_MESSAGE_NO_DELETE", previous.messages(), El.Message::file,
        El.Message::nestedName);
    var curMessages = elementsByPackage("PACKAGE_MESSAGE_NO_DELETE", current.messages(), El.Message::file,
        El.Message::nestedName);
    var prevExtensions = elementsByPackage("PACKAGE_EXTENSION_NO_DELETE", previous.extensions(), El.Field::file,
        BreakingRules::extensionNestedName);
    var curExtensions = elementsByPackage("PACKAGE_EXTENSION_NO_DELETE", current.extensions(), El.Field::file,
        BreakingRules::extensionNestedName);
    var prevServices = elementsByPackage("PACKAGE_SERVICE_NO_DELETE", previous.services(), El.Service::file,
        s -> s.d().getName());
    var curServices = elementsByPackage("PACKAGE_SERVICE_NO_DELETE", current.services(), El.Service::file,
        s -> s.d().getName());
    for (var entry : prevPkgs.entrySet()) {
      String pkg = entry.getKey();
      if (!pkgs.containsKey(pkg)) {
        List<ProtoFile> sorted = new ArrayList<>(entry.getValue());
        sorted.sort(java.util.Comparator.comparing(ProtoFile::name));
        add("PACKAGE_NO_DELETE", null, null, sorted.get(0), "Previously present package " + q(pkg) + " was deleted.");
        continue;
      }
      packageElements(pkg, "enum", "PACKAGE_ENUM_NO_DELETE", files,
          prevEnums.getOrDefault(pkg, Map.of()), curEnums.getOrDefault(pkg, Map.of()), false);
      packageElements(pkg, "message", "PACKAGE_MESSAGE_NO_DELETE", files,
          prevMessages.getOrDefault(pkg, Map.of()), curMessages.getOrDefault(pkg, Map.of()), false);
      packageElements(pkg, "extension", "PACKAGE_EXTENSION_NO_DELETE", files,
          prevExtensions.getOrDefault(pkg, Map.of()), curExtensions.getOrDefault(pkg, Map.of()), false);
      packageElements(pkg, "service", "PACKAGE_SERVICE_NO_DELETE", files,
          prevServices.getOrDefault(pkg, Map.of()), curServices.getOrDefault(pkg, Map.of()), true);
    }
  }

  /** Elements by package, then by name inside the package (sorted), the first file declaring each; empty when {@code rule} is off. */
  private <T> Map<String, Map<String, ProtoFile>> elementsByPackage(String rule, List<T> all, Function<T, ProtoFile> file,
      Function<T, String> name) {
    Map<String, Map<String, ProtoFile>> out = new HashMap<>();
    if (!on(rule)) {
      return out;
    }
    for (T t : all) {
      ProtoFile f = file.apply(t);
      out.computeIfAbsent(f.packageName(), k -> new TreeMap<>()).putIfAbsent(name.apply(t), f);
    }
    return out;
  }

  private void packageElements(String pkg, String kind, String rule, Map<String, ProtoFile> files,
      Map<String, ProtoFile> before, Map<String, ProtoFile> after, boolean service) {
    if (!on(rule)) {
      return;
    }
    for (var entry : before.entrySet()) {
      if (after.containsKey(entry.getKey())) {
        continue;
      }
      ProtoFile prevFile = entry.getValue();
      ProtoFile file = files.get(prevFile.name());
      Span span = null;
      if (file != null && !service) {
        El.Message parent = nearestMessage(file, entry.getKey());
        span = parent == null ? null : parent.span();
      }
      add(rule, file, span, prevFile, "Previously present " + kind + " " + q(entry.getKey())
          + " was deleted from package " + q(pkg) + ".");
    }
  }
}
