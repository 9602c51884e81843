package dev.invariantharness.proto.internal;

import build.buf.protovalidate.Config;
import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.protovalidate.Violation;
import build.buf.protovalidate.exceptions.ValidationException;
import build.buf.validate.FieldPathElement;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.google.protobuf.UnknownFieldSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * buf's check of {@code example} values: each example of a field's type rules is set on an
 * otherwise empty instance of the field's message and validated with protovalidate; a violation on
 * that field (its items, map keys or map values) is a finding at the example, worded as buf words
 * it. protovalidate-java runs the rules here, as protovalidate-go does for buf; both implement the
 * same rule ids and messages and pass the same conformance suite.
 *
 * <p>Examples that are messages ({@code duration}, {@code timestamp}, {@code any},
 * {@code field_mask}) are checked the same way, but buf prints their value as Go's {@code %v} of a
 * message pointer ({@code &{{} [] [] 0xc000123080}}, a memory address); the harness prints the
 * value in the protobuf text format instead ({@code seconds: 5 nanos: 3}), so the finding agrees
 * with buf's in rule, position and rule message, not in that value.
 */
final class ProtovalidateExamples {

  /** Receives a finding at the example with {@code index}. */
  interface At {
    void add(int index, String message);
  }

  private static final Set<String> WRAPPERS = Set.of("google.protobuf.FloatValue", "google.protobuf.DoubleValue",
      "google.protobuf.Int32Value", "google.protobuf.Int64Value", "google.protobuf.UInt32Value",
      "google.protobuf.UInt64Value", "google.protobuf.BoolValue", "google.protobuf.StringValue",
      "google.protobuf.BytesValue");

  /** Built on the first example: a lint without examples never loads protovalidate's CEL runtime. */
  private Validator validator;
  private final Collection<FileDescriptor> files;

  /** {@code files}: every file of the image, whose extensions of {@code buf.validate.*Rules} are predefined rules. */
  ProtovalidateExamples(Collection<FileDescriptor> files) {
    this.files = files;
  }

  /**
   * protovalidate-java with the image's predefined rules: their extensions, rebuilt against the
   * {@code buf.validate} descriptors protovalidate-java was compiled with (an extension registry
   * matches the extended message by identity, not by name).
   */
  private Validator validator() {
    if (validator == null) {
      ExtensionRegistry registry = ExtensionRegistry.newInstance();
      Map<String, FileDescriptor> rebuilt = new HashMap<>();
      for (FileDescriptor file : files) {
        if (file.getName().equals(VALIDATE_PROTO)) {
          continue;
        }
        List<FieldDescriptor> extensions = new ArrayList<>(file.getExtensions());
        List<Descriptor> queue = new ArrayList<>(file.getMessageTypes());
        while (!queue.isEmpty()) {
          Descriptor d = queue.remove(queue.size() - 1);
          extensions.addAll(d.getExtensions());
          queue.addAll(d.getNestedTypes());
        }
        for (FieldDescriptor extension : extensions) {
          if (!extension.getContainingType().getFullName().startsWith("buf.validate.")) {
            continue;
          }
          try {
            FileDescriptor own = rebuild(file, rebuilt);
            FieldDescriptor match = findExtension(own, extension.getFullName());
            if (match != null) {
              if (match.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                registry.add(match, DynamicMessage.getDefaultInstance(match.getMessageType()));
              } else {
                registry.add(match);
              }
            }
          } catch (DescriptorValidationException | RuntimeException e) {
            // a predefined rule that cannot be rebuilt is left out: its examples go unchecked
          }
        }
      }
      validator = ValidatorFactory.newBuilder()
          .withConfig(Config.newBuilder().setExtensionRegistry(registry).build())
          .build();
    }
    return validator;
  }

  private static final String VALIDATE_PROTO = "buf/validate/validate.proto";

