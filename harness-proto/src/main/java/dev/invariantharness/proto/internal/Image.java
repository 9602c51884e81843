package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.invariantharness.HarnessInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A compiled set of files, descriptors resolved (editions features included), indexed by the
 * elements rules look at. Only target files are indexed; imports are there for resolution.
 */
public final class Image {

  private final String input;
  private final ModuleConfig fallback;
  private final Map<String, ProtoFile> files = new LinkedHashMap<>();
  private final List<ProtoFile> targets = new ArrayList<>();
  private final List<El.Message> messages = new ArrayList<>();
  private final List<El.Field> fields = new ArrayList<>();
  private final List<El.Field> extensions = new ArrayList<>();
  private final List<El.Oneof> oneofs = new ArrayList<>();
  private final List<El.Enum> enums = new ArrayList<>();
  private final List<El.Value> values = new ArrayList<>();
  private final List<El.Service> services = new ArrayList<>();
  private final List<El.Method> methods = new ArrayList<>();
  private final Map<String, ModuleConfig> configByFile = new HashMap<>();
  private final Map<El.Message, List<El.Field>> fieldsByMessage = new java.util.IdentityHashMap<>();
  private final Map<El.Enum, List<El.Value>> valuesByEnum = new java.util.IdentityHashMap<>();
  private final Map<El.Service, List<El.Method>> methodsByService = new java.util.IdentityHashMap<>();
  private final Map<ProtoFile, List<Object>> elementsByFile = new java.util.IdentityHashMap<>();

  /**
   * @param input names the input in error messages
   * @param set the files, imports included
   * @param isTarget which file names belong to the checked module(s)
   * @param displayPath maps a file name to the path buf prints for it
   * @param config the configuration of the module a target file is in (may return null)
   * @param fallback the configuration for files no module claims
   */
  public Image(String input, FileDescriptorSet set, Function<String, Boolean> isTarget,
      Function<String, String> displayPath, Function<String, ModuleConfig> config, ModuleConfig fallback) {
    this.input = input;
    this.fallback = fallback;
    Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    for (FileDescriptorProto proto : set.getFileList()) {
      protos.putIfAbsent(proto.getName(), proto);
    }
    Map<String, FileDescriptor> built = new HashMap<>();
    for (FileDescriptorProto proto : protos.values()) {
      build(proto.getName(), protos, built, new ArrayList<>());
    }
    for (FileDescriptorProto proto : protos.values()) {
      boolean target = isTarget.apply(proto.getName());
      ProtoFile file = new ProtoFile(built.get(proto.getName()), proto, displayPath.apply(proto.getName()), target);
      files.put(proto.getName(), file);
      if (target) {
        targets.add(file);
        ModuleConfig moduleConfig = config.apply(proto.getName());
        if (moduleConfig != null) {
          configByFile.put(proto.getName(), moduleConfig);
        }
        index(file);
      }
    }
  }

