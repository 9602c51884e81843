package dev.invariantharness.examples.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.examples.ReferenceControlService;
import dev.invariantharness.examples.ReferenceStack;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.finding.Findings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The control service's gates, run against the in-process reference stack: authority mutations
 * go through authenticated HTTP and are readable back over HTTP (INV-02); no route answers as an
 * SSE live lane (INV-03).
 */
@InvariantTest(lane = "control")
class ControlServiceGates {

  /** Routes a live lane could hide behind; none may answer 2xx text/event-stream. */
  static final List<String> LIVE_ROUTES = List.of("/api/runs/stream", "/sync/socket/websocket", "/api/sync/events", "/healthz");

  @Test
  @Verifies("INV-02")
  void authorityMutationGoesThroughAuthenticatedHttp(ReferenceStack stack, HarnessConfiguration config) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.timeout("http")).build();
    Duration limit = config.timeout("http");
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(stack.control().resolve("/api/runs"))
        .timeout(limit).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"anon\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("an unauthenticated authority mutation must be refused").isEqualTo(401);

    HttpRequest create = HttpRequest.newBuilder(stack.control().resolve("/api/runs"))
        .timeout(limit).header("Authorization", "Bearer " + ReferenceControlService.TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"gate\"}")).build();
    HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
    // The Authorization header is redacted before the evidence file is written.
    Evidence.http(new HttpExchange("POST", create.uri().toString(), create.headers().map(), "{\"name\":\"gate\"}",
        created.statusCode(), created.headers().map(), created.body(), Duration.ZERO));
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.body().replaceAll("\\D", "");
    HttpResponse<String> read = http.send(HttpRequest.newBuilder(stack.control().resolve("/api/runs/" + id))
        .timeout(limit).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).as("the mutation must be readable back over HTTP").isEqualTo(200);
    assertThat(read.body()).contains("gate");
  }

  @Test
  @Verifies("INV-03")
  void noRouteAnswersAsAnEventStream(ReferenceStack stack, HarnessConfiguration config) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.timeout("http")).build();
    Findings findings = Findings.of("INV-03", "Khala live sync is WS-only: no 2xx text/event-stream answer outside allowlisted presentation adapters");
    for (String route : LIVE_ROUTES) {
      HttpResponse<Void> r = probe(http, stack.control().resolve(route), config.timeout("http"));
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (r.statusCode() / 100 == 2 && type.startsWith("text/event-stream")) {
        findings.add("GET " + route, "answered " + r.statusCode() + " " + type + " to Accept: text/event-stream");
        Evidence.http(new HttpExchange("GET", r.uri().toString(), r.request().headers().map(), "", r.statusCode(),
            r.headers().map(), "(event stream body not read)", Duration.ZERO));
      }
    }
    findings.assertNone();
  }

  @Test
  @NotApplicable(value = "INV-11", reason = "the control service has no iOS product UI")
  void iosProductUi() {}

  private static HttpResponse<Void> probe(HttpClient http, URI uri, Duration limit) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(limit).header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
