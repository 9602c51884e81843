package dev.invariantharness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.proto.cli.ProtoCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The specification of this module: for every case of the corpus ({@code src/test/corpus}), buf
 * (from npm, pinned) and the harness's CLI find the same set of (rule id, path, start line, start
 * column) and end in the same exit class (clean / findings / failure).
 *
 * <p>A case is a directory with {@code before/} and {@code after/} (breaking: {@code after}
 * against {@code before}) or {@code input/} (lint); an optional {@code config.yaml} is passed to
 * both as {@code --config}. A case with a {@code known-difference.txt} documents a divergence the
 * harness keeps on purpose: it must still diverge (in keys, exit class or messages), else the
 * note is stale and the test fails.
 */
class BufDifferentialTest {

  private static final Path CORPUS = Path.of(System.getProperty("invariant.proto.corpus", "src/test/corpus"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path STAGED = Path.of("target/corpus-staged").toAbsolutePath();
  /** buf runs are short processes, mostly start-up: four at a time overlap well even on two cores. */
  private static final ExecutorService BUF_POOL = Executors.newFixedThreadPool(4);
  private static final Map<Path, Future<BufReference.Outcome>> BUF_RUNS = new ConcurrentHashMap<>();

  @AfterAll
  static void stopPool() {
    BUF_POOL.shutdownNow();
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusCaseAgreesWithBuf() throws IOException {
    assumeTrue(BufReference.available(), "buf is installed by the build (npm ci in target/buf)");
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> list = Files.list(CORPUS)) {
      for (Path c : list.filter(Files::isDirectory).sorted().toList()) {
        cases.add(staged(c));
      }
    }
    // buf runs in the background, four at a time, while the harness checks case after case
    for (Path c : cases) {
      BUF_RUNS.put(c, BUF_POOL.submit(() -> BufReference.run(c, bufArgs(c), workingDir(c))));
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> agree(c)));
  }

  /**
   * A case marked {@code protovalidate.txt} imports {@code buf/validate/validate.proto}: it runs
   * from a copy under {@code target/corpus-staged} with the validate.proto the build fetched
   * ({@code build.buf:protovalidate} from Maven Central ships it) added to each side.
   */
  static Path staged(Path c) throws IOException {
    if (!Files.exists(c.resolve("protovalidate.txt"))) {
      return c;
    }
    byte[] validate;
    try (var in = BufDifferentialTest.class.getClassLoader().getResourceAsStream("buf/validate/validate.proto")) {
      assertThat(in).as("buf/validate/validate.proto on the test classpath (build.buf:protovalidate)").isNotNull();
      validate = in.readAllBytes();
    }
    Path target = STAGED.resolve(c.getFileName().toString());
    dev.invariantharness.proto.internal.GitTree.delete(target);
    try (Stream<Path> walk = Files.walk(c)) {
      for (Path p : walk.toList()) {
        Path copy = target.resolve(c.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(p, copy);
        }
      }
    }
    for (String side : List.of("input", "before", "after")) {
      if (Files.isDirectory(target.resolve(side))) {
        Path file = target.resolve(side).resolve("buf/validate/validate.proto");
        Files.createDirectories(file.getParent());
        Files.write(file, validate);
      }
    }
    return target;
  }

  static boolean isBreaking(Path c) {
    return Files.isDirectory(c.resolve("after"));
  }

  static Path workingDir(Path c) {
    return isBreaking(c) ? c.resolve("after") : c.resolve("input");
  }

  static List<String> bufArgs(Path c) {
    List<String> args = new ArrayList<>();
    if (isBreaking(c)) {
      args.addAll(List.of("breaking", ".", "--against", c.resolve("before").toAbsolutePath().toString()));
    } else {
      args.addAll(List.of("lint", "."));
    }
    args.addAll(List.of("--error-format", "json"));
    if (Files.exists(c.resolve("config.yaml"))) {
      args.addAll(List.of("--config", c.resolve("config.yaml").toAbsolutePath().toString()));
    }
    return args;
  }

  static BufReference.Outcome harness(Path c) {
    List<String> args = new ArrayList<>(bufArgs(c));
    args.set(1, workingDir(c).toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ProtoCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new BufReference.Outcome(exit, out.toString().lines().filter(l -> !l.isBlank()).toList(), err.toString());
  }

  private static void agree(Path c) throws Exception {
    Path known = c.resolve("known-difference.txt");
    BufReference.Outcome buf = BUF_RUNS.get(c).get();
    if (Files.exists(known)) {
      // a documented divergence must still diverge; if it stops, the note is stale
      BufReference.Outcome ours = harness(c);
      boolean agrees = keys(ours).equals(keys(buf)) && ours.exitClass().equals(buf.exitClass())
          && (keys(buf).stream().anyMatch(k -> k.startsWith("COMPILE ")) || messages(ours).equals(messages(buf)));
      assertThat(agrees)
          .as("%s is listed as a known difference but now agrees with buf: delete %s", c.getFileName(), known)
          .isFalse();
      assumeTrue(false, Files.readString(known).strip());
    }
    BufReference.Outcome ours = harness(c);
    TreeSet<String> bufKeys = keys(buf);
    TreeSet<String> ourKeys = keys(ours);
    String report = "case " + c.getFileName() + "\n--- buf (exit " + buf.exit() + ")\n" + String.join("\n", buf.lines())
        + "\n" + buf.stderr().strip() + "\n--- harness (exit " + ours.exit() + ")\n" + String.join("\n", ours.lines())
        + "\n" + ours.stderr().strip();
    assertThat(ourKeys).as(report).isEqualTo(bufKeys);
    assertThat(ours.exitClass()).as(report).isEqualTo(buf.exitClass());
    if (!bufKeys.contains("COMPILE")) {
      assertThat(messages(ours)).as(report).isEqualTo(messages(buf));
    }
  }

  /** Findings with their messages and end positions: the text tools reading buf's output see. */
  private static TreeSet<String> messages(BufReference.Outcome outcome) throws IOException {
    TreeSet<String> all = new TreeSet<>();
    for (String line : outcome.lines()) {
      JsonNode node = JSON.readTree(line);
      if (!node.path("type").asText().equals("COMPILE")) {
        all.add(node.toString());
      }
    }
    return all;
  }

  private static TreeSet<String> keys(BufReference.Outcome outcome) throws IOException {
    TreeSet<String> keys = new TreeSet<>();
    for (String line : outcome.lines()) {
      JsonNode node = JSON.readTree(line);
      keys.add(node.path("type").asText() + " " + node.path("path").asText("") + ":"
          + node.path("start_line").asInt() + ":" + node.path("start_column").asInt());
    }
    return keys;
  }
}
