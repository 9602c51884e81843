package dev.invariantharness.runtime.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.runtime.freeze.ScriptedService.Answer;
import dev.invariantharness.runtime.freeze.internal.HttpProbe;
import dev.invariantharness.runtime.freeze.internal.ProbeRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Probing costs bounded time and memory whatever the peer does. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BoundedProbeTest {

  @Test
  void aHugeBodyIsCutAndSaysSo() throws Exception {
    try (ScriptedService service = new ScriptedService()) {
      service.on("POST /runs", Answer.of(503, "x".repeat(1_000_000)));
      AuthorityService runtime = AuthorityService.runtime(service.baseUrl()).withTimeout(Duration.ofSeconds(5));
      HttpExchange answer = HttpProbe.send(runtime, new ProbeRequest("POST", "/runs", "{}"));
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.responseBody()).hasSizeLessThan(70_000).endsWith("… (body cut: the peer sent more than the prober's limit)");
    }
  }

  @Test
  void aRefusedConnectionIsAnAnswerOfNothingWithTheReason() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    AuthorityService gone = AuthorityService.runtime(URI.create("http://127.0.0.1:" + port)).withTimeout(Duration.ofSeconds(2));
    HttpExchange answer = HttpProbe.send(gone, ProbeRequest.get("/healthz"));
    assertThat(answer.status()).isZero();
    assertThat(answer.responseBody()).startsWith("no answer: connection refused");
  }

  @Test
  void manyRequestsToASlowPeerFinishWithinTheirBounds() throws Exception {
    try (ScriptedService service = new ScriptedService()) {
      service.on("POST /runs", Answer.hanging());
      AuthorityService runtime = AuthorityService.runtime(service.baseUrl()).withTimeout(Duration.ofMillis(200)).withConcurrency(4);
      long start = System.nanoTime();
      var answers = HttpProbe.sendAll(runtime, java.util.Collections.nCopies(12, new ProbeRequest("POST", "/runs", "{}")));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(answers).hasSize(12).allSatisfy(a -> assertThat(a.responseBody()).startsWith("no answer within 200 ms"));
      // 12 requests, 4 at a time, each bounded by ~200 ms: three rounds, not twelve
      assertThat(took).isLessThan(Duration.ofSeconds(3));
    }
  }
}
