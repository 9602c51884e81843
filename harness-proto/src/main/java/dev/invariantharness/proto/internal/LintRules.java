package dev.invariantharness.proto.internal;

import static dev.invariantharness.proto.internal.Text.q;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** buf's lint rules (MINIMAL, BASIC, STANDARD, COMMENTS, UNARY_RPC), rule for rule. */
public final class LintRules {

  private static final String COMMENT_IGNORE = "buf:lint:ignore";

  private final Image image;
  private final Function<ProtoFile, CheckConfig> configOf;
  private final Sink sink;
  /** Extendee full name to extension number to the file declaring it, built once per run. */
  private Map<String, Map<Integer, String>> extensionFiles;

  private LintRules(Image image, Function<ProtoFile, CheckConfig> configOf, Sink sink) {
    this.image = image;
    this.configOf = configOf;
    this.sink = sink;
  }

  /** Runs the lint rules each file's module configures. */
  public static void run(Image image, Function<ProtoFile, CheckConfig> configOf, Sink sink) {
    new LintRules(image, configOf, sink).run();
  }

  private boolean on(String rule, ProtoFile file) {
    return configOf.apply(file).rules().contains(rule);
  }

  private void add(String rule, ProtoFile file, Span span, String message) {
    if (on(rule, file)) {
      sink.add(rule, file, span, null, message);
    }
  }

  private void run() {
    for (ProtoFile file : image.targets()) {
      file(file);
    }
    directories();
    packages();
    importCycles();
    for (El.Message m : image.messages()) {
      message(m);
    }
    for (El.Field f : image.fields()) {
      field(f);
    }
    for (El.Field f : image.extensions()) {
      field(f);
    }
    for (El.Oneof o : image.oneofs()) {
      oneof(o);
    }
    Protovalidate.check(image, (file, span, message) -> add("PROTOVALIDATE", file, span, message));
    for (El.Enum e : image.enums()) {
      enumRules(e);
    }
    for (El.Value v : image.values()) {
      value(v);
    }
    for (El.Service s : image.services()) {
      service(s);
    }
    for (El.Method m : image.methods()) {
      method(m);
    }
    requestResponseUnique();
  }

  private static String dir(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? "." : name.substring(0, slash);
  }

  // ---- files

