package dev.invariantharness.benchmarks;

import dev.invariantharness.scan.RepoScan;
import dev.invariantharness.scan.ScanHit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code RepoScan.grep} against {@code grep -rE} over the same generated 50,000-file tree and
 * the same pattern (see {@link #regex}).
 *
 * <p>The tree: 20 top-level modules, nested three levels deep, 1,000 leaf directories of 50
 * files. Most files are small source-like text (0.2–4 KiB), 9% medium (4–32 KiB), 1% large
 * (64–512 KiB), about 100 are binary (NUL bytes); about one file in 300 holds a match. 2,500 of
 * the files sit in {@code build/} and {@code node_modules/} directories that the root
 * {@code .gitignore} ignores; since grep does not read {@code .gitignore}, it gets the
 * equivalent {@code --exclude-dir=build --exclude-dir=node_modules}, and {@code -I} to skip
 * binaries as the scan does, so both search the same 47,500 files. Results and their reading
 * are in {@code benchmarks/README.md}.
 *
 * <pre>
 * ./mvnw -Pbenchmarks -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar RepoScan -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RepoScanBenchmark {

  static final int FILES = 50_000;

  private static final String[] WORDS = {
    "const", "let", "return", "function", "import", "export", "from", "value", "state", "topic",
    "seq", "apply", "frame", "cursor", "watermark", "client", "server", "socket", "message",
    "handler", "config", "result", "error", "if", "else", "for", "while", "new", "this", "map",
    "filter", "reduce", "async", "await", "promise", "resolve", "reject", "index", "length",
    "data", "payload", "subscribe", "publish", "replay", "session", "token", "route", "http",
    "response", "request", "header", "body", "json", "parse", "stringify", "render", "view"
  };
  private static final String[] HITS = {
    "  const source = new EventSource(url);",
    "  // fall back to SSE when the socket drops",
    "  await poll(topic, cursor);",
    "  setInterval(() => pollOnce(client), 1000);"
  };

  /**
   * The same lane written four ways. INV-03's pattern, and the same with word boundaries and a
   * group, and one with character classes: for all three the scan derives literals and
   * searches bytes for them first. The last one has no literal the scan can derive (every
   * branch starts with classes and holds no literal run), so its regex runs over every file:
   * the worst case.
   */
  @Param({
    "SSE|EventSource|poll",
    "\\b(SSE|EventSource|poll)\\b",
    "[Ee]ventSource|[Pp]oll|SSE",
    "[Ss][Ss][Ee]|[Ee]vent[Ss]ource|[Pp]oll"
  })
  public String regex;

  private Pattern pattern;
  private Path root;

  @Setup(Level.Trial)
  public void generateTree() throws IOException {
    pattern = Pattern.compile(regex);
    root = Files.createTempDirectory("repo-scan-bench");
    generate(root, new Random(42));
  }

  @TearDown(Level.Trial)
  public void deleteTree() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Benchmark
  public List<ScanHit> repoScanGrep() {
    return RepoScan.of(root).grep(pattern);
  }

  @Benchmark
  public long gnuGrep() throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("grep", "-rEnI", "--exclude-dir=build",
        "--exclude-dir=node_modules", regex, root.toString())
        .redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    Process process = pb.start();
    long bytes = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream out = process.getInputStream()) {
      for (int n; (n = out.read(buffer)) > 0; ) {
        bytes += n;
      }
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("grep did not finish in 5 minutes");
    }
    return bytes;
  }

  /** Writes the tree described in the class comment below {@code root}. */
  static void generate(Path root, Random random) throws IOException {
    Files.writeString(root.resolve(".gitignore"), "build/\nnode_modules/\n");
    int written = 0;
    int binaries = 0;
    for (int top = 0; top < 20; top++) {
      for (int mid = 0; mid < 10; mid++) {
        for (int leaf = 0; leaf < 5; leaf++) {
          int leafIndex = (top * 10 + mid) * 5 + leaf;
          // every 20th leaf directory is a build output or a dependency folder: ignored
          String dirName = leafIndex % 20 == 7 ? (leafIndex % 40 == 7 ? "build" : "node_modules/pkg")
              : "src" + leaf;
          Path dir = root.resolve("module" + top).resolve("part" + mid).resolve(dirName);
          Files.createDirectories(dir);
          for (int f = 0; f < FILES / 1000; f++) {
            Path file = dir.resolve("file" + f + (f % 3 == 0 ? ".ts" : f % 3 == 1 ? ".java" : ".md"));
            if (binaries < 100 && random.nextInt(500) == 0) {
              byte[] blob = new byte[4096 + random.nextInt(60 * 1024)];
              random.nextBytes(blob);
              blob[10] = 0;
              Files.write(file.resolveSibling("blob" + f + ".bin"), blob);
              binaries++;
            } else {
              Files.writeString(file, text(random), StandardCharsets.UTF_8);
            }
            written++;
          }
        }
      }
    }
    if (written != FILES) {
      throw new IllegalStateException("generated " + written + " files, expected " + FILES);
    }
  }

  private static String text(Random random) {
    int roll = random.nextInt(100);
    int size = roll < 90 ? 200 + random.nextInt(3900)
        : roll < 99 ? 4096 + random.nextInt(28 * 1024)
        : 64 * 1024 + random.nextInt(448 * 1024);
    boolean hit = random.nextInt(300) == 0;
    int hitAt = hit ? random.nextInt(size) : -1;
    StringBuilder sb = new StringBuilder(size + 80);
    while (sb.length() < size) {
      if (hit && sb.length() >= hitAt) {
        sb.append(HITS[random.nextInt(HITS.length)]).append('\n');
        hit = false;
      }
      int indent = random.nextInt(4) * 2;
      sb.append(" ".repeat(indent));
      int words = 3 + random.nextInt(9);
      for (int w = 0; w < words; w++) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(w + 1 < words ? ' ' : ';');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
