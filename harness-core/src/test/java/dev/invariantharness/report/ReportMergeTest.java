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

    int exit = merge("--out", dir.resolve("merged").toString(), dir.resolve("control").toString(), dir.resolve("runtime").toString());

    assertThat(exit).as(text(err)).isEqualTo(1);
    GateReport merged = GateReportJson.read(dir.resolve("merged/latest/summary.json"));
    assertThat(merged.results()).hasSize(5);
    assertThat(merged.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(merged.decision().blocked()).isEqualTo(BlockedScope.RELEASE_PROMOTION);
    assertThat(text(out)).contains("merged 2 report(s): NO-GO (release promotion blocked").contains("INV-09");
  }

  @Test
  void allGoShardsMergeToGoWithExitZero() {
    GateRun.into(dir.resolve("a")).run(Samples.AllGo.class);
    GateRun.into(dir.resolve("b")).run(Samples.ClassLevelMappingAndInvocations.class);
    assertThat(merge("--out", dir.resolve("m").toString(), dir.resolve("a").toString(), dir.resolve("b/latest").toString())).isZero();
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