  private void file(ProtoFile file) {
    FileDescriptorProto proto = file.proto();
    String pkg = proto.getPackage();
    Span pkgSpan = file.span(List.of(2));
    if (pkg.isEmpty()) {
      add("PACKAGE_DEFINED", file, null, "Files must have a package defined.");
    } else {
      String expectedDir = pkg.replace('.', '/');
      String dir = dir(file.name());
      if (!dir.equals(expectedDir)) {
        add("PACKAGE_DIRECTORY_MATCH", file, pkgSpan, "Files with package " + q(pkg) + " must be within a directory \""
            + expectedDir + "\" relative to root but were in directory \"" + dir + "\".");
      }
      List<String> parts = new ArrayList<>();
      for (String part : pkg.split("\\.", -1)) {
        parts.add(Text.lowerSnake(part));
      }
      String expected = String.join(".", parts);
      if (!pkg.equals(expected)) {
        add("PACKAGE_LOWER_SNAKE_CASE", file, pkgSpan, "Package name " + q(pkg)
            + " should be lower_snake.case, such as " + q(expected) + ".");
      }
      if (PackageVersion.of(pkg) == null) {
        add("PACKAGE_VERSION_SUFFIX", file, pkgSpan, "Package name " + q(pkg)
            + " should be suffixed with a correctly formed version, such as " + q(pkg + ".v1") + ".");
      }
    }
    if (!file.hasLocation(List.of(12)) && !file.hasLocation(List.of(14))) {
      add("SYNTAX_SPECIFIED", file, null,
          "Files must have a syntax explicitly specified. If no syntax is specified, the file defaults to \"proto2\".");
    }
    String name = file.name();
    String base = name.substring(name.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    String ext = dot < 0 ? "" : base.substring(dot);
    String stem = dot < 0 ? base : base.substring(0, dot);
    String expectedStem = Text.lowerSnake(stem);
    if (!stem.equals(expectedStem)) {
      add("FILE_LOWER_SNAKE_CASE", file, null, "Filename " + q(base) + " should be lower_snake_case" + ext
          + ", such as \"" + expectedStem + ext + "\".");
    }
    Set<String> used = usedFiles(file);
    for (int i = 0; i < proto.getDependencyCount(); i++) {
      String dep = proto.getDependency(i);
      Span span = file.span(List.of(3, i));
      if (proto.getPublicDependencyList().contains(i)) {
        add("IMPORT_NO_PUBLIC", file, span, "Import " + q(dep) + " must not be public.");
      }
      if (!proto.getPublicDependencyList().contains(i) && !proto.getWeakDependencyList().contains(i)
          && !used.contains(dep)) {
        add("IMPORT_USED", file, span, "Import " + q(dep) + " is unused.");
      }
    }
    PackageVersion version = PackageVersion.of(pkg);
    if (version != null && version.stable()) {
      for (int i = 0; i < proto.getDependencyCount(); i++) {
        ProtoFile imported = image.allFiles().get(proto.getDependency(i));
        if (imported == null || !imported.target()) {
          continue;
        }
        PackageVersion iv = PackageVersion.of(imported.packageName());
        if (iv != null && !iv.stable()) {
          add("STABLE_PACKAGE_NO_IMPORT_UNSTABLE", file, file.span(List.of(3, i)), "This file is in stable package "
              + q(pkg) + ", so it should not depend on " + q(proto.getDependency(i)) + " from unstable package "
              + q(imported.packageName()) + ".");
        }
      }
    }
  }

  /** Imports a file uses: every file defining a type or option extension it refers to, through public imports. */
  private Set<String> usedFiles(ProtoFile file) {
    Set<String> definingFiles = new HashSet<>();
    FileDescriptor fd = file.descriptor();
    List<Descriptor> messages = new ArrayList<>();
    for (Descriptor d : fd.getMessageTypes()) {
      collect(d, messages);
    }
    List<FieldDescriptor> fields = new ArrayList<>(fd.getExtensions());
    List<Message> options = new ArrayList<>();
    options.add(fd.getOptions());
    for (Descriptor d : messages) {
      fields.addAll(d.getFields());
      fields.addAll(d.getExtensions());
      options.add(d.getOptions());
      for (var o : d.getOneofs()) {
        options.add(o.getOptions());
      }
      for (var r : d.toProto().getExtensionRangeList()) {
        options.add(r.getOptions());
      }
      for (EnumDescriptor e : d.getEnumTypes()) {
        enumOptions(e, options);
      }
    }
    for (EnumDescriptor e : fd.getEnumTypes()) {
      enumOptions(e, options);
    }
    for (FieldDescriptor f : fields) {
      options.add(f.getOptions());
      if (f.getType() == FieldDescriptor.Type.MESSAGE || f.getType() == FieldDescriptor.Type.GROUP) {
        if (!(f.getMessageType().getOptions().getMapEntry() && f.getMessageType().getFile() == fd)) {
          definingFiles.add(f.getMessageType().getFile().getName());
        } else {
          for (FieldDescriptor entryField : f.getMessageType().getFields()) {
            if (entryField.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
              definingFiles.add(entryField.getMessageType().getFile().getName());
            } else if (entryField.getJavaType() == FieldDescriptor.JavaType.ENUM) {
              definingFiles.add(entryField.getEnumType().getFile().getName());
            }
          }
        }
      } else if (f.getType() == FieldDescriptor.Type.ENUM) {
        definingFiles.add(f.getEnumType().getFile().getName());
      }
      if (f.isExtension()) {
        definingFiles.add(f.getContainingType().getFile().getName());
      }
    }
    for (var s : fd.getServices()) {
      options.add(s.getOptions());
      for (var m : s.getMethods()) {
        options.add(m.getOptions());
        definingFiles.add(m.getInputType().getFile().getName());
        definingFiles.add(m.getOutputType().getFile().getName());
      }
    }
    if (extensionFiles == null) {
      extensionFiles = extensionsByExtendee();
    }
    for (Message option : options) {
      optionUses(option, extensionFiles, definingFiles);
    }
    // a direct import is used when it defines a referenced element or re-exports (public) a file that does
    Set<String> used = new HashSet<>();
    for (String dep : file.proto().getDependencyList()) {
      if (reaches(dep, definingFiles, new HashSet<>())) {
        used.add(dep);
      }
    }
    return used;
  }

  private boolean reaches(String fileName, Set<String> defining, Set<String> seen) {
    if (!seen.add(fileName)) {
      return false;
    }
    if (defining.contains(fileName)) {
      return true;
    }
    ProtoFile f = image.allFiles().get(fileName);
    if (f == null) {
      return false;
    }
    for (int i : f.proto().getPublicDependencyList()) {
      if (reaches(f.proto().getDependency(i), defining, seen)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Map<Integer, String>> extensionsByExtendee() {
    Map<String, Map<Integer, String>> out = new HashMap<>();
    for (ProtoFile f : image.allFiles().values()) {
      List<FieldDescriptor> exts = new ArrayList<>(f.descriptor().getExtensions());
      List<Descriptor> all = new ArrayList<>();
      for (Descriptor d : f.descriptor().getMessageTypes()) {
        collect(d, all);
      }
      for (Descriptor d : all) {
        exts.addAll(d.getExtensions());
      }
      for (FieldDescriptor x : exts) {
        out.computeIfAbsent(x.getContainingType().getFullName(), k -> new HashMap<>())
            .put(x.getNumber(), f.name());
      }
    }
    return out;
  }

  private void optionUses(Message options, Map<String, Map<Integer, String>> extensions, Set<String> used) {
    UnknownFieldSet unknown = options.getUnknownFields();
    Map<Integer, String> byNumber = extensions.getOrDefault(options.getDescriptorForType().getFullName(), Map.of());
    for (int number : unknown.asMap().keySet()) {
      String definer = byNumber.get(number);
      if (definer != null) {
        used.add(definer);
      }
    }
    for (var entry : options.getAllFields().entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Message m) {
        optionUses(m, extensions, used);
      } else if (value instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Message m) {
            optionUses(m, extensions, used);
          }
        }
      }
    }
  }

  private static void enumOptions(EnumDescriptor e, List<Message> options) {
    options.add(e.getOptions());
    for (var v : e.getValues()) {
      options.add(v.getOptions());
    }
  }

  private static void collect(Descriptor d, List<Descriptor> out) {
    out.add(d);
    for (Descriptor n : d.getNestedTypes()) {
      collect(n, out);
    }
  }

  private void directories() {
    Map<String, List<ProtoFile>> byDir = new TreeMap<>();
    for (ProtoFile f : image.targets()) {
      byDir.computeIfAbsent(dir(f.name()), k -> new ArrayList<>()).add(f);
    }
    for (var entry : byDir.entrySet()) {
      Set<String> pkgs = new TreeSet<>();
      for (ProtoFile f : entry.getValue()) {
        pkgs.add(f.packageName());
      }
      if (pkgs.size() <= 1) {
        continue;
      }
      String prefix;
      if (pkgs.remove("")) {
        prefix = (pkgs.size() > 1 ? "Multiple packages " : "Package ") + q(String.join(",", pkgs)) + " and file with no package";
      } else {
        prefix = "Multiple packages " + q(String.join(",", pkgs));
      }
      for (ProtoFile f : entry.getValue()) {
        add("DIRECTORY_SAME_PACKAGE", f, f.span(List.of(2)), prefix + " detected within directory " + q(entry.getKey()) + ".");
      }
    }
  }

  private void packages() {
    Map<String, List<ProtoFile>> byPkg = new TreeMap<>();
    for (ProtoFile f : image.targets()) {
      byPkg.computeIfAbsent(f.packageName(), k -> new ArrayList<>()).add(f);
    }
    for (var entry : byPkg.entrySet()) {
      String pkg = entry.getKey();
      List<ProtoFile> files = entry.getValue();
      Set<String> dirs = new TreeSet<>();
      for (ProtoFile f : files) {
        dirs.add(dir(f.name()));
      }
      if (dirs.size() > 1) {
        for (ProtoFile f : files) {
          add("PACKAGE_SAME_DIRECTORY", f, f.span(List.of(2)), "Multiple directories " + q(String.join(",", dirs))
              + " contain files with package " + q(pkg) + ".");
        }
      }
      sameOption(pkg, files, "PACKAGE_SAME_CSHARP_NAMESPACE", "csharp_namespace", FileOptions.CSHARP_NAMESPACE_FIELD_NUMBER,
          f -> f.proto().getOptions().getCsharpNamespace());
      sameOption(pkg, files, "PACKAGE_SAME_GO_PACKAGE", "go_package", FileOptions.GO_PACKAGE_FIELD_NUMBER,
          f -> f.proto().getOptions().getGoPackage());
      sameOption(pkg, files, "PACKAGE_SAME_JAVA_MULTIPLE_FILES", "java_multiple_files",
          FileOptions.JAVA_MULTIPLE_FILES_FIELD_NUMBER, f -> f.proto().getOptions().hasJavaMultipleFiles()
              ? String.valueOf(f.proto().getOptions().getJavaMultipleFiles()) : "");
      sameOption(pkg, files, "PACKAGE_SAME_JAVA_PACKAGE", "java_package", FileOptions.JAVA_PACKAGE_FIELD_NUMBER,
          f -> f.proto().getOptions().getJavaPackage());
      sameOption(pkg, files, "PACKAGE_SAME_PHP_NAMESPACE", "php_namespace", FileOptions.PHP_NAMESPACE_FIELD_NUMBER,
          f -> f.proto().getOptions().getPhpNamespace());
      sameOption(pkg, files, "PACKAGE_SAME_RUBY_PACKAGE", "ruby_package", FileOptions.RUBY_PACKAGE_FIELD_NUMBER,
          f -> f.proto().getOptions().getRubyPackage());
      sameOption(pkg, files, "PACKAGE_SAME_SWIFT_PREFIX", "swift_prefix", FileOptions.SWIFT_PREFIX_FIELD_NUMBER,
          f -> f.proto().getOptions().getSwiftPrefix());
    }
  }

  private void sameOption(String pkg, List<ProtoFile> files, String rule, String name, int option,
      Function<ProtoFile, String> value) {
    Set<String> values = new TreeSet<>();
    for (ProtoFile f : files) {
      values.add(value.apply(f));
    }
    if (values.size() <= 1) {
      return;
    }
    boolean none = values.remove("");
    String joined = q(String.join(",", values));
    String message = none
        ? "Files in package " + q(pkg) + " have both values " + joined + " and no value for option " + q(name)
            + " and all values must be equal."
        : "Files in package " + q(pkg) + " have multiple values " + joined + " for option " + q(name)
            + " and all values must be equal.";
    for (ProtoFile f : files) {
      add(rule, f, f.span(List.of(8, option)), message);
    }
  }

  private void importCycles() {
    // package -> imported package -> (file, import index) in target files
    Map<String, Map<String, List<Object[]>>> graph = new TreeMap<>();
    for (ProtoFile f : image.allFiles().values()) {
      String pkg = f.packageName();
      Map<String, List<Object[]>> edges = graph.computeIfAbsent(pkg, k -> new TreeMap<>());
      for (int i = 0; i < f.proto().getDependencyCount(); i++) {
        ProtoFile imported = image.allFiles().get(f.proto().getDependency(i));
        if (imported == null || imported.packageName().equals(pkg)) {
          continue;
        }
        edges.computeIfAbsent(imported.packageName(), k -> new ArrayList<>()).add(new Object[] {f, i});
      }
    }
    for (var entry : graph.entrySet()) {
      String pkg = entry.getKey();
      if (pkg.isEmpty()) {
        continue;
      }
      for (var edge : entry.getValue().entrySet()) {
        if (edge.getKey().isEmpty()) {
          continue;
        }
        Set<String> used = new LinkedHashSet<>();
        used.add(pkg);
        List<String> path = new ArrayList<>(List.of(pkg));
        List<String> cycle = cycle(edge.getKey(), graph, used, path);
        if (cycle == null) {
          continue;
        }
        for (Object[] imp : edge.getValue()) {
          ProtoFile f = (ProtoFile) imp[0];
          if (f.target()) {
            add("PACKAGE_NO_IMPORT_CYCLE", f, f.span(List.of(3, (Integer) imp[1])),
                "Package import cycle: " + String.join(" -> ", cycle));
          }
        }
      }
    }
  }

  private static List<String> cycle(String pkg, Map<String, Map<String, List<Object[]>>> graph, Set<String> used,
      List<String> path) {
    List<String> next = new ArrayList<>(path);
    next.add(pkg);
    if (used.contains(pkg)) {
      return next.get(0).equals(next.get(next.size() - 1)) ? next : null;
    }
    used.add(pkg);
    for (String imported : graph.getOrDefault(pkg, Map.of()).keySet()) {
      if (imported.isEmpty()) {
        continue;
      }
      List<String> found = cycle(imported, graph, used, next);
      if (found != null) {
        return found;
      }
    }
    used.remove(pkg);
    return null;
  }

  // ---- elements

  private void comment(String rule, ProtoFile file, List<Integer> path, String kind, String name) {
    if (!on(rule, file) || !file.hasLocation(path)) {
      return;
    }
    String comments = file.leadingComments(path);
    boolean valid = false;
    for (String line : comments.split("\n", -1)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith(COMMENT_IGNORE)) {
        valid = true;
        break;
      }
    }
    if (!valid) {
      add(rule, file, file.span(path), kind + " " + q(name) + " should have a non-empty comment for documentation.");
    }
  }

