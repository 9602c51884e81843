package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.ExtensionRegistry;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code protoc} from Maven Central (the OS-classified {@code com.google.protobuf:protoc}
 * executable, as protobuf-maven-plugin uses it) to compile sources into a descriptor set with
 * source info. Resolution order: system property {@code invariant.proto.protoc} or environment
 * {@code INVARIANT_PROTOC} (a path), the local Maven repository, then a bounded download from
 * Maven Central into the local Maven repository's layout.
 */
public final class Protoc {

  /** The protoc release this harness is tested against; the Maven version of protoc 36.2. */
  public static final String VERSION = "4.36.2";

  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(120);
  private static volatile Path wellKnownTypes;

  private final Path executable;

  private Protoc(Path executable) {
    this.executable = executable;
  }

  /** The protoc found by the resolution order in the class comment. */
  public static Protoc resolve() {
    String configured = System.getProperty("invariant.proto.protoc", System.getenv("INVARIANT_PROTOC"));
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isRegularFile(path)) {
        throw new HarnessInputException(configured, "protoc not found (invariant.proto.protoc / INVARIANT_PROTOC)");
      }
      return new Protoc(executable(path));
    }
    String classifier = classifier();
    Path repo = Path.of(System.getProperty("maven.repo.local",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    Path local = repo.resolve("com/google/protobuf/protoc/" + VERSION + "/protoc-" + VERSION + "-" + classifier + ".exe");
    if (!Files.isRegularFile(local)) {
      download(classifier, local);
    }
    return new Protoc(executable(local));
  }

  /** A protoc at an explicit path. */
  public static Protoc at(Path executable) {
    return new Protoc(executable(executable));
  }

  public Path executable() {
    return executable;
  }

  private static final java.util.Set<Path> VERIFIED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static Path executable(Path path) {
    if (!Files.isExecutable(path) && !path.toFile().setExecutable(true)) {
      throw new HarnessInputException(path.toString(), "protoc is not executable and cannot be made executable");
    }
    if (!VERIFIED.contains(path)) {
      String version;
      try {
        version = new Protoc(path).run(List.of(path.toString(), "--version"), path.toAbsolutePath().getParent());
      } catch (IOException | RuntimeException e) {
        throw new HarnessInputException(path.toString(), "protoc could not run: " + e.getMessage().strip());
      }
      if (!version.startsWith("libprotoc ")) {
        throw new HarnessInputException(path.toString(), "is not a working protoc (--version printed \""
            + version.strip() + "\")");
      }
      VERIFIED.add(path);
    }
    return path;
  }

  static String classifier() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.contains("mac") ? "osx" : os.contains("win") ? "windows" : "linux";
    String archPart = arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
    return osPart + "-" + archPart;
  }

  private static void download(String classifier, Path target) {
    String url = "https://repo1.maven.org/maven2/com/google/protobuf/protoc/" + VERSION + "/protoc-" + VERSION
        + "-" + classifier + ".exe";
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<InputStream> response = client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(DOWNLOAD_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new HarnessInputException(url, "protoc download answered HTTP " + response.statusCode());
      }
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), "protoc", ".part");
      try (InputStream in = response.body()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new HarnessInputException(url, "protoc could not be downloaded: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessInputException(url, "interrupted while downloading protoc");
    }
  }

  /**
   * Compiles {@code files} (paths relative to one of {@code roots}) into a descriptor set with
   * source info and every import. The well-known types shipped in protobuf-java are on the
   * include path after {@code roots}.
   */
  public FileDescriptorSet compile(List<Path> roots, List<String> files) {
    if (files.isEmpty()) {
      return FileDescriptorSet.getDefaultInstance();
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("invariant-protoc");
      Path out = work.resolve("image.binpb");
      List<String> command = new ArrayList<>();
      command.add(executable.toString());
      for (Path root : roots) {
        command.add("--proto_path=" + root.toAbsolutePath());
      }
      command.add("--proto_path=" + wellKnownTypes());
      command.add("--include_imports");
      command.add("--include_source_info");
      command.add("--descriptor_set_out=" + out);
      Path argFile = work.resolve("files.txt");
      Files.write(argFile, files, StandardCharsets.UTF_8);
      command.add("@" + argFile);
      String output = runRaw(command, roots.get(0));
      if (output != null || !Files.exists(out)) {
        throw new CompileFailure(output == null ? "protoc wrote no descriptor set" : output);
      }
      return parse(out);
    } catch (IOException e) {
      throw new HarnessInputException(roots.get(0).toString(), "protoc could not run: " + e.getMessage());
    } finally {
      deleteQuietly(work);
    }
  }

  /**
   * Runs a generator over {@code files} ({@code outArgs} such as {@code --java_out=DIR} or a
   * {@code --plugin=} and its {@code --X_out=}); a compile error throws {@link CompileFailure}.
   */
  public void generate(List<Path> roots, List<String> files, List<String> outArgs) {
    Path work = null;
    try {
      work = Files.createTempDirectory("invariant-protoc");
      List<String> command = new ArrayList<>();
      command.add(executable.toString());
      for (Path root : roots) {
        command.add("--proto_path=" + root.toAbsolutePath());
      }
      command.add("--proto_path=" + wellKnownTypes());
      command.addAll(outArgs);
      Path argFile = work.resolve("files.txt");
      Files.write(argFile, files, StandardCharsets.UTF_8);
      command.add("@" + argFile);
      String output = runRaw(command, roots.get(0));
      if (output != null) {
        throw new CompileFailure(output);
      }
    } catch (IOException e) {
      throw new HarnessInputException(roots.get(0).toString(), "protoc could not run: " + e.getMessage());
    } finally {
      deleteQuietly(work);
    }
  }

  /** protoc rejected the sources; {@code output} is what it printed. */
  public static final class CompileFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompileFailure(String output) {
      super(output, null, false, false);
    }
  }

  /** Runs protoc; returns null on success, its output when it exits non-zero. */
  private String runRaw(List<String> command, Path workingDirectory) throws IOException {
    try {
      run(command, workingDirectory);
      return null;
    } catch (NonZero e) {
      return e.getMessage();
    }
  }

  private static final class NonZero extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NonZero(String output) {
      super(output, null, false, false);
    }
  }

  /** Runs protoc with {@code args}; returns its output, throws when it fails. */
  public String run(List<String> command, Path workingDirectory) throws IOException {
    Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    try {
      if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new HarnessInputException(workingDirectory.toString(), "protoc did not finish within " + RUN_TIMEOUT);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new HarnessInputException(workingDirectory.toString(), "interrupted while protoc ran");
    }
    String text = new String(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new NonZero(text);
    }
    return text;
  }

  static FileDescriptorSet parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return FileDescriptorSet.parseFrom(in, ExtensionRegistry.getEmptyRegistry());
    }
  }

  /** The google/protobuf/*.proto files protobuf-java ships, extracted once per JVM. */
  public static Path wellKnownTypes() throws IOException {
    Path cached = wellKnownTypes;
    if (cached != null) {
      return cached;
    }
    synchronized (Protoc.class) {
      if (wellKnownTypes == null) {
        Path dir = Files.createTempDirectory("invariant-wkt");
        Path google = Files.createDirectories(dir.resolve("google/protobuf"));
        for (String name : List.of("any", "api", "descriptor", "duration", "empty", "field_mask",
            "source_context", "struct", "timestamp", "type", "wrappers", "cpp_features", "java_features",
            "go_features", "compiler/plugin")) {
          try (InputStream in = Protoc.class.getClassLoader().getResourceAsStream("google/protobuf/" + name + ".proto")) {
            if (in != null) {
              Path target = google.resolve(name + ".proto");
              Files.createDirectories(target.getParent());
              Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
        wellKnownTypes = dir;
      }
      return wellKnownTypes;
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
