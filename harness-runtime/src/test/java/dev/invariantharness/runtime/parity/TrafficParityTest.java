package dev.invariantharness.runtime.parity;

import static dev.invariantharness.runtime.parity.ParityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrafficParityTest {

  private final List<TestService> services = new ArrayList<>();
  private final AtomicInteger clock = new AtomicInteger();

  @AfterEach
  void stop() {
    services.forEach(TestService::close);
  }

  private URI serve(TestService.Handler handler) throws IOException {
    TestService s = TestService.start(handler);
    services.add(s);
    return s.uri();
  }

  /** A run service: stable run fields, plus a fresh request id and timestamp in every answer. */
  private TestService.Handler runs(String status) {
    return request -> {
      String id = request.target().replaceAll("\\D", "");
      return new TestService.Reply(200, """
          {"run":{"id":"run-%s","status":"%s","events":[{"seq":1,"at":%d},{"seq":2,"at":%d}]},
           "request_id":"%s","generated_at":"%d"}
          """.formatted(id, status, clock.incrementAndGet(), clock.incrementAndGet(), UUID.randomUUID(), clock.incrementAndGet()));
    };
  }

  private static List<RecordedExchange> traffic(int n) {
    List<RecordedExchange> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(RecordedExchange.of("GET", "/api/runs/" + i));
    }
    return out;
  }

  @Test
  void fieldsThatDifferBetweenTheTwoLegacyInstancesAreNoiseNotRegressions() throws IOException {
    TrafficParityResult result = TrafficParity.builder()
        .legacy(serve(runs("completed"))).secondLegacy(serve(runs("completed"))).candidate(serve(runs("completed")))
        .build().run(traffic(20));
    assertThat(result.report()).allows();
    assertThat(result.noise()).containsOnlyKeys("GET /api/runs/{id}");
    assertThat(result.noise().get("GET /api/runs/{id}")).containsExactlyInAnyOrder("/request_id", "/generated_at", "/run/events/*/at");
    assertThat(result.suppressedAsNoise()).isEqualTo(20 * 4);
    assertThat(result.exchanges()).isEqualTo(20);
  }

  @Test
  void withoutASecondLegacyVolatileFieldsAreWarningsThatBlock() throws IOException {
    TrafficParityResult result = TrafficParity.builder()
        .legacy(serve(runs("completed"))).candidate(serve(runs("completed"))).build().run(traffic(5));
    assertThat(result.report()).blocks().hasNoCriticalDiffs().hasWarningDiffOn("GET /api/runs/1#/request_id");
    assertThat(result.report().gate().reason()).isEqualTo("warning rate 100.00% (5 of 5) exceeds max_warning_rate 0.00%");
  }

  @Test
  void normalisationRulesRemoveVolatileFieldsBeforeComparing() throws IOException {
    TrafficRules rules = TrafficRules.defaults().ignore("/request_id").ignore("/generated_at")
        .replace("/run/events/*/at", TextNode.valueOf("<time>"));
    TrafficParityResult result = TrafficParity.builder().rules(rules)
        .legacy(serve(runs("completed"))).candidate(serve(runs("completed"))).build().run(traffic(5));
    assertThat(result.report()).allows();
    assertThat(result.report().diffs()).isEmpty();
  }

  @Test
  void aCriticalFieldThatDiffersOnlyOnTheCandidateBlocksNamingRouteAndPointer() throws IOException {
    TrafficRules rules = TrafficRules.defaults().classify("GET /api/runs/*", "/run/status", Severity.CRITICAL);
    TrafficParityResult result = TrafficParity.builder().rules(rules)
        .legacy(serve(runs("completed"))).secondLegacy(serve(runs("completed"))).candidate(serve(runs("failed")))
        .build().run(traffic(3));
    assertThat(result.report()).blocks().hasCriticalDiffOn("GET /api/runs/2#/run/status");
    assertThat(result.report().diffs()).hasSize(3).allSatisfy(d -> {
      assertThat(d.legacy()).isEqualTo(TextNode.valueOf("completed"));
      assertThat(d.rust()).isEqualTo(TextNode.valueOf("failed"));
      assertThat(d.message()).isEqualTo("/run/status differs");
    });
    assertThat(result.report().gate().reason()).startsWith("3 critical diff(s): GET /api/runs/1#/run/status, GET /api/runs/2#/run/status");
  }

  @Test
  void anUnclassifiedDiffIsAWarningWithinTheWarningRate() throws IOException {
    TrafficParityResult result = TrafficParity.builder()
        .policy(ParityPolicy.trafficDefaults().withMaxWarningRate(0.5))
        .legacy(serve(runs("completed"))).secondLegacy(serve(runs("completed")))
        .candidate(serve(r -> r.target().endsWith("/1") ? new TestService.Reply(200, "{\"run\":{\"id\":\"run-1\",\"status\":\"completed\"}}")
            : runs("completed").handle(r)))
        .build().run(traffic(4));
    assertThat(result.report()).allows();
    assertThat(result.report().diffs()).extracting(ParityDiff::field)
        .containsExactly("GET /api/runs/1#/run/events/0/seq", "GET /api/runs/1#/run/events/1/seq");
    assertThat(result.report().diffs()).allSatisfy(d -> assertThat(d.message()).endsWith("missing on candidate"));
    assertThat(result.report().gate().reason()).isEqualTo("no critical diffs; warning rate 25.00% within 50.00%");
  }

  @Test
  void aDifferentStatusCodeIsCritical() throws IOException {
    TrafficParityResult result = TrafficParity.builder()
        .legacy(serve(r -> new TestService.Reply(200, "{}"))).candidate(serve(r -> new TestService.Reply(404, "{}")))
        .build().run(List.of(RecordedExchange.of("DELETE", "/api/runs/9?force=true")));
    assertThat(result.report()).blocks().hasCriticalDiffOn("DELETE /api/runs/9?force=true#status");
    assertThat(result.report().diffs().get(0).message()).isEqualTo("status 200 on legacy, 404 on candidate");
  }

  @Test
  void nonJsonBodiesAreComparedAsText() throws IOException {
    TrafficParityResult result = TrafficParity.builder()
        .legacy(serve(r -> new TestService.Reply(200, "ok"))).candidate(serve(r -> new TestService.Reply(200, "OK")))
        .build().run(traffic(1));
    assertThat(result.report().diffs()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("GET /api/runs/1#body");
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
    });
  }

  @Test
  void aHungCandidateIsACriticalErrorRowWithinTheTimeoutNotAHungRun() throws IOException {
    TestService hung = TestService.start(r -> null);
    services.add(hung);
    URI candidate = serve(r -> r.target().endsWith("/2") ? hung.hang() : runs("completed").handle(r));
    TrafficRules rules = TrafficRules.defaults().ignore("/request_id").ignore("/generated_at").ignore("/run/events");
    long start = System.nanoTime();
    TrafficParityResult result = TrafficParity.builder().rules(rules).timeout(Duration.ofMillis(300))
        .legacy(serve(runs("completed"))).candidate(candidate).build().run(traffic(3));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(result.failedExchanges()).isEqualTo(1);
    assertThat(result.report()).blocks();
    assertThat(result.report().diffs()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("GET /api/runs/2#error");
      assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(d.rust()).isEqualTo(TextNode.valueOf("did not answer within 300 ms"));
      assertThat(d.message()).isEqualTo("candidate did not answer within 300 ms; the exchange was not compared");
    });
  }

  @Test
  void aRefusedConnectionIsRecordedNotThrown() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    TrafficParityResult result = TrafficParity.builder().timeout(Duration.ofSeconds(2))
        .legacy(URI.create("http://127.0.0.1:" + closedPort)).candidate(serve(runs("completed"))).build().run(traffic(1));
    assertThat(result.report().diffs()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("GET /api/runs/1#error");
      assertThat(d.message()).startsWith("legacy refused the connection");
    });
  }

  @Test
  void aFailingSecondLegacyIsAWarningAndTeachesNoNoise() throws IOException {
    TestService hung = TestService.start(r -> null);
    services.add(hung);
    TrafficRules rules = TrafficRules.defaults().ignore("/request_id").ignore("/generated_at").ignore("/run/events");
    TrafficParityResult result = TrafficParity.builder().rules(rules).timeout(Duration.ofMillis(300))
        .policy(ParityPolicy.trafficDefaults().withMaxWarningRate(1.0))
        .legacy(serve(runs("completed"))).secondLegacy(serve(r -> hung.hang())).candidate(serve(runs("completed")))
        .build().run(traffic(2));
    assertThat(result.report()).allows();
    assertThat(result.report().diffs()).hasSize(2).allSatisfy(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).isEqualTo("legacy-2 did not answer within 300 ms; noise was not learned from this exchange");
    });
  }

  @Test
  void noMoreExchangesThanTheConcurrencyLimitAreInFlight() throws IOException {
    TestService legacy = TestService.start(runs("completed"));
    services.add(legacy);
    TrafficParityResult result = TrafficParity.builder().concurrency(3)
        .legacy(legacy.uri()).secondLegacy(serve(runs("completed"))).candidate(serve(runs("completed")))
        .build().run(traffic(200));
    assertThat(result.report()).allows();
    assertThat(legacy.requests()).isEqualTo(200);
    assertThat(legacy.maxInFlight()).isBetween(1, 3);
  }

  @Test
  void recordedHeadersAndBodiesAreSent() throws IOException {
    URI echo = serve(r -> new TestService.Reply(200, "{\"method\":\"" + r.method() + "\",\"body\":" + r.body() + "}"));
    RecordedExchange post = new RecordedExchange("t", "POST", "/api/runs", Map.of("Content-Type", "application/json", "Host", "x"), "{\"name\":\"a\"}");
    URI other = serve(r -> new TestService.Reply(200, "{\"method\":\"" + r.method() + "\",\"body\":{\"name\":\"b\"}}"));
    TrafficParityResult result = TrafficParity.builder().legacy(echo).candidate(other).build().run(List.of(post));
    assertThat(result.report().diffs()).singleElement().satisfies(d -> {
      assertThat(d.field()).isEqualTo("POST /api/runs#/body/name");
      assertThat(d.legacy()).isEqualTo(TextNode.valueOf("a"));
    });
  }

  @Test
  void secretsInQueriesAndCredentialFieldsNeverReachTheReport() throws IOException {
    URI legacy = serve(r -> new TestService.Reply(200, "{\"access_token\":\"legacy-secret-1\",\"note\":\"Bearer abcdefghijklmnop\"}"));
    URI candidate = serve(r -> new TestService.Reply(200, "{\"access_token\":\"rust-secret-2\",\"note\":\"Bearer qrstuvwxyzabcdef\"}"));
    TrafficParityResult result = TrafficParity.builder().legacy(legacy).candidate(candidate).build()
        .run(List.of(RecordedExchange.of("GET", "/api/session?token=s3cr3t-value&view=1")));
    String json = result.report().toJson();
    assertThat(json).doesNotContain("s3cr3t-value").doesNotContain("legacy-secret-1").doesNotContain("rust-secret-2")
        .doesNotContain("abcdefghijklmnop").contains("view=1");
    assertThat(result.report().diffs()).extracting(ParityDiff::field)
        .containsExactly("GET /api/session?token=[REDACTED]&view=1#/access_token", "GET /api/session?token=[REDACTED]&view=1#/note");
  }

  @Test
  void noTrafficIsBadInputNotAnAllow() throws IOException {
    TrafficParity parity = TrafficParity.builder().legacy(serve(runs("completed"))).candidate(serve(runs("completed"))).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parity.run(List.of()))
        .isInstanceOf(dev.invariantharness.HarnessInputException.class)
        .hasMessage("recorded exchanges: there is nothing to replay; parity over no traffic proves nothing");
  }

  @Test
  void anOversizedAnswerIsAFailureNotAnOutOfMemory() throws IOException {
    String huge = "{\"blob\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
    TrafficParityResult result = TrafficParity.builder()
        .legacy(serve(r -> new TestService.Reply(200, "{}"))).candidate(serve(r -> new TestService.Reply(200, huge)))
        .build().run(traffic(1));
    assertThat(result.report().diffs()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(d.message()).isEqualTo("candidate answered a body over 16 MiB; the exchange was not compared");
    });
  }
}
