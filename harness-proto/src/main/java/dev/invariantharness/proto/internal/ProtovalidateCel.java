package dev.invariantharness.proto.internal;

import static dev.invariantharness.proto.internal.Text.q;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructTypeReference;
import dev.cel.common.types.TypeType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CEL half of buf's {@code PROTOVALIDATE} rule: every {@code cel} / {@code cel_expression}
 * rule on a message or field, and every {@code (buf.validate.predefined).cel} on an extension of a
 * standard rules message, must compile in protovalidate's environment and evaluate to a bool or a
 * string; ids must be unique and well-formed; a string-valued rule must not carry a message.
 *
 * <p>The environment is protovalidate's, declared with Google's CEL for Java (the library
 * protovalidate-java runs on): the standard library, the strings
 * extension, heterogeneous numeric comparisons ({@code int_field > 1u}), the variable {@code now},
 * protovalidate's functions ({@code isEmail}, {@code isIp}, {@code unique}, {@code format}, ...),
 * the message types of the file the rule sits in and of everything it imports, and {@code this}
 * (the message, the field's value or, for a repeated field's items and map keys/values, one
 * element), plus {@code rule} and {@code rules} for predefined rules. Messages are buf's words;
 * the compiler's own error texts come from CEL's shared ANTLR grammar and checker, which word them
 * as cel-go does, but for a few differences {@link #asCelGo} translates.
 */
final class ProtovalidateCel {

  /** A rule to compile: its id and message (empty for {@code cel_expression}) and its expression. */
  record Rule(String id, String message, String expression) {}

  /** Adds a finding for the rule at {@code index} of the list being checked. */
  interface At {
    void add(int index, String message);
  }

  private static final class Base {
    static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addLibraries(CelExtensions.strings())
        .addVar("now", SimpleType.TIMESTAMP)
        .addFunctionDeclarations(protovalidateFunctions())
        .build();
  }

  private ProtovalidateCel() {}

  /** protovalidate's own functions, declared (never called: the rules are compiled, not run). */
  private static List<CelFunctionDecl> protovalidateFunctions() {
    CelType bool = SimpleType.BOOL;
    CelType string = SimpleType.STRING;
    List<CelFunctionDecl> all = new ArrayList<>();
    all.add(CelFunctionDecl.newFunctionDeclaration("getField",
        CelOverloadDecl.newGlobalOverload("get_field_any_string", SimpleType.DYN, SimpleType.ANY, string)));
    all.add(CelFunctionDecl.newFunctionDeclaration("isIp",
        CelOverloadDecl.newMemberOverload("is_ip", bool, string, SimpleType.INT),
        CelOverloadDecl.newMemberOverload("is_ip_unary", bool, string)));
    all.add(CelFunctionDecl.newFunctionDeclaration("isIpPrefix",
        CelOverloadDecl.newMemberOverload("is_ip_prefix_int_bool", bool, string, SimpleType.INT, bool),
        CelOverloadDecl.newMemberOverload("is_ip_prefix_int", bool, string, SimpleType.INT),
        CelOverloadDecl.newMemberOverload("is_ip_prefix_bool", bool, string, bool),
        CelOverloadDecl.newMemberOverload("is_ip_prefix", bool, string)));
    for (String[] unary : new String[][] {{"isUriRef", "is_uri_ref"}, {"isUri", "is_uri"}, {"isEmail", "is_email"},
        {"isHostname", "is_hostname"}}) {
      all.add(CelFunctionDecl.newFunctionDeclaration(unary[0], CelOverloadDecl.newMemberOverload(unary[1], bool, string)));
    }
    all.add(CelFunctionDecl.newFunctionDeclaration("isHostAndPort",
        CelOverloadDecl.newMemberOverload("string_bool_is_host_and_port_bool", bool, string, bool)));
    for (String bytesFunction : List.of("startsWith", "endsWith", "contains")) {
      String id = switch (bytesFunction) {
        case "startsWith" -> "starts_with_bytes";
        case "endsWith" -> "ends_with_bytes";
        default -> "contains_bytes";
      };
      all.add(CelFunctionDecl.newFunctionDeclaration(bytesFunction,
          CelOverloadDecl.newMemberOverload(id, bool, SimpleType.BYTES, SimpleType.BYTES)));
    }
    all.add(CelFunctionDecl.newFunctionDeclaration("isNan",
        CelOverloadDecl.newMemberOverload("is_nan", bool, SimpleType.DOUBLE)));
    all.add(CelFunctionDecl.newFunctionDeclaration("isInf",
        CelOverloadDecl.newMemberOverload("is_inf_unary", bool, SimpleType.DOUBLE),
        CelOverloadDecl.newMemberOverload("is_inf_binary", bool, SimpleType.DOUBLE, SimpleType.INT)));
    List<CelOverloadDecl> unique = new ArrayList<>();
    for (CelType element : List.of(SimpleType.STRING, SimpleType.INT, SimpleType.UINT, SimpleType.DOUBLE,
        SimpleType.BYTES, SimpleType.BOOL)) {
      unique.add(CelOverloadDecl.newMemberOverload("unique_list_" + element.name().toLowerCase(Locale.US), bool,
          ListType.create(element)));
    }
    all.add(CelFunctionDecl.newFunctionDeclaration("unique", unique));
    all.add(CelFunctionDecl.newFunctionDeclaration("format",
        CelOverloadDecl.newMemberOverload("format_list_dyn", string, string, ListType.create(SimpleType.DYN))));
    return all;
  }

  /** The environment of a message's rules: {@code this} is the message. */
  static CelCompiler forMessage(Descriptor message) {
    return Base.COMPILER.toCompilerBuilder()
        .addFileTypes(withImports(message.getFile()))
        .addVar("this", StructTypeReference.create(message.getFullName()))
        .build();
  }

  /** The environment of a field's rules: {@code this} is its value, or one element when {@code forItems}. */
  static CelCompiler forField(FieldDescriptor field, boolean forItems) {
    return Base.COMPILER.toCompilerBuilder()
        .addFileTypes(withImports(field.getFile()))
        .addVar("this", typeOf(field, forItems))
        .build();
  }

  /**
   * The environment of a predefined rule: {@code this} is the value the extended rules message
   * checks, {@code rule} the extension's value, {@code rules} the rules message; null when the
   * extended message is not one buf knows the value type of (buf fails on those).
   */
  static CelCompiler forPredefined(FieldDescriptor extension) {
    Descriptor extended = extension.getContainingType();
    CelType thisType = valueTypeOf(extended.getName());
    if (thisType == null) {
      return null;
    }
    Set<FileDescriptor> files = withImports(extension.getFile());
    files.addAll(withImports(extended.getFile()));
    return Base.COMPILER.toCompilerBuilder()
        .addFileTypes(files)
        .addVar("rule", typeOf(extension, false))
        .addVar("this", thisType)
        .addVar("rules", StructTypeReference.create(extended.getFullName()))
        .build();
  }

  private static CelType valueTypeOf(String rulesMessage) {
    return switch (rulesMessage) {
      case "AnyRules" -> SimpleType.ANY;
      case "BoolRules" -> SimpleType.BOOL;
      case "BytesRules" -> SimpleType.BYTES;
      case "StringRules" -> SimpleType.STRING;
      case "Int32Rules", "Int64Rules", "SInt32Rules", "SInt64Rules", "SFixed32Rules", "SFixed64Rules", "EnumRules" ->
          SimpleType.INT;
      case "UInt32Rules", "UInt64Rules", "Fixed32Rules", "Fixed64Rules" -> SimpleType.UINT;
      case "DoubleRules", "FloatRules" -> SimpleType.DOUBLE;
      case "MapRules" -> MapType.create(SimpleType.DYN, SimpleType.DYN);
      case "RepeatedRules" -> ListType.create(SimpleType.DYN);
      case "DurationRules" -> SimpleType.DURATION;
      case "TimestampRules" -> SimpleType.TIMESTAMP;
      default -> null;
    };
  }

  private static Set<FileDescriptor> withImports(FileDescriptor file) {
    Set<FileDescriptor> all = new LinkedHashSet<>();
    List<FileDescriptor> queue = new ArrayList<>(List.of(file));
    while (!queue.isEmpty()) {
      FileDescriptor next = queue.remove(queue.size() - 1);
      if (all.add(next)) {
        queue.addAll(next.getDependencies());
      }
    }
    return all;
  }

  private static final Map<String, CelType> WELL_KNOWN = Map.ofEntries(
      Map.entry("google.protobuf.Any", SimpleType.ANY),
      Map.entry("google.protobuf.Duration", SimpleType.DURATION),
      Map.entry("google.protobuf.Timestamp", SimpleType.TIMESTAMP),
      Map.entry("google.protobuf.Value", SimpleType.DYN),
      Map.entry("google.protobuf.Struct", MapType.create(SimpleType.STRING, SimpleType.DYN)),
      Map.entry("google.protobuf.ListValue", ListType.create(SimpleType.DYN)),
      Map.entry("google.protobuf.BoolValue", NullableType.create(SimpleType.BOOL)),
      Map.entry("google.protobuf.BytesValue", NullableType.create(SimpleType.BYTES)),
      Map.entry("google.protobuf.DoubleValue", NullableType.create(SimpleType.DOUBLE)),
      Map.entry("google.protobuf.FloatValue", NullableType.create(SimpleType.DOUBLE)),
      Map.entry("google.protobuf.Int32Value", NullableType.create(SimpleType.INT)),
      Map.entry("google.protobuf.Int64Value", NullableType.create(SimpleType.INT)),
      Map.entry("google.protobuf.StringValue", NullableType.create(SimpleType.STRING)),
      Map.entry("google.protobuf.UInt32Value", NullableType.create(SimpleType.UINT)),
      Map.entry("google.protobuf.UInt64Value", NullableType.create(SimpleType.UINT)));

  /** protovalidate's type of a field's value ({@code forItems}: of one element of a list or map). */
  static CelType typeOf(FieldDescriptor field, boolean forItems) {
    if (!forItems && field.isMapField()) {
      Descriptor entry = field.getMessageType();
      return MapType.create(typeOf(entry.findFieldByNumber(1), true), typeOf(entry.findFieldByNumber(2), true));
    }
    if (!forItems && field.isRepeated()) {
      return ListType.create(typeOf(field, true));
    }
    return switch (field.getJavaType()) {
      case INT -> field.getType() == FieldDescriptor.Type.UINT32 || field.getType() == FieldDescriptor.Type.FIXED32
          ? SimpleType.UINT : SimpleType.INT;
      case LONG -> field.getType() == FieldDescriptor.Type.UINT64 || field.getType() == FieldDescriptor.Type.FIXED64
          ? SimpleType.UINT : SimpleType.INT;
      case FLOAT, DOUBLE -> SimpleType.DOUBLE;
      case BOOLEAN -> SimpleType.BOOL;
      case STRING -> SimpleType.STRING;
      case BYTE_STRING -> SimpleType.BYTES;
      case ENUM -> SimpleType.INT;
      case MESSAGE -> {
        String name = field.getMessageType().getFullName();
        CelType wellKnown = WELL_KNOWN.get(name);
        yield wellKnown != null ? wellKnown : StructTypeReference.create(name);
      }
    };
  }

  /**
   * buf's checkCEL: each rule's id characters, empty expressions, compile errors, the result type
   * (bool or string; a string result with a message), then ids used more than once.
   *
   * @param celName the rule's name as buf prints it, e.g. {@code (buf.validate.field).cel}
   */
  static void check(CelCompiler compiler, List<Rule> rules, String parentName, String parentNameCapitalized,
      String celName, boolean isCelExpression, At at) {
    Map<String, List<Integer>> indicesById = new LinkedHashMap<>();
    String expressionField = isCelExpression ? celName : celName + ".expression";
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      String id = rule.id();
      if (!id.isEmpty()) {
        if (!id.chars().allMatch(ProtovalidateCel::idCharacter)) {
          at.add(i, parentNameCapitalized + " has invalid characters for " + celName
              + ".id. IDs must contain only characters a-z, A-Z, 0-9, '.', '_', '-'.");
        }
        indicesById.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
      }
      if (rule.expression().isBlank()) {
        at.add(i, parentNameCapitalized + " has an empty " + expressionField + ". Expressions should always be specified.");
        continue;
      }
      CelValidationResult result = compiler.compile(rule.expression());
      if (result.hasError()) {
        for (String message : asCelGo(result.getErrors())) {
          at.add(i, expressionField + " on " + parentName + " fails to compile: " + message);
        }
        continue;
      }
      CelType type;
      try {
        type = result.getAst().getResultType();
      } catch (CelValidationException e) {
        continue;
      }
      if (assignable(type, CelKind.BOOL)) {
        continue;
      }
      if (assignable(type, CelKind.STRING)) {
        if (!rule.message().isEmpty()) {
          at.add(i, parentNameCapitalized + " has a " + celName + " with an expression that evaluates to a string, and also"
              + " has a message. The message is redundant - since the expression evaluates to a string, its result will be"
              + " printed instead of the message, so the message should be removed.");
        }
        continue;
      }
      at.add(i, expressionField + " on " + parentName + " evaluates to a " + format(type)
          + ", only string and boolean are allowed.");
    }
    for (var e : indicesById.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      for (int index : e.getValue()) {
        at.add(index, celName + ".id (" + q(e.getKey()) + ") is not unique within " + parentName + ".");
      }
    }
  }

  private static final Pattern LOGICAL_OVERLOAD =
      Pattern.compile("found no matching overload for '_(&&|\\|\\|)_' applied to '\\((.*), (.*)\\)'");

  /**
   * cel-java's compile errors in cel-go's words, which buf prints: no {@code Syntax error: }
   * prefix, no list of overload candidates, {@code timestamp} / {@code duration} for the
   * well-known types, a logical operator's operand that is not a bool as {@code expected type
   * 'bool' but found 'int'}, and no {@code Message type resolution failure} beside the error that
   * caused it.
   */
  static List<String> asCelGo(List<CelIssue> issues) {
    List<String> out = new ArrayList<>();
    for (CelIssue issue : issues) {
      String message = issue.getMessage();
      if (message.startsWith("Syntax error: ")) {
        message = message.substring("Syntax error: ".length());
      }
      if (message.startsWith("Message type resolution failure") && issues.size() > 1) {
        continue;
      }
      int candidates = message.indexOf(" (candidates: ");
      if (message.startsWith("found no matching overload") && candidates > 0) {
        message = message.substring(0, candidates);
      }
      message = message.replace("google.protobuf.Timestamp", "timestamp").replace("google.protobuf.Duration", "duration");
      Matcher logical = LOGICAL_OVERLOAD.matcher(message);
      if (logical.matches()) {
        for (String operand : List.of(logical.group(2), logical.group(3))) {
          if (!operand.equals("bool") && !operand.equals("dyn")) {
            out.add("expected type 'bool' but found '" + operand + "'");
          }
        }
        continue;
      }
      out.add(message);
    }
    return out;
  }

  private static boolean idCharacter(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
  }

  /** cel-go's IsAssignableType(bool / string): the type itself, its wrapper, or dyn, any or a type parameter. */
  private static boolean assignable(CelType type, CelKind target) {
    CelKind kind = type.kind();
    if (kind == target || kind == CelKind.DYN || kind == CelKind.ANY || kind == CelKind.TYPE_PARAM) {
      return true;
    }
    return type instanceof NullableType n && n.targetType().kind() == target;
  }

  /** cel-go's FormatCELType: {@code int}, {@code list(string)}, {@code map(string, int)}, {@code wrapper(int)}, ... */
  static String format(CelType type) {
    if (type instanceof NullableType n) {
      return "wrapper(" + format(n.targetType()) + ")";
    }
    return switch (type.kind()) {
      case INT -> "int";
      case UINT -> "uint";
      case DOUBLE -> "double";
      case BOOL -> "bool";
      case STRING -> "string";
      case BYTES -> "bytes";
      case NULL_TYPE -> "null";
      case TIMESTAMP -> "timestamp";
      case DURATION -> "duration";
      case DYN -> "dyn";
      case ANY -> "any";
      case ERROR -> "*error*";
      case LIST -> "list(" + format(((ListType) type).elemType()) + ")";
      case MAP -> "map(" + format(((MapType) type).keyType()) + ", " + format(((MapType) type).valueType()) + ")";
      case TYPE -> type instanceof TypeType t && !t.parameters().isEmpty() ? "type(" + format(t.parameters().get(0)) + ")" : "type";
      default -> {
        if (type.parameters().isEmpty()) {
          yield type.name();
        }
        List<String> parameters = new ArrayList<>();
        for (CelType p : type.parameters()) {
          parameters.add(format(p));
        }
        yield type.name() + "(" + String.join(", ", parameters) + ")";
      }
    };
  }
}
