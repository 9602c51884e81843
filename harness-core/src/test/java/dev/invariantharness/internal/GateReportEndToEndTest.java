package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.samples.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate report a run writes: one row per test, the decision, and the files on disk. */
class GateReportEndToEndTest {

  @TempDir Path reports;

  @Test
  void allGoSuiteIsGoWithPassedAndNotApplicableRows() {
    Outcome out = GateRun.into(reports).run(Samples.AllGo.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(out.report().results()).extracting(CheckResult::checkId, CheckResult::status).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("dev.invariantharness.samples.Samples$AllGo.contractsAreProtoFirst", CheckStatus.PASSED),
        org.assertj.core.groups.Tuple.tuple("dev.invariantharness.samples.Samples$AllGo.mutationsAreHttpOnly", CheckStatus.PASSED),
        org.assertj.core.groups.Tuple.tuple("control-no-sse", CheckStatus.PASSED),
        org.assertj.core.groups.Tuple.tuple("dev.invariantharness.samples.Samples$AllGo.ios", CheckStatus.NOT_APPLICABLE));
    assertThat(row(out, "dev.invariantharness.samples.Samples$AllGo.ios").reason()).isEqualTo("INV-11: no iOS client in this service");
    assertThat(row(out, "control-no-sse").required()).isFalse();
    assertThat(out.file("results.tsv")).startsWith("check_id\trequired\tstatus\tdescription\tlog_path\tcommand\tlane\tinvariants\tduration_ms\tharness_status\n");
    assertThat(out.file("SUMMARY.md")).contains("GO");
    assertThat(out.reportDir().resolve("index.html")).exists();
  }

  @Test
  void blockMergeFailureIsNoGoWithMergeBlocked() {
    Outcome out = GateRun.into(reports).run(Samples.BlockMergeFailure.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blocked()).isEqualTo(BlockedScope.MERGE);
    assertThat(out.report().decision().blockers()).singleElement().satisfies(b -> {
      assertThat(b.invariant()).isEqualTo("INV-02");
      assertThat(b.reason()).contains("WS accepted");
    });
    assertThat(out.file("SUMMARY.md")).contains("INV-02").contains("block-merge");
  }

  @Test
  void releaseInvariantFailureBlocksOnlyReleasePromotion() {
    Outcome out = GateRun.into(reports).run(Samples.ReleaseFailure.class);
    assertThat(out.report().decision().blocked()).isEqualTo(BlockedScope.RELEASE_PROMOTION);
  }

