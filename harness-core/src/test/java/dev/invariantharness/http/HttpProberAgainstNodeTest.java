package dev.invariantharness.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prober against a real Node server that serves WebSockets the common way: every request
 * carrying an {@code Upgrade} header is taken for a WebSocket handshake and refused with 404,
 * while a plain HTTP/1.1 GET gets {@code 200 text/event-stream}. This is the server that made an
 * SSE lane pass a WS-only check when the harness spoke HTTP/2.
 */
class HttpProberAgainstNodeTest {

  private static Process node;
  private static URI base;

  @BeforeAll
  static void startNodeServer() throws Exception {
    Path script = Path.of(HttpProberAgainstNodeTest.class.getResource("/http/ws-style-server.js").toURI());
    node = new ProcessBuilder("node", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    String first = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (java.io.IOException e) {
        return null;
      }
    }).get(20, TimeUnit.SECONDS);
    Matcher port = Pattern.compile("\"port\":(\\d+)").matcher(String.valueOf(first));
    assertThat(port.find()).as("node server announced its port, said: %s", first).isTrue();
    base = new URI("http://127.0.0.1:" + port.group(1));
  }

  @AfterAll
  static void stopNodeServer() throws InterruptedException {
    if (node != null) {
      node.destroy();
      if (!node.waitFor(5, TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static URI at(String path) {
    try {
      return new URI(base + path);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void anHttp11GetSeesTheEventStreamThatAnUpgradeListenerWouldHideFromHttp2() {
    try (HttpProber prober = HttpProber.builder().deadline(Duration.ofSeconds(3)).build()) {
      ProbeResponse r = prober.send(ProbeRequest.get(at("/sync/stream"))
          .withHeader("Accept", "text/event-stream").withBodyLimit(0));

      assertThat(prober.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.mediaType()).isEqualTo("text/event-stream");
      assertThat(r.complete()).as("headers-only exchange ends with the headers: %s", r.problem()).isTrue();
      assertThat(r.duration()).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void http2OverPlainHttpOffersUpgradeH2cAndTheWsStyleServerAnswersItAsAFailedUpgrade() {
    try (HttpProber prober = HttpProber.builder().version(HttpClient.Version.HTTP_2)
        .deadline(Duration.ofSeconds(3)).build()) {
      ProbeResponse r = prober.send(ProbeRequest.get(at("/sync/stream"))
          .withHeader("Accept", "text/event-stream").withBodyLimit(0));

      assertThat(r.status()).as("the defect HTTP/1.1 by default avoids: %s", r.summary()).isEqualTo(404);
    }
  }

  @Test
  void anEndlessEventStreamEndsAtTheDeadlineWithItsStatusAndWhatItSent() {
    try (HttpProber prober = HttpProber.builder().deadline(Duration.ofMillis(700)).build()) {
      ProbeResponse r = prober.send(ProbeRequest.get(at("/sync/stream")));

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).startsWith(": connected");
      assertThat(r.complete()).isFalse();
      assertThat(r.problem()).isEqualTo("body not complete within 700 ms");
      assertThat(r.duration()).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void requestsGoOutAsHttp11WithoutAnyUpgradeHeaderEvenWhenTheCallerAsksForOne() {
    try (HttpProber prober = HttpProber.builder().header("Authorization", "Bearer t0ken").build()) {
      ProbeResponse r = prober.send(ProbeRequest.of("POST", at("/echo"))
          .withHeader("Upgrade", "websocket").withJsonBody("{\"a\":1}"));

      assertThat(r.status()).as(r.summary()).isEqualTo(200);
      assertThat(r.body())
          .contains("\"httpVersion\":\"1.1\"")
          .contains("\"authorization\":\"Bearer t0ken\"")
          .contains("\"content-type\":\"application/json\"")
          .contains("\"body\":\"{\\\"a\\\":1}\"")
          .doesNotContain("\"upgrade\"");
    }
  }
}
