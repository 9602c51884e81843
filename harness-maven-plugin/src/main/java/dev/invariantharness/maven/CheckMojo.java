package dev.invariantharness.maven;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the module's gate report says NO-GO in gating mode, the way
 * {@code jacoco:check} fails on coverage. Surefire already fails on a failed test; this goal also
 * catches what no test failure shows: a required check that was {@code @Disabled} or skipped, an
 * unmapped test in baseline-less runs, a rejected mitigation, a required coverage gap.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.invariantharness</groupId>
 *   <artifactId>harness-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>check</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

  /** The report root the tests wrote to. */
  @Parameter(property = "invariant.harness.report.dir", defaultValue = "${project.build.directory}/invariant-reports")
  File reportDirectory;

  /** Fail when the tests wrote no report (e.g. every invariant suite was filtered out). */
  @Parameter(property = "invariant.harness.failIfNoReport", defaultValue = "false")
  boolean failIfNoReport;

  /**
   * Fail when the report holds fewer rows than this: guards against a gate that passes because
   * its suites were filtered out or a fork's rows went missing.
   */
  @Parameter(property = "invariant.harness.minimumChecks", defaultValue = "0")
  int minimumChecks;

  /** Skip the check. */
  @Parameter(property = "invariant.harness.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("invariant gate check skipped");
      return;
    }
    Path summary = reportDirectory.toPath().resolve("latest").resolve("summary.json");
    if (!Files.isRegularFile(summary)) {
      String message = "no invariant gate report at " + summary + " (did any @InvariantTest suite run?)";
      if (failIfNoReport) {
        throw new MojoFailureException(message);
      }
      getLog().info(message);
      return;
    }
    GateReport report;
    try {
      report = GateReportJson.read(summary);
    } catch (HarnessInputException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    GateDecision decision = report.decision();
    String where = reportDirectory.toPath().resolve("latest").resolve("SUMMARY.md").toString();
    getLog().info("Invariant gate: " + decision.headline() + " (" + report.results().size() + " checks) — " + where);
    decision.warnings().forEach(w -> getLog().warn(w));
    if (report.results().size() < minimumChecks) {
      throw new MojoFailureException("Invariant gate report " + summary + " holds " + report.results().size()
          + " checks, fewer than the required minimum of " + minimumChecks + " (were suites filtered out, or did a fork's rows go missing?)");
    }
    decision.rejectedMitigations().forEach(r -> getLog().error(r));
    if (decision.failsBuild()) {
      StringBuilder sb = new StringBuilder("Invariant gate ").append(decision.headline()).append(":");
      for (Blocker b : decision.blockers()) {
        sb.append("\n  - ").append(b.checkId());
        if (!b.invariant().isEmpty()) {
          sb.append(" [").append(b.invariant()).append(", ").append(b.escalation().id()).append("]");
        }
        sb.append(": ").append(b.reason());
      }
      sb.append("\nReport: ").append(where);
      throw new MojoFailureException(sb.toString());
    }
  }
}
