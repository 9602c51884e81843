package dev.invariantharness.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.invariantharness.internal.InvariantReportListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claim (issue 9): {@code @InvariantTest} with its report costs at most 1.10× the same suite with
 * a no-op extension of the harness's shape, and at most 10 µs more per test, at 1,000 and at
 * 10,000 methods.
 *
 * <p>The suites are generated and compiled at setup ({@link #methods} distinct methods each, no committed
 * generated code) and run through the same launcher; the invariant run also has the harness's
 * report listener, which writes the full report (parts, tsv, md, json, html) every iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class InvariantTestOverheadBenchmark {

  /** Methods per suite: the cost per test must not grow with the suite. */
  @Param({"1000", "10000"})
  public int methods;

  /**
   * {@code isolated}: each fork runs only the suite it measures, so JUnit's calls into extensions
   * see one or two classes and the JIT inlines them, which favours suites with fewer extension
   * classes (the no-op floor most). {@code shared}: before measuring, every suite runs a few
   * times in the fork, as in a real test JVM where JUnit's own extensions and the project's meet
   * the same call sites, so every suite is measured with the same compiled JUnit.
   */
  @Param({"isolated", "shared"})
  public String jit;

  private Path work;
  private URLClassLoader loader;
  private Class<?> plain;
  private Class<?> invariant;
  private Class<?> annotatedPlain;
  private Class<?> noOpExtension;
  private Class<?> noOpCapabilities;
  private Class<?> plainWithBody;
  private Class<?> invariantWithBody;
  private Launcher launcher;
  private Launcher reportingLauncher;

  @Setup(Level.Trial)
  public void compileSuites() throws Exception {
    work = Files.createTempDirectory("ih-overhead");
    Path src = work.resolve("src/bench");
    Files.createDirectories(src);
    write(src.resolve("PlainSuite.java"), methods, "", "");
    write(src.resolve("InvariantSuite.java"), methods, "@dev.invariantharness.InvariantTest(lane = \"bench\")\n",
        "@dev.invariantharness.Verifies(\"INV-01\") ");
    write(src.resolve("AnnotatedPlainSuite.java"), methods, "", "@dev.invariantharness.Verifies(\"INV-01\") ");
    write(src.resolve("NoOpExtensionSuite.java"), methods,
        "@org.junit.jupiter.api.extension.ExtendWith(dev.invariantharness.benchmarks.NoOpExtension.class)\n",
        "@dev.invariantharness.Verifies(\"INV-01\") ");
    write(src.resolve("NoOpCapabilitiesSuite.java"), methods,
        "@dev.invariantharness.benchmarks.NoOpCapabilities(lane = \"bench\")\n", "@dev.invariantharness.Verifies(\"INV-01\") ");
    // A test that does anything: 1 ms of work, about a loopback HTTP call, spun rather than slept
    // so the body costs the same in both suites whatever the scheduler does with sleeps.
    String body = "{ long end = System.nanoTime() + 1_000_000L; while (System.nanoTime() < end) { Thread.onSpinWait(); } }";
    write(src.resolve("PlainBodySuite.java"), methods, "", "", body);
    write(src.resolve("InvariantBodySuite.java"), methods, "@dev.invariantharness.InvariantTest(lane = \"bench\")\n",
        "@dev.invariantharness.Verifies(\"INV-01\") ", body);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
        src.resolve("PlainSuite.java").toString(), src.resolve("InvariantSuite.java").toString(),
        src.resolve("AnnotatedPlainSuite.java").toString(), src.resolve("NoOpExtensionSuite.java").toString(),
        src.resolve("PlainBodySuite.java").toString(), src.resolve("InvariantBodySuite.java").toString(),
        src.resolve("NoOpCapabilitiesSuite.java").toString());
    if (rc != 0) {
      throw new IllegalStateException("javac failed: " + rc);
    }
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    plain = loader.loadClass("bench.PlainSuite");
    invariant = loader.loadClass("bench.InvariantSuite");
    annotatedPlain = loader.loadClass("bench.AnnotatedPlainSuite");
    noOpExtension = loader.loadClass("bench.NoOpExtensionSuite");
    noOpCapabilities = loader.loadClass("bench.NoOpCapabilitiesSuite");
    plainWithBody = loader.loadClass("bench.PlainBodySuite");
    invariantWithBody = loader.loadClass("bench.InvariantBodySuite");
    launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    reportingLauncher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
        .addTestExecutionListeners(new InvariantReportListener()).build());
    if (jit.equals("shared")) {
      // 20,000 tests per suite: enough for the JIT to see every suite's classes at its call sites
      for (int round = 0; round < Math.max(2, 20_000 / methods); round++) {
        plainTests();
        plainTestsWithMappingAnnotation();
        plainTestsWithNoOpExtension();
        plainTestsWithNoOpCapabilities();
        invariantTestsWithoutListener();
        invariantTestsWithoutReport();
        invariantTestsWithReport();
      }
    } else if (!jit.equals("isolated")) {
      throw new IllegalArgumentException("jit must be isolated or shared, was " + jit);
    }
  }

  private static void write(Path file, int methods, String classAnnotation, String methodAnnotation) throws IOException {
    write(file, methods, classAnnotation, methodAnnotation, "{}");
  }

  private static void write(Path file, int methods, String classAnnotation, String methodAnnotation, String body)
      throws IOException {
    String name = file.getFileName().toString().replace(".java", "");
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("package bench;\n" + classAnnotation + "public class " + name + " {\n");
      for (int i = 0; i < methods; i++) {
        w.write("  @org.junit.jupiter.api.Test " + methodAnnotation + "void check" + i + "() " + body + "\n");
      }
      w.write("}\n");
    }
  }

  @Benchmark
  public long plainTests() {
    return run(launcher, plain);
  }

  @Benchmark
  public long invariantTestsWithReport() {
    return run(reportingLauncher, invariant, true);
  }

  /**
   * Splits the cost: the same plain tests carrying {@code @Verifies} but no extension, i.e. what
   * JUnit itself spends scanning one more annotation per method.
   */
  @Benchmark
  public long plainTestsWithMappingAnnotation() {
    return run(launcher, annotatedPlain);
  }

  /** Splits the cost: the extension and the listener's bookkeeping, without writing the report. */
  @Benchmark
  public long invariantTestsWithoutReport() {
    return run(reportingLauncher, invariant, false);
  }

  /**
   * The floor: the mapping annotation plus an extension of the harness's shape that does nothing,
   * i.e. what JUnit itself spends per test before the harness does any work.
   */
  @Benchmark
  public long plainTestsWithNoOpExtension() {
    return run(launcher, noOpExtension);
  }

  /**
   * The floor of the extension split by capability (issue 9, item 4): {@code @InvariantTest}'s
   * tag and four extensions of the harness's interfaces, registered the same way, doing nothing.
   */
  @Benchmark
  public long plainTestsWithNoOpCapabilities() {
    return run(launcher, noOpCapabilities);
  }

  /** Splits the cost: the extension alone, without the report listener. */
  @Benchmark
  public long invariantTestsWithoutListener() {
    return run(launcher, invariant, false);
  }

  /** Issue 9: with a 1 ms test body the harness, report included, costs at most 1.03× plain {@code @Test}. */
  @Benchmark
  public long plainTestsWithOneMillisecondBody() {
    return run(launcher, plainWithBody);
  }

  /** See {@link #plainTestsWithOneMillisecondBody()}. */
  @Benchmark
  public long invariantTestsWithOneMillisecondBodyAndReport() {
    return run(reportingLauncher, invariantWithBody, true);
  }

  private long run(Launcher l, Class<?> suite) {
    return run(l, suite, true);
  }

  private long run(Launcher l, Class<?> suite, boolean report) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(suite))
        .configurationParameter("invariant.harness.report.dir", work.resolve("reports").toString())
        .configurationParameter("invariant.harness.run-id", "bench")
        .configurationParameter("invariant.harness.report.enabled", String.valueOf(report))
        .build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    l.execute(request, summary);
    if (summary.getSummary().getTestsSucceededCount() != methods) {
      throw new IllegalStateException("expected " + methods + " passing tests: " + summary.getSummary().getTestsSucceededCount());
    }
    return summary.getSummary().getTestsSucceededCount();
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws IOException {
    loader.close();
    try (Stream<Path> walk = Files.walk(work)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      // best effort
    }
  }
}