  private void message(El.Message m) {
    if (m.isMapEntry()) {
      return;
    }
    String name = m.d().getName();
    String expected = Text.pascal(name);
    if (!name.equals(expected)) {
      add("MESSAGE_PASCAL_CASE", m.file(), m.span(1), "Message name " + q(name) + " should be PascalCase, such as "
          + q(expected) + ".");
    }
    comment("COMMENT_MESSAGE", m.file(), m.path(), "Message", name);
  }

  private void field(El.Field f) {
    FieldDescriptor d = f.d();
    boolean inMapEntry = f.message() != null && f.message().isMapEntry();
    if (!inMapEntry) {
      String name = d.getName();
      String expected = Text.lowerSnake(name);
      if (!name.equals(expected)) {
        add("FIELD_LOWER_SNAKE_CASE", f.file(), f.span(1), "Field name " + q(name)
            + " should be lower_snake_case, such as " + q(expected) + ".");
      }
      if (d.getType() != FieldDescriptor.Type.GROUP) {
        comment("COMMENT_FIELD", f.file(), f.path(), "Field", name);
      }
    }
    if (d.isRequired()) {
      add("FIELD_NOT_REQUIRED", f.file(), f.span(1), "Field named " + q(d.getName()) + " should not be required.");
    }
  }

