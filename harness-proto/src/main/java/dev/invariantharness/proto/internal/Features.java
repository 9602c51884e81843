package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.FeatureSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the editions features rules compare (utf8_validation, json_format): the syntax's
 * defaults, then the explicit {@code features} of the file, the enclosing messages and the element,
 * innermost last.
 */
public final class Features {

  private Features() {}

  public static String syntax(FileDescriptor file) {
    String syntax = file.toProto().getSyntax();
    return syntax.isEmpty() ? "proto2" : syntax;
  }

  private static FeatureSet defaults(FileDescriptor file) {
    return switch (syntax(file)) {
      case "proto3" -> FeatureSet.newBuilder().setUtf8Validation(FeatureSet.Utf8Validation.VERIFY)
          .setJsonFormat(FeatureSet.JsonFormat.ALLOW).build();
      case "editions" -> FeatureSet.newBuilder().setUtf8Validation(FeatureSet.Utf8Validation.VERIFY)
          .setJsonFormat(FeatureSet.JsonFormat.ALLOW).build();
      default -> FeatureSet.newBuilder().setUtf8Validation(FeatureSet.Utf8Validation.NONE)
          .setJsonFormat(FeatureSet.JsonFormat.LEGACY_BEST_EFFORT).build();
    };
  }

  private static FeatureSet resolve(FileDescriptor file, List<FeatureSet> chainOuterFirst) {
    FeatureSet.Builder b = defaults(file).toBuilder();
    if (syntax(file).equals("editions")) {
      b.mergeFrom(file.toProto().getOptions().getFeatures());
      for (FeatureSet f : chainOuterFirst) {
        b.mergeFrom(f);
      }
    }
    return b.build();
  }

  private static List<FeatureSet> messageChain(Descriptor message) {
    List<FeatureSet> chain = new ArrayList<>();
    for (Descriptor m = message; m != null; m = m.getContainingType()) {
      chain.add(0, m.toProto().getOptions().getFeatures());
    }
    return chain;
  }

  public static FeatureSet of(FieldDescriptor field) {
    List<FeatureSet> chain = field.isExtension() && field.getExtensionScope() != null
        ? messageChain(field.getExtensionScope())
        : field.isExtension() ? new ArrayList<>() : messageChain(field.getContainingType());
    chain.add(field.toProto().getOptions().getFeatures());
    return resolve(field.getFile(), chain);
  }

  public static FeatureSet of(Descriptor message) {
    return resolve(message.getFile(), messageChain(message));
  }

  public static FeatureSet of(EnumDescriptor e) {
    List<FeatureSet> chain = e.getContainingType() == null ? new ArrayList<>() : messageChain(e.getContainingType());
    chain.add(e.toProto().getOptions().getFeatures());
    return resolve(e.getFile(), chain);
  }

  /** A proto3 {@code optional} field's generated oneof. */
  public static boolean synthetic(com.google.protobuf.Descriptors.OneofDescriptor oneof) {
    return oneof.getFieldCount() == 1 && oneof.getField(0).toProto().getProto3Optional();
  }
}
