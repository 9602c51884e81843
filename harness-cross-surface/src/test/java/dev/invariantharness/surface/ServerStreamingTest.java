package dev.invariantharness.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.surface.grpc.GrpcSurface;
import dev.invariantharness.surface.http.HttpJsonSurface;
import dev.invariantharness.surface.scenario.Scenario;
import dev.invariantharness.surface.ws.KhalaSurface;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Server-streaming methods: a step's answer is the whole stream, compared as a list of messages in
 * canonical form; over HTTP the stream is grpc-gateway's newline-delimited {@code {"result": ...}}
 * lines or one JSON array; the step's deadline bounds the whole stream.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerStreamingTest {

  static final String SCENARIO = """
      scenario: note-listing
      invariants: [INV-01]
      deadline: 2s
      volatile: ['/*/updatedAt']
      steps:
        - {name: first, operation: CreateNote, surfaces: [grpc], input: {title: milk, tags: [shop]}}
        - {name: second, operation: CreateNote, surfaces: [grpc], input: {title: bread, tags: [shop]}}
        - {name: third, operation: CreateNote, surfaces: [grpc], input: {title: eggs, tags: [shop]}}
        - {name: other, operation: CreateNote, surfaces: [grpc], input: {title: taxes, tags: [work]}}
        - name: list the shopping notes
          operation: ListNotes
          surfaces: [grpc, http]
          input: {tag: shop}
          capture: {firstId: /0/noteId}
        - {name: read the first listed, operation: GetNote, surfaces: [http], input: {noteId: "${firstId}"}}
        - {name: nothing tagged, operation: ListNotes, surfaces: [grpc, http], input: {tag: none}}
      """;

  NotesStack stack;
  HttpJsonSurface http;
  GrpcSurface grpc;

  @BeforeEach
  void start() throws Exception {
    stack = new NotesStack();
    http = HttpJsonSurface.at("http", stack.httpBase()).route("ListNotes", "GET", "/v1/notes").route("GetNote", "GET", "/v1/notes/{noteId}");
    grpc = GrpcSurface.over("grpc", stack.channel()).closingChannel();
  }

  @AfterEach
  void stop() {
    http.close();
    grpc.close();
    stack.close();
  }

  private ParityReport run(String yaml) {
    return SurfaceParity.of(Scenario.parse("listing.yaml", yaml), NotesStack.contract(), http, grpc).run();
  }

  private static List<String> messages(ParityReport report) {
    return report.findings().stream().map(Finding::toString).toList();
  }

  @Test
  void theSameStreamOnGrpcAndOverHttpLinesAgrees() {
    ParityReport report = run(SCENARIO);
    assertThat(messages(report)).isEmpty();
    assertThat(report.rows()).extracting(ParityRow::name).contains("note-listing › list the shopping notes: grpc ↔ http",
        "note-listing › nothing tagged: grpc ↔ http");
  }

  @Test
  void theSameStreamAsOneJsonArrayAgreesToo() {
    stack.httpStreamAsArray = true;
    assertThat(messages(run(SCENARIO))).isEmpty();
  }

  @Test
  void aStreamMissingAMessageOnOneSurfaceNamesTheMessage() {
    stack.httpStreamDropsSecond = true;
    ParityReport report = run(SCENARIO);
    assertThat(messages(report)).singleElement().asString()
        .startsWith("scenario 'note-listing' step 'list the shopping notes': grpc streamed 3 message(s), http 2: http's stream lacks"
            + " grpc's message 1 {\"noteId\":\"n-2\",\"title\":\"bread\"");
    assertThatThrownBy(report::assertNone).isInstanceOf(InvariantViolation.class)
        .satisfies(e -> assertThat(((InvariantViolation) e).invariant()).isEqualTo("INV-01"));
  }

  @Test
  void aStreamedMessageThatDiffersIsNamedByItsIndex() {
    stack.httpRewrite = body -> body.replace("\"title\":\"eggs\"", "\"title\":\"EGGS\"");
    assertThat(messages(run(SCENARIO))).containsExactly(
        "scenario 'note-listing' step 'list the shopping notes': grpc and http disagree at /2/title: grpc \"eggs\", http \"EGGS\"");
  }

  @Test
  void anUndeclaredFieldInAStreamedMessageIsNamedByItsIndex() {
    stack.httpRewrite = body -> body.replace("\"title\":\"bread\"", "\"title\":\"bread\",\"aisle\":4");
    assertThat(messages(run(SCENARIO))).containsExactly("scenario 'note-listing' step 'list the shopping notes' on http: /1/aisle: field"
        + " not declared by surface.test.v1.Note (value 4)");
  }

  @Test
  void anErrorEndingTheStreamIsHeldToTheExpectedCodeOnEverySurface() {
    String yaml = "scenario: errors\nsteps:\n  - {name: forbidden, operation: ListNotes, surfaces: [grpc, http], input: {tag: forbidden},"
        + " expect: error NOT_FOUND}\n";
    assertThat(messages(run(yaml))).isEmpty();
    assertThat(messages(run(yaml.replace("NOT_FOUND", "PERMISSION_DENIED")))).containsExactly(
        "scenario 'errors' step 'forbidden' on grpc: expected error PERMISSION_DENIED, answered error NOT_FOUND: no tag forbidden",
        "scenario 'errors' step 'forbidden' on http: expected error PERMISSION_DENIED, answered error NOT_FOUND: in the stream after 0"
            + " message(s): no tag forbidden");
  }

  @Test
  void aStreamLineThatIsNotJsonNamesScenarioStepAndLine() {
    stack.httpRewrite = body -> body.contains("bread") ? "<b>bread</b>" : body;
    assertThat(messages(run(SCENARIO))).containsExactly("scenario 'note-listing' step 'list the shopping notes' on http: expected ok, got"
        + " no answer: GET " + stack.httpBase() + "/v1/notes?tag=shop answered 200 application/json, a stream whose line 2 is not JSON:"
        + " {\"result\":<b>bread</b>}");
  }

  @Test
  void theDeadlineBoundsTheWholeStream() {
    stack.grpcStreamStalls = true;
    long start = System.nanoTime();
    List<String> found = messages(run(SCENARIO.replace("    input: {tag: shop}", "    input: {tag: shop}\n    deadline: 300ms")));
    assertThat(found).contains("scenario 'note-listing' step 'list the shopping notes' on grpc: expected ok, got no answer: the stream of"
        + " surface.test.v1.NoteService/ListNotes did not end within PT0.3S after 1 streamed message(s)");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
  }

  @Test
  void clientStreamingIsRefusedNamingTheStep() {
    assertThatThrownBy(() -> run("scenario: bad\nsteps:\n  - {name: import, operation: ImportNotes, surfaces: [grpc]}\n"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("listing.yaml: scenario 'bad' step 'import': operation 'ImportNotes' (surface.test.v1.NoteService/ImportNotes) is"
            + " client streaming; scenarios call unary and server-streaming methods only");
  }

  @Test
  void aWebSocketSurfaceRefusesAStreamingStep() {
    try (KhalaSurface ws = KhalaSurface.channel("ws", stack.channelUri(), NotesStack.timeout()).await("ListNotes", NotesStack.TOPIC, "/tag")) {
      assertThatThrownBy(() -> SurfaceParity.of(Scenario.parse("listing.yaml",
          "scenario: bad\nsteps:\n  - {name: list, operation: ListNotes, surfaces: [grpc, ws], input: {tag: x}}\n"), NotesStack.contract(), grpc, ws).run())
          .isInstanceOf(HarnessInputException.class)
          .hasMessage("listing.yaml: scenario 'bad' step 'list': WebSocket surface 'ws' cannot answer surface.test.v1.NoteService/ListNotes:"
              + " it streams, and a topic's frames have no end of stream to compare; run the step on gRPC and HTTP");
    }
  }
}
