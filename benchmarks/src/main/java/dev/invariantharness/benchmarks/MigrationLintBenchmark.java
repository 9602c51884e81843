package dev.invariantharness.benchmarks;

import dev.invariantharness.deploy.lint.LintReport;
import dev.invariantharness.deploy.lint.MigrationLinter;
import dev.invariantharness.deploy.postgres.PostgresServers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Claim.</b> Migration lint of 500 files is no slower than {@code squawk} on the same files.
 *
 * <p>The 500 files are the parseable files of harness-deploy's differential corpus
 * ({@code harness-deploy/src/test/resources/lint-corpus}, run from the repository root),
 * repeated and renamed, each with a first comment line naming its copy and the iteration: every
 * file of every iteration is a text neither linter has seen, so the linter's content cache of
 * PostgreSQL's parse answers never helps {@link #harnessLinter}. {@link #harnessLinter} lints them
 * through the library with the shared embedded PostgreSQL already up (PostgreSQL parses them in
 * one round trip while the rules run); {@link #squawk} runs {@code squawk --reporter json} over
 * the same 500 files in one process ({@code -Dsquawk.bin=...}, default the binary the
 * harness-deploy build installs) and drains its output. {@link #harnessLinterRelint} lints 500
 * files linted once before in the same JVM (a test suite linting the same directory twice): the
 * parse answers come from the cache. The CLI's own cold start (JVM plus PostgreSQL start) is in
 * none of the figures; the README states it separately.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class MigrationLintBenchmark {

  private static final int FILES = 500;

  private Path dir;
  private List<Path> corpus;
  private final List<Path> files = new ArrayList<>();
  private final List<Path> relint = new ArrayList<>();
  private int iteration;
  private String squawk;

  @Setup(Level.Trial)
  public void corpusOf500() throws IOException {
    squawk = System.getProperty("squawk.bin",
        "harness-deploy/target/squawk/node_modules/@squawk-cli/linux-x64/bin/squawk");
    try (Stream<Path> s = Files.list(Path.of("harness-deploy/src/test/resources/lint-corpus"))) {
      corpus = s.filter(p -> !p.getFileName().toString().contains("syntax_error")).sorted().toList();
    }
    dir = Files.createTempDirectory("ih-lint-bench");
    PostgresServers.shared();
    relint.addAll(write(0));
    MigrationLinter.squawkDefaults().lint(relint);
  }

  /** 500 files no linter has seen: each starts with a comment naming its copy and the iteration. */
  @Setup(Level.Iteration)
  public void freshFiles() throws IOException {
    files.clear();
    files.addAll(write(++iteration));
  }

  private List<Path> write(int round) throws IOException {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      Path src = corpus.get(i % corpus.size());
      Path f = dir.resolve(String.format("%03d_%04d_%s", round, i, src.getFileName()));
      Files.writeString(f, "-- copy " + i + " of iteration " + round + "\n" + Files.readString(src));
      out.add(f);
    }
    return out;
  }

  @TearDown(Level.Trial)
  public void remove() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public LintReport harnessLinter() {
    return MigrationLinter.squawkDefaults().lint(files);
  }

  @Benchmark
  public LintReport harnessLinterRelint() {
    return MigrationLinter.squawkDefaults().lint(relint);
  }

  @Benchmark
  public int squawk() throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(squawk, "--reporter", "json"));
    files.forEach(f -> cmd.add(f.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (InputStream in = p.getInputStream()) {
      in.readAllBytes();
    }
    p.waitFor();
    return p.exitValue();
  }
}