  private void oneof(El.Oneof o) {
    if (Features.synthetic(o.d())) {
      return;
    }
    String name = o.d().getName();
    String expected = Text.lowerSnake(name);
    if (!name.equals(expected)) {
      add("ONEOF_LOWER_SNAKE_CASE", o.file(), o.span(1), "Oneof name " + q(name)
          + " should be lower_snake_case, such as " + q(expected) + ".");
    }
    comment("COMMENT_ONEOF", o.file(), o.path(), "Oneof", name);
  }

  private void enumRules(El.Enum e) {
    String name = e.d().getName();
    String expected = Text.pascal(name);
    if (!name.equals(expected)) {
      add("ENUM_PASCAL_CASE", e.file(), e.span(1), "Enum name " + q(name) + " should be PascalCase, such as "
          + q(expected) + ".");
    }
    if (e.d().getOptions().getAllowAlias()) {
      add("ENUM_NO_ALLOW_ALIAS", e.file(), e.span(3, 2), "Enum option \"allow_alias\" on enum " + q(name)
          + " must be false.");
    }
    if (!e.d().getValues().isEmpty() && e.d().getValues().get(0).getNumber() != 0) {
      var first = e.d().getValues().get(0);
      add("ENUM_FIRST_VALUE_ZERO", e.file(), e.span(2, 0, 2), "First enum value " + q(first.getName())
          + " should have a numeric value of 0");
    }
    comment("COMMENT_ENUM", e.file(), e.path(), "Enum", name);
  }

