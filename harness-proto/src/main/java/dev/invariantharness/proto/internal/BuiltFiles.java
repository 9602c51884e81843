package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolved descriptors and location indexes of compiled files, reused while the same compiled
 * file ({@link CompileCache} hands out the same {@code FileDescriptorProto} instance for unchanged
 * content) is built against the same dependencies: rebuilding an image after a config change or an
 * edit elsewhere costs no descriptor resolution for the files that did not change. Keyed by
 * identity; bounded, least recently used first out.
 */
final class BuiltFiles {

  private static final int MAX_ENTRIES = 4096;

  private record Key(FileDescriptorProto proto) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.proto == proto;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(proto);
    }
  }

  private record Built(FileDescriptor descriptor, Map<List<Integer>, Location> locations) {}

  private static final Map<Key, Built> CACHE = new LinkedHashMap<>(1024, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Built> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private BuiltFiles() {}

  /** The descriptor built from {@code proto} with exactly {@code dependencies}, or null. */
  static FileDescriptor descriptor(FileDescriptorProto proto, FileDescriptor[] dependencies) {
    Built built;
    synchronized (CACHE) {
      built = CACHE.get(new Key(proto));
    }
    if (built == null) {
      return null;
    }
    List<FileDescriptor> deps = built.descriptor().getDependencies();
    if (deps.size() != dependencies.length) {
      return null;
    }
    for (int i = 0; i < dependencies.length; i++) {
      if (deps.get(i) != dependencies[i]) {
        return null;
      }
    }
    return built.descriptor();
  }

  static void descriptor(FileDescriptorProto proto, FileDescriptor descriptor) {
    synchronized (CACHE) {
      Built previous = CACHE.get(new Key(proto));
      CACHE.put(new Key(proto), new Built(descriptor, previous == null ? null : previous.locations()));
    }
  }

  /** The locations of {@code proto}'s source info by path (first of each path), built once per compiled file. */
  static Map<List<Integer>, Location> locations(FileDescriptorProto proto) {
    Key key = new Key(proto);
    synchronized (CACHE) {
      Built built = CACHE.get(key);
      if (built != null && built.locations() != null) {
        return built.locations();
      }
    }
    Map<List<Integer>, Location> locations = new java.util.HashMap<>();
    for (Location location : proto.getSourceCodeInfo().getLocationList()) {
      locations.putIfAbsent(location.getPathList(), location);
    }
    synchronized (CACHE) {
      Built built = CACHE.get(key);
      CACHE.put(key, new Built(built == null ? null : built.descriptor(), locations));
    }
    return locations;
  }
}