  /** {@code file} built again on protovalidate-java's {@code buf/validate/validate.proto} (files not importing it stay). */
  private static FileDescriptor rebuild(FileDescriptor file, Map<String, FileDescriptor> rebuilt)
      throws DescriptorValidationException {
    if (file.getName().equals(VALIDATE_PROTO)) {
      return build.buf.validate.ValidateProto.getDescriptor();
    }
    FileDescriptor done = rebuilt.get(file.getName());
    if (done != null) {
      return done;
    }
    List<FileDescriptor> dependencies = new ArrayList<>();
    boolean changed = false;
    for (FileDescriptor dependency : file.getDependencies()) {
      FileDescriptor own = rebuild(dependency, rebuilt);
      changed |= own != dependency;
      dependencies.add(own);
    }
    FileDescriptor out = changed
        ? FileDescriptor.buildFrom(file.toProto(), dependencies.toArray(new FileDescriptor[0]))
        : file;
    rebuilt.put(file.getName(), out);
    return out;
  }

  private static FieldDescriptor findExtension(FileDescriptor file, String fullName) {
    for (FieldDescriptor e : file.getExtensions()) {
      if (e.getFullName().equals(fullName)) {
        return e;
      }
    }
    List<Descriptor> queue = new ArrayList<>(file.getMessageTypes());
    while (!queue.isEmpty()) {
      Descriptor d = queue.remove(queue.size() - 1);
      for (FieldDescriptor e : d.getExtensions()) {
        if (e.getFullName().equals(fullName)) {
          return e;
        }
      }
      queue.addAll(d.getNestedTypes());
    }
    return null;
  }

  /**
   * Checks {@code examples} of {@code field} in {@code containing}; {@code parentMap} is the map
   * field when {@code field} is its entry's key or value, else null.
   */
  void check(List<?> examples, Descriptor containing, FieldDescriptor parentMap, FieldDescriptor field, At at) {
    FieldDescriptor checked = parentMap != null ? parentMap : field;
    // first on the message without its own rules, shared by all its fields; when the rules of
    // another field keep protovalidate from compiling or running, again with this field's rules only
    Descriptor shared = sharedByFields.computeIfAbsent(containing, c -> {
      try {
        return withRulesOf(c, ALL_FIELDS);
      } catch (DescriptorValidationException | RuntimeException e) {
        return null;
      }
    });
    if (shared != null && check(examples, shared, parentMap, field, checked.getNumber(), at)) {
      return;
    }
    try {
      check(examples, withRulesOf(containing, checked.getNumber()), parentMap, field, checked.getNumber(), at);
    } catch (DescriptorValidationException | RuntimeException e) {
      // a message protobuf-java cannot rebuild has its examples unchecked
    }
  }

  /** Pruned copies of messages with the rules of all their fields, by the image's message. */
  private final Map<Descriptor, Descriptor> sharedByFields = new HashMap<>();
  private static final int ALL_FIELDS = -1;

