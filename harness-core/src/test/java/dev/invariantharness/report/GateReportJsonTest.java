package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.EscalationClass;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.Mitigation;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.report.internal.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GateReportJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("summary.json"), content);
  }

  /** The full sample's summary.json, edited. */
  private Path edited(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(GateReportJson.write(SampleReports.full()));
    edit.accept(root);
    return file(MAPPER.writeValueAsString(root));
  }

  private Path withSchemaVersion(String literal) throws IOException {
    JsonNode version = literal == null ? null : MAPPER.readTree(literal);
    return edited(root -> {
      if (version == null) {
        root.remove("schemaVersion");
      } else {
        root.set("schemaVersion", version);
      }
    });
  }

  @Test
  void readingWhatWasWrittenGivesAnEqualReport() throws IOException {
    GateReport report = SampleReports.full();

    GateReport again = GateReportJson.read(file(GateReportJson.write(report)));

    assertThat(again).isEqualTo(report);
  }

  @ParameterizedTest
  @EnumSource(BlockedScope.class)
  void everyBlockedScopeAndModeSurvivesTheRoundTrip(BlockedScope scope) throws IOException {
    GateDecision decision = scope == BlockedScope.NOTHING
        ? SampleReports.go(GateMode.BASELINE)
        : SampleReports.noGo(scope, GateMode.BASELINE);
    GateReport report = SampleReports.report(decision, SampleReports.results());

    assertThat(GateReportJson.read(file(GateReportJson.write(report)))).isEqualTo(report);
  }

  @Test
  void nullsAndEmptyCollectionsSurviveTheRoundTrip() throws IOException {
    CheckResult bare = new CheckResult("Bare.check", false, CheckStatus.MITIGATED, null, null,
        null, 0, null, null, List.of(new EvidenceRef(null, null, null)),
        new Mitigation(null, null, null, null, null, null));
    GateDecision decision = new GateDecision(Verdict.NO_GO, BlockedScope.RELEASE_PROMOTION,
        GateMode.GATING, List.of(new Blocker(null, null, null, null, null)), List.of(), List.of());
    GateReport report = new GateReport(GateReport.SCHEMA_VERSION, null, null, Map.of(),
        List.of(bare), decision, List.of(), List.of(), List.of());

    assertThat(GateReportJson.read(file(GateReportJson.write(report)))).isEqualTo(report);
  }

  @Test
  void topLevelKeysFollowTheDocumentedOrder() throws IOException {
    JsonNode root = MAPPER.readTree(GateReportJson.write(SampleReports.full()));

    assertThat(iterableOf(root.fieldNames())).containsExactly("schemaVersion", "runId",
        "generatedAt", "decision", "totals", "lanes", "environment", "checks", "catalogue",
        "coverageGaps", "mitigations");
    assertThat(iterableOf(root.get("decision").fieldNames())).containsExactly("verdict",
        "blocked", "mode", "failOnRequiredFailure", "gate", "failsBuild", "headline", "blockers",
        "warnings", "rejectedMitigations");
    assertThat(iterableOf(root.get("checks").get(0).fieldNames())).containsExactly("checkId",
        "required", "status", "description", "lane", "invariants", "notApplicable", "outcomes", "durationMs",
        "reason", "command", "logPath", "evidence", "findings", "mitigation");
    assertThat(iterableOf(root.get("catalogue").get(0).fieldNames())).containsExactly("id",
        "title", "statement", "escalation", "verification", "appliesTo", "supersededBy",
        "history");
  }

  @Test
  void totalsAndLanesCountEveryStatus() throws IOException {
    JsonNode root = MAPPER.readTree(GateReportJson.write(SampleReports.full()));

    assertThat(root.get("totals")).isEqualTo(MAPPER.readTree("""
        {"checks":8,"passed":1,"failed":2,"skipped":2,"notApplicable":1,"mitigated":1,
         "unmapped":1,"requiredFailures":1,"requiredSkipped":1,"optionalFailures":1,
         "optionalSkipped":1}"""));
    assertThat(root.get("lanes").get("khala")).isEqualTo(MAPPER.readTree("""
        {"passed":0,"failed":0,"skipped":0,"n/a":0,"mitigated":1,"unmapped":1}"""));
    assertThat(root.get("decision").get("verdict").asText()).isEqualTo("NO-GO");
    assertThat(root.get("decision").get("blocked").asText()).isEqualTo("merge");
    assertThat(root.get("generatedAt").asText()).isEqualTo("2026-11-22T22:36:14.123456789Z");
    assertThat(root.get("checks").get(3).get("mitigation").get("expires").asText())
        .isEqualTo("2026-12-31");
  }

  @Test
  void outputIsPrettyStableAndUsesLineFeedsOnly() {
    String once = GateReportJson.write(SampleReports.full());

    assertThat(GateReportJson.write(SampleReports.full())).isEqualTo(once);
    assertThat(once).startsWith("{\n  \"schemaVersion\": 1,\n").endsWith("}\n")
        .doesNotContain("\r");
    assertThat(new SummaryJson().render(SampleReports.full())).isEqualTo(once);
    assertThat(new SummaryJson().fileName()).isEqualTo("summary.json");
  }

  @Test
  void aReportClaimingAnotherVersionIsWrittenWithThisHarnesssVersion() throws IOException {
    GateReport old = new GateReport(0, "r", SampleReports.GENERATED_AT, Map.of(), List.of(),
        SampleReports.go(GateMode.GATING), List.of(), List.of(), List.of());

    assertThat(MAPPER.readTree(GateReportJson.write(old)).get("schemaVersion").asInt())
        .isEqualTo(GateReport.SCHEMA_VERSION);
  }

  @Test
  void olderSchemaVersionIsRefusedNamingFileAndBothVersions() throws IOException {
    Path file = withSchemaVersion("0");

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": schemaVersion 0 is older than this harness's 1; re-run the suite "
            + "or use the matching harness version to merge");
  }

  @Test
  void newerSchemaVersionIsRefusedNamingFileAndBothVersions() throws IOException {
    Path file = withSchemaVersion("2");

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(file + ": schemaVersion 2 is newer than this harness's 1");
  }

  @Test
  void missingSchemaVersionIsRefused() throws IOException {
    Path file = withSchemaVersion(null);

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(file + ": schemaVersion is missing; this harness reads "
            + "schemaVersion 1");
  }

  @Test
  void nonNumericSchemaVersionIsRefused() throws IOException {
    Path text = withSchemaVersion("\"1\"");
    assertThatThrownBy(() -> GateReportJson.read(text))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(text + ": schemaVersion \"1\" is not a whole number");

    Path fraction = withSchemaVersion("1.5");
    assertThatThrownBy(() -> GateReportJson.read(fraction))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("schemaVersion 1.5 is not a whole number");
  }

  @Test
  void malformedJsonNamesFileAndLine() throws IOException {
    Path file = file(
        "{\n  \"schemaVersion\": 1,\n  \"runId\": \"x\"\n  \"generatedAt\": null\n}\n");

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOfSatisfying(HarnessInputException.class, e -> {
          assertThat(e.input()).isEqualTo(file.toString());
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.getMessage()).startsWith(file + ":4: malformed JSON: ");
        });
  }

  @Test
  void emptyFileAndNonObjectAreRefused() throws IOException {
    Path empty = file("");
    assertThatThrownBy(() -> GateReportJson.read(empty))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(empty + ": empty file, expected a summary.json object");

    Path array = file("[1]");
    assertThatThrownBy(() -> GateReportJson.read(array))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(array + ": $: expected a JSON object, found array");
  }

  @Test
  void missingFileIsNamed() {
    Path absent = dir.resolve("nope/summary.json");

    assertThatThrownBy(() -> GateReportJson.read(absent))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(absent + ": no such file");
  }

  @Test
  void unknownStatusNamesTheJsonPathAndTheAcceptedLabels() throws IOException {
    Path file = edited(root -> ((ObjectNode) root.get("checks").get(2)).put("status", "exploded"));

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": checks[2].status: 'exploded' is not one of passed, failed, skipped, "
            + "n/a, mitigated, unmapped");
  }

  @Test
  void mistypedFieldNamesTheJsonPath() throws IOException {
    Path file = edited(root -> ((ObjectNode) root.get("checks").get(1)).put("durationMs", "slow"));

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": checks[1].durationMs: expected a whole number, found \"slow\"");
  }

  @Test
  void unknownEscalationNamesTheJsonPath() throws IOException {
    Path file = edited(root ->
        ((ObjectNode) root.get("catalogue").get(0)).put("escalation", "panic"));

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(file + ": catalogue[0].escalation: unknown escalation class "
            + "'panic'");
  }

  @Test
  void missingRequiredSectionIsNamed() throws IOException {
    Path file = edited(root -> root.remove("checks"));

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": checks: missing");
  }

  @Test
  void unknownFieldsAreIgnoredSoAdditiveChangesKeepTheVersion() throws IOException {
    Path file = edited(root -> {
      root.put("addedLater", "ignored");
      ((ObjectNode) root.get("checks").get(0)).put("flakiness", 0.1);
    });

    assertThat(GateReportJson.read(file)).isEqualTo(SampleReports.full());
  }

  @Test
  void duplicateKeysAreRefused() throws IOException {
    String json = GateReportJson.write(SampleReports.full())
        .replaceFirst("\"runId\": \"run-7f3a\",", "\"runId\": \"a\",\n  \"runId\": \"b\",");
    Path file = file(json);

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOfSatisfying(HarnessInputException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.getMessage()).contains("Duplicate field 'runId'");
        });
  }

  @Test
  void derivedSectionsAreRecomputedNotTrusted() throws IOException {
    Path file = edited(root -> ((ObjectNode) root.get("totals")).put("passed", 999));

    GateReport read = GateReportJson.read(file);

    assertThat(read.counts().get(CheckStatus.PASSED)).isEqualTo(1);
    assertThat(MAPPER.readTree(GateReportJson.write(read)).get("totals").get("passed").asInt())
        .isEqualTo(1);
  }

  @Test
  void escalationIdsAreWrittenAsInTheCatalogueFiles() throws IOException {
    JsonNode root = MAPPER.readTree(GateReportJson.write(SampleReports.full()));
    List<String> ids = new ArrayList<>();
    root.get("catalogue").forEach(i -> ids.add(i.get("escalation").asText()));

    assertThat(ids).allSatisfy(id -> assertThat(EscalationClass.fromId(id).id()).isEqualTo(id));
  }

  private static <T> Iterable<T> iterableOf(java.util.Iterator<T> it) {
    return () -> it;
  }
}
