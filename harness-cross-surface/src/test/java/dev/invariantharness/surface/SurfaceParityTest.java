package dev.invariantharness.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.surface.compare.CanonicalOptions;
import dev.invariantharness.surface.compare.JsonPointers;
import dev.invariantharness.surface.grpc.GrpcSurface;
import dev.invariantharness.surface.http.HttpJsonSurface;
import dev.invariantharness.surface.scenario.Scenario;
import dev.invariantharness.surface.ws.KhalaSurface;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One scenario over HTTP JSON, gRPC and WebSocket against the notes stack, correct and drifted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SurfaceParityTest {

  static final String SCENARIO = """
      scenario: note-lifecycle
      invariants: [INV-01]
      deadline: 2s
      volatile: [/updatedAt]
      steps:
        - name: create
          operation: CreateNote
          surfaces: [http]
          input: {title: groceries, kind: NOTE_KIND_CHECKLIST, tags: [home, weekly]}
          capture: {noteId: /noteId}
        - name: read back everywhere
          operation: GetNote
          surfaces: [http, grpc, ws]
          input: {noteId: "${noteId}"}
        - name: missing note
          operation: GetNote
          surfaces: [http, grpc]
          input: {noteId: no-such-note}
          expect: error NOT_FOUND
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  NotesStack stack;
  ManagedChannel channel;
  HttpJsonSurface http;
  GrpcSurface grpc;
  KhalaSurface ws;

  @BeforeEach
  void start() throws Exception {
    stack = new NotesStack();
    channel = stack.channel();
    http = HttpJsonSurface.at("http", stack.httpBase()).route("CreateNote", "POST", "/v1/notes").route("GetNote", "GET", "/v1/notes/{noteId}");
    grpc = GrpcSurface.over("grpc", channel).closingChannel();
    ws = KhalaSurface.channel("ws", stack.channelUri(), NotesStack.timeout()).await("GetNote", NotesStack.TOPIC, "/noteId");
  }

  @AfterEach
  void stop() {
    http.close();
    grpc.close();
    ws.close();
    stack.close();
  }

  private ParityReport run() {
    return SurfaceParity.of(Scenario.parse("notes.yaml", SCENARIO), NotesStack.contract(), http, grpc, ws).run();
  }

  private static List<String> messages(ParityReport report) {
    return report.findings().stream().map(Finding::toString).toList();
  }

  @Test
  void everySurfaceAgreesOnACorrectService() {
    ParityReport report = run();
    assertThat(messages(report)).isEmpty();
    assertThat(report.rows()).extracting(ParityRow::name).containsExactly(
        "note-lifecycle › create: @ http",
        "note-lifecycle › read back everywhere: http ↔ grpc",
        "note-lifecycle › read back everywhere: http ↔ ws",
        "note-lifecycle › missing note: http ↔ grpc");
  }

  @Test
  void aValueCapturedFromAVolatileFieldStillFlowsToLaterSteps() {
    // volatile fields are stripped from each answer in place; the capture must be taken first
    ParityReport report = SurfaceParity.of(Scenario.parse("notes.yaml", SCENARIO).withVolatile("/noteId"), NotesStack.contract(),
        http, grpc, ws).run();
    assertThat(messages(report)).isEmpty();
    assertThat(report.rows()).hasSize(4);
    assertThat(report.rows().get(1).findings()).isEmpty();
  }

  @Test
  void aFieldRenamedOnOneSurfaceIsAnUndeclaredFieldAndADifference() {
    stack.httpRewrite = body -> body.replace("\"title\":", "\"noteTitle\":");
    ParityReport report = run();
    assertThat(report.passed()).isFalse();
    assertThat(messages(report))
        .contains("scenario 'note-lifecycle' step 'read back everywhere' on http: /noteTitle: field not declared by surface.test.v1.Note (value \"groceries\")")
        .contains("scenario 'note-lifecycle' step 'read back everywhere': http and grpc disagree at /title: http \"\", grpc \"groceries\"")
        .contains("scenario 'note-lifecycle' step 'read back everywhere': http and ws disagree at /title: http \"\", ws \"groceries\"");
    assertThatThrownBy(report::assertNone).isInstanceOf(InvariantViolation.class)
        .satisfies(e -> assertThat(((InvariantViolation) e).invariant()).isEqualTo("INV-01"))
        .hasMessageStartingWith("INV-01 violated: ");
  }

  @Test
  void aFieldOnlyHttpAnswersIsItsOwnFinding() {
    stack.httpRewrite = body -> body.replaceFirst("\\{", "{\"internalOwner\":\"ops\",");
    List<String> found = messages(run());
    assertThat(found).contains(
        "scenario 'note-lifecycle' step 'read back everywhere' on http: /internalOwner: field not declared by surface.test.v1.Note (value \"ops\")");
    assertThat(found).noneMatch(m -> m.contains("disagree"));
  }

  @Test
  void aDifferentErrorCodeOverHttpIsAFinding() {
    stack.missingStatus = 400;
    assertThat(messages(run())).containsExactly("scenario 'note-lifecycle' step 'missing note' on http: expected error NOT_FOUND (HTTP 404),"
        + " answered HTTP 400, which stands for [INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE]");
  }

  @Test
  void aFrameThatNeverArrivesFailsWithinTheStepDeadline() {
    stack.publishFrames = false;
    long start = System.nanoTime();
    List<String> found = messages(run());
    assertThat(found).singleElement().asString()
        .startsWith("scenario 'note-lifecycle' step 'read back everywhere' on ws: expected ok, got no answer: no frame on topic notes.updates"
            + " with /noteId = \"n-1\" arrived within PT2S");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(6_000);
  }

  @Test
  void legalSpellingsOfTheSameAnswerAgree() {
    // proto field names, reversed field order, defaults present, int64 as a JSON number
    stack.httpRewrite = respell(node -> {
      ObjectNode out = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      java.util.Collections.reverse(names);
      for (String n : names) {
        out.set(JsonPointers.snake(n), node.get(n));
      }
      out.put("revision", node.path("revision").asLong());
      out.putNull("author");
      out.set("tags", node.has("tags") ? node.get("tags") : JSON.createArrayNode());
      return out;
    });
    assertThat(messages(run())).isEmpty();
  }

  @Test
  void enumsAsNumbersAreAFindingUnlessConfigured() {
    stack.httpRewrite = body -> body.replace("\"NOTE_KIND_CHECKLIST\"", "2");
    Scenario scenario = Scenario.parse("notes.yaml", SCENARIO);
    assertThat(messages(SurfaceParity.of(scenario, NotesStack.contract(), http, grpc, ws).run())).contains(
        "scenario 'note-lifecycle' step 'read back everywhere' on http: /kind: enum sent as number 2 where the contract's JSON convention is names");
    assertThat(messages(SurfaceParity.of(scenario, NotesStack.contract(), http, grpc, ws)
        .withOptions(CanonicalOptions.standard().withEnumsAsNumbers(true)).run())).isEmpty();
  }

  @Test
  void anEmptySuccessIsADroppedStep() {
    stack.httpRewrite = body -> "";
    assertThat(messages(run())).contains("scenario 'note-lifecycle' step 'create' on http: answered ok (HTTP 200) with an empty body:"
        + " the step was dropped (a surface.test.v1.Note was expected)")
        .contains("scenario 'note-lifecycle' step 'read back everywhere': not run: variable ${noteId} was not captured, because step 'create'"
            + " did not give it");
  }

  @Test
  void aNonJsonHttpAnswerNamesScenarioAndStep() {
    stack.htmlAnswers = true;
    assertThat(messages(run())).first().asString().startsWith("scenario 'note-lifecycle' step 'create' on http: expected ok, got no answer:"
        + " POST " + stack.httpBase() + "/v1/notes answered 200 text/html, not JSON: <html><body>maintenance</body></html>");
  }

  @Test
  void dynamicTestsAreOneRowPerStepAndSurfacePairAndFailUnderTheInvariant() throws Throwable {
    stack.missingStatus = 400;
    List<DynamicTest> tests = SurfaceParity.of(Scenario.parse("notes.yaml", SCENARIO), NotesStack.contract(), http, grpc, ws)
        .dynamicTests().toList();
    assertThat(tests).extracting(DynamicTest::getDisplayName).hasSize(4).last().isEqualTo("note-lifecycle › missing note: http ↔ grpc");
    for (int i = 0; i < 3; i++) {
      tests.get(i).getExecutable().execute();
    }
    assertThatThrownBy(() -> tests.get(3).getExecutable().execute()).isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-01 violated: 1 finding(s) — scenario 'note-lifecycle' step 'missing note': every surface answers as expected and alike")
        .hasMessageContaining("answered HTTP 400");
  }

  @Test
  void legacyAndNewHttpDeploymentsAreComparedRouteByRoute() throws Exception {
    try (NotesStack legacy = new NotesStack();
        HttpJsonSurface legacyHttp = HttpJsonSurface.at("legacy", legacy.httpBase()).route("CreateNote", "POST", "/v1/notes")
            .route("GetNote", "GET", "/v1/notes/{noteId}");
        HttpJsonSurface newHttp = HttpJsonSurface.at("new", stack.httpBase()).route("CreateNote", "POST", "/v1/notes")
            .route("GetNote", "GET", "/v1/notes/{noteId}")) {
      stack.httpRewrite = body -> body.replace("\"tags\":[\"home\",\"weekly\"]", "\"tags\":[\"home\"]");
      Scenario mixed = Scenario.named("mixed-version").volatileFields("/updatedAt")
          .step("create on both", s -> s.operation("CreateNote").on("legacy", "new").input("{\"title\":\"t\",\"tags\":[\"home\",\"weekly\"]}"))
          .build();
      ParityReport report = SurfaceParity.of(mixed, NotesStack.contract(), legacyHttp, newHttp).run();
      assertThat(messages(report)).containsExactly(
          "scenario 'mixed-version' step 'create on both': legacy and new disagree at /tags/1: legacy \"weekly\", new (absent)");
    }
  }

  private static UnaryOperator<String> respell(java.util.function.Function<JsonNode, ObjectNode> f) {
    return body -> {
      try {
        return f.apply(JSON.readTree(body)).toString();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode n) {
    return n.fields();
  }
}
