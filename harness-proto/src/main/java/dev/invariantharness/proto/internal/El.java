package dev.invariantharness.proto.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Elements of a file with their SourceCodeInfo paths, the unit every rule works on. */
public final class El {

  private El() {}

  static List<Integer> child(List<Integer> parent, int... tail) {
    List<Integer> path = new ArrayList<>(parent.size() + tail.length);
    path.addAll(parent);
    for (int t : tail) {
      path.add(t);
    }
    return List.copyOf(path);
  }

  /** A message; {@code nestedName} is its name inside the package ({@code Outer.Inner}). */
  public record Message(ProtoFile file, Descriptor d, List<Integer> path, String nestedName) {
    public Span span() {
      return file.span(path);
    }

    public Span span(int... tail) {
      return file.span(child(path, tail));
    }

    public boolean isMapEntry() {
      return d.getOptions().getMapEntry();
    }
  }

  /** A field of a message, or an extension (then {@code message} is null). */
  public record Field(ProtoFile file, FieldDescriptor d, List<Integer> path, Message message) {
    public Span span() {
      return file.span(path);
    }

    public Span span(int... tail) {
      return file.span(child(path, tail));
    }

    public boolean isExtension() {
      return d.isExtension();
    }
  }

  public record Oneof(ProtoFile file, OneofDescriptor d, List<Integer> path, Message message) {
    public Span span(int... tail) {
      return file.span(child(path, tail));
    }
  }

  public record Enum(ProtoFile file, EnumDescriptor d, List<Integer> path, String nestedName) {
    public Span span(int... tail) {
      return file.span(child(path, tail));
    }
  }

  public record Value(ProtoFile file, EnumValueDescriptor d, List<Integer> path, Enum parent) {
    public Span span(int... tail) {
      return file.span(child(path, tail));
    }
  }

  public record Service(ProtoFile file, ServiceDescriptor d, List<Integer> path) {
    public Span span(int... tail) {
      return file.span(child(path, tail));
    }
  }

  public record Method(ProtoFile file, MethodDescriptor d, List<Integer> path, Service service) {
    public Span span(int... tail) {
      return file.span(child(path, tail));
    }
  }
}