  private void value(El.Value v) {
    String name = v.d().getName();
    String expected = Text.upperSnake(name);
    if (!name.equals(expected)) {
      add("ENUM_VALUE_UPPER_SNAKE_CASE", v.file(), v.span(1), "Enum value name " + q(name)
          + " should be UPPER_SNAKE_CASE, such as " + q(expected) + ".");
    }
    String prefix = Text.upperSnake(v.parent().d().getName()) + "_";
    if (!name.startsWith(prefix)) {
      add("ENUM_VALUE_PREFIX", v.file(), v.span(1), "Enum value name " + q(name) + " should be prefixed with "
          + q(prefix) + ".");
    }
    if (v.d().getNumber() == 0) {
      String suffix = configOf.apply(v.file()).option("enum_zero_value_suffix", "_UNSPECIFIED");
      if (!name.endsWith(suffix)) {
        add("ENUM_ZERO_VALUE_SUFFIX", v.file(), v.span(1), "Enum zero value name " + q(name)
            + " should be suffixed with " + q(suffix) + ".");
      }
    }
    comment("COMMENT_ENUM_VALUE", v.file(), v.path(), "Enum value", name);
  }

  private void service(El.Service s) {
    String name = s.d().getName();
    String expected = Text.pascal(name);
    if (!name.equals(expected)) {
      add("SERVICE_PASCAL_CASE", s.file(), s.span(1), "Service name " + q(name) + " should be PascalCase, such as "
          + q(expected) + ".");
    }
    String suffix = configOf.apply(s.file()).option("service_suffix", "Service");
    if (!name.endsWith(suffix)) {
      add("SERVICE_SUFFIX", s.file(), s.span(1), "Service name " + q(name) + " should be suffixed with " + q(suffix) + ".");
    }
    comment("COMMENT_SERVICE", s.file(), s.path(), "Service", name);
  }

