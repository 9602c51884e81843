package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.CheckStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code summary.json} is read strictly: a value of the wrong type is never coerced (a
 * {@code "true"} string is not {@code true}, a number is not a check id), and every problem names
 * the file and the JSON path.
 */
class ReportJsonReaderStrictnessTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private Path edited(Consumer<ObjectNode> edit) throws IOException {
    ObjectNode root = (ObjectNode) MAPPER.readTree(GateReportJson.write(SampleReports.full()));
    edit.accept(root);
    return Files.writeString(dir.resolve("summary.json"), MAPPER.writeValueAsString(root));
  }

  private static ObjectNode check(ObjectNode root, int i) {
    return (ObjectNode) root.get("checks").get(i);
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("required as a string", (Consumer<ObjectNode>) r -> check(r, 0).put("required", "true"),
            "checks[0].required: expected true or false, found \"true\""),
        Arguments.of("required missing", (Consumer<ObjectNode>) r -> check(r, 0).remove("required"),
            "checks[0].required: missing"),
        Arguments.of("checkId as a number", (Consumer<ObjectNode>) r -> check(r, 0).put("checkId", 42),
            "checks[0].checkId: expected a string, found number"),
        Arguments.of("checkId null", (Consumer<ObjectNode>) r -> check(r, 0).putNull("checkId"),
            "checks[0].checkId: missing"),
        Arguments.of("status missing", (Consumer<ObjectNode>) r -> check(r, 1).remove("status"),
            "checks[1].status: missing"),
        Arguments.of("durationMs a fraction", (Consumer<ObjectNode>) r -> check(r, 0).put("durationMs", 1.5),
            "checks[0].durationMs: expected a whole number, found 1.5"),
        Arguments.of("durationMs missing", (Consumer<ObjectNode>) r -> check(r, 0).remove("durationMs"),
            "checks[0].durationMs: missing"),
        Arguments.of("invariants a string", (Consumer<ObjectNode>) r -> check(r, 0).put("invariants", "INV-01"),
            "checks[0].invariants: expected an array, found string"),
        Arguments.of("an invariant a number", (Consumer<ObjectNode>) r -> check(r, 0).set("invariants", json("[7]")),
            "checks[0].invariants[0]: expected a string, found number"),
        Arguments.of("a check not an object", (Consumer<ObjectNode>) r -> ((ArrayNode) r.get("checks")).set(0, json("\"x\"")),
            "checks[0]: expected an object, found string"),
        Arguments.of("outcomes an array", (Consumer<ObjectNode>) r -> check(r, 0).set("outcomes", json("[]")),
            "checks[0].outcomes: expected an object, found array"),
        Arguments.of("an unknown outcome", (Consumer<ObjectNode>) r -> check(r, 0).set("outcomes", json("{\"INV-01\":\"great\"}")),
            "checks[0].outcomes.INV-01: 'great' is not one of passed, failed, skipped, n/a, mitigated, unmapped"),
        Arguments.of("a finding without message", (Consumer<ObjectNode>) r -> check(r, 1).set("findings",
                json("[{\"invariant\":\"INV-02\",\"location\":\"/ws\"}]")),
            "checks[1].findings[0].message: missing"),
        Arguments.of("a finding not an object", (Consumer<ObjectNode>) r -> check(r, 1).set("findings", json("[3]")),
            "checks[1].findings[0]: expected an object, found number"),
        Arguments.of("evidence not an object", (Consumer<ObjectNode>) r -> check(r, 0).set("evidence", json("[\"a.txt\"]")),
            "checks[0].evidence[0]: expected an object, found string"),
        Arguments.of("mitigation expiry not a date", (Consumer<ObjectNode>) r ->
                ((ObjectNode) check(r, 3).get("mitigation")).put("expires", "soon"),
            "checks[3].mitigation.expires: 'soon' is not an ISO date (yyyy-MM-dd)"),
        Arguments.of("mitigation not an object", (Consumer<ObjectNode>) r -> check(r, 3).put("mitigation", "yes"),
            "checks[3].mitigation: expected an object, found string"),
        Arguments.of("generatedAt not an instant", (Consumer<ObjectNode>) r -> r.put("generatedAt", "yesterday"),
            "generatedAt: 'yesterday' is not an ISO-8601 instant"),
        Arguments.of("runId a number", (Consumer<ObjectNode>) r -> r.put("runId", 5),
            "runId: expected a string, found number"),
        Arguments.of("verdict unknown", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("decision")).put("verdict", "MAYBE"),
            "decision.verdict: 'MAYBE' is not one of GO, NO-GO"),
        Arguments.of("mode unknown", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("decision")).put("mode", "GATING"),
            "decision.mode: 'GATING' is not one of gating, baseline"),
        Arguments.of("decision an array", (Consumer<ObjectNode>) r -> r.set("decision", json("[]")),
            "decision: expected an object, found array"),
        Arguments.of("decision missing", (Consumer<ObjectNode>) r -> r.remove("decision"),
            "decision: missing"),
        Arguments.of("a blocker's scope unknown", (Consumer<ObjectNode>) r ->
                ((ObjectNode) r.get("decision").get("blockers").get(0)).put("scope", "everything"),
            "decision.blockers[0].scope: 'everything' is not one of nothing, release promotion, merge"),
        Arguments.of("a blocker not an object", (Consumer<ObjectNode>) r ->
                ((ArrayNode) r.get("decision").get("blockers")).set(0, json("1")),
            "decision.blockers[0]: expected an object, found number"),
        Arguments.of("a warning null", (Consumer<ObjectNode>) r ->
                ((ArrayNode) r.get("decision").get("warnings")).set(0, json("null")),
            "decision.warnings[0]: expected a string, found null"),
        Arguments.of("environment value a number", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("environment")).put("X", 5),
            "environment.X: expected a string, found number"),
        Arguments.of("environment a string", (Consumer<ObjectNode>) r -> r.put("environment", "x"),
            "environment: expected an object, found string"),
        Arguments.of("an invariant without id", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("catalogue").get(0)).remove("id"),
            "catalogue[0].id: missing"),
        Arguments.of("an invariant without escalation", (Consumer<ObjectNode>) r ->
                ((ObjectNode) r.get("catalogue").get(0)).remove("escalation"),
            "catalogue[0].escalation: missing"),
        Arguments.of("a coverage gap a number", (Consumer<ObjectNode>) r -> r.set("coverageGaps", json("[1]")),
            "coverageGaps[0]: expected a string, found number"),
        Arguments.of("mitigations missing", (Consumer<ObjectNode>) r -> r.remove("mitigations"),
            "mitigations: missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aMistakeIsRefusedNamingTheFileAndTheJsonPath(String what, Consumer<ObjectNode> edit, String expected) throws IOException {
    Path file = edited(edit);

    assertThatThrownBy(() -> GateReportJson.read(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": " + expected);
  }

  @Test
  void fieldsOfReportsBeforeFindingsWereDataAreReadAsEmpty() throws IOException {
    Path file = edited(r -> {
      check(r, 0).remove("notApplicable");
      check(r, 0).remove("findings");
      check(r, 0).remove("outcomes");
      check(r, 1).putNull("findings");
      check(r, 1).putNull("outcomes");
    });

    GateReport report = GateReportJson.read(file);

    assertThat(report.results().get(0).notApplicable()).isEmpty();
    assertThat(report.results().get(0).findings()).isEmpty();
    assertThat(report.results().get(0).outcomes()).isEmpty();
    assertThat(report.results().get(1).findings()).isEmpty();
  }

  @Test
  void findingsOutcomesAndNullableFieldsAreReadBack() throws IOException {
    Path file = edited(r -> {
      check(r, 1).set("findings", json("[{\"invariant\":\"INV-02\",\"location\":null,\"message\":\"accepted a frame\","
          + "\"evidence\":[{\"name\":null,\"kind\":\"frames\",\"path\":\"evidence/x/001.txt\"}]}]"));
      check(r, 1).set("outcomes", json("{\"INV-02\":\"failed\",\"INV-06\":\"passed\"}"));
      check(r, 1).putNull("description");
      r.putNull("generatedAt");
      ((ObjectNode) r.get("decision").get("blockers").get(0)).putNull("scope");
    });

    GateReport report = GateReportJson.read(file);

    assertThat(report.results().get(1).findings()).containsExactly(new Finding("INV-02", "", "accepted a frame",
        List.of(new dev.invariantharness.evidence.EvidenceRef(null, "frames", "evidence/x/001.txt"))));
    assertThat(report.results().get(1).outcomes())
        .containsExactly(Map.entry("INV-02", CheckStatus.FAILED), Map.entry("INV-06", CheckStatus.PASSED));
    assertThat(report.results().get(1).description()).isEmpty();
    assertThat(report.generatedAt()).isNull();
    assertThat(report.decision().blockers().get(0).scope()).isNull();
  }

  @Test
  void notApplicableIdsAreReadBack() throws IOException {
    Path file = edited(r -> check(r, 4).set("notApplicable", json("[\"INV-11\"]")));

    assertThat(GateReportJson.read(file).results().get(4).notApplicable()).containsExactly("INV-11");
  }
}
