package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Compiled files reused across compilations in the JVM, so a changed contract recompiles only
 * what changed. A file's descriptor is reused when its content (SHA-256) is the one it was
 * compiled from and, recursively, so is the content of every file it imports (the descriptor
 * depends on nothing else: type names resolve through the imports). The key is the file's name
 * and content, not its directory, so the two versions a breaking check compares share every
 * file they have in common.
 *
 * <p>What protoc must see together is still compiled together: the files that miss are compiled
 * in one or a few protoc runs (each with its imports); if the assembled image then declares a
 * name twice (two files no run saw side by side), everything is compiled in one run again so
 * protoc reports it as it would have. Bounded by the descriptors' serialized size; least recently
 * used first out.
 */
public final class CompileCache {

  private static final long MAX_BYTES = 64L * 1024 * 1024;
  /** Below this many files to compile, one protoc run; above, one per core (at most 4). */
  private static final int SPLIT_THRESHOLD = 64;

  private record Entry(FileDescriptorProto proto, Map<String, String> dependencyHashes, int size) {}

  private static final java.util.concurrent.ExecutorService PROTOC_RUNS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "invariant-protoc");
    t.setDaemon(true);
    return t;
  });

  private static final Map<String, Entry> CACHE = new LinkedHashMap<>(256, 0.75f, true);
  private static long bytes;

  private CompileCache() {}

  /** Forgets every compiled file (for measurements of a cold compile). */
  public static void clear() {
    synchronized (CACHE) {
      CACHE.clear();
      bytes = 0;
    }
  }

  /**
   * The descriptor set of {@code files} (names relative to one of {@code roots}) and their
   * imports, in protoc's order (each file after its imports), compiling with {@code protoc} only
   * what is not cached. {@code wellKnownTypes} is the include directory after the roots.
   */
  public static FileDescriptorSet compile(List<Path> roots, Path wellKnownTypes, List<String> files,
      BiFunction<List<Path>, List<String>, FileDescriptorSet> protoc) {
    Contents contents = new Contents(roots, wellKnownTypes);
    List<String> misses = new ArrayList<>();
    for (String file : files) {
      if (valid(file, contents, new HashSet<>()) == null) {
        misses.add(file);
      }
    }
    if (!misses.isEmpty()) {
      for (FileDescriptorProto proto : compileMisses(roots, misses, protoc)) {
        store(proto, contents);
      }
    }
    FileDescriptorSet assembled = assemble(files, contents);
    if (assembled == null || declaresTwice(assembled)) {
      // a file changed under us, or two files no protoc run saw together clash: protoc decides
      FileDescriptorSet whole = protoc.apply(roots, files);
      Contents fresh = new Contents(roots, wellKnownTypes);
      whole.getFileList().forEach(p -> store(p, fresh));
      return whole;
    }
    return assembled;
  }

  private static List<FileDescriptorProto> compileMisses(List<Path> roots, List<String> misses,
      BiFunction<List<Path>, List<String>, FileDescriptorSet> protoc) {
    int runs = Math.min(Math.min(4, Runtime.getRuntime().availableProcessors()), misses.size() / SPLIT_THRESHOLD + 1);
    if (runs <= 1) {
      return protoc.apply(roots, misses).getFileList();
    }
    List<CompletableFuture<FileDescriptorSet>> parts = new ArrayList<>();
    int chunk = (misses.size() + runs - 1) / runs;
    for (int i = chunk; i < misses.size(); i += chunk) {
      List<String> part = misses.subList(i, Math.min(misses.size(), i + chunk));
      parts.add(CompletableFuture.supplyAsync(() -> protoc.apply(roots, part), PROTOC_RUNS));
    }
    List<FileDescriptorProto> all = new ArrayList<>();
    try {
      // the first part on this thread, the others beside it (the common pool has one thread on two cores)
      all.addAll(protoc.apply(roots, misses.subList(0, chunk)).getFileList());
      for (CompletableFuture<FileDescriptorSet> part : parts) {
        all.addAll(part.join().getFileList());
      }
    } catch (RuntimeException e) {
      // one run failed: let the others end, then report as one protoc run over all of them would
      parts.forEach(p -> p.handle((set, error) -> null).join());
      return protoc.apply(roots, misses).getFileList();
    }
    return all;
  }

  /** The cached entry of {@code name} if it and everything it imports are as they were compiled. */
  private static Entry valid(String name, Contents contents, Set<String> visiting) {
    String hash = contents.hash(name);
    if (hash == null || !visiting.add(name)) {
      return null;
    }
    Entry entry;
    synchronized (CACHE) {
      entry = CACHE.get(name + '\u0000' + hash);
    }
    if (entry == null) {
      return null;
    }
    for (var dep : entry.dependencyHashes().entrySet()) {
      if (!dep.getValue().equals(contents.hash(dep.getKey())) || valid(dep.getKey(), contents, visiting) == null) {
        return null;
      }
    }
    visiting.remove(name);
    return entry;
  }

  private static void store(FileDescriptorProto proto, Contents contents) {
    String hash = contents.hash(proto.getName());
    if (hash == null) {
      return;
    }
    Map<String, String> deps = new HashMap<>();
    for (String dep : proto.getDependencyList()) {
      String depHash = contents.hash(dep);
      if (depHash == null) {
        return;
      }
      deps.put(dep, depHash);
    }
    int size = proto.getSerializedSize();
    synchronized (CACHE) {
      Entry previous = CACHE.put(proto.getName() + '\u0000' + hash, new Entry(proto, Map.copyOf(deps), size));
      bytes += size - (previous == null ? 0 : previous.size());
      var eldest = CACHE.entrySet().iterator();
      while (bytes > MAX_BYTES && eldest.hasNext()) {
        bytes -= eldest.next().getValue().size();
        eldest.remove();
      }
    }
  }

  /** Each file after its imports, as protoc --include_imports writes them; null when one is not cached. */
  private static FileDescriptorSet assemble(List<String> files, Contents contents) {
    Map<String, FileDescriptorProto> ordered = new LinkedHashMap<>();
    for (String file : files) {
      if (!add(file, contents, ordered, new HashSet<>())) {
        return null;
      }
    }
    return FileDescriptorSet.newBuilder().addAllFile(ordered.values()).build();
  }

  private static boolean add(String name, Contents contents, Map<String, FileDescriptorProto> ordered, Set<String> path) {
    if (ordered.containsKey(name)) {
      return true;
    }
    Entry entry = valid(name, contents, new HashSet<>());
    if (entry == null || !path.add(name)) {
      return false;
    }
    for (String dep : entry.proto().getDependencyList()) {
      if (!add(dep, contents, ordered, path)) {
        return false;
      }
    }
    ordered.put(name, entry.proto());
    return true;
  }

  /** Whether two files declare the same fully qualified name (protoc rejects that when it sees both). */
  private static boolean declaresTwice(FileDescriptorSet set) {
    Map<String, String> owner = new HashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
      List<String> names = new ArrayList<>();
      for (DescriptorProto m : file.getMessageTypeList()) {
        names.add(prefix + m.getName());
      }
      for (EnumDescriptorProto e : file.getEnumTypeList()) {
        names.add(prefix + e.getName());
        e.getValueList().forEach(v -> names.add(prefix + v.getName()));
      }
      for (ServiceDescriptorProto s : file.getServiceList()) {
        names.add(prefix + s.getName());
      }
      for (FieldDescriptorProto x : file.getExtensionList()) {
        names.add(prefix + x.getName());
      }
      for (String n : names) {
        String previous = owner.putIfAbsent(n, file.getName());
        if (previous != null && !previous.equals(file.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Content hashes of files by name, resolved as protoc resolves them (roots in order, then the well-known types). */
  private static final class Contents {
    private final List<Path> includes = new ArrayList<>();
    private final Map<String, String> hashes = new HashMap<>();

    Contents(List<Path> roots, Path wellKnownTypes) {
      roots.forEach(r -> includes.add(r.toAbsolutePath().normalize()));
      includes.add(wellKnownTypes.toAbsolutePath().normalize());
    }

    synchronized String hash(String name) {
      if (hashes.containsKey(name)) {
        return hashes.get(name);
      }
      String hash = null;
      for (Path include : includes) {
        Path file = include.resolve(name).normalize();
        if (file.startsWith(include) && Files.isRegularFile(file)) {
          hash = sha256(file);
          break;
        }
      }
      hashes.put(name, hash);
      return hash;
    }

    private static String sha256(Path file) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new HarnessInputException(file.toString(), "cannot be read: " + e.getMessage());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
