package dev.invariantharness.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.invariantharness.HarnessInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParityReportTest {

  @TempDir Path dir;

  private static ParityReport blocked() {
    List<ParityDiff> diffs = List.of(
        new ParityDiff(Severity.CRITICAL, "summary_status", TextNode.valueOf("completed"), TextNode.valueOf("failed"), "summary_status differs"),
        new ParityDiff(Severity.WARNING, "receipt_event_count", IntNode.valueOf(3), null, "receipt_event_count differs"));
    return ParityReport.of(Instant.parse("2026-11-30T01:00:00Z"), "run-1", "run-1", diffs,
        new ParityGate(ParityDecision.BLOCK, "1 critical diff(s): summary_status"));
  }

  @Test
  void writesExactlyTheWireFormatsKeysInItsOrder() {
    assertThat(blocked().toJson()).isEqualToIgnoringWhitespace("""
        {"schema":"openagents.runtime.shadow_parity.v1","generated_at":"2026-11-30T01:00:00Z",
         "legacy_run_id":"run-1","rust_run_id":"run-1",
         "diffs":[{"severity":"critical","field":"summary_status","legacy":"completed","rust":"failed","message":"summary_status differs"},
                  {"severity":"warning","field":"receipt_event_count","legacy":3,"rust":null,"message":"receipt_event_count differs"}],
         "totals":{"critical":1,"warning":1},
         "gate":{"decision":"block","reason":"1 critical diff(s): summary_status"}}
        """);
  }

  @Test
  void aWrittenReportReadsBackEqual() {
    Path file = dir.resolve("nested/report.json");
    blocked().write(file);
    ParityReport read = ParityReport.read(file);
    assertThat(read).isEqualTo(blocked());
    assertThat(read.diffs().get(1).rust()).isEqualTo(NullNode.getInstance());
    assertThat(dir.resolve("nested")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void aReportFromAnotherToolReadsWithoutPrettyPrinting() {
    ParityReport read = ParityReport.parse("""
        {"schema":"openagents.runtime.shadow_parity.v1","generated_at":"2026-02-22T10:00:00.123Z","legacy_run_id":"a","rust_run_id":"b",
         "diffs":[],"totals":{"critical":0,"warning":0},"gate":{"decision":"allow","reason":"ok"}}""", "rust-harness.json");
    assertThat(read.allows()).isTrue();
    assertThat(read.legacyRunId()).isEqualTo("a");
  }

  @Test
  void anotherSchemaIsBadInput() {
    assertThatThrownBy(() -> ParityReport.parse(blocked().toJson().replace("shadow_parity.v1", "shadow_parity.v2"), "r.json"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("r.json: schema is 'openagents.runtime.shadow_parity.v2', expected 'openagents.runtime.shadow_parity.v1'");
  }

  @Test
  void totalsThatDoNotMatchTheDiffsAreBadInput() {
    assertThatThrownBy(() -> ParityReport.parse(blocked().toJson().replace("\"warning\" : 1", "\"warning\" : 0"), "r.json"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("r.json: totals ParityTotals[critical=1, warning=0] do not match the diffs");
  }

  @Test
  void anUnknownDecisionIsBadInput() {
    assertThatThrownBy(() -> ParityReport.parse(blocked().toJson().replace("\"block\"", "\"maybe\""), "r.json"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("r.json: gate.decision must be allow or block, was \"maybe\"");
  }

  @Test
  void aTruncatedReportIsBadInput() throws Exception {
    Path file = dir.resolve("r.json");
    Files.writeString(file, blocked().toJson().substring(0, 80));
    assertThatThrownBy(() -> ParityReport.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("parity report is not valid JSON");
  }
}
