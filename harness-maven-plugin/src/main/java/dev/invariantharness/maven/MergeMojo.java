package dev.invariantharness.maven;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.gate.GateInputs;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import dev.invariantharness.report.ReportMerge;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Joins the gate reports of every module of the reactor (or of explicitly listed report
 * directories, e.g. downloaded CI shards) into one decision, judged with the same inputs as a
 * module's run ({@code FAIL_ON_REQUIRED_FAILURE}, {@code invariant.harness.gate}, the coverage rule,
 * from {@code -D} or the environment; each module's accepted mitigations), and fails exactly when
 * that decision blocks the gate asked for in gating mode.
 *
 * <pre>
 * ./mvnw verify dev.invariantharness:harness-maven-plugin:merge
 * ./mvnw dev.invariantharness:harness-maven-plugin:merge -Dinvariant.harness.reports=shard1,shard2
 * </pre>
 */
@Mojo(name = "merge", aggregator = true, threadSafe = true)
public class MergeMojo extends AbstractMojo {

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /** Report roots or directories to merge; default: every reactor module's report root. */
  @Parameter(property = "invariant.harness.reports")
  private List<File> reports;

  /** Where the merged report goes. */
  @Parameter(property = "invariant.harness.merge.out", defaultValue = "${session.executionRootDirectory}/target/invariant-reports-merged")
  private File outputDirectory;

  /** A mitigation file to judge the merged run with, beside the modules' accepted mitigations. */
  @Parameter(property = "invariant.harness.mitigations")
  private File mitigations;

  /** Fail when there is no report to merge (default): a merged gate that judged nothing must not pass. */
  @Parameter(property = "invariant.harness.failIfNoReport", defaultValue = "true")
  boolean failIfNoReport;

  /** A catalogue file extending the default catalogue. */
  @Parameter(property = "invariant.harness.catalogue")
  private File catalogue;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    List<Path> inputs = new ArrayList<>();
    if (reports != null && !reports.isEmpty()) {
      reports.forEach(f -> inputs.add(f.toPath()));
    } else {
      for (MavenProject p : session.getProjects()) {
        Path root = Path.of(p.getBuild().getDirectory(), "invariant-reports");
        if (Files.isRegularFile(root.resolve("latest").resolve("summary.json"))) {
          inputs.add(root);
        }
      }
    }
    if (inputs.isEmpty()) {
      String message = "Invariant gate merge: no module of this build wrote a gate report to merge (did any @InvariantTest"
          + " suite run?); pass -Dinvariant.harness.failIfNoReport=false where that is expected";
      if (failIfNoReport) {
        throw new MojoFailureException(message);
      }
      getLog().info(message);
      return;
    }
    try {
      Path written = ReportMerge.merge(inputs, gateInputs().policy(), outputDirectory.toPath(), UnaryOperator.identity());
      GateReport report = GateReportJson.read(written.resolve("summary.json"));
      getLog().info("Merged " + inputs.size() + " gate report(s): " + report.decision().headline() + " — " + written.resolve("SUMMARY.md"));
      if (report.decision().failsBuild()) {
        throw new MojoFailureException("Invariant gate " + report.decision().headline() + "; see " + written.resolve("SUMMARY.md"));
      }
    } catch (HarnessInputException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * The same gate inputs as a module's run: mode ({@code FAIL_ON_REQUIRED_FAILURE}), gate and
   * coverage rule from {@code -D} (the session's properties) or the environment, as the test JVMs
   * read them; the files configured here resolved against the project, not the working directory.
   */
  private GateInputs gateInputs() {
    Map<String, String> properties = new LinkedHashMap<>();
    for (Properties p : new Properties[] {session.getSystemProperties(), session.getUserProperties()}) {
      if (p != null) {
        p.stringPropertyNames().forEach(k -> properties.put(k, p.getProperty(k)));
      }
    }
    if (mitigations != null) {
      properties.put(HarnessConfiguration.MITIGATIONS, mitigations.getAbsolutePath());
    }
    if (catalogue != null) {
      properties.put(HarnessConfiguration.CATALOGUE, catalogue.getAbsolutePath());
    }
    return GateInputs.from(HarnessConfiguration.of(Map.of(), properties, System.getenv()));
  }
}
