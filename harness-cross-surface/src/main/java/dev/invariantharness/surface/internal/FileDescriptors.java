package dev.invariantharness.surface.internal;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import dev.invariantharness.HarnessInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds linked {@link FileDescriptor}s from file protos in any order, well-known imports supplied. */
public final class FileDescriptors {

  private static final Map<String, FileDescriptor> WELL_KNOWN = new LinkedHashMap<>();

  static {
    for (FileDescriptor f : List.of(AnyProto.getDescriptor(), ApiProto.getDescriptor(), DescriptorProtos.getDescriptor(),
        DurationProto.getDescriptor(), EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(),
        SourceContextProto.getDescriptor(), StructProto.getDescriptor(), TimestampProto.getDescriptor(),
        TypeProto.getDescriptor(), WrappersProto.getDescriptor())) {
      WELL_KNOWN.put(f.getName(), f);
    }
  }

  private FileDescriptors() {}

  /** Links {@code protos}; {@code input} names them in errors. */
  public static List<FileDescriptor> build(String input, List<FileDescriptorProto> protos) {
    Map<String, FileDescriptorProto> byName = new LinkedHashMap<>();
    protos.forEach(p -> byName.putIfAbsent(p.getName(), p));
    Map<String, FileDescriptor> built = new LinkedHashMap<>();
    List<FileDescriptor> out = new ArrayList<>();
    for (String name : byName.keySet()) {
      out.add(link(input, name, byName, built, new HashSet<>()));
    }
    return out;
  }

  private static FileDescriptor link(String input, String name, Map<String, FileDescriptorProto> byName,
      Map<String, FileDescriptor> built, Set<String> visiting) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = byName.get(name);
    if (proto == null) {
      FileDescriptor wk = WELL_KNOWN.get(name);
      if (wk != null) {
        return wk;
      }
      throw new HarnessInputException(input, "imports '" + name + "', which it does not contain (build it with --include_imports)");
    }
    if (!visiting.add(name)) {
      throw new HarnessInputException(input, "'" + name + "' imports itself through " + visiting);
    }
    List<FileDescriptor> deps = new ArrayList<>();
    for (String dep : proto.getDependencyList()) {
      deps.add(link(input, dep, byName, built, visiting));
    }
    try {
      FileDescriptor fd = FileDescriptor.buildFrom(proto, deps.toArray(new FileDescriptor[0]));
      built.put(name, fd);
      return fd;
    } catch (DescriptorValidationException e) {
      throw new HarnessInputException(input, "'" + name + "' is not a valid proto file: " + e.getMessage());
    }
  }
}
