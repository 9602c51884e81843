package dev.invariantharness.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.invariantharness.internal.InvariantReportListener;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apiguardian.api.API;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs invariant suites inside a test, through a real JUnit launcher with the harness's report
 * listener, into a report directory of the caller's own, and hands back the gate report. This is
 * how a team proves its gates can fail: run the suite against a deliberately broken target and
 * assert the NO-GO, the invariant and the message — while the build itself stays green.
 *
 * <pre>{@code
 * @Test
 * void sseLaneIsCaught(@TempDir Path reports) {
 *   GateRun.Outcome out = GateRun.into(reports)
 *       .with("invariant.examples.variant", "sse-lane")
 *       .run(ControlServiceGates.class);
 *   assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
 * }
 * }</pre>
 *
 * <p>For JUnit's own events, use {@code EngineTestKit} from {@code junit-platform-testkit}; it
 * bypasses launcher listeners, so it writes no report.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GateRun {

  /**
   * What one run produced.
   *
   * @param report the gate report {@code latest} points to, or null when no invariant test ran
   * @param reportDir the {@code latest} report directory
   * @param summary JUnit's execution summary
   */
  public record Outcome(GateReport report, Path reportDir, TestExecutionSummary summary) {

    /** The content of a report file, e.g. {@code results.tsv}. */
    public String file(String name) {
      try {
        return Files.readString(reportDir.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Path reportRoot;
  private final Map<String, String> config = new HashMap<>();

  private GateRun(Path reportRoot) {
    this.reportRoot = reportRoot;
    config.put("invariant.harness.report.dir", reportRoot.toString());
    config.put("invariant.harness.report.enabled", "true");
    config.put("invariant.harness.run-id", "gaterun-" + UUID.randomUUID());
    // A gate run holds a few suites, not the build: whether every invariant is covered is the
    // build's question. Set invariant.harness.require-coverage to judge it here too.
    config.put("invariant.harness.require-coverage", "false");
  }

  /** A run writing its reports under {@code reportRoot}, as a run of its own. */
  public static GateRun into(Path reportRoot) {
    return new GateRun(reportRoot);
  }

  /** Adds a JUnit configuration parameter (harness settings, target variants, parallelism). */
  public GateRun with(String key, String value) {
    config.put(key, value);
    return this;
  }

  /** Runs the classes and reads the report. */
  public Outcome run(Class<?>... classes) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toList())
        .configurationParameters(config)
        .build();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestExecutionListenerAutoRegistration(false)
        .addTestExecutionListeners(new InvariantReportListener(), summary)
        .build());
    launcher.execute(request);
    Path latest = reportRoot.resolve("latest");
    Path json = latest.resolve("summary.json");
    return new Outcome(Files.exists(json) ? GateReportJson.read(json) : null, latest, summary.getSummary());
  }
}