  private FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
      Map<String, FileDescriptor> built, List<String> stack) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new HarnessInputException(input, "the descriptor set lacks \"" + name + "\", imported by \""
          + (stack.isEmpty() ? "?" : stack.get(stack.size() - 1)) + "\" (build it with --include_imports)");
    }
    if (stack.contains(name)) {
      throw new HarnessInputException(input, "import cycle through \"" + name + "\"");
    }
    stack.add(name);
    List<FileDescriptor> deps = new ArrayList<>();
    for (String dep : proto.getDependencyList()) {
      deps.add(build(dep, protos, built, stack));
    }
    stack.remove(stack.size() - 1);
    try {
      FileDescriptor[] dependencies = deps.toArray(new FileDescriptor[0]);
      FileDescriptor fd = BuiltFiles.descriptor(proto, dependencies);
      if (fd == null) {
        fd = FileDescriptor.buildFrom(proto, dependencies);
        BuiltFiles.descriptor(proto, fd);
      }
      built.put(name, fd);
      return fd;
    } catch (DescriptorValidationException e) {
      throw new HarnessInputException(input, "\"" + name + "\" is not a valid descriptor: " + e.getMessage());
    }
  }

  private void index(ProtoFile file) {
    FileDescriptor fd = file.descriptor();
    for (Descriptor m : fd.getMessageTypes()) {
      indexMessage(file, m, List.of(4, m.getIndex()), m.getName());
    }
    for (EnumDescriptor e : fd.getEnumTypes()) {
      indexEnum(file, e, List.of(5, e.getIndex()), e.getName());
    }
    for (FieldDescriptor x : fd.getExtensions()) {
      El.Field ext = new El.Field(file, x, List.of(7, x.getIndex()), null);
      extensions.add(ext);
      byFile(file, ext);
    }
    for (var s : fd.getServices()) {
      El.Service service = new El.Service(file, s, List.of(6, s.getIndex()));
      services.add(service);
      byFile(file, service);
      List<El.Method> own = methodsByService.computeIfAbsent(service, k -> new ArrayList<>());
      for (var m : s.getMethods()) {
        El.Method method = new El.Method(file, m, El.child(service.path(), 2, m.getIndex()), service);
        methods.add(method);
        own.add(method);
      }
    }
  }

  private void indexMessage(ProtoFile file, Descriptor d, List<Integer> path, String nestedName) {
    El.Message message = new El.Message(file, d, path, nestedName);
    messages.add(message);
    byFile(file, message);
    List<El.Field> own = fieldsByMessage.computeIfAbsent(message, k -> new ArrayList<>());
    for (FieldDescriptor f : d.getFields()) {
      El.Field field = new El.Field(file, f, El.child(path, 2, f.getIndex()), message);
      fields.add(field);
      own.add(field);
      if (f.isMapField() && f.getMessageType().getContainingType() == d) {
        file.alias(El.child(path, 3, f.getMessageType().getIndex()), El.child(path, 2, f.getIndex()));
      }
    }
    for (var o : d.getOneofs()) {
      oneofs.add(new El.Oneof(file, o, El.child(path, 8, o.getIndex()), message));
    }
    for (Descriptor n : d.getNestedTypes()) {
      indexMessage(file, n, El.child(path, 3, n.getIndex()), nestedName + "." + n.getName());
    }
    for (EnumDescriptor e : d.getEnumTypes()) {
      indexEnum(file, e, El.child(path, 4, e.getIndex()), nestedName + "." + e.getName());
    }
    for (FieldDescriptor x : d.getExtensions()) {
      El.Field ext = new El.Field(file, x, El.child(path, 6, x.getIndex()), null);
      extensions.add(ext);
      byFile(file, ext);
    }
  }

  private void indexEnum(ProtoFile file, EnumDescriptor d, List<Integer> path, String nestedName) {
    El.Enum e = new El.Enum(file, d, path, nestedName);
    enums.add(e);
    byFile(file, e);
    List<El.Value> own = valuesByEnum.computeIfAbsent(e, k -> new ArrayList<>());
    for (var v : d.getValues()) {
      El.Value value = new El.Value(file, v, El.child(path, 2, v.getIndex()), e);
      values.add(value);
      own.add(value);
    }
  }

  /** Lets rules read the source text of each file (for spans protoc draws differently from buf). */
  public void sources(Function<String, java.nio.file.Path> sourceOf) {
    for (ProtoFile file : targets) {
      java.nio.file.Path p = sourceOf.apply(file.name());
      if (p != null) {
        file.source(p);
      }
    }
  }

  private void byFile(ProtoFile file, Object element) {
    elementsByFile.computeIfAbsent(file, k -> new ArrayList<>()).add(element);
  }

  /** The fields of {@code message}, in declaration order. */
  public List<El.Field> fieldsOf(El.Message message) {
    return fieldsByMessage.getOrDefault(message, List.of());
  }

  public List<El.Value> valuesOf(El.Enum e) {
    return valuesByEnum.getOrDefault(e, List.of());
  }

  public List<El.Method> methodsOf(El.Service service) {
    return methodsByService.getOrDefault(service, List.of());
  }

  /** Messages, enums, extensions and services declared in {@code file}. */
  public List<Object> elementsOf(ProtoFile file) {
    return elementsByFile.getOrDefault(file, List.of());
  }

  public String input() {
    return input;
  }

  public Map<String, ProtoFile> allFiles() {
    return files;
  }

  public List<ProtoFile> targets() {
    return targets;
  }

  public List<El.Message> messages() {
    return messages;
  }

  public List<El.Field> fields() {
    return fields;
  }

  public List<El.Field> extensions() {
    return extensions;
  }

  public List<El.Oneof> oneofs() {
    return oneofs;
  }

  public List<El.Enum> enums() {
    return enums;
  }

  public List<El.Value> values() {
    return values;
  }

  public List<El.Service> services() {
    return services;
  }

  public List<El.Method> methods() {
    return methods;
  }

  /** The configuration of the module {@code fileName} belongs to, or null. */
  public ModuleConfig configOf(String fileName) {
    return configByFile.getOrDefault(fileName, fallback);
  }

  /** Every module configuration in force (the fallback first). */
  public java.util.Collection<ModuleConfig> configs() {
    java.util.Set<ModuleConfig> all = new java.util.LinkedHashSet<>();
    all.add(fallback);
    all.addAll(configByFile.values());
    return all;
  }
}
