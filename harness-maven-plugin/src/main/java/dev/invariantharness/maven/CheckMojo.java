package dev.invariantharness.maven;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.Gate;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.internal.ForkMarkers;
import dev.invariantharness.internal.RunIdentity;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import dev.invariantharness.report.ReportWriter;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.GateInputs;
import dev.invariantharness.gate.GatePolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import dev.invariantharness.report.internal.FileTrees;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build exactly when this build's gate decision blocks the gate asked for, the way
 * {@code jacoco:check} fails on coverage, and refuses to judge anything but a complete report of
 * this build:
 *
 * <ul>
 *   <li>no report, or a report another build wrote (stale): fail, naming the report;
 *   <li>tests skipped ({@code -DskipTests}, {@code -Dmaven.test.skip}): fail — a decision needs
 *       the tests; {@code -Dinvariant.harness.skip} skips the gate as well;
 *   <li>a test JVM that died mid-run: the report is incomplete, fail naming the classes;
 *   <li>a filtered run ({@code -Dtest=...}) is partial: judged for the merge gate with a warning,
 *       refused for the release gate;
 *   <li>otherwise NO-GO fails the build when it blocks the gate asked for
 *       ({@code -Dinvariant.harness.gate=merge|release}, merge by default) in gating mode; never in
 *       baseline mode ({@code FAIL_ON_REQUIRED_FAILURE=0}). This also catches what no test failure
 *       shows: a {@code @Disabled} required check, a coverage gap, a rejected mitigation.
 * </ul>
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

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  /** The report root the tests wrote to. */
  @Parameter(property = "invariant.harness.report.dir", defaultValue = "${project.build.directory}/invariant-reports")
  File reportDirectory;

  /**
   * Fail when this build wrote no report (default). Set {@code false} for a module that inherits
   * the plugin but holds no {@code @InvariantTest} suite.
   */
  @Parameter(property = "invariant.harness.failIfNoReport", defaultValue = "true")
  boolean failIfNoReport;

  /**
   * Fail when the report holds fewer rows than this: guards against a gate that passes because
   * its suites were filtered out or a fork's rows went missing.
   */
  @Parameter(property = "invariant.harness.minimumChecks", defaultValue = "0")
  int minimumChecks;

  /** The gate this build decides: {@code merge} (default) or {@code release}. */
  @Parameter(property = "invariant.harness.gate", defaultValue = "merge")
  String gate;

  /** Judge a report an earlier build wrote (e.g. a gate step after a separate test step). */
  @Parameter(property = "invariant.harness.allowStaleReport", defaultValue = "false")
  boolean allowStaleReport;

  /** Let the release gate judge a filtered ({@code -Dtest=...}) run. */
  @Parameter(property = "invariant.harness.allowPartialRun", defaultValue = "false")
  boolean allowPartialRun;

  /** Skip the check. */
  @Parameter(property = "invariant.harness.skip", defaultValue = "false")
  boolean skip;

  /** The check id of the gate's coverage blockers. */
  static final String COVERAGE_CHECK = "(coverage)";

  /** The build identity this JVM's test forks record in their reports. */
  String thisBuild = RunIdentity.ofMaven(ProcessHandle.current());

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("invariant gate check skipped (invariant.harness.skip)");
      return;
    }
    Gate asked = gate();
    Path root = reportDirectory.toPath();
    Path summary = root.resolve("latest").resolve("summary.json");
    String skippedBy = testsSkippedBy();
    if (skippedBy != null) {
      throw new MojoFailureException("Invariant gate: tests were skipped (" + skippedBy + "), so this build made no gate"
          + " decision; judging " + summary + " would judge an earlier build. Run the tests, or pass"
          + " -Dinvariant.harness.skip=true to skip the gate as well.");
    }
    if (!Files.isRegularFile(summary)) {
      String message = "Invariant gate: this build wrote no report at " + summary + ". Did any @InvariantTest suite run?"
          + " Surefire runs only classes its includes match (by default **/Test*.java, **/*Test.java, **/*Tests.java,"
          + " **/*TestCase.java); if the tests did run, the test output says why the report could not be written."
          + " For a module without invariant suites set invariant.harness.failIfNoReport=false.";
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
    String build = report.environment().get(RunIdentity.BUILD_KEY);
    if (!thisBuild.equals(build) && !allowStaleReport) {
      String message = "Invariant gate: " + summary + " was written by another build (" + (build == null ? "unknown" : build)
          + ", run " + report.runId() + "), not by this one (" + thisBuild + "): it is stale. Either no @InvariantTest"
          + " suite ran in this build, or its report could not be written (see the test output)."
          + " Pass -Dinvariant.harness.allowStaleReport=true to judge it anyway.";
      if (failIfNoReport) {
        throw new MojoFailureException(message);
      }
      getLog().warn(message);
      return;
    }
    List<ForkMarkers.Marker> dead = deadForks(root, report.runId(), build == null ? thisBuild : build);
    if (dead.isEmpty()) {
      cleanUp(root, report.runId());
    }
    GateDecision decision = report.decision();
    String where = root.resolve("latest").resolve("SUMMARY.md").toString();
    String filter = filteredBy();
    String partial = filter == null ? "" : " — partial run (" + filter + "): " + report.results().size() + " checks";
    if (!dead.isEmpty()) {
      // Before the report's own headline: an incomplete report's GO must not be printed as the gate's.
      String reported = decision.headline();
      String rewritten = markIncomplete(root, report, dead);
      StringBuilder sb = new StringBuilder("Invariant gate NO-GO: the report is incomplete:");
      dead.forEach(m -> sb.append("\n  - ").append(m.describe()));
      sb.append("\nThe JVMs that did report said ").append(reported).append("; the report now says so too: ").append(rewritten);
      throw new MojoFailureException(sb.toString());
    }
    getLog().info("Invariant gate: " + decision.headline() + " (" + report.results().size() + " checks)" + partial + " — " + where);
    decision.warnings().forEach(w -> getLog().warn(w));
    decision.rejectedMitigations().forEach(r -> getLog().error(r));
    if (filter != null && asked == Gate.RELEASE && !allowPartialRun) {
      throw new MojoFailureException("Invariant gate: a filtered run (" + filter + ") judged " + report.results().size()
          + " checks; the release gate needs the whole suite. Run without the filter, or pass"
          + " -Dinvariant.harness.allowPartialRun=true.");
    }
    if (report.results().size() < minimumChecks) {
      throw new MojoFailureException("Invariant gate report " + summary + " holds " + report.results().size()
          + " checks, fewer than the required minimum of " + minimumChecks + " (were suites filtered out, or did a fork's rows go missing?)");
    }
    // A filtered run holds some checks, not the suite: whether every invariant is covered is the
    // whole run's question, so a partial run is judged on what it ran.
    List<Blocker> blocking = decision.blockers().stream()
        .filter(b -> filter == null || !b.checkId().equals(COVERAGE_CHECK))
        .filter(b -> asked.blockedBy(b.scope()))
        .toList();
    if (filter != null && blocking.size() < decision.blockers().size()
        && decision.blockers().stream().anyMatch(b -> b.checkId().equals(COVERAGE_CHECK))) {
      getLog().warn("coverage is not judged on a partial run (" + filter + "); run the whole suite for that");
    }
    boolean fails = decision.mode() == GateMode.GATING && !blocking.isEmpty();
    if (fails) {
      StringBuilder sb = new StringBuilder("Invariant gate ").append(decision.headline()).append(" — the ")
          .append(asked.label()).append(" gate is blocked:");
      for (Blocker b : blocking) {
        sb.append("\n  - ").append(b.checkId());
        if (!b.invariant().isEmpty()) {
          sb.append(" [").append(b.invariant()).append(", ").append(b.escalation().id()).append("]");
        }
        sb.append(": ").append(b.reason());
      }
      sb.append("\nReport: ").append(where);
      throw new MojoFailureException(sb.toString());
    }
    if (decision.verdict() == Verdict.NO_GO) {
      getLog().warn("Invariant gate " + decision.headline() + " does not block the " + asked.label() + " gate"
          + (decision.mode() == GateMode.BASELINE ? " (baseline mode: the build never fails on invariant results)" : ""));
    }
  }

  private Gate gate() throws MojoExecutionException {
    try {
      return Gate.fromLabel(gate);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("invariant.harness.gate: " + e.getMessage());
    }
  }

  private List<ForkMarkers.Marker> deadForks(Path root, String runId, String reportBuild) throws MojoExecutionException {
    try {
      List<ForkMarkers.Marker> dead = new ArrayList<>();
      for (ForkMarkers.Marker m : ForkMarkers.markers(root.resolve(".parts").resolve(runId))) {
        // The test phase is over: a marker left by the report's build is a JVM that never reported.
        if (reportBuild.equals(m.build()) && !m.alive()) {
          dead.add(m);
        }
      }
      return dead;
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read the run markers under " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the report again with a failed required row per test JVM that died, judged with this
   * build's gate inputs, so the report on disk says NO-GO and names what is missing — not only
   * this goal's message. Returns where its SUMMARY.md is.
   */
  private String markIncomplete(Path root, GateReport report, List<ForkMarkers.Marker> dead) throws MojoExecutionException {
    List<CheckResult> rows = new ArrayList<>(report.results());
    dead.forEach(m -> rows.add(m.row()));
    try {
      GatePolicy policy = GateInputs.from(HarnessConfiguration.of(Map.of(), properties(), System.getenv())).policy();
      GateReport incomplete = GateReport.of(report.runId(), Instant.now(), report.environment(), policy.catalogue(),
          policy.evaluate(rows));
      Path latest = root.resolve("latest").toRealPath();
      Path written = new ReportWriter().write(incomplete, root, latest, UnaryOperator.identity());
      return written.resolve("SUMMARY.md").toString();
    } catch (HarnessInputException | IOException e) {
      throw new MojoExecutionException("the report is incomplete and could not be rewritten to say so: " + e.getMessage(), e);
    }
  }

  private Map<String, String> properties() {
    Map<String, String> out = new HashMap<>();
    if (session != null) {
      session.getSystemProperties().forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
      session.getUserProperties().forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  /** The run is over and judged: its parts and staged evidence are no longer needed. */
  private void cleanUp(Path root, String runId) {
    for (Path dir : List.of(root.resolve(".parts").resolve(runId), root.resolve(".staging").resolve(runId))) {
      try {
        FileTrees.delete(dir);
      } catch (IOException e) {
        getLog().debug("could not remove " + dir + ": " + e.getMessage());
      }
    }
  }

  /** {@code -DskipTests} or {@code -Dmaven.test.skip}, if either is set. */
  private String testsSkippedBy() {
    for (String key : List.of("skipTests", "maven.test.skip", "skipITs")) {
      String v = property(key);
      if (v != null && (v.isEmpty() || Boolean.parseBoolean(v))) {
        return "-D" + key;
      }
    }
    return null;
  }

  /** {@code -Dtest=...}, if the run was filtered to some classes or methods. */
  private String filteredBy() {
    for (String key : List.of("test", "it.test")) {
      String v = property(key);
      if (v != null && !v.isBlank()) {
        return "-D" + key + "=" + v;
      }
    }
    return null;
  }

  private String property(String key) {
    if (session == null) {
      return null;
    }
    Properties user = session.getUserProperties();
    if (user != null && user.getProperty(key) != null) {
      return user.getProperty(key);
    }
    return null;
  }
}