  /**
   * Checks the examples on {@code pruned}, the pruned copy of the field's message; false when
   * protovalidate could not compile or run its rules (nothing was reported then).
   */
  private boolean check(List<?> examples, Descriptor pruned, FieldDescriptor parentMap, FieldDescriptor field,
      int checkedNumber, At at) {
    FieldDescriptor checkedCopy = pruned.findFieldByNumber(checkedNumber);
    FieldDescriptor parentCopy = null;
    FieldDescriptor fieldCopy = checkedCopy;
    if (parentMap != null) {
      parentCopy = checkedCopy;
      fieldCopy = checkedCopy.getMessageType().findFieldByNumber(field.getNumber());
    }
    List<String> found = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (int index = 0; index < examples.size(); index++) {
      Object example = examples.get(index);
      DynamicMessage candidate;
      try {
        candidate = withExample(pruned, parentCopy, fieldCopy, example);
      } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
        break;
      }
      List<Violation> violations;
      try {
        violations = validator().validate(candidate).getViolations();
      } catch (ValidationException | RuntimeException e) {
        // CEL that does not compile is reported by the CEL half of the rule; buf stops here too
        return false;
      }
      for (Violation violation : violations) {
        build.buf.validate.Violation proto = violation.toProto();
        if (onField(proto, parentCopy, fieldCopy)) {
          indices.add(index);
          found.add("\"" + goValue(example, field) + "\" is an example value but does not satisfy rule "
              + Text.q(proto.getRuleId()) + ": " + proto.getMessage());
        }
      }
    }
    for (int i = 0; i < found.size(); i++) {
      at.add(indices.get(i), found.get(i));
    }
    return true;
  }

  /**
   * {@code message} with the protovalidate rules of its oneofs and of itself removed, and of all
   * its fields but {@code fieldNumber} (unless {@link #ALL_FIELDS}). buf validates with a filter
   * that evaluates the one field only, so CEL that does not compile elsewhere in the message does
   * not keep its examples from being checked; protovalidate-java has no such filter and compiles
   * the whole message first.
   */
  private static Descriptor withRulesOf(Descriptor message, int fieldNumber) throws DescriptorValidationException {
    FileDescriptorProto.Builder file = message.getFile().toProto().toBuilder();
    List<String> names = new ArrayList<>();
    for (Descriptor d = message; d != null; d = d.getContainingType()) {
      names.add(0, d.getName());
    }
    DescriptorProto.Builder target = null;
    for (DescriptorProto.Builder candidate : file.getMessageTypeBuilderList()) {
      if (candidate.getName().equals(names.get(0))) {
        target = candidate;
      }
    }
    for (int i = 1; i < names.size() && target != null; i++) {
      DescriptorProto.Builder parent = target;
      target = null;
      for (DescriptorProto.Builder candidate : parent.getNestedTypeBuilderList()) {
        if (candidate.getName().equals(names.get(i))) {
          target = candidate;
        }
      }
    }
    if (target == null) {
      throw new IllegalStateException("message " + message.getFullName() + " not found in its file");
    }
    target.getOptionsBuilder().setUnknownFields(without(target.getOptions().getUnknownFields()));
    for (FieldDescriptorProto.Builder f : target.getFieldBuilderList()) {
      if (fieldNumber != ALL_FIELDS && f.getNumber() != fieldNumber && f.hasOptions()) {
        f.getOptionsBuilder().setUnknownFields(without(f.getOptions().getUnknownFields()));
      }
    }
    for (var oneof : target.getOneofDeclBuilderList()) {
      if (oneof.hasOptions()) {
        oneof.getOptionsBuilder().setUnknownFields(without(oneof.getOptions().getUnknownFields()));
      }
    }
    FileDescriptor built = FileDescriptor.buildFrom(file.build(),
        message.getFile().getDependencies().toArray(new FileDescriptor[0]));
    Descriptor out = built.findMessageTypeByName(names.get(0));
    for (int i = 1; i < names.size(); i++) {
      out = out.findNestedTypeByName(names.get(i));
    }
    return out;
  }

  /** The options' unknown fields without protovalidate's extension (1159 on every options message). */
  private static UnknownFieldSet without(UnknownFieldSet fields) {
    return fields.toBuilder().clearField(1159).build();
  }

  private static DynamicMessage withExample(Descriptor containing, FieldDescriptor parentMap, FieldDescriptor field,
      Object example) throws InvalidProtocolBufferException {
    DynamicMessage.Builder message = DynamicMessage.newBuilder(containing);
    if (parentMap != null) {
      Descriptor entryType = parentMap.getMessageType();
      DynamicMessage.Builder entry = DynamicMessage.newBuilder(entryType);
      FieldDescriptor key = entryType.findFieldByNumber(1);
      FieldDescriptor value = entryType.findFieldByNumber(2);
      entry.setField(key, field.getNumber() == 1 ? value(field, example) : key.getDefaultValue());
      entry.setField(value, field.getNumber() == 2 ? value(field, example) : defaultOf(value));
      message.addRepeatedField(parentMap, entry.build());
    } else if (field.isRepeated()) {
      message.addRepeatedField(field, value(field, example));
    } else {
      message.setField(field, value(field, example));
    }
    return message.build();
  }

  private static Object defaultOf(FieldDescriptor f) {
    return f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        ? DynamicMessage.getDefaultInstance(f.getMessageType()) : f.getDefaultValue();
  }

  /** The example as the field's value: an enum number as the enum value, a scalar inside its wrapper. */
  private static Object value(FieldDescriptor field, Object example) throws InvalidProtocolBufferException {
    if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
      return field.getEnumType().findValueByNumberCreatingIfUnknown(((Number) example).intValue());
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      Descriptor type = field.getMessageType();
      if (example instanceof Message m) {
        // the rules' copy of the well-known type, read again as the field's own
        return DynamicMessage.parseFrom(type, m.toByteString());
      }
      if (!WRAPPERS.contains(type.getFullName())) {
        throw new IllegalArgumentException("not a wrapper");
      }
      FieldDescriptor inner = type.findFieldByName("value");
      Object wrapped = example;
      if (type.getFullName().equals("google.protobuf.FloatValue") && example instanceof Double d) {
        wrapped = d.floatValue();
      }
      return DynamicMessage.newBuilder(type).setField(inner, wrapped).build();
    }
    return example;
  }

  /** buf's violation filter: the violation is on the field itself, one of its items, or its map keys / values. */
  private static boolean onField(build.buf.validate.Violation violation, FieldDescriptor parentMap, FieldDescriptor field) {
    List<FieldPathElement> elements = violation.getField().getElementsList();
    if (elements.size() != 1) {
      return false;
    }
    FieldPathElement element = elements.get(0);
    if (parentMap != null) {
      boolean subscripted = element.getSubscriptCase() != FieldPathElement.SubscriptCase.SUBSCRIPT_NOT_SET;
      boolean index = element.getSubscriptCase() == FieldPathElement.SubscriptCase.INDEX;
      boolean forKey = field.getNumber() == 1;
      return violation.getForKey() == forKey && element.getFieldNumber() == parentMap.getNumber() && subscripted && !index;
    }
    if (field.isRepeated()) {
      return element.getFieldNumber() == field.getNumber()
          && element.getSubscriptCase() == FieldPathElement.SubscriptCase.INDEX;
    }
    return element.getFieldNumber() == field.getNumber()
        && element.getSubscriptCase() == FieldPathElement.SubscriptCase.SUBSCRIPT_NOT_SET;
  }

  /** Go's {@code %v} of the example as protovalidate-go holds it. */
  static String goValue(Object example, FieldDescriptor field) {
    if (example instanceof Message m) {
      return TextFormat.printer().shortDebugString(m);
    }
    if (example instanceof ByteString bytes) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < bytes.size(); i++) {
        out.append(i == 0 ? "" : " ").append(bytes.byteAt(i) & 0xff);
      }
      return out.append(']').toString();
    }
    if (example instanceof Float f) {
      return goFloat(new BigDecimal(Float.toString(f)), f.isNaN(), f.isInfinite(), f > 0);
    }
    if (example instanceof Double d) {
      return goFloat(d.isNaN() || d.isInfinite() ? null : new BigDecimal(Double.toString(d)), d.isNaN(), d.isInfinite(), d > 0);
    }
    boolean unsigned = switch (field.getType()) {
      case UINT32, FIXED32, UINT64, FIXED64 -> true;
      default -> false;
    };
    if (unsigned && example instanceof Integer i) {
      return Integer.toUnsignedString(i);
    }
    if (unsigned && example instanceof Long l) {
      return Long.toUnsignedString(l);
    }
    return String.valueOf(example);
  }

  /** Go's {@code %v} of a float ({@code %g}, shortest): the shortest digits, in %e form below 1e-4 or from 1e6 on. */
  private static String goFloat(BigDecimal value, boolean nan, boolean infinite, boolean positive) {
    if (nan) {
      return "NaN";
    }
    if (infinite) {
      return positive ? "+Inf" : "-Inf";
    }
    if (value.signum() == 0) {
      return value.toString().startsWith("-") ? "-0" : "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String digits = stripped.unscaledValue().abs().toString();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format("%02d", Math.abs(exponent));
      return (stripped.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    return stripped.toPlainString();
  }
}
