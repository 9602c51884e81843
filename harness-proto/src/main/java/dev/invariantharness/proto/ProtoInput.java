package dev.invariantharness.proto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.proto.internal.GitTree;
import dev.invariantharness.proto.internal.Image;
import dev.invariantharness.proto.internal.ImageCache;
import dev.invariantharness.proto.internal.ModuleConfig;
import dev.invariantharness.proto.internal.Protoc;
import dev.invariantharness.proto.internal.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Where proto contracts come from: a directory (a buf module or workspace: {@code buf.yaml} v1 or
 * v2, {@code buf.work.yaml}, or plain {@code .proto} files), a {@code FileDescriptorSet} file
 * ({@code buf build -o}, {@code protoc --descriptor_set_out}), a git ref of a repository, or the
 * descriptors of generated classes on the classpath.
 *
 * <pre>{@code
 * ProtoImage current = ProtoInput.directory(Path.of("proto")).load();
 * ProtoImage baseline = ProtoInput.gitRef(Path.of("."), "main", "proto").load();
 * List<CheckFinding> breaking = ProtoChecks.breaking(current, baseline);
 * }</pre>
 *
 * <p>Sources are compiled by {@code protoc} from Maven Central (see the module README for how it
 * is found); nothing needs installing. Bad input (a file that does not compile, a missing import,
 * a corrupt descriptor set, an unknown rule in buf.yaml, a ref that does not exist) throws a
 * {@link HarnessInputException} naming the input and the problem.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtoInput {

  private enum Kind { DIRECTORY, DESCRIPTOR_SET, GIT, DESCRIPTORS }

  private final Kind kind;
  private final Path path;
  private final String ref;
  private final String subdirectory;
  private final List<FileDescriptor> descriptors;
  private final String config;

  private ProtoInput(Kind kind, Path path, String ref, String subdirectory, List<FileDescriptor> descriptors,
      String config) {
    this.kind = kind;
    this.path = path;
    this.ref = ref;
    this.subdirectory = subdirectory;
    this.descriptors = descriptors;
    this.config = config;
  }

  /** A buf module or workspace directory, or any directory of {@code .proto} files. */
  public static ProtoInput directory(Path directory) {
    return new ProtoInput(Kind.DIRECTORY, Objects.requireNonNull(directory), null, null, List.of(), null);
  }

  /** A binary {@code FileDescriptorSet}; every file except {@code google/protobuf/*} is checked. */
  public static ProtoInput descriptorSet(Path file) {
    return new ProtoInput(Kind.DESCRIPTOR_SET, Objects.requireNonNull(file), null, null, List.of(), null);
  }

  /**
   * The directory {@code subdirectory} ("." for the root) of {@code repository} as of {@code ref}
   * (a branch, tag, commit or revision expression such as {@code main~1}), read with JGit from
   * the object database: no {@code git} executable, the work tree untouched. A ref that does not
   * exist fails with a {@link HarnessInputException} naming it.
   *
   * <pre>{@code
   * assertThat(ProtoInput.directory(Path.of("proto")))
   *     .isWireCompatibleWith(ProtoInput.gitRef(Path.of("."), "main", "proto"));
   * }</pre>
   */
  public static ProtoInput gitRef(Path repository, String ref, String subdirectory) {
    return new ProtoInput(Kind.GIT, Objects.requireNonNull(repository), Objects.requireNonNull(ref),
        subdirectory == null ? "." : subdirectory, List.of(), null);
  }

  /** Descriptors of generated classes, e.g. {@code MyProto.getDescriptor()}; no source positions. */
  public static ProtoInput descriptors(FileDescriptor... files) {
    return new ProtoInput(Kind.DESCRIPTORS, null, null, null, List.of(files), null);
  }

  /** Uses {@code bufYaml} (a buf.yaml path or its YAML text) instead of the input's own, as buf's {@code --config}. */
  public ProtoInput withConfig(String bufYaml) {
    return new ProtoInput(kind, path, ref, subdirectory, descriptors, bufYaml);
  }

  /**
   * Compiles or reads the input. A directory's image is reused within the JVM until one of its
   * {@code .proto} or buf configuration files changes (size or modification time).
   */
  public ProtoImage load() {
    return switch (kind) {
      case DIRECTORY -> new ProtoImage(ImageCache.get(path, config,
          () -> Workspace.read(path, config).compile(Protoc.resolve(), toString())));
      case DESCRIPTOR_SET -> new ProtoImage(fromSet(path.toString(), readSet(path), config));
      case GIT -> loadGit();
      case DESCRIPTORS -> new ProtoImage(fromDescriptors());
    };
  }

  /** The directory of a directory input, else null. */
  Path directory() {
    return kind == Kind.DIRECTORY ? path : null;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DIRECTORY, DESCRIPTOR_SET -> path.toString().isEmpty() ? "." : path.toString();
      case GIT -> path + "@" + ref + (subdirectory.equals(".") ? "" : ":" + subdirectory);
      case DESCRIPTORS -> "classpath descriptors";
    };
  }

  private ProtoImage loadGit() {
    Path checkout = GitTree.export(path, ref, subdirectory);
    try {
      Image image = Workspace.read(checkout, config).compile(Protoc.resolve(), toString());
      return new ProtoImage(image);
    } finally {
      GitTree.delete(checkout);
    }
  }

  private static FileDescriptorSet readSet(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new HarnessInputException(file.toString(), "descriptor set file does not exist");
    }
    try {
      FileDescriptorSet set = FileDescriptorSet.parseFrom(Files.readAllBytes(file));
      if (set.getFileCount() == 0 && Files.size(file) > 0) {
        throw new HarnessInputException(file.toString(), "is not a FileDescriptorSet (no files in it)");
      }
      for (FileDescriptorProto proto : set.getFileList()) {
        if (!proto.hasName()) {
          throw new HarnessInputException(file.toString(), "is not a FileDescriptorSet (a file without a name)");
        }
      }
      return set;
    } catch (InvalidProtocolBufferException e) {
      throw new HarnessInputException(file.toString(), "is not a valid FileDescriptorSet: " + e.getMessage());
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), "cannot be read: " + e.getMessage());
    }
  }

  private static Image fromSet(String input, FileDescriptorSet set, String config) {
    ModuleConfig module = Workspace.standalone(config);
    return new Image(input, set, name -> !name.startsWith("google/protobuf/"), name -> name, name -> module, module);
  }

  private Image fromDescriptors() {
    Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    Set<String> targets = new HashSet<>();
    for (FileDescriptor fd : descriptors) {
      targets.add(fd.getName());
      addWithDependencies(fd, protos);
    }
    ModuleConfig module = Workspace.standalone(config);
    FileDescriptorSet set = FileDescriptorSet.newBuilder().addAllFile(new ArrayList<>(protos.values())).build();
    return new Image(toString(), set, targets::contains, name -> name, name -> module, module);
  }

  private static void addWithDependencies(FileDescriptor fd, Map<String, FileDescriptorProto> protos) {
    if (protos.containsKey(fd.getName())) {
      return;
    }
    for (FileDescriptor dep : fd.getDependencies()) {
      addWithDependencies(dep, protos);
    }
    protos.put(fd.getName(), fd.toProto());
  }
}
