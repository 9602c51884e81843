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
  void goReportPasses() throws IOException {
    writeLatest(GateMode.GATING, row("A.a", CheckStatus.PASSED, "INV-01"));
    assertThatCode(mojo()::execute).doesNotThrowAnyException();
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
  void missingReportIsFineUnlessRequired() {
    CheckMojo mojo = mojo();
    assertThatCode(mojo::execute).doesNotThrowAnyException();
    mojo.failIfNoReport = true;
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("no invariant gate report at");
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
    return mojo;
  }

  private void writeLatest(GateMode mode, CheckResult... rows) throws IOException {
    GatePolicy policy = new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.none(), mode, LocalDate.of(2026, 11, 22), false);
    GateReport report = GateReport.of("t", Instant.parse("2026-11-22T00:00:00Z"), Map.of(), InvariantCatalogue.defaults(),
        policy.evaluate(List.of(rows)));
    Files.createDirectories(root.resolve("latest"));
    Files.writeString(root.resolve("latest/summary.json"), GateReportJson.write(report));
  }

  private static CheckResult row(String id, CheckStatus status, String inv) {
    return new CheckResult(id, true, status, id, "lane", List.of(inv), 1, status == CheckStatus.PASSED ? "" : "boom", "", List.of(), null);
  }
}