  private void method(El.Method m) {
    String name = m.d().getName();
    String expected = Text.pascal(name);
    if (!name.equals(expected)) {
      add("RPC_PASCAL_CASE", m.file(), m.span(1), "RPC name " + q(name) + " should be PascalCase, such as "
          + q(expected) + ".");
    }
    if (m.d().isClientStreaming()) {
      add("RPC_NO_CLIENT_STREAMING", m.file(), m.span(), "RPC " + q(name) + " is client streaming.");
    }
    if (m.d().isServerStreaming()) {
      add("RPC_NO_SERVER_STREAMING", m.file(), m.span(), "RPC " + q(name) + " is server streaming.");
    }
    CheckConfig config = configOf.apply(m.file());
    String service = m.service().d().getName();
    String input = m.d().getInputType().getFullName();
    if (!(config.flag("rpc_allow_google_protobuf_empty_requests", false) && input.equals("google.protobuf.Empty"))) {
      String simple = input.substring(input.lastIndexOf('.') + 1);
      String e1 = Text.pascal(name) + "Request";
      String e2 = Text.pascal(service) + e1;
      if (!simple.equals(e1) && !simple.equals(e2)) {
        add("RPC_REQUEST_STANDARD_NAME", m.file(), m.span(2), "RPC request type " + q(simple) + " should be named "
            + q(e1) + " or " + q(e2) + ".");
      }
    }
    String output = m.d().getOutputType().getFullName();
    if (!(config.flag("rpc_allow_google_protobuf_empty_responses", false) && output.equals("google.protobuf.Empty"))) {
      String simple = output.substring(output.lastIndexOf('.') + 1);
      String e1 = Text.pascal(name) + "Response";
      String e2 = Text.pascal(service) + e1;
      if (!simple.equals(e1) && !simple.equals(e2)) {
        add("RPC_RESPONSE_STANDARD_NAME", m.file(), m.span(3), "RPC response type " + q(simple) + " should be named "
            + q(e1) + " or " + q(e2) + ".");
      }
    }
    comment("COMMENT_RPC", m.file(), m.path(), "RPC", name);
  }

