package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.surface.grpc.internal.ReflectionClient;
import dev.invariantharness.surface.internal.FileDescriptors;
import io.grpc.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The proto contract a scenario is held to: services, their methods, and every message type,
 * from wherever the team has its descriptors — the running server's reflection service, a
 * descriptor set ({@code protoc --descriptor_set_out --include_imports}, {@code buf build -o}), or
 * the descriptors of generated classes. Operations are looked up by a method's simple name
 * ({@code GetNote}) or full name ({@code pkg.NoteService/GetNote}).
 *
 * <pre>{@code
 * ProtoContract contract = ProtoContract.fromReflection(channel, Duration.ofSeconds(2));
 * ProtoContract contract = ProtoContract.fromDescriptorSet(Path.of("target/protos.desc"));
 * ProtoContract contract = ProtoContract.of(NotesProto.getDescriptor());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtoContract {

  private final String source;
  private final List<FileDescriptor> files;
  private final Map<String, MethodDescriptor> methods = new LinkedHashMap<>();
  private final Map<String, Descriptor> messages = new LinkedHashMap<>();
  private final Map<String, List<MethodDescriptor>> bySimpleName = new java.util.HashMap<>();

  private ProtoContract(String source, List<FileDescriptor> files) {
    this.source = source;
    this.files = List.copyOf(files);
    for (FileDescriptor f : files) {
      for (ServiceDescriptor s : f.getServices()) {
        for (MethodDescriptor m : s.getMethods()) {
          methods.put(s.getFullName() + "/" + m.getName(), m);
        }
      }
      for (Descriptor d : f.getMessageTypes()) {
        index(d);
      }
    }
    // simple names are looked up for every step of every run: indexed once, not searched each time
    for (MethodDescriptor m : methods.values()) {
      bySimpleName.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
    }
  }

  private void index(Descriptor d) {
    messages.put(d.getFullName(), d);
    d.getNestedTypes().forEach(this::index);
  }

  /** The contract of {@code files} (e.g. {@code NotesProto.getDescriptor()} of generated classes). */
  public static ProtoContract of(FileDescriptor... files) {
    return new ProtoContract("descriptors " + Arrays.stream(files).map(FileDescriptor::getName).toList(), Arrays.asList(files));
  }

  /**
   * Reads a binary {@code FileDescriptorSet}; imports missing from the set are taken from the
   * well-known types protobuf-java ships.
   *
   * @throws HarnessInputException naming the file when it cannot be read or is not a complete set
   */
  public static ProtoContract fromDescriptorSet(Path file) {
    FileDescriptorSet set;
    try {
      set = FileDescriptorSet.parseFrom(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), -1, "cannot read a FileDescriptorSet: " + e.getMessage(), e);
    }
    return new ProtoContract("descriptor set " + file, FileDescriptors.build(file.toString(), set.getFileList()));
  }

  /**
   * Asks the server's reflection service ({@code grpc.reflection.v1}) for every service it has and
   * the files that define them, bounded by {@code timeout}.
   *
   * @throws HarnessInputException when the server has no reflection service or does not answer in time
   */
  public static ProtoContract fromReflection(Channel channel, Duration timeout) {
    List<FileDescriptorProto> protos = ReflectionClient.fetch(channel, timeout);
    return new ProtoContract("server reflection at " + channel.authority(), FileDescriptors.build("server reflection at " + channel.authority(), protos));
  }

  /** Where the descriptors came from, for messages. */
  public String source() {
    return source;
  }

  /** The files of the contract. */
  public List<FileDescriptor> files() {
    return files;
  }

  /** Every method, by full name {@code pkg.Service/Method}. */
  public Map<String, MethodDescriptor> methods() {
    return java.util.Collections.unmodifiableMap(methods);
  }

  /**
   * The operation {@code name}: a full method name, or a simple one that is unique.
   *
   * @throws IllegalArgumentException naming the known methods when there is none or several
   */
  public Operation operation(String name) {
    MethodDescriptor m = methods.get(name);
    if (m == null && !name.contains("/")) {
      List<MethodDescriptor> found = bySimpleName.getOrDefault(name, List.of());
      if (found.size() > 1) {
        throw new IllegalArgumentException("operation '" + name + "' is ambiguous in " + source + ": "
            + found.stream().map(x -> x.getService().getFullName() + "/" + x.getName()).toList() + "; use the full name");
      }
      m = found.isEmpty() ? null : found.get(0);
    }
    if (m == null) {
      throw new IllegalArgumentException("operation '" + name + "' is no method of " + source + " (methods: "
          + new TreeSet<>(methods.keySet()) + ")");
    }
    return new Operation(name, m);
  }

  /** The full names of every message type the contract declares, in declaration order. */
  public List<String> messageTypes() {
    return List.copyOf(messages.keySet());
  }

  /** The message type {@code fullName}, if the contract declares it. */
  public Optional<Descriptor> messageType(String fullName) {
    return Optional.ofNullable(messages.get(fullName));
  }

  @Override
  public String toString() {
    return source;
  }
}
