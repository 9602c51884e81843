package dev.invariantharness;

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
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs sample suites through a real launcher with the harness's report listener, the way Surefire
 * and IDEs do, into a report directory of the test's own.
 */
public final class SampleRun {

  /** What one run produced. */
  public record Outcome(GateReport report, Path reportDir, TestExecutionSummary summary) {
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

  private SampleRun(Path reportRoot) {
    this.reportRoot = reportRoot;
    config.put("invariant.harness.report.dir", reportRoot.toString());
    config.put("invariant.harness.report.enabled", "true");
    config.put("invariant.harness.run-id", "sample-" + UUID.randomUUID());
  }

  /** A run writing under {@code reportRoot}. */
  public static SampleRun into(Path reportRoot) {
    return new SampleRun(reportRoot);
  }

  /** Adds a configuration parameter. */
  public SampleRun with(String key, String value) {
    config.put(key, value);
    return this;
  }

  /** Runs the classes and reads the report that {@code latest} points to. */
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
    GateReport report = Files.exists(latest.resolve("summary.json")) ? GateReportJson.read(latest.resolve("summary.json")) : null;
    return new Outcome(report, latest, summary.getSummary());
  }
}