  private void requestResponseUnique() {
    if (image.methods().isEmpty()) {
      return;
    }
    Map<String, Map<String, El.Method>> byType = new TreeMap<>();
    for (El.Method m : image.methods()) {
      CheckConfig config = configOf.apply(m.file());
      boolean allowSame = config.flag("rpc_allow_same_request_response", false);
      boolean emptyReq = config.flag("rpc_allow_google_protobuf_empty_requests", false);
      boolean emptyResp = config.flag("rpc_allow_google_protobuf_empty_responses", false);
      String in = m.d().getInputType().getFullName();
      String out = m.d().getOutputType().getFullName();
      if (!allowSame && in.equals(out) && !(in.equals("google.protobuf.Empty") && emptyReq && emptyResp)) {
        add("RPC_REQUEST_RESPONSE_UNIQUE", m.file(), m.span(), "RPC " + q(m.d().getName()) + " has the same type "
            + q(in) + " for the request and response.");
      }
      for (String t : List.of(in, out)) {
        byType.computeIfAbsent(t, k -> new TreeMap<>()).put(m.d().getFullName(), m);
      }
    }
    for (var entry : byType.entrySet()) {
      String type = entry.getKey();
      Map<String, El.Method> methods = entry.getValue();
      if (methods.size() == 1) {
        continue;
      }
      El.Method any = methods.values().iterator().next();
      CheckConfig config = configOf.apply(any.file());
      boolean emptyReq = config.flag("rpc_allow_google_protobuf_empty_requests", false);
      boolean emptyResp = config.flag("rpc_allow_google_protobuf_empty_responses", false);
      if (type.equals("google.protobuf.Empty") && (emptyReq || emptyResp)) {
        if (!(emptyReq && emptyResp)) {
          List<El.Method> requests = new ArrayList<>();
          List<El.Method> responses = new ArrayList<>();
          for (El.Method m : methods.values()) {
            if (m.d().getInputType().getFullName().equals(type)) {
              requests.add(m);
            }
            if (m.d().getOutputType().getFullName().equals(type)) {
              responses.add(m);
            }
          }
          if (!emptyReq && requests.size() > 1) {
            for (El.Method m : requests) {
              add("RPC_REQUEST_RESPONSE_UNIQUE", m.file(), m.span(), q(type) + " is used as the request for multiple RPCs.");
            }
          }
          if (!emptyResp && responses.size() > 1) {
            for (El.Method m : responses) {
              add("RPC_REQUEST_RESPONSE_UNIQUE", m.file(), m.span(), q(type) + " is used as the response for multiple RPCs.");
            }
          }
        }
      } else {
        for (El.Method m : methods.values()) {
          add("RPC_REQUEST_RESPONSE_UNIQUE", m.file(), m.span(), q(type)
              + " is used as the request or response type for multiple RPCs.");
        }
      }
    }
  }
}
