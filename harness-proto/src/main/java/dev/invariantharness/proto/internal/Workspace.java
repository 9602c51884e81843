package dev.invariantharness.proto.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a directory the way buf does: a {@code buf.yaml} v2 with {@code modules}, a
 * {@code buf.work.yaml} listing v1 modules, a single v1 {@code buf.yaml}, or no configuration (one
 * module, buf's defaults). Compiles every module's files with protoc in one run, so modules of a
 * workspace can import each other.
 */
public final class Workspace {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path root;
  private final List<ModuleConfig> modules;

  private Workspace(Path root, List<ModuleConfig> modules) {
    this.root = root.toAbsolutePath().normalize();
    this.modules = modules;
  }

  public List<ModuleConfig> modules() {
    return modules;
  }

  /**
   * The workspace at {@code root}; {@code configOverride}, when not null, is a buf.yaml file or its
   * YAML text used instead of the one in {@code root} (buf's {@code --config}).
   */
  public static Workspace read(Path root, String configOverride) {
    if (!Files.isDirectory(root)) {
      throw new HarnessInputException(root.toString(), "not a directory");
    }
    if (configOverride != null) {
      Path file = tryPath(configOverride);
      if (file != null && Files.isRegularFile(file)) {
        return fromBufYaml(root, file.toString(), readYaml(file));
      }
      return fromBufYaml(root, "--config", parseYaml("--config", configOverride));
    }
    Path bufYaml = root.resolve("buf.yaml");
    Path bufWork = root.resolve("buf.work.yaml");
    if (Files.isRegularFile(bufYaml)) {
      Map<String, Object> yaml = readYaml(bufYaml);
      String version = String.valueOf(yaml.getOrDefault("version", "v1beta1"));
      if (version.equals("v2") || !Files.isRegularFile(bufWork)) {
        return fromBufYaml(root, bufYaml.toString(), yaml);
      }
    }
    if (Files.isRegularFile(bufWork)) {
      Map<String, Object> work = readYaml(bufWork);
      List<ModuleConfig> modules = new ArrayList<>();
      for (String dir : strings(work.get("directories"), bufWork + ": directories")) {
        Path moduleYaml = root.resolve(dir).resolve("buf.yaml");
        Map<String, Object> yaml = Files.isRegularFile(moduleYaml) ? readYaml(moduleYaml) : Map.of("version", "v1");
        modules.add(v1Module(normalize(dir), Files.isRegularFile(moduleYaml) ? moduleYaml.toString() : bufWork.toString(), yaml));
      }
      if (modules.isEmpty()) {
        throw new HarnessInputException(bufWork.toString(), "lists no directories");
      }
      return new Workspace(root, modules);
    }
    return new Workspace(root, List.of(v1Module(".", root.toString(), Map.of("version", "v1"))));
  }

  private static Path tryPath(String text) {
    try {
      return text.contains("\n") ? null : Path.of(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Workspace fromBufYaml(Path root, String source, Map<String, Object> yaml) {
    String version = String.valueOf(yaml.getOrDefault("version", "v1beta1"));
    switch (version) {
      case "v2" -> {
        List<ModuleConfig> modules = new ArrayList<>();
        Object moduleList = yaml.get("modules");
        if (moduleList == null) {
          modules.add(new ModuleConfig(".", "v2",
              lint(source, "v2", section(yaml, "lint"), "."), breaking(source, "v2", section(yaml, "breaking"), ".")));
        } else {
          for (Object entry : list(moduleList, source + ": modules")) {
            Map<String, Object> module = map(entry, source + ": modules[]");
            String dir = normalize(String.valueOf(module.getOrDefault("path", ".")));
            Map<String, Object> lint = module.containsKey("lint") ? section(module, "lint") : section(yaml, "lint");
            Map<String, Object> breaking = module.containsKey("breaking") ? section(module, "breaking") : section(yaml, "breaking");
            modules.add(new ModuleConfig(dir, "v2", lint(source, "v2", lint, dir), breaking(source, "v2", breaking, dir)));
          }
        }
        return new Workspace(root, modules);
      }
      case "v1", "v1beta1" -> {
        return new Workspace(root, List.of(v1Module(".", source, yaml)));
      }
      default -> throw new HarnessInputException(source, "unknown buf.yaml version \"" + version + "\" (expected v1 or v2)");
    }
  }

  /** The configuration for inputs without a workspace (a descriptor set): buf's v1 defaults or {@code override}. */
  public static ModuleConfig standalone(String configOverride) {
    if (configOverride == null) {
      return v1Module(".", "defaults", Map.of("version", "v1"));
    }
    Path file = tryPath(configOverride);
    Map<String, Object> yaml = file != null && Files.isRegularFile(file) ? readYaml(file) : parseYaml("--config", configOverride);
    return fromBufYaml(Path.of("."), configOverride, yaml).modules().get(0);
  }

  private static ModuleConfig v1Module(String dir, String source, Map<String, Object> yaml) {
    String version = String.valueOf(yaml.getOrDefault("version", "v1beta1"));
    if (!version.equals("v1") && !version.equals("v1beta1")) {
      throw new HarnessInputException(source, "a buf.work.yaml module needs buf.yaml v1, found \"" + version + "\"");
    }
    return new ModuleConfig(dir, "v1", lint(source, "v1", section(yaml, "lint"), null),
        breaking(source, "v1", section(yaml, "breaking"), null));
  }

  private static CheckConfig lint(String source, String version, Map<String, Object> section, String v2ModuleDir) {
    CheckConfig base = rules(source, "lint", version, section, List.of("STANDARD"), v2ModuleDir);
    Map<String, Object> options = new HashMap<>(base.options());
    options.putIfAbsent("enum_zero_value_suffix", "_UNSPECIFIED");
    options.putIfAbsent("service_suffix", "Service");
    if (version.equals("v2")) {
      options.put("allow_comment_ignores", !Boolean.parseBoolean(String.valueOf(section.getOrDefault("disallow_comment_ignores", "false"))));
    }
    return new CheckConfig(base.rules(), base.ignore(), base.ignoreOnly(), options);
  }

  private static CheckConfig breaking(String source, String version, Map<String, Object> section, String v2ModuleDir) {
    return rules(source, "breaking", version, section, List.of("FILE"), v2ModuleDir);
  }

  private static final Set<String> KEYS = Set.of("use", "except", "ignore", "ignore_only",
      "enum_zero_value_suffix", "service_suffix", "rpc_allow_same_request_response",
      "rpc_allow_google_protobuf_empty_requests", "rpc_allow_google_protobuf_empty_responses",
      "allow_comment_ignores", "disallow_comment_ignores", "ignore_unstable_packages", "comment_excludes");

  private static CheckConfig rules(String source, String kind, String version, Map<String, Object> section,
      List<String> defaultUse, String v2ModuleDir) {
    RuleCatalog catalog = RuleCatalog.of(kind, version);
    List<String> use = section.containsKey("use") ? strings(section.get("use"), source + ": " + kind + ".use") : defaultUse;
    List<String> except = strings(section.get("except"), source + ": " + kind + ".except");
    Set<String> rules = new LinkedHashSet<>();
    for (String id : use) {
      rules.addAll(expand(catalog, source, kind, "use", id, version));
    }
    for (String id : except) {
      rules.removeAll(expand(catalog, source, kind, "except", id, version));
    }
    List<String> ignore = new ArrayList<>();
    for (String path : strings(section.get("ignore"), source + ": " + kind + ".ignore")) {
      ignore.add(moduleRelative(normalize(path), v2ModuleDir));
    }
    Map<String, List<String>> ignoreOnly = new LinkedHashMap<>();
    if (section.get("ignore_only") != null) {
      for (var entry : map(section.get("ignore_only"), source + ": " + kind + ".ignore_only").entrySet()) {
        List<String> ids = expand(catalog, source, kind, "ignore_only", entry.getKey(), version);
        List<String> paths = new ArrayList<>();
        for (String path : strings(entry.getValue(), source + ": " + kind + ".ignore_only." + entry.getKey())) {
          paths.add(moduleRelative(normalize(path), v2ModuleDir));
        }
        for (String id : ids) {
          ignoreOnly.computeIfAbsent(id, k -> new ArrayList<>()).addAll(paths);
        }
      }
    }
    Map<String, Object> options = new HashMap<>();
    for (var entry : section.entrySet()) {
      if (!KEYS.contains(entry.getKey())) {
        throw new HarnessInputException(source, "unknown key \"" + entry.getKey() + "\" in " + kind);
      }
      if (!List.of("use", "except", "ignore", "ignore_only").contains(entry.getKey()) && entry.getValue() != null) {
        options.put(entry.getKey(), entry.getValue());
      }
    }
    return new CheckConfig(Set.copyOf(rules), List.copyOf(ignore), ignoreOnly, options);
  }

  private static List<String> expand(RuleCatalog catalog, String source, String kind, String key, String id, String version) {
    String name = version.equals("v1") && kind.equals("lint") && id.equals("DEFAULT") ? "STANDARD" : id;
    List<String> ids = catalog.expand(name);
    List<String> replacements = RuleCatalog.deprecated(kind, version, id);
    if (ids.isEmpty() && replacements != null) {
      return replacements;
    }
    if (ids.isEmpty()) {
      throw new HarnessInputException(source, "unknown " + kind + " rule or category \"" + id + "\" in " + kind + "." + key);
    }
    return ids;
  }

  private static String moduleRelative(String path, String v2ModuleDir) {
    if (v2ModuleDir == null || v2ModuleDir.equals(".")) {
      return path;
    }
    if (path.equals(v2ModuleDir)) {
      return ".";
    }
    return path.startsWith(v2ModuleDir + "/") ? path.substring(v2ModuleDir.length() + 1) : "\u0000" + path;
  }

  private static String normalize(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? "." : p;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYaml(Path file) {
    try {
      return parseYaml(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), "cannot be read: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseYaml(String source, String text) {
    try {
      Object value = YAML.readValue(text, Object.class);
      if (value == null) {
        return Map.of();
      }
      return map(value, source);
    } catch (IOException e) {
      throw new HarnessInputException(source, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Map<String, Object> section(Map<String, Object> yaml, String key) {
    Object value = yaml.get(key);
    return value == null ? Map.of() : map(value, key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new HarnessInputException(where, "expected a mapping, found " + value);
  }

  private static List<?> list(Object value, String where) {
    if (value instanceof List<?> l) {
      return l;
    }
    throw new HarnessInputException(where, "expected a list, found " + value);
  }

  private static List<String> strings(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object o : list(value, where)) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** Runs a protoc generator ({@code outArgs}) over every module file. */
  public void generate(Protoc protoc, String input, List<String> outArgs) {
    List<Path> roots = new ArrayList<>();
    List<String> files = new ArrayList<>();
    listFiles(roots, files, new HashMap<>());
    if (files.isEmpty()) {
      throw new HarnessInputException(input, "has no .proto files to generate from");
    }
    try {
      protoc.generate(roots, files, outArgs);
    } catch (Protoc.CompileFailure failure) {
      throw compileError(input, failure.getMessage(), roots);
    }
  }

  /** Every .proto file under each module, compiled into one image. */
  public Image compile(Protoc protoc, String input) {
    List<Path> roots = new ArrayList<>();
    List<String> files = new ArrayList<>();
    Map<String, ModuleConfig> moduleOf = new HashMap<>();
    listFiles(roots, files, moduleOf);
    FileDescriptorSet set;
    try {
      set = files.isEmpty() ? FileDescriptorSet.getDefaultInstance()
          : CompileCache.compile(roots, wellKnownTypes(input), files, (r, f) -> compileAsBuf(protoc, r, f));
    } catch (Protoc.CompileFailure failure) {
      throw compileError(input, failure.getMessage(), roots);
    }
    Image image = new Image(input, set, moduleOf::containsKey,
        name -> moduleOf.containsKey(name) ? moduleOf.get(name).display(name) : name, moduleOf::get, modules.get(0));
    image.sources(name -> moduleOf.containsKey(name) ? root.resolve(moduleOf.get(name).display(name)) : null);
    return image;
  }

  private void listFiles(List<Path> roots, List<String> files, Map<String, ModuleConfig> moduleOf) {
    for (ModuleConfig module : modules) {
      Path moduleRoot = root.resolve(module.directory()).normalize();
      if (!Files.isDirectory(moduleRoot)) {
        throw new HarnessInputException(moduleRoot.toString(), "module directory does not exist");
      }
      roots.add(moduleRoot);
      try (Stream<Path> walk = Files.walk(moduleRoot)) {
        walk.filter(p -> p.toString().endsWith(".proto") && Files.isRegularFile(p))
            .filter(p -> !insideOtherModule(moduleRoot, p))
            .sorted()
            .forEach(p -> {
              String name = moduleRoot.relativize(p).toString().replace('\\', '/');
              if (moduleOf.putIfAbsent(name, module) != null) {
                throw new HarnessInputException(p.toString(), "\"" + name + "\" exists in two modules");
              }
              files.add(name);
            });
      } catch (IOException e) {
        throw new HarnessInputException(moduleRoot.toString(), "cannot be listed: " + e.getMessage());
      }
    }
  }

  /**
   * protoc, but accepting what buf's compiler accepts and protoc does not ({@link AllowAlias}):
   * the rejected files are compiled again from blanked copies placed first on the proto path.
   */
  private static FileDescriptorSet compileAsBuf(Protoc protoc, List<Path> roots, List<String> files) {
    try {
      return protoc.compile(roots, files);
    } catch (Protoc.CompileFailure failure) {
      Map<String, String> patched = AllowAlias.withoutFalseOptions(failure.getMessage(), name -> source(roots, name));
      if (patched.isEmpty()) {
        throw failure;
      }
      Path overrides = null;
      try {
        overrides = Files.createTempDirectory("invariant-proto-buf-compat");
        for (var entry : patched.entrySet()) {
          Path target = overrides.resolve(relativeName(roots, entry.getKey())).normalize();
          if (!target.startsWith(overrides)) {
            throw failure;
          }
          Files.createDirectories(target.getParent());
          Files.writeString(target, entry.getValue());
        }
        List<Path> withOverrides = new ArrayList<>();
        withOverrides.add(overrides);
        withOverrides.addAll(roots);
        return protoc.compile(withOverrides, files);
      } catch (IOException e) {
        throw new HarnessInputException(roots.get(0).toString(), "cannot stage sources: " + e.getMessage());
      } finally {
        Protoc.deleteQuietly(overrides);
      }
    }
  }

  private static Path wellKnownTypes(String input) {
    try {
      return Protoc.wellKnownTypes();
    } catch (IOException e) {
      throw new HarnessInputException(input, "cannot extract the well-known types: " + e.getMessage());
    }
  }

  /** The text of {@code name} (relative to a root, as protoc prints it), or null. */
  private static String source(List<Path> roots, String name) {
    String relative = relativeName(roots, name);
    for (Path root : roots) {
      Path base = root.toAbsolutePath().normalize();
      Path file = base.resolve(relative).normalize();
      if (file.startsWith(base) && Files.isRegularFile(file)) {
        try {
          return Files.readString(file);
        } catch (IOException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** protoc prints a file by its path on disk: the name relative to its root, as protoc is given it. */
  private static String relativeName(List<Path> roots, String printed) {
    Path path = Path.of(printed);
    if (!path.isAbsolute()) {
      return printed;
    }
    for (Path root : roots) {
      Path base = root.toAbsolutePath().normalize();
      if (path.normalize().startsWith(base)) {
        return base.relativize(path.normalize()).toString().replace('\\', '/');
      }
    }
    return printed;
  }

  private static final java.util.regex.Pattern ERROR_LINE =
      java.util.regex.Pattern.compile("^(.+?):(\\d+):(\\d+): (.*)$");

  /** protoc's errors as buf's COMPILE findings, paths relative to the input like buf prints them. */
  private dev.invariantharness.proto.ProtoCompileException compileError(String input, String output, List<Path> roots) {
    List<dev.invariantharness.proto.CheckFinding> findings = new ArrayList<>();
    for (String line : output.split("\n")) {
      var m = ERROR_LINE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      String file = m.group(1);
      Path path = Path.of(file);
      String display;
      if (path.isAbsolute() && path.normalize().startsWith(root.toAbsolutePath().normalize())) {
        display = root.toAbsolutePath().normalize().relativize(path.normalize()).toString().replace('\\', '/');
      } else {
        display = file;
      }
      int lineNo = Integer.parseInt(m.group(2));
      int col = Integer.parseInt(m.group(3));
      if (AllowAlias.isUnusedAlias(m.group(4))) {
        int[] span = AllowAlias.unusedAliasSpan(m.group(4), source(roots, file), lineNo);
        if (span != null) {
          findings.add(new dev.invariantharness.proto.CheckFinding(display, span[0], span[1], span[2], span[3], "COMPILE",
              AllowAlias.UNUSED_MESSAGE));
          continue;
        }
      }
      findings.add(new dev.invariantharness.proto.CheckFinding(display, lineNo, col, lineNo, col, "COMPILE", m.group(4)));
    }
    if (findings.isEmpty()) {
      // nothing positioned in a source file: protoc itself failed, not the sources
      throw new HarnessInputException(input, "protoc failed: " + output.strip());
    }
    return new dev.invariantharness.proto.ProtoCompileException(input, output, findings);
  }

  private boolean insideOtherModule(Path moduleRoot, Path file) {
    for (ModuleConfig other : modules) {
      Path otherRoot = root.resolve(other.directory()).normalize();
      if (!otherRoot.equals(moduleRoot) && otherRoot.startsWith(moduleRoot) && file.startsWith(otherRoot)) {
        return true;
      }
    }
    return false;
  }
}
