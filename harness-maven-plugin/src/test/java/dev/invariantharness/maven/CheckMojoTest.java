package dev.invariantharness.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.GatePolicy;
import dev.invariantharness.gate.MitigationFile;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invariant-harness:check} fails the build exactly when the gate says NO-GO in gating mode. */
class CheckMojoTest {

  @TempDir Path root;

  @Test
  void goReportPassesAndTheRunsPartsAndStagingAreCleanedUp() throws IOException {
    writeLatest(GateMode.GATING, row("A.a", CheckStatus.PASSED, "INV-01"));
    Path part = Files.createDirectories(root.resolve(".parts/t")).resolve("1-1.json");
    Files.writeString(part, "{}");
    Files.createDirectories(root.resolve(".staging/t/evidence"));
    assertThatCode(mojo()::execute).doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(root.resolve(".parts/t")).doesNotExist();
    org.assertj.core.api.Assertions.assertThat(root.resolve(".staging/t")).doesNotExist();
  }

  @Test
  void disabledRequiredCheckFailsTheBuildNamingInvariantAndReason() throws IOException {
    writeLatest(GateMode.GATING, new CheckResult("Roles.runtimeWritesOwnSchema", true, CheckStatus.SKIPPED, "", "runtime",
        List.of("INV-05"), 0, "flaky on CI", "flaky on CI", List.of(), null));
    assertThatThrownBy(mojo()::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("NO-GO (merge blocked")
        .hasMessageContaining("Roles.runtimeWritesOwnSchema [INV-05, block-merge]: required check was skipped (flaky on CI)");
  }

  @Test
  void baselineNoGoDoesNotFailTheBuild() throws IOException {
    writeLatest(GateMode.BASELINE, row("A.a", CheckStatus.FAILED, "INV-02"));
    assertThatCode(mojo()::execute).doesNotThrowAnyException();
  }

  @Test
  void fewerChecksThanTheMinimumFailTheBuild() throws IOException {
    writeLatest(GateMode.GATING, row("A.a", CheckStatus.PASSED, "INV-01"));
    CheckMojo mojo = mojo();
    mojo.minimumChecks = 2;
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("holds 1 checks, fewer than the required minimum of 2");
  }

  @Test
  void missingReportFailsUnlessTheModuleSaysItHasNoSuites() {
    CheckMojo mojo = mojo();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("this build wrote no report at").hasMessageContaining("**/*Test.java");
    mojo.failIfNoReport = false;
    assertThatCode(mojo::execute).doesNotThrowAnyException();
  }

  @Test
  void aReportOfAnotherBuildIsStaleAndRefused() throws IOException {
    writeLatest(GateMode.GATING, "maven-1-1", row("A.a", CheckStatus.PASSED, "INV-01"));
    assertThatThrownBy(mojo()::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("was written by another build (maven-1-1").hasMessageContaining("it is stale");
    CheckMojo allowing = mojo();
    allowing.allowStaleReport = true;
    assertThatCode(allowing::execute).doesNotThrowAnyException();
  }

  @Test
  void aReleaseOnlyBlockerFailsTheReleaseGateButNotTheMergeGate() throws IOException {
    writeLatest(GateMode.GATING, row("Deploy.migrates", CheckStatus.FAILED, "INV-09"));
    assertThatCode(mojo()::execute).doesNotThrowAnyException();
    CheckMojo release = mojo();
    release.gate = "release";
    assertThatThrownBy(release::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("the release gate is blocked").hasMessageContaining("Deploy.migrates [INV-09, block-release-promotion]");
  }

  @Test
  void aMarkerLeftByADeadTestJvmMakesTheReportIncomplete() throws IOException {
    writeLatest(GateMode.GATING, row("A.a", CheckStatus.PASSED, "INV-01"));
    Path parts = Files.createDirectories(root.resolve(".parts/t"));
    Files.writeString(parts.resolve("999999999-1.running"),
        "{\"pid\": 999999999, \"build\": \"" + mojo().thisBuild + "\", \"classes\": [\"demo.KhalaGates\"]}");
    assertThatThrownBy(mojo()::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("the report is incomplete").hasMessageContaining("test JVM pid 999999999")
        .hasMessageContaining("demo.KhalaGates").hasMessageContaining("The JVMs that did report said GO");
    GateReport rewritten = GateReportJson.read(root.resolve("latest/summary.json"));
    org.assertj.core.api.Assertions.assertThat(rewritten.decision().verdict().label()).isEqualTo("NO-GO");
    org.assertj.core.api.Assertions.assertThat(rewritten.results()).anySatisfy(r -> {
      org.assertj.core.api.Assertions.assertThat(r.checkId()).isEqualTo("harness-incomplete-run-999999999");
      org.assertj.core.api.Assertions.assertThat(r.reason()).contains("demo.KhalaGates").contains("the report is incomplete");
    });
  }

  @Test
  void corruptReportIsAnExecutionErrorNamingTheFile() throws IOException {
    Files.createDirectories(root.resolve("latest"));
    Files.writeString(root.resolve("latest/summary.json"), "{ not json");
    assertThatThrownBy(mojo()::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("summary.json");
  }

  private CheckMojo mojo() {
    CheckMojo mojo = new CheckMojo();
    mojo.reportDirectory = root.toFile();
    mojo.failIfNoReport = true;
    mojo.gate = "merge";
    return mojo;
  }

  private void writeLatest(GateMode mode, CheckResult... rows) throws IOException {
    writeLatest(mode, new CheckMojo().thisBuild, rows);
  }

  private void writeLatest(GateMode mode, String build, CheckResult... rows) throws IOException {
    GatePolicy policy = new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.none(), mode, LocalDate.of(2026, 11, 22), false);
    GateReport report = GateReport.of("t", Instant.parse("2026-11-22T00:00:00Z"), Map.of("build", build), InvariantCatalogue.defaults(),
        policy.evaluate(List.of(rows)));
    Files.createDirectories(root.resolve("latest"));
    Files.writeString(root.resolve("latest/summary.json"), GateReportJson.write(report));
  }

  private static CheckResult row(String id, CheckStatus status, String inv) {
    return new CheckResult(id, true, status, id, "lane", List.of(inv), 1, status == CheckStatus.PASSED ? "" : "boom", "", List.of(), null);
  }
}
