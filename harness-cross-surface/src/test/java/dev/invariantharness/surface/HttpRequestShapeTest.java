package dev.invariantharness.surface;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DynamicMessage;
import com.sun.net.httpserver.HttpServer;
import dev.invariantharness.surface.http.HttpJsonSurface;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP surface puts on the wire for a step: path variables taken out of the request
 * (URL-encoded), the rest as the query or the JSON body, {@code Accept: application/json} and the
 * configured headers on every request, {@code Content-Type: application/json} on a body. Route
 * templates and headers are prepared once; every request must still come out this way.
 */
class HttpRequestShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Seen(String method, String uri, List<String> accept, List<String> team, List<String> contentType, String body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders().get("Accept"),
          ex.getRequestHeaders().get("X-team"), ex.getRequestHeaders().get("Content-type"), body));
      byte[] answer = "{\"noteId\":\"n 1\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, answer.length);
      ex.getResponseBody().write(answer);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void pathVariablesQueryBodyAndHeadersAreSentAsTheRouteSays() throws Exception {
    ProtoContract contract = NotesStack.contract();
    try (HttpJsonSurface http = HttpJsonSurface.at("http", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/"))
        .route("GetNote", "get", "/v1/notes/{note_id}/view")
        .route("ListNotes", "GET", "/v1/notes")
        .route("CreateNote", "POST", "/v1/notes")
        .header("X-Team", "surface")
        .header("Content-Type", "text/plain")) {
      for (int round = 0; round < 2; round++) {
        assertThat(http.call(call(contract, "GetNote", "{\"noteId\":\"n 1/2\"}")).kind()).isEqualTo(Answer.Kind.OK);
        assertThat(http.call(call(contract, "CreateNote", "{\"title\":\"groceries\",\"tags\":[\"a\",\"b\"]}")).kind())
            .isEqualTo(Answer.Kind.OK);
      }
      http.call(call(contract, "ListNotes", "{\"tag\":\"home & away\"}"));
      Answer missing = http.call(call(contract, "GetNote", "{}"));
      assertThat(missing.kind()).isEqualTo(Answer.Kind.NO_ANSWER);
      assertThat(missing.detail()).isEqualTo("the request has no field 'note_id' for the path /v1/notes/{note_id}/view");
    }
    Seen get = new Seen("GET", "/api/v1/notes/n%201%2F2/view", List.of("application/json"), List.of("surface"), List.of("text/plain"), "");
    Seen post = new Seen("POST", "/api/v1/notes", List.of("application/json"), List.of("surface"), List.of("application/json"),
        "{\"title\":\"groceries\",\"tags\":[\"a\",\"b\"]}");
    assertThat(seen).containsExactly(get, post, get, post,
        new Seen("GET", "/api/v1/notes?tag=home+%26+away", List.of("application/json"), List.of("surface"), List.of("text/plain"), ""));
  }

  private static SurfaceCall call(ProtoContract contract, String operation, String input) throws Exception {
    Operation op = contract.operation(operation);
    DynamicMessage.Builder request = DynamicMessage.newBuilder(op.inputType());
    com.google.protobuf.util.JsonFormat.parser().merge(input, request);
    return new SurfaceCall("shape", operation, op, JSON.readTree(input), request.build(), Duration.ofSeconds(2));
  }
}
