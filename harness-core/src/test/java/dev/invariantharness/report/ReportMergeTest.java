package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.samples.Samples;
import dev.invariantharness.testkit.GateRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining the reports of several modules or CI shards into one decision. */
class ReportMergeTest {

  @TempDir Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void shardsJoinIntoOneDecision() {
    GateRun.into(dir.resolve("control")).run(Samples.AllGo.class);
    GateRun.into(dir.resolve("runtime")).run(Samples.ReleaseFailure.class);

    int exit = merge("--out", dir.resolve("merged").toString(), "--allow-coverage-gaps", dir.resolve("control").toString(),
        dir.resolve("runtime").toString());

    // A release-only blocker does not fail the merge gate, the default; the release gate fails.
    assertThat(exit).as(text(err)).isZero();
    GateReport merged = GateReportJson.read(dir.resolve("merged/latest/summary.json"));
    assertThat(merged.results()).hasSize(5);
    assertThat(merged.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(merged.decision().blocked()).isEqualTo(BlockedScope.RELEASE_PROMOTION);
    assertThat(text(out)).contains("merged 2 report(s): NO-GO (release promotion blocked").contains("INV-09");
    assertThat(merge("--out", dir.resolve("merged").toString(), "--allow-coverage-gaps", "--gate", "release",
        dir.resolve("control").toString(), dir.resolve("runtime").toString())).isEqualTo(1);
  }

  @Test
  void anInvariantNoShardCoversBlocksTheMergedDecisionInGatingMode() {
    GateRun.into(dir.resolve("control")).run(Samples.AllGo.class);
    assertThat(merge("--out", dir.resolve("merged").toString(), dir.resolve("control").toString())).isEqualTo(1);
    assertThat(GateReportJson.read(dir.resolve("merged/latest/summary.json")).decision().blockers())
        .anySatisfy(b -> assertThat(b.reason()).contains("INV-04").contains("covered by no check"));
  }

  @Test
  void theSameShardTwiceIsRejectedNamingBothSources() {
    GateRun.into(dir.resolve("a")).run(Samples.AllGo.class);
    assertThat(merge("--out", dir.resolve("m").toString(), dir.resolve("a").toString(), dir.resolve("a/latest").toString()))
        .isEqualTo(2);
    assertThat(text(err)).contains("is also in").contains("summary.json");
  }

  @Test
  void aModulesAcceptedMitigationKeepsCoveringItsCheckInTheMerge() throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("m.yaml"), """
        mitigations:
          - invariant: INV-07
            check: khala-resume-exact
            owner: "@khala-owner"
            followUp: https://tracker.example.test/OA-RUST-143
            reason: compatibility lane resends the watermark frame
            expires: 2999-01-01
        """);
    GateRun.into(dir.resolve("khala")).with("invariant.harness.mitigations", file.toString()).run(Samples.MitigableFailure.class);
    assertThat(merge("--out", dir.resolve("m").toString(), "--allow-coverage-gaps", dir.resolve("khala").toString()))
        .as(text(out)).isZero();
    assertThat(GateReportJson.read(dir.resolve("m/latest/summary.json")).results()).singleElement()
        .satisfies(r -> assertThat(r.status().label()).isEqualTo("mitigated"));
  }

  @Test
  void allGoShardsMergeToGoWithExitZero() {
    GateRun.into(dir.resolve("a")).run(Samples.AllGo.class);
    GateRun.into(dir.resolve("b")).run(Samples.ClassLevelMappingAndInvocations.class);
    assertThat(merge("--out", dir.resolve("m").toString(), "--allow-coverage-gaps", dir.resolve("a").toString(),
        dir.resolve("b/latest").toString())).isZero();
    assertThat(GateReportJson.read(dir.resolve("m/latest/summary.json")).results()).hasSize(8);
  }

  @Test
  void baselineMergeNeverFails() {
    GateRun.into(dir.resolve("a")).run(Samples.BlockMergeFailure.class);
    assertThat(merge("--baseline", "--out", dir.resolve("m").toString(), dir.resolve("a").toString())).isZero();
  }

  @Test
  void reportFromAnOlderSchemaIsRefusedNamingTheFile() throws IOException {
    GateRun.into(dir.resolve("a")).run(Samples.AllGo.class);
    Path summary = dir.resolve("a/latest/summary.json");
    Path old = Files.createDirectories(dir.resolve("old")).resolve("summary.json");
    Files.writeString(old, Files.readString(summary).replaceFirst("\"schemaVersion\"\\s*:\\s*1", "\"schemaVersion\" : 0"));

    assertThat(merge("--out", dir.resolve("m").toString(), dir.resolve("a").toString(), old.toString())).isEqualTo(2);
    assertThat(text(err)).contains(old.toString()).contains("schemaVersion");
  }

  @Test
  void missingInputIsNamed() {
    Path missing = dir.resolve("nope");
    assertThat(merge("--out", dir.resolve("m").toString(), missing.toString())).isEqualTo(2);
    assertThat(text(err)).contains(missing + ": does not exist");
  }

  @Test
  void unknownOptionPrintsUsage() {
    assertThat(merge("--frobnicate")).isEqualTo(2);
    assertThat(text(err)).contains("unknown option").contains("usage: ReportMerge");
  }

  private int merge(String... args) {
    return ReportMerge.run(args, dir, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream s) {
    return s.toString(StandardCharsets.UTF_8);
  }
}
