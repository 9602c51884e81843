package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.samples.FindingSamples;
import dev.invariantharness.samples.Samples;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In gating mode a test fails exactly when its failure blocks the gate asked for; a failure that
 * does not is recorded in the report and its test passes, so the build result is the decision.
 * ({@code non-blocking-failures=record} is what a Surefire or Gradle run gets by default.)
 */
class BuildResultIsTheDecisionTest {

  @TempDir Path reports;

  private GateRun recording(Path dir) {
    return GateRun.into(dir).with(GateExceptionHandler.NON_BLOCKING_FAILURES, "record");
  }

  @Test
  void aMitigatedFailurePassesItsTestAndTheRowIsMitigated() throws IOException {
    Path file = Files.writeString(Files.createDirectories(reports).resolve("m.yaml"), """
        mitigations:
          - invariant: INV-07
            check: khala-resume-exact
            owner: "@khala-owner"
            followUp: https://tracker.example.test/OA-RUST-143
            reason: compatibility lane resends the watermark frame
            expires: 2999-01-01
        """);
    Outcome out = recording(reports.resolve("r")).with("invariant.harness.mitigations", file.toString())
        .run(Samples.MitigableFailure.class);

    assertThat(out.summary().getTotalFailureCount()).isZero();
    assertThat(out.summary().getTestsSucceededCount()).isEqualTo(1);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(out.report().results()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(CheckStatus.MITIGATED);
      assertThat(r.reason()).contains("redelivered seq 41 again");
    });
  }

  @Test
  void aFailedOptionalCheckPassesItsTestAndIsAWarning() {
    Outcome out = recording(reports).run(FindingSamples.OptionalFailure.class);

    assertThat(out.summary().getTotalFailureCount()).isZero();
    assertThat(out.report().results()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
      assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo("GET /adapter/events"));
    });
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(out.report().decision().warnings()).anySatisfy(w -> assertThat(w).startsWith("optional check"));
  }

  @Test
  void aReleaseOnlyFailurePassesAMergeGateBuildAndFailsAReleaseGateBuild() {
    Outcome merge = recording(reports.resolve("merge")).run(Samples.ReleaseFailure.class);
    assertThat(merge.summary().getTotalFailureCount()).isZero();
    assertThat(merge.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(merge.report().decision().failsBuild()).isFalse();

    Outcome release = recording(reports.resolve("release")).with("invariant.harness.gate", "release").run(Samples.ReleaseFailure.class);
    assertThat(release.summary().getTotalFailureCount()).isEqualTo(1);
    assertThat(release.report().decision().failsBuild()).isTrue();
  }

  @Test
  void baselineModeNeverFailsATestAndStillRecordsTheNoGo() {
    Outcome out = recording(reports).with("invariant.harness.fail-on-required-failure", "0").run(Samples.BlockMergeFailure.class);

    assertThat(out.summary().getTotalFailureCount()).isZero();
    assertThat(out.report().results()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.FAILED));
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().failsBuild()).isFalse();
  }

  @Test
  void aBlockingFailureStillFailsItsTest() {
    Outcome out = recording(reports).run(Samples.BlockMergeFailure.class);
    assertThat(out.summary().getTotalFailureCount()).isEqualTo(1);
    assertThat(out.report().decision().failsBuild()).isTrue();
  }

  @Test
  void inAnIdeEveryFailureFailsItsTestWhileTheReportStillJudgesIt() {
    Outcome out = GateRun.into(reports).with(GateExceptionHandler.NON_BLOCKING_FAILURES, "fail").run(FindingSamples.OptionalFailure.class);
    assertThat(out.summary().getTotalFailureCount()).isEqualTo(1);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  @Test
  void aTypoInTheModeFailsEveryInvariantTestNamingTheKey() {
    Outcome out = recording(reports).with("invariant.harness.fail-on-required-failure", "ture").run(Samples.AllGo.class);

    assertThat(out.summary().getTotalFailureCount()).isGreaterThanOrEqualTo(3);
    assertThat(out.summary().getFailures()).allSatisfy(f -> assertThat(f.getException())
        .hasMessageContaining("invariant.harness.fail-on-required-failure").hasMessageContaining("FAIL_ON_REQUIRED_FAILURE")
        .hasMessageContaining("'ture' is not a boolean"));
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().results()).anySatisfy(r -> assertThat(r.checkId()).isEqualTo(ReportPublisher.CONFIGURATION_CHECK));
  }

  @Test
  void aMalformedMitigationFileFailsEveryInvariantTestNamingTheFile() throws IOException {
    Path file = Files.writeString(Files.createDirectories(reports).resolve("bad.yaml"), "mitigations:\n  - invariant: [unclosed\n");
    Outcome out = recording(reports.resolve("r")).with("invariant.harness.mitigations", file.toString()).run(Samples.AllGo.class);

    assertThat(out.summary().getTotalFailureCount()).isGreaterThanOrEqualTo(3);
    assertThat(out.summary().getFailures()).allSatisfy(f -> assertThat(f.getException()).hasMessageContaining("bad.yaml"));
  }
}
