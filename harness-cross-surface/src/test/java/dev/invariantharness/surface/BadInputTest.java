package dev.invariantharness.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.surface.grpc.GrpcSurface;
import dev.invariantharness.surface.http.HttpJsonSurface;
import dev.invariantharness.surface.scenario.Scenario;
import dev.invariantharness.surface.testproto.Notes;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gives one clear message naming the scenario and the step, and never a hang: unknown
 * surface, operation, request field or variable, malformed scenario files, an unreachable target,
 * a silent peer, a gRPC method the server does not have, a server without reflection.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {

  NotesStack stack;
  ManagedChannel channel;
  HttpJsonSurface http;
  GrpcSurface grpc;

  @BeforeEach
  void start() throws Exception {
    stack = new NotesStack();
    channel = stack.channel();
    http = HttpJsonSurface.at("http", stack.httpBase()).route("CreateNote", "POST", "/v1/notes").route("GetNote", "GET", "/v1/notes/{noteId}");
    grpc = GrpcSurface.over("grpc", channel).closingChannel();
  }

  @AfterEach
  void stop() {
    http.close();
    grpc.close();
    stack.close();
  }

  private ParityReport run(String yaml) {
    return SurfaceParity.of(Scenario.parse("bad.yaml", yaml), NotesStack.contract(), http, grpc).run();
  }

  private static String scenario(String step) {
    return "scenario: bad\nsteps:\n" + step;
  }

  @Test
  void anUnknownSurfaceIsNamedWithTheConfiguredOnes() {
    assertThatThrownBy(() -> run(scenario("  - {name: read, operation: GetNote, surfaces: [http, soap], input: {noteId: x}}\n")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("bad.yaml: scenario 'bad' step 'read': names surface 'soap', which is not configured (configured: [grpc, http])");
  }

  @Test
  void anUnknownMethodListsTheContractsMethods() {
    assertThatThrownBy(() -> run(scenario("  - {name: archive, operation: ArchiveNote, surfaces: [grpc]}\n")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith("bad.yaml: scenario 'bad' step 'archive': operation 'ArchiveNote' is no method of descriptors [surface/test/v1/notes.proto]")
        .hasMessageContaining("surface.test.v1.NoteService/GetNote");
  }

  @Test
  void anUnknownVariableIsRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> run(scenario("  - {name: read, operation: GetNote, surfaces: [grpc], input: {noteId: \"${noteID}\"}}\n")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("bad.yaml: scenario 'bad' step 'read': uses variable ${noteID}, which no earlier step captures");
  }

  @Test
  void anUndeclaredRequestFieldIsRefused() {
    assertThatThrownBy(() -> run(scenario("  - {name: read, operation: GetNote, surfaces: [grpc], input: {id: n-1}}\n")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("bad.yaml: scenario 'bad' step 'read': input /id: field not declared by surface.test.v1.GetNoteRequest (value \"n-1\")");
  }

  @Test
  void anUnknownMessageTypeIsNamedWithTheContractsTypes() {
    assertThatThrownBy(() -> run(scenario("  - {name: read, operation: GetNote, surfaces: [grpc, http], input: {noteId: x},"
        + " types: {http: surface.test.v1.Notes}}\n")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("bad.yaml: scenario 'bad' step 'read': types: surface 'http' answers as 'surface.test.v1.Notes', which is no message"
            + " type of descriptors [surface/test/v1/notes.proto] (message types: surface.test.v1.Note, surface.test.v1.Author,"
            + " surface.test.v1.CreateNoteRequest, surface.test.v1.GetNoteRequest, surface.test.v1.ListNotesRequest)");
    assertThatThrownBy(() -> run(scenario("  - {name: read, operation: GetNote, surfaces: [grpc, http], input: {noteId: x},"
        + " types: {http: Author}}\n")))
        .hasMessageEndingWith("answers as 'Author', which is no message type of descriptors [surface/test/v1/notes.proto]"
            + " (did you mean surface.test.v1.Author?)");
    assertThatThrownBy(() -> run(scenario("  - {name: read, operation: GetNote, surfaces: [grpc], input: {noteId: x},"
        + " types: {http: surface.test.v1.Note}}\n")))
        .hasMessage("bad.yaml: scenario 'bad' step 'read': types: names surface 'http', which the step does not run on (surfaces: [grpc])");
  }

  @Test
  void aDeclaredAnswerTypeIsWhatTheAnswerIsParsedInto() {
    String yaml = scenario("  - {name: create, operation: CreateNote, surfaces: [http], input: {title: t}, capture: {id: /noteId}}\n"
        + "  - {name: read, operation: GetNote, surfaces: [grpc, http], input: {noteId: '${id}'}, types: {http: surface.test.v1.Note}}\n"
        + "  - {name: as author, operation: GetNote, surfaces: [http], input: {noteId: '${id}'}, types: {http: surface.test.v1.Author}}\n");
    assertThat(messagesOf(run(yaml))).containsExactly(
        "scenario 'bad' step 'as author' on http: /noteId: field not declared by surface.test.v1.Author (value \"n-1\")",
        "scenario 'bad' step 'as author' on http: /title: field not declared by surface.test.v1.Author (value \"t\")",
        "scenario 'bad' step 'as author' on http: /revision: field not declared by surface.test.v1.Author (value \"1\")",
        "scenario 'bad' step 'as author' on http: /updatedAt: field not declared by surface.test.v1.Author (value \""
            + stack.get(dev.invariantharness.surface.testproto.GetNoteRequest.newBuilder().setNoteId("n-1").build()).getUpdatedAt() + "\")");
  }

  @Test
  void anUnreachableGrpcTargetIsAFindingNamingTheStep() throws Exception {
    int port = freePort();
    ManagedChannel nowhere = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try (GrpcSurface unreachable = GrpcSurface.over("grpc", nowhere).closingChannel()) {
      long start = System.nanoTime();
      List<String> found = messagesOf(SurfaceParity.of(Scenario.parse("bad.yaml",
          scenario("  - {name: read, operation: GetNote, surfaces: [grpc], input: {noteId: x}, deadline: 2s}\n")), NotesStack.contract(),
          unreachable).run());
      assertThat(found).singleElement().asString()
          .startsWith("scenario 'bad' step 'read' on grpc: expected ok, got no answer: 127.0.0.1:" + port + " is unreachable: ");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_500);
    }
  }

  @Test
  void anUnreachableWebSocketIsAFindingNamingTheStep() throws Exception {
    int port = freePort();
    try (dev.invariantharness.surface.ws.KhalaSurface ws = dev.invariantharness.surface.ws.KhalaSurface.channel("ws",
        URI.create("ws://127.0.0.1:" + port + "/socket/websocket"), Duration.ofSeconds(2)).await("GetNote", NotesStack.TOPIC, "/noteId")) {
      List<String> found = messagesOf(SurfaceParity.of(Scenario.parse("bad.yaml",
          scenario("  - {name: read, operation: GetNote, surfaces: [ws], input: {noteId: x}}\n")), NotesStack.contract(), ws).run());
      assertThat(found).singleElement().asString()
          .isEqualTo("scenario 'bad' step 'read' on ws: expected ok, got no answer: cannot subscribe to [notes.updates]: ws://127.0.0.1:" + port
              + "/socket/websocket: WebSocket upgrade failed within PT2S: ConnectException: Connection refused");
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void anOperationWithoutARouteIsRefused() {
    HttpJsonSurface readOnly = HttpJsonSurface.at("http", stack.httpBase()).route("GetNote", "GET", "/v1/notes/{noteId}");
    assertThatThrownBy(() -> SurfaceParity.of(Scenario.parse("bad.yaml", scenario("  - {name: c, operation: CreateNote, surfaces: [http]}\n")),
        NotesStack.contract(), readOnly).run())
        .hasMessage("bad.yaml: scenario 'bad' step 'c': HTTP surface 'http' has no route for operation 'CreateNote' (routes: [GetNote])");
  }

  @Test
  void malformedScenarioFilesNameTheFileTheLineAndTheKey(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Scenario.parse("s.yaml", "scenario: x\nsteps:\n  - name: a\n    operation: [oops\n"))
        .isInstanceOf(HarnessInputException.class).hasMessageStartingWith("s.yaml:").hasMessageContaining("not valid YAML/JSON");
    assertThatThrownBy(() -> Scenario.parse("s.yaml", scenario("  - {name: a, operation: GetNote, surfaces: [grpc], expects: ok}\n")))
        .hasMessage("s.yaml: scenario 'bad' step 'a': unknown key 'expects' (known: [capture, deadline, expect, input, invariant, name,"
            + " operation, surfaces, types, volatile])");
    assertThatThrownBy(() -> Scenario.parse("s.yaml", scenario("  - {name: a, operation: GetNote, surfaces: [grpc], deadline: soon}\n")))
        .hasMessage("s.yaml: scenario 'bad' step 'a': 'deadline': 'soon' is not a duration (500ms, 2s, 1m or PT2S)");
    assertThatThrownBy(() -> Scenario.parse("s.yaml", scenario("  - {name: a, operation: GetNote, surfaces: [grpc], expect: error GONE}\n")))
        .hasMessageStartingWith("s.yaml: scenario 'bad' step 'a': 'expect': 'GONE' is not an outcome");
    assertThatThrownBy(() -> Scenario.parse("s.yaml", scenario("  - {name: a, operation: GetNote}\n")))
        .hasMessage("s.yaml: scenario 'bad' step 'a': 'surfaces' must name at least one surface");
    Path json = dir.resolve("s.json");
    Files.writeString(json, "{\"scenario\":\"j\",\"steps\":[{\"name\":\"a\",\"operation\":\"GetNote\",\"surfaces\":[\"grpc\"],"
        + "\"input\":{\"noteId\":\"x\"},\"expect\":{\"error\":\"NOT_FOUND\"},\"deadline\":\"750ms\"}]}");
    Scenario s = Scenario.load(json);
    assertThat(s.steps().get(0).expect().toString()).isEqualTo("error NOT_FOUND");
    assertThat(s.deadlineOf(s.steps().get(0))).isEqualTo(Duration.ofMillis(750));
    assertThat(messagesOf(SurfaceParity.of(s, NotesStack.contract(), grpc).run())).isEmpty();
  }

  @Test
  void anUnreachableHttpTargetIsAFindingNamingTheStep() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    HttpJsonSurface nowhere = HttpJsonSurface.at("http", URI.create("http://127.0.0.1:" + port)).route("GetNote", "GET", "/v1/notes/{noteId}");
    List<String> found = messagesOf(SurfaceParity.of(Scenario.parse("bad.yaml",
        scenario("  - {name: read, operation: GetNote, surfaces: [http], input: {noteId: x}, expect: error NOT_FOUND}\n")),
        NotesStack.contract(), nowhere).run());
    assertThat(found).containsExactly("scenario 'bad' step 'read' on http: expected error NOT_FOUND, got no answer: GET http://127.0.0.1:"
        + port + "/v1/notes/x: connection refused");
  }

  @Test
  void aSilentGrpcServerIsCutOffAtTheStepDeadline() {
    stack.grpcSilent = true;
    long start = System.nanoTime();
    List<String> found = messagesOf(run(scenario("  - {name: read, operation: GetNote, surfaces: [grpc], input: {noteId: x}, deadline: 300ms}\n")));
    assertThat(found).containsExactly("scenario 'bad' step 'read' on grpc: expected ok, got no answer: no answer from"
        + " surface.test.v1.NoteService/GetNote within PT0.3S");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_500);
  }

  @Test
  void aMethodTheServerDoesNotHaveIsNamed() throws Exception {
    FileDescriptorProto.Builder file = Notes.getDescriptor().toProto().toBuilder();
    file.getServiceBuilder(0).addMethod(MethodDescriptorProto.newBuilder().setName("ArchiveNote")
        .setInputType(".surface.test.v1.GetNoteRequest").setOutputType(".surface.test.v1.Note"));
    ProtoContract newer = ProtoContract.of(FileDescriptor.buildFrom(file.build(), new FileDescriptor[0]));
    List<String> found = messagesOf(SurfaceParity.of(Scenario.parse("bad.yaml",
        scenario("  - {name: archive, operation: ArchiveNote, surfaces: [grpc], input: {noteId: x}}\n")), newer, grpc).run());
    assertThat(found).containsExactly("scenario 'bad' step 'archive' on grpc: expected ok, got no answer: the server at "
        + channel.authority() + " has no method surface.test.v1.NoteService/ArchiveNote (UNIMPLEMENTED)");
  }

  @Test
  void theContractComesFromReflectionOrADescriptorSetAlike() {
    ProtoContract reflected = ProtoContract.fromReflection(channel, Duration.ofSeconds(2));
    ProtoContract fromSet = ProtoContract.fromDescriptorSet(Path.of("target/test-protos.desc"));
    assertThat(reflected.methods().keySet()).containsExactlyInAnyOrder("surface.test.v1.NoteService/CreateNote",
        "surface.test.v1.NoteService/GetNote", "surface.test.v1.NoteService/ListNotes", "surface.test.v1.NoteService/ImportNotes");
    assertThat(fromSet.methods().keySet()).isEqualTo(reflected.methods().keySet());
    assertThat(reflected.operation("GetNote").outputType().getFields()).extracting(f -> f.getName() + "=" + f.getNumber())
        .isEqualTo(fromSet.operation("GetNote").outputType().getFields().stream().map(f -> f.getName() + "=" + f.getNumber()).toList());
    String yaml = scenario("  - {name: create, operation: CreateNote, surfaces: [http, grpc], input: {title: t}}\n");
    assertThat(messagesOf(SurfaceParity.of(Scenario.parse("s.yaml", yaml).withVolatile("/noteId", "/updatedAt"), reflected, http, grpc).run()))
        .isEmpty();
  }

  @Test
  void aServerWithoutReflectionIsNamed() throws Exception {
    String name = "bare-" + System.nanoTime();
    Server bare = InProcessServerBuilder.forName(name).build().start();
    ManagedChannel c = InProcessChannelBuilder.forName(name).build();
    try {
      assertThatThrownBy(() -> ProtoContract.fromReflection(c, Duration.ofSeconds(2)))
          .isInstanceOf(HarnessInputException.class)
          .hasMessageContaining("the server has no reflection service (grpc.reflection.v1.ServerReflection)");
    } finally {
      c.shutdownNow();
      bare.shutdownNow();
    }
  }

  @Test
  void aDescriptorSetThatIsNotOneIsNamed(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("junk.desc");
    Files.write(junk, new byte[] {(byte) 0xff, 1, 2, 3});
    assertThatThrownBy(() -> ProtoContract.fromDescriptorSet(junk)).isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(junk + ": cannot read a FileDescriptorSet");
  }

  private static List<String> messagesOf(ParityReport report) {
    return report.findings().stream().map(Finding::toString).toList();
  }
}
