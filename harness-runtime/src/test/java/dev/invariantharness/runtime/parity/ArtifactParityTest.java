package dev.invariantharness.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.invariantharness.HarnessInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactParityTest {

  @TempDir Path dir;

  private Path legacy() {
    return ArtifactFixtures.run(dir.resolve("legacy"), Map.of());
  }

  private Path rust(Map<String, String> overrides) {
    return ArtifactFixtures.run(dir.resolve("rust"), overrides);
  }

  @Test
  void identicalRunsAllowWithNoDiffs() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);
    ParityReport report = ArtifactParity.builder().clock(clock).build().compare(legacy(), rust(Map.of()));
    assertThat(report.diffs()).isEmpty();
    assertThat(report.totals()).isEqualTo(new ParityTotals(0, 0));
    assertThat(report.gate()).isEqualTo(new ParityGate(ParityDecision.ALLOW, "no critical diffs; 0 warning(s) within max_warnings 0"));
    assertThat(report.generatedAt()).isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
    assertThat(report.legacyRunId()).isEqualTo("run-42");
    assertThat(report.rustRunId()).isEqualTo("run-42");
  }

  @Test
  void differentSummaryStatusIsACriticalDiffThatBlocks() {
    ParityReport report = ArtifactParity.defaults().compare(legacy(),
        rust(Map.of("summary.json", "{\"status\":\"failed\",\"last_seq\":3,\"event_count\":3,\"projection_hash\":\"ph-1\"}")));
    assertThat(report.diffs()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(d.field()).isEqualTo("summary_status");
      assertThat(d.legacy()).isEqualTo(TextNode.valueOf("completed"));
      assertThat(d.rust()).isEqualTo(TextNode.valueOf("failed"));
      assertThat(d.message()).isEqualTo("summary_status differs: legacy run run-42 has \"completed\", rust run run-42 has \"failed\"");
    });
    assertThat(report.gate().decision()).isEqualTo(ParityDecision.BLOCK);
    assertThat(report.gate().reason()).isEqualTo("1 critical diff(s): summary_status");
  }

  @Test
  void aDifferentRunIdIsCritical() {
    ParityReport report = ArtifactParity.defaults().compare(legacy(), ArtifactFixtures.run(dir.resolve("rust"), "run-43", Map.of()));
    assertThat(report.diffs()).extracting(ParityDiff::field).containsExactly("run_id");
    assertThat(report.rustRunId()).isEqualTo("run-43");
    assertThat(report.allows()).isFalse();
  }

  @Test
  void aReorderedReplayLogIsAReplayHashWarning() {
    String reordered = """
        {"type":"replay.header","version":1}
        {"seq":2,"type":"tool.called","payload":{"tool":"search"}}
        {"seq":1,"type":"run.started","payload":{"a":1,"b":2}}
        {"seq":3,"type":"run.finished","payload":{}}
        """;
    ParityReport report = ArtifactParity.defaults().compare(legacy(), rust(Map.of("replay.jsonl", reordered)));
    assertThat(report.diffs()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.field()).isEqualTo("replay_hash");
    });
    assertThat(report.gate().reason()).isEqualTo("1 warning(s) exceed max_warnings 0");
  }

  @Test
  void replayHashIgnoresKeyOrderWhitespaceAndBlankLines() {
    String reformatted = """
        {"version":1, "type":"replay.header"}

        {"payload":{"b":2,"a":1},"type":"run.started","seq":1}
        {"seq":2,"type":"tool.called","payload":{"tool":"search"}}
        {"seq":3.0,"type":"run.finished","payload":{}}
        """;
    // 3.0 is not 3 in the canonical text: the hash covers the JSON as written, numbers included
    ParityReport report = ArtifactParity.defaults().compare(legacy(), rust(Map.of("replay.jsonl", reformatted.replace("3.0", "3"))));
    assertThat(report.diffs()).isEmpty();
  }

  @Test
  void warningsWithinMaxWarningsAllow() {
    ParityReport report = ArtifactParity.builder().policy(ParityPolicy.artifactDefaults().withMaxWarnings(2)).build()
        .compare(legacy(), rust(Map.of("checkpoint.json", "{\"last_seq\":3,\"last_event_type\":\"run.completed\"}")));
    assertThat(report.totals()).isEqualTo(new ParityTotals(0, 1));
    assertThat(report.allows()).isTrue();
    assertThat(report.gate().reason()).isEqualTo("no critical diffs; 1 warning(s) within max_warnings 2");
  }

  @Test
  void criticalDiffsAreToleratedWhenBlockOnCriticalIsOff() {
    ParityReport report = ArtifactParity.builder().policy(ParityPolicy.artifactDefaults().withBlockOnCritical(false)).build()
        .compare(legacy(), rust(Map.of("checkpoint.json", "{\"last_seq\":2,\"last_event_type\":\"run.finished\"}")));
    assertThat(report.diffs()).extracting(ParityDiff::field).containsExactly("checkpoint_last_seq");
    assertThat(report.allows()).isTrue();
    assertThat(report.gate().reason()).startsWith("1 critical diff(s) tolerated (block_on_critical off)");
  }

  @Test
  void countsAndLastSeqComeFromTheReceiptEventsAndReplayLines() {
    String shorter = """
        {"run_id":"run-42","session_id":"sess-7","trajectory_hash":"th-abc","events":[{"seq":1},{"seq":5}]}
        """;
    ParityReport report = ArtifactParity.defaults().compare(legacy(), rust(Map.of("receipt.json", shorter,
        "replay.jsonl", "{\"type\":\"replay.header\",\"version\":1}\n{\"seq\":1}\n")));
    assertThat(report.diffs()).extracting(ParityDiff::field, d -> d.legacy().asInt(), d -> d.rust().asInt()).contains(
        org.assertj.core.groups.Tuple.tuple("receipt_event_count", 3, 2),
        org.assertj.core.groups.Tuple.tuple("receipt_last_seq", 3, 5),
        org.assertj.core.groups.Tuple.tuple("replay_runtime_event_count", 3, 1));
  }

  @Test
  void aFieldTheArtifactLacksComparesAsNull() {
    ParityReport report = ArtifactParity.defaults().compare(legacy(),
        rust(Map.of("receipt.json", "{\"trajectory_hash\":\"th-abc\",\"events\":[{\"seq\":1},{\"seq\":2},{\"seq\":3}]}")));
    assertThat(report.diffs()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("session_id");
      assertThat(d.rust().isNull()).isTrue();
    });
  }

  @Test
  void fieldSetsAreConfigurable() {
    ParityReport report = ArtifactParity.builder().criticalFields(List.of("replay_hash")).warningFields(List.of("summary_status"))
        .policy(ParityPolicy.artifactDefaults().withMaxWarnings(5)).build()
        .compare(legacy(), rust(Map.of("summary.json", "{\"status\":\"failed\",\"last_seq\":3,\"event_count\":3,\"projection_hash\":\"ph-1\"}")));
    assertThat(report.diffs()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("summary_status");
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
    });
    assertThat(report.allows()).isTrue();
  }

  @Test
  void aPluggedExtractorDerivesItsOwnFields() {
    ArtifactFields onlyRunId = manifest -> Map.of("run_id", TextNode.valueOf(manifest.runId().toUpperCase()));
    ParityReport report = ArtifactParity.builder().fields(onlyRunId).criticalFields(List.of("run_id")).warningFields(List.of())
        .build().compare(legacy(), rust(Map.of()));
    assertThat(report.allows()).isTrue();
  }

  @Test
  void aFieldTheExtractorDoesNotDeriveIsAConfigurationError() {
    assertThatThrownBy(() -> ArtifactParity.builder().criticalFields(List.of("run_id", "summary_colour")).build()
        .compare(legacy(), rust(Map.of())))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("parity field summary_colour")
        .hasMessageContaining("the artifact extractor derives no such field");
  }

  @Test
  void aMissingArtifactIsBadInputNamingTheFile() {
    Map<String, String> noSummary = new HashMap<>();
    noSummary.put("summary.json", null);
    Path rust = rust(noSummary);
    assertThatThrownBy(() -> ArtifactParity.defaults().compare(legacy(), rust))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageEndingWith("summary.json: summary does not exist")
        .hasMessageContaining(dir.resolve("rust").toString());
  }

  @Test
  void aMalformedReplayLineIsBadInputNamingFileAndLine() {
    Path rust = rust(Map.of("replay.jsonl", "{\"seq\":1}\n{\"seq\":2,\n"));
    assertThatThrownBy(() -> ArtifactParity.defaults().compare(legacy(), rust))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("replay.jsonl:2: replay line is not valid JSON")
        .satisfies(e -> assertThat(((HarnessInputException) e).line()).isEqualTo(2));
  }

  @Test
  void aReceiptThatIsNotAnObjectIsBadInput() {
    Path rust = rust(Map.of("receipt.json", "[1,2]"));
    assertThatThrownBy(() -> ArtifactParity.defaults().compare(legacy(), rust))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageEndingWith("receipt.json: receipt must be a JSON object, found array");
  }

  @Test
  void aManifestWithoutAPathIsBadInputNamingTheKey() {
    Path rust = rust(Map.of("manifest.json", "{\"run_id\":\"run-42\",\"receipt_path\":\"receipt.json\"}"));
    assertThatThrownBy(() -> ArtifactParity.defaults().compare(legacy(), rust))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageEndingWith("manifest.json: run manifest needs replay_path as a non-blank string, found nothing");
  }

  @Test
  void aManifestThatIsNotJsonIsBadInput() {
    Path rust = rust(Map.of("manifest.json", "run_id: run-42"));
    assertThatThrownBy(() -> ArtifactParity.defaults().compare(legacy(), rust))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("manifest.json")
        .hasMessageContaining("run manifest is not valid JSON");
  }

  @Test
  void aMissingManifestIsBadInput() {
    assertThatThrownBy(() -> ArtifactParity.defaults().compare(legacy(), dir.resolve("nowhere.json")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageEndingWith("nowhere.json: run manifest does not exist");
  }

  @Test
  void comparingNoFieldIsAConfigurationError() {
    assertThatThrownBy(() -> ArtifactParity.builder().criticalFields(List.of()).warningFields(List.of()).build())
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("parity fields: no critical and no warning fields: parity over no field proves nothing");
  }
}
