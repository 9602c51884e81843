package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.EscalationClass;
import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateEvaluation;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.GatePolicy;
import dev.invariantharness.gate.MitigationFile;
import dev.invariantharness.gate.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a merge keeps of each shard: its rows, its evidence (copied, links rewritten), its
 * environment, the invariants only it knows; and where the command line writes.
 */
class ReportMergeShardsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @TempDir Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** A shard's report root with one report: {@code rows} judged by {@code catalogue}, evidence files written. */
  private Path shard(String name, InvariantCatalogue catalogue, Map<String, String> environment, CheckResult... rows)
      throws IOException {
    Path staging = Files.createDirectories(dir.resolve(name + "-staging"));
    for (CheckResult r : rows) {
      List<EvidenceRef> refs = new ArrayList<>(r.evidence());
      r.findings().forEach(f -> refs.addAll(f.evidence()));
      for (EvidenceRef e : refs) {
        Path file = staging.resolve(e.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, name + " " + e.name());
      }
    }
    GateEvaluation e = new GatePolicy(catalogue, MitigationFile.none(), GateMode.GATING, TODAY, false).evaluate(List.of(rows));
    GateReport report = GateReport.of("run-" + name, Instant.parse("2026-11-22T10:00:00Z"), environment, catalogue, e);
    new ReportWriter().write(report, dir.resolve(name), staging, UnaryOperator.identity());
    return dir.resolve(name);
  }

  private static CheckResult passed(String id, String invariant, EvidenceRef... evidence) {
    return new CheckResult(id, true, CheckStatus.PASSED, id, "lane", List.of(invariant), 1, "", "", List.of(evidence), null);
  }

  private int merge(String... args) {
    return ReportMerge.run(args, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private GatePolicy policy() {
    return new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.none(), GateMode.GATING, TODAY, false);
  }

  @Test
  void evidenceOfEachShardIsCopiedAndItsLinksPointAtTheCopy() throws IOException {
    EvidenceRef log = new EvidenceRef("log", "text", "evidence/Control-a/001-log.txt");
    EvidenceRef frames = new EvidenceRef("frames", "frames", "evidence/Khala-b/001-frames.txt");
    CheckResult withFinding = new CheckResult("Khala.b", true, CheckStatus.FAILED, "", "khala", List.of("INV-07"), List.of(), 1,
        "gap", "", List.of(), List.of(new Finding("INV-07", "seq 41", "redelivered twice", List.of(frames))), Map.of(), null);
    Path a = shard("a", InvariantCatalogue.defaults(), Map.of(), passed("Control.a", "INV-01", log));
    Path b = shard("b", InvariantCatalogue.defaults(), Map.of(), withFinding);

    Path merged = ReportMerge.merge(List.of(a, b), policy(), dir.resolve("merged"), UnaryOperator.identity());

    assertThat(merged.resolve("evidence/shard-1/Control-a/001-log.txt")).hasContent("a log");
    assertThat(merged.resolve("evidence/shard-2/Khala-b/001-frames.txt")).hasContent("b frames");
    GateReport report = GateReportJson.read(merged.resolve("summary.json"));
    assertThat(report.results()).hasSize(2);
    CheckResult control = report.results().stream().filter(r -> r.checkId().equals("Control.a")).findFirst().orElseThrow();
    CheckResult khala = report.results().stream().filter(r -> r.checkId().equals("Khala.b")).findFirst().orElseThrow();
    assertThat(control.evidence()).containsExactly(new EvidenceRef("log", "text", "evidence/shard-1/Control-a/001-log.txt"));
    assertThat(khala.findings()).singleElement().satisfies(f -> assertThat(f.evidence())
        .containsExactly(new EvidenceRef("frames", "frames", "evidence/shard-2/Khala-b/001-frames.txt")));
    assertThat(khala.outcomes()).containsEntry("INV-07", CheckStatus.FAILED);
  }

  @Test
  void shardEnvironmentsAreKeptUnderTheShardsNameWithTheirSource() throws IOException {
    Path a = shard("a", InvariantCatalogue.defaults(), Map.of("INVARIANT_HARNESS_ENVIRONMENT", "staging"), passed("A.a", "INV-01"));
    Path b = shard("b", InvariantCatalogue.defaults(), Map.of("INVARIANT_HARNESS_ENVIRONMENT", "prod"), passed("B.b", "INV-02"));

    Path merged = ReportMerge.merge(List.of(a, b), policy(), dir.resolve("merged"), UnaryOperator.identity());

    GateReport report = GateReportJson.read(merged.resolve("summary.json"));
    assertThat(report.environment())
        .containsEntry("shard-1.INVARIANT_HARNESS_ENVIRONMENT", "staging")
        .containsEntry("shard-2.INVARIANT_HARNESS_ENVIRONMENT", "prod")
        .containsEntry("shard-1.source", a.resolve("latest/summary.json").toString())
        .containsEntry("shard-2.source", b.resolve("latest/summary.json").toString())
        .hasSize(4);
    assertThat(report.runId()).isEqualTo("merged:run-a+run-b");
  }

  @Test
  void anInvariantOnlyAShardKnowsIsKeptAndJudged() throws IOException {
    List<Invariant> extended = new ArrayList<>(InvariantCatalogue.defaults().all());
    extended.add(new Invariant("INV-13", "Spacetime WS-only", "", EscalationClass.BLOCK_RELEASE_PROMOTION, "", List.of(),
        null, List.of()));
    CheckResult failing = new CheckResult("Space.ws", true, CheckStatus.FAILED, "", "lane", List.of("INV-13"), 1, "sse seen",
        "", List.of(), null);
    Path a = shard("a", InvariantCatalogue.of(extended), Map.of(), failing);

    Path merged = ReportMerge.merge(List.of(a), policy(), dir.resolve("merged"), UnaryOperator.identity());

    GateReport report = GateReportJson.read(merged.resolve("summary.json"));
    assertThat(report.catalogue()).extracting(Invariant::id).contains("INV-13");
    // judged with the shard's escalation class, not as an unknown id
    assertThat(report.decision().blockers()).singleElement().satisfies(b -> {
      assertThat(b.invariant()).isEqualTo("INV-13");
      assertThat(b.escalation()).isEqualTo(EscalationClass.BLOCK_RELEASE_PROMOTION);
    });
    assertThat(report.decision().blocked().label()).isEqualTo("release promotion");
  }

  @Test
  void aMergeOfNothingIsRefused() {
    assertThatThrownBy(() -> ReportMerge.merge(List.of(), policy(), dir.resolve("m"), UnaryOperator.identity()))
        .isInstanceOf(HarnessInputException.class).hasMessage("merge: no reports to merge");
  }

  @Test
  void aDirectoryWithoutSummaryIsNamed() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThat(merge("--out", "m", "empty")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(empty + ": holds no summary.json (neither directly nor under latest/)");
  }

  @Test
  void relativePathsOfTheCommandLineResolveAgainstItsWorkingDirectory() throws IOException {
    shard("a", InvariantCatalogue.defaults(), Map.of(), passed("A.a", "INV-01"));

    assertThat(merge("--out", "merged", "--allow-coverage-gaps", "a")).as(err.toString(StandardCharsets.UTF_8)).isZero();

    assertThat(dir.resolve("merged/latest/summary.json")).isRegularFile();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("merged 1 report(s): GO").contains(dir.resolve("merged").toString());
  }

  @Test
  void mitigationAndCatalogueFilesAreReadRelativeToTheWorkingDirectory() throws IOException {
    Files.writeString(dir.resolve("m.yaml"), """
        mitigations:
          - invariant: INV-07
            check: Replay.resume
            owner: "@o"
            followUp: OA-RUST-143
            reason: fix in flight
            expires: 2999-12-31
        """);
    Files.writeString(dir.resolve("c.yaml"), """
        invariants:
          - id: INV-13
            title: Spacetime WS-only
            escalation: block-merge
        """);
    CheckResult replay = new CheckResult("Replay.resume", true, CheckStatus.FAILED, "", "khala", List.of("INV-07"), 1, "gap",
        "", List.of(), null);
    shard("a", InvariantCatalogue.defaults(), Map.of(), replay);

    assertThat(merge("--mitigations", "m.yaml", "--catalogue", "c.yaml", "--out", "m", "--allow-coverage-gaps", "a"))
        .as(err.toString(StandardCharsets.UTF_8)).isZero();

    GateReport report = GateReportJson.read(dir.resolve("m/latest/summary.json"));
    assertThat(report.decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(report.results().get(0).status()).isEqualTo(CheckStatus.MITIGATED);
    assertThat(report.catalogue()).extracting(Invariant::id).contains("INV-13");
  }

  @Test
  void noGoPrintsEachBlockerAndExitsOne() throws IOException {
    shard("a", InvariantCatalogue.defaults(), Map.of(), new CheckResult("Ws.noCommands", true, CheckStatus.FAILED, "", "ws",
        List.of("INV-02"), 1, "accepted a command", "", List.of(), null));

    assertThat(merge("--out", "m", "a")).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  blocked: Ws.noCommands INV-02: accepted a command");
  }

  @Test
  void optionWithoutValueAndMissingArgumentsAreRefused() {
    assertThat(merge("a", "--out")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("argument '--out': needs a value");
    err.reset();
    assertThat(merge("a")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out and at least one REPORT are required").contains("usage:");
    err.reset();
    assertThat(merge("--out", "m")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out and at least one REPORT are required");
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    assertThat(merge("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ReportMerge --out DIR");
    assertThat(merge("-h")).isZero();
  }
}
