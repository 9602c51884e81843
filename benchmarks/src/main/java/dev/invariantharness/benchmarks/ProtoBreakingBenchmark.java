package dev.invariantharness.benchmarks;

import dev.invariantharness.proto.CheckFinding;
import dev.invariantharness.proto.ProtoChecks;
import dev.invariantharness.proto.ProtoInput;
import dev.invariantharness.proto.internal.CompileCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code breaking} on a 500-file module against its previous version: buf's whole process, the
 * harness CLI's whole process ({@code java -jar}), and the harness in process, warm (a second
 * check in the same JVM, as in a test suite), with and without the compiled-image cache.
 *
 * <p>Needs the buf binary and the CLI jar the harness-proto build makes:
 * {@code -Dbench.buf=harness-proto/target/buf/node_modules/.bin/buf}
 * {@code -Dbench.cli=harness-proto/target/harness-proto-0.1.0-SNAPSHOT-cli.jar} (the defaults).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ProtoBreakingBenchmark {

  private static final String[] TYPES = {"string", "int64", "int32", "bool", "bytes", "double"};
  private static final String CONFIG = "version: v2\nbreaking:\n  use:\n    - FILE\n";

  private Path root;
  private Path before;
  private Path after;
  private Path buf;
  private Path cli;
  private final AtomicLong uncached = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    buf = Path.of(System.getProperty("bench.buf", "harness-proto/target/buf/node_modules/.bin/buf")).toAbsolutePath();
    cli = Path.of(System.getProperty("bench.cli", "harness-proto/target/harness-proto-0.1.0-SNAPSHOT-cli.jar")).toAbsolutePath();
    if (!Files.isExecutable(buf) || !Files.isRegularFile(cli)) {
      throw new IllegalStateException("build harness-proto first (buf at " + buf + ", CLI jar at " + cli + ")");
    }
    root = Files.createTempDirectory("proto-bench");
    before = generate(root.resolve("before"), false);
    after = generate(root.resolve("after"), true);
    int harness = ProtoChecks.breaking(ProtoInput.directory(after).load(), ProtoInput.directory(before).load()).size();
    if (harness == 0) {
      throw new IllegalStateException("the generated change must break something");
    }
  }

  /**
   * 50 packages x 10 files, each 8 messages of 12-13 fields, an enum and a service, every file
   * importing the previous one; the new version deletes one field in ~211 (138 FILE findings).
   */
  static Path generate(Path dir, boolean changed) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("buf.yaml"), CONFIG);
    for (int p = 0; p < 50; p++) {
      Path pkgDir = Files.createDirectories(dir.resolve("acme/p" + p + "/v1"));
      for (int i = 0; i < 10; i++) {
        StringBuilder sb = new StringBuilder("syntax = \"proto3\";\n\npackage acme.p" + p + ".v1;\n\n");
        if (i > 0) {
          sb.append("import \"acme/p").append(p).append("/v1/f").append(i - 1).append(".proto\";\n\n");
        }
        for (int m = 0; m < 8; m++) {
          sb.append("// Message ").append(m).append(".\nmessage M").append(i).append('x').append(m).append(" {\n");
          for (int f = 1; f <= 12; f++) {
            if (changed && (p * 7 + i * 3 + m + f) % 211 == 0) {
              continue;
            }
            sb.append("  ").append(TYPES[(p + i + m + f) % 6]).append(" field_").append(f).append(" = ").append(f).append(";\n");
          }
          if (i > 0 && m == 0) {
            sb.append("  M").append(i - 1).append("x0 prev = 20;\n");
          }
          sb.append("}\n");
        }
        sb.append("enum E").append(i).append(" {\n  E").append(i).append("_UNSPECIFIED = 0;\n  E").append(i).append("_ONE = 1;\n}\n");
        sb.append("service S").append(i).append("Service {\n  rpc Get(M").append(i).append("x1) returns (M").append(i).append("x2);\n}\n");
        Files.writeString(pkgDir.resolve("f" + i + ".proto"), sb.toString());
      }
    }
    return dir;
  }

  @Benchmark
  public int bufWholeProcess() throws Exception {
    return run(List.of(buf.toString(), "breaking", ".", "--against", before.toString(), "--error-format", "json"));
  }

  @Benchmark
  public int harnessWholeProcess() throws Exception {
    return run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", cli.toString(),
        "breaking", ".", "--against", before.toString(), "--error-format", "json"));
  }

  /** A second check in the same JVM: both directories' images come from the cache. */
  @Benchmark
  public List<CheckFinding> harnessWarmInProcess() {
    return ProtoChecks.breaking(ProtoInput.directory(after).load(), ProtoInput.directory(before).load());
  }

  /**
   * Warm JVM, the contracts changed since the last check: one file of the new version is edited
   * (a comment, so the findings stay the same) before each check. The directory's image is
   * rebuilt; protoc compiles the edited file and the four that import it, every other file's
   * descriptor comes from the per-file compile cache.
   */
  @Benchmark
  public List<CheckFinding> harnessWarmInProcessOneFileEdited() throws IOException {
    Path edited = after.resolve("acme/p25/v1/f5.proto");
    String text = Files.readString(edited);
    int mark = text.indexOf("// edit ");
    Files.writeString(edited, (mark < 0 ? text : text.substring(0, mark)) + "// edit " + uncached.incrementAndGet() + "\n");
    return ProtoChecks.breaking(ProtoInput.directory(after).load(), ProtoInput.directory(before).load());
  }

  /** Warm JVM, a new buf.yaml (a YAML comment defeats the image cache): both images rebuilt, no file recompiled. */
  @Benchmark
  public List<CheckFinding> harnessWarmInProcessNewConfig() {
    String config = CONFIG + "# " + uncached.incrementAndGet() + "\n";
    return ProtoChecks.breaking(ProtoInput.directory(after).withConfig(config).load(),
        ProtoInput.directory(before).withConfig(config).load());
  }

  /**
   * Warm JVM, nothing cached: both versions compiled by protoc (the new one in parallel runs, the
   * old one reusing the ~490 files it shares with the new one).
   */
  @Benchmark
  public List<CheckFinding> harnessWarmInProcessColdCompile() {
    CompileCache.clear();
    String config = CONFIG + "# " + uncached.incrementAndGet() + "\n";
    return ProtoChecks.breaking(ProtoInput.directory(after).withConfig(config).load(),
        ProtoInput.directory(before).withConfig(config).load());
  }

  private int run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(new ArrayList<>(command)).directory(after.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int lines = 0;
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    }
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    if (process.exitValue() != 100 || lines == 0) {
      throw new IllegalStateException("expected findings (exit 100), got exit " + process.exitValue() + ": " + command);
    }
    return lines;
  }
}
