package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file of an image: its descriptor (features resolved by protobuf-java), its proto (as
 * compiled, with source info) and where it is shown ({@code displayPath}, the path relative to the
 * input directory, module directory included, as buf prints it).
 */
public final class ProtoFile {

  private final FileDescriptor descriptor;
  private final FileDescriptorProto proto;
  private final String displayPath;
  private final boolean target;
  private final Map<List<Integer>, Location> locations = new HashMap<>();

  ProtoFile(FileDescriptor descriptor, FileDescriptorProto proto, String displayPath, boolean target) {
    this.descriptor = descriptor;
    this.proto = proto;
    this.displayPath = displayPath;
    this.target = target;
    for (Location location : proto.getSourceCodeInfo().getLocationList()) {
      locations.putIfAbsent(location.getPathList(), location);
    }
  }

  public FileDescriptor descriptor() {
    return descriptor;
  }

  public FileDescriptorProto proto() {
    return proto;
  }

  /** The path protoc knows the file by (relative to its module root), e.g. {@code foo/v1/a.proto}. */
  public String name() {
    return proto.getName();
  }

  /** The path buf prints: relative to the input directory. */
  public String displayPath() {
    return displayPath;
  }

  /** Whether the file belongs to the checked module (not an import from outside it). */
  public boolean target() {
    return target;
  }

  public String packageName() {
    return proto.getPackage();
  }

  /** The span at {@code path}, or null when the source declares nothing there. */
  public Span span(List<Integer> path) {
    Location location = locations.get(path);
    return location == null || location.getSpanCount() < 3 ? null : Span.of(location);
  }

  public boolean hasLocation(List<Integer> path) {
    return locations.containsKey(path);
  }

  /** Leading comments of the element at {@code path}, "" when none. */
  public String leadingComments(List<Integer> path) {
    Location location = locations.get(path);
    return location == null ? "" : location.getLeadingComments();
  }

  public boolean hasSourceInfo() {
    return !locations.isEmpty();
  }
}
