package dev.invariantharness.runtime.parity;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.recordSpec;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.invariantharness.runtime.parity.ParityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.recording.SnapshotRecordResult;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real WireMock writes the recordings; the harness reads them with its own Jackson reader and
 * replays them. WireMock also serves as a recorded side: its playback of the legacy answers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WireMockRecordingsTest {

  @TempDir Path root;

  private TestService legacy;
  private WireMockServer wireMock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The legacy run service: stable run data, volatile request id. */
  private static TestService.Reply runs(TestService.Request r) {
    String body = r.body().isEmpty() ? "null" : r.body();
    return new TestService.Reply(200, """
        {"run":{"target":"%s","method":"%s","input":%s,"status":"completed"},"request_id":"%s"}
        """.formatted(r.target(), r.method(), body, UUID.randomUUID()));
  }

  @BeforeEach
  void start() throws IOException {
    legacy = TestService.start(WireMockRecordingsTest::runs);
    Files.createDirectories(root.resolve("mappings"));
    Files.createDirectories(root.resolve("__files"));
    wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderDirectory(root.toString()));
    wireMock.start();
  }

  @AfterEach
  void stop() {
    wireMock.stop();
    legacy.close();
  }

  private void send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(wireMock.baseUrl() + path)).timeout(Duration.ofSeconds(5))
        .header("X-Tenant", "t1");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  private SnapshotRecordResult recordTraffic() throws Exception {
    wireMock.startRecording(recordSpec().forTarget(legacy.uri().toString()).makeStubsPersistent(true).captureHeader("X-Tenant"));
    send("GET", "/api/runs/1?view=full", null);
    send("POST", "/api/runs", "{\"name\":\"nightly\",\"tags\":[\"a\",\"b\"]}");
    send("GET", "/api/runs/2", null);
    return wireMock.stopRecording();
  }

  @Test
  void readsTheMappingsWireMocksRecorderWrote() throws Exception {
    SnapshotRecordResult recorded = recordTraffic();
    assertThat(recorded.getStubMappings()).hasSize(3);
    try (var files = Files.list(root.resolve("mappings"))) {
      assertThat(files).hasSize(3);
    }
    List<RecordedExchange> exchanges = Recordings.load(root);
    assertThat(exchanges).extracting(RecordedExchange::method, RecordedExchange::path).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("GET", "/api/runs/1?view=full"),
        org.assertj.core.groups.Tuple.tuple("POST", "/api/runs"),
        org.assertj.core.groups.Tuple.tuple("GET", "/api/runs/2"));
    RecordedExchange post = exchanges.stream().filter(e -> e.method().equals("POST")).findFirst().orElseThrow();
    assertThat(com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(post.body()))
        .isEqualTo(com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree("{\"name\":\"nightly\",\"tags\":[\"a\",\"b\"]}"));
    assertThat(exchanges).allSatisfy(e -> assertThat(e.headers()).containsEntry("X-Tenant", "t1"));
    assertThat(exchanges).allSatisfy(e -> assertThat(e.source()).contains(root.resolve("mappings").toString()));
  }

  @Test
  void wireMockPlayingBackTheRecordingIsALegacySideAndTheLiveLegacyTeachesNoise() throws Exception {
    recordTraffic();
    List<RecordedExchange> exchanges = Recordings.load(root);
    try (TestService candidate = TestService.start(WireMockRecordingsTest::runs)) {
      TrafficParityResult result = TrafficParity.builder()
          .legacy(URI.create(wireMock.baseUrl())).secondLegacy(legacy.uri()).candidate(candidate.uri())
          .build().run(exchanges);
      assertThat(result.report()).allows();
      assertThat(result.noise().values()).allSatisfy(fields -> assertThat(fields).contains("/request_id"));
    }
    try (TestService broken = TestService.start(r -> {
      TestService.Reply ok = runs(r);
      return new TestService.Reply(200, ok.body().replace("\"completed\"", "\"failed\""));
    })) {
      TrafficParityResult result = TrafficParity.builder()
          .rules(TrafficRules.defaults().classify(null, "/run/status", Severity.CRITICAL))
          .legacy(URI.create(wireMock.baseUrl())).secondLegacy(legacy.uri()).candidate(broken.uri())
          .build().run(exchanges);
      assertThat(result.report()).blocks().hasCriticalDiffOn("POST /api/runs#/run/status");
    }
  }

  @Test
  void readsMappingsSavedFromTheStubApi() throws Exception {
    wireMock.stubFor(get(urlPathEqualTo("/api/runs")).withQueryParam("status", equalTo("open now"))
        .withHeader("Accept", equalTo("application/json")).willReturn(okJson("{\"runs\":[]}")));
    wireMock.stubFor(post(urlPathEqualTo("/api/runs/7/cancel")).withRequestBody(equalToJson("{\"reason\":\"user\"}"))
        .willReturn(okJson("{\"ok\":true}")));
    wireMock.saveMappings();
    List<RecordedExchange> exchanges = Recordings.load(root.resolve("mappings"));
    assertThat(exchanges).extracting(RecordedExchange::method, RecordedExchange::path, RecordedExchange::body).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("GET", "/api/runs?status=open+now", ""),
        org.assertj.core.groups.Tuple.tuple("POST", "/api/runs/7/cancel", "{\"reason\":\"user\"}"));
    assertThat(exchanges).filteredOn(e -> e.method().equals("GET")).singleElement()
        .satisfies(e -> assertThat(e.headers()).isEqualTo(Map.of("Accept", "application/json")));
  }

  @Test
  void aRegexMappingNamesNoRequestToSendAndIsBadInput() {
    wireMock.stubFor(get(urlMatching("/api/runs/[0-9]+")).willReturn(okJson("{}")));
    wireMock.saveMappings();
    assertThatThrownBy(() -> Recordings.load(root))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining(root.resolve("mappings").toString())
        .hasMessageEndingWith("request.urlPattern matches many URLs but names none to send; replay needs request.url or request.urlPath");
  }

  @Test
  void readsTheMultiMappingFileFormat() throws Exception {
    Path file = Files.writeString(root.resolve("all.json"), """
        {"mappings":[
          {"name":"first","request":{"method":"GET","url":"/a?x=1"},"response":{"status":200,"jsonBody":{"a":1}}},
          {"request":{"method":"PUT","urlPath":"/b","bodyPatterns":[{"equalToJson":{"b":2}}]},"response":{"status":204}}
        ]}
        """);
    assertThat(Recordings.load(file)).extracting(RecordedExchange::source, RecordedExchange::method, RecordedExchange::path, RecordedExchange::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(file + " mappings[0] (first)", "GET", "/a?x=1", ""),
            org.assertj.core.groups.Tuple.tuple(file + " mappings[1]", "PUT", "/b", "{\"b\":2}"));
  }

  @Test
  void anyMethodAndMissingRequestAreBadInputNamingTheFile() throws Exception {
    Path any = Files.writeString(root.resolve("any.json"), "{\"request\":{\"method\":\"ANY\",\"url\":\"/a\"},\"response\":{\"status\":200}}");
    assertThatThrownBy(() -> Recordings.load(any)).isInstanceOf(HarnessInputException.class)
        .hasMessage(any + ": method ANY matches any request but names none to send; record a concrete method");
    Path none = Files.writeString(root.resolve("none.json"), "{\"response\":{\"status\":200}}");
    assertThatThrownBy(() -> Recordings.load(none)).isInstanceOf(HarnessInputException.class)
        .hasMessage(none + ": is not a WireMock stub mapping: no request object");
  }
}