  @Test
  void approvedMitigationMakesTheRowMitigatedAndTheDecisionGo() throws IOException {
    Path file = Files.writeString(reports.resolve("m.yaml"), """
        mitigations:
          - invariant: INV-07
            check: khala-resume-exact
            owner: "@khala-owner"
            followUp: https://tracker.example.test/OA-RUST-143
            reason: compatibility lane resends the watermark frame; fix in flight
            expires: 2999-01-01
        """);
    Outcome out = GateRun.into(reports.resolve("r")).with("invariant.harness.mitigations", file.toString()).run(Samples.MitigableFailure.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(row(out, "khala-resume-exact").status()).isEqualTo(CheckStatus.MITIGATED);
    assertThat(out.file("results.tsv")).contains("\tfailed\t").endsWith("\tmitigated\n");
    assertThat(out.file("SUMMARY.md")).contains("@khala-owner").contains("2999-01-01");
  }

  @Test
  void expiredMitigationIsRejectedAndTheFailureBlocks() throws IOException {
    Path file = Files.writeString(reports.resolve("m.yaml"), """
        mitigations:
          - invariant: INV-07
            check: khala-resume-exact
            owner: "@khala-owner"
            followUp: https://tracker.example.test/OA-RUST-143
            reason: compatibility lane
            expires: 2001-01-01
        """);
    Outcome out = GateRun.into(reports.resolve("r")).with("invariant.harness.mitigations", file.toString()).run(Samples.MitigableFailure.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().rejectedMitigations()).singleElement().asString().contains("expired on 2001-01-01");
  }

  @Test
  void malformedMitigationFileBecomesABlockingConfigurationRow() throws IOException {
    Path file = Files.writeString(reports.resolve("m.yaml"), "mitigations: [unclosed\n");
    Outcome out = GateRun.into(reports.resolve("r")).with("invariant.harness.mitigations", file.toString()).run(Samples.AllGo.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(row(out, "harness-configuration").reason()).startsWith(file + ":1: ");
  }

  @Test
  void aTypoInTheModeIsWrittenAsABlockingConfigurationRow() {
    Outcome out = GateRun.into(reports).with("invariant.harness.fail-on-required-failure", "ture").run(Samples.AllGo.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(row(out, "harness-configuration").reason())
        .contains("invariant.harness.fail-on-required-failure").contains("'ture' is not a boolean");
  }

  @Test
  void unmappedTestIsReportedAsUnmappedAndBlocksMerge() {
    Outcome out = GateRun.into(reports).run(Samples.Unmapped.class);
    assertThat(row(out, "dev.invariantharness.samples.Samples$Unmapped.forgotTheMapping").status()).isEqualTo(CheckStatus.UNMAPPED);
    assertThat(out.report().decision().blocked()).isEqualTo(BlockedScope.MERGE);
  }

  @Test
  void disabledRequiredCheckIsSkippedAndCountsAsFailedInGatingMode() {
    Outcome out = GateRun.into(reports).run(Samples.DisabledRequired.class);
    CheckResult r = row(out, "dev.invariantharness.samples.Samples$DisabledRequired.runtimeRoleWritesOnlyItsSchema");
    assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(r.command()).as("the script puts the skip reason in the command column").contains("flaky on CI");
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blockers().get(0).reason()).contains("required check was skipped");
  }

  @Test
  void abortedRequiredCheckIsAFailedRowInGatingAndASkippedRowInBaseline() {
    Outcome gating = GateRun.into(reports.resolve("g")).run(Samples.AbortedRequired.class);
    assertThat(row(gating, "dev.invariantharness.samples.Samples$AbortedRequired.replayAgainstStaging").status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row(gating, "dev.invariantharness.samples.Samples$AbortedRequired.optionalProbe").status()).isEqualTo(CheckStatus.SKIPPED);

    Outcome baseline = GateRun.into(reports.resolve("b")).with("invariant.harness.fail-on-required-failure", "0").run(Samples.AbortedRequired.class);
    assertThat(row(baseline, "dev.invariantharness.samples.Samples$AbortedRequired.replayAgainstStaging").status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(baseline.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(baseline.report().decision().mode()).isEqualTo(GateMode.BASELINE);
    assertThat(baseline.report().decision().failsBuild()).isFalse();
  }

  @Test
  void testsOfAClassWhoseSetupFailedAreFailedRowsNotMissingOnes() {
    Outcome out = GateRun.into(reports).run(Samples.SetupFailure.class);
    assertThat(out.report().results()).hasSize(2).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
      assertThat(r.reason()).contains("not run").contains("runtime did not become ready");
    });
  }

  @Test
  void classLevelMappingCoversNestedClassesAndEachInvocationIsARow() {
    Outcome out = GateRun.into(reports).run(Samples.ClassLevelMappingAndInvocations.class);
    assertThat(out.report().results()).extracting(CheckResult::checkId).containsExactlyInAnyOrder(
        "dev.invariantharness.samples.Samples$ClassLevelMappingAndInvocations.duplicateFrameIsDiscarded[seq=1]",
        "dev.invariantharness.samples.Samples$ClassLevelMappingAndInvocations.duplicateFrameIsDiscarded[seq=2]",
        "dev.invariantharness.samples.Samples$ClassLevelMappingAndInvocations.duplicateFrameIsDiscarded[seq=3]",
        "dev.invariantharness.samples.Samples$ClassLevelMappingAndInvocations$Resume.resumeFromWatermark");
    assertThat(out.report().results()).allSatisfy(r -> assertThat(r.invariants()).containsExactly("INV-07"));
  }

  @Test
  void eachDynamicTestIsARowWithItsOwnEvidenceInNaturalOrder() {
    Outcome out = GateRun.into(reports).run(Samples.DynamicRows.class);
    List<CheckResult> rows = out.report().results();
    assertThat(rows).extracting(CheckResult::checkId).containsExactly(
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/1 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/2 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/3 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/4 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/5 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/6 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/7 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/8 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/9 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/10 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[POST /r/11 @ read_only]",
        "dev.invariantharness.samples.Samples$DynamicRows.everyRouteIsFrozen[rollback][POST /r/1 @ shadow_only]");
    CheckResult third = rows.get(2);
    assertThat(third.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(third.description()).isEqualTo("POST /r/3 @ read_only");
    assertThat(third.reason()).contains("answered 201 in read_only");
    assertThat(rows.subList(0, 11)).allSatisfy(r -> assertThat(r.evidence()).singleElement()
        .satisfies(e -> assertThat(out.reportDir().resolve(e.path())).content().startsWith("route ")));
    assertThat(out.reportDir().resolve(rows.get(9).evidence().get(0).path())).content().contains("route 10 answered");
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
  }

  @Test
  void parallelExecutionGivesOneCompleteReport() {
    Outcome out = GateRun.into(reports)
        .with("junit.jupiter.execution.parallel.enabled", "true")
        .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .with("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .run(Samples.Parallel.class, Samples.AllGo.class);
    assertThat(out.summary().getTestsFailedCount()).isZero();
    assertThat(out.report().results()).hasSize(8);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  @Test
  void forksOfOneRunJoinIntoOneReportAndLeaveNoPartialReportBehind() throws IOException {
    String run = "run-" + UUID.randomUUID();
    GateRun.into(reports).with("invariant.harness.run-id", run).run(Samples.AllGo.class);
    Outcome second = GateRun.into(reports).with("invariant.harness.run-id", run).run(Samples.ReleaseFailure.class);
    assertThat(second.report().results()).hasSize(5);
    assertThat(second.report().decision().blocked()).isEqualTo(BlockedScope.RELEASE_PROMOTION);
    try (Stream<Path> dirs = Files.list(reports)) {
      List<String> reportDirs = dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{8}T\\d{6}Z.*")).toList();
      assertThat(reportDirs).as("one report directory per run").hasSize(1);
    }
  }

  @Test
  void aSecondRunDoesNotInheritTheFirstRunsRows() {
    GateRun.into(reports).run(Samples.BlockMergeFailure.class);
    Outcome second = GateRun.into(reports).run(Samples.AllGo.class);
    assertThat(second.report().results()).hasSize(4);
    assertThat(second.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  private static CheckResult row(Outcome out, String checkId) {
    return out.report().results().stream().filter(r -> r.checkId().equals(checkId)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + checkId + " in " + out.report().results()));
  }
}
