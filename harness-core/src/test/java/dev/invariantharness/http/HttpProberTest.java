package dev.invariantharness.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.invariantharness.evidence.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prober's bounds, each against a real JDK {@link HttpServer} or a real silent socket. */
class HttpProberTest {

  private static HttpServer server;
  private static ExecutorService serverThreads;
  private static final AtomicInteger inFlight = new AtomicInteger();
  private static final AtomicInteger mostInFlight = new AtomicInteger();
  private static final CountDownLatch never = new CountDownLatch(1);

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    serverThreads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "prober-test-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(serverThreads);
    server.createContext("/health", x -> respond(x, 200, "application/json; charset=utf-8", "{\"ok\":true,\"name\":\"Zoë\"}"));
    server.createContext("/big", x -> {
      x.getResponseHeaders().add("Content-Type", "text/plain");
      x.sendResponseHeaders(200, 0);
      try (OutputStream out = x.getResponseBody()) {
        byte[] chunk = "0123456789".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 200; i++) {
          out.write(chunk);
        }
      } catch (IOException clientStoppedReading) {
        // expected: the prober cancels past its limit
      }
    });
    server.createContext("/drip", x -> {
      x.sendResponseHeaders(200, 0);
      try (OutputStream out = x.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write('.');
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException stopped) {
        // the prober gave up at its deadline
      }
    });
    server.createContext("/redirect", x -> {
      x.getResponseHeaders().add("Location", "/health");
      x.sendResponseHeaders(302, -1);
      x.close();
    });
    server.createContext("/slow", x -> {
      int now = inFlight.incrementAndGet();
      mostInFlight.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      respond(x, 200, "text/plain", x.getRequestURI().getQuery());
    });
    server.createContext("/echo-auth", x -> respond(x, 200, "text/plain",
        String.valueOf(x.getRequestHeaders().getFirst("Authorization"))));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    never.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private static void respond(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static URI at(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void aCompleteAnswerCarriesStatusHeadersAndTheBodyInItsDeclaredCharset() {
    try (HttpProber prober = HttpProber.create()) {
      ProbeResponse r = prober.send(ProbeRequest.get(at("/health")));

      assertThat(r.complete()).isTrue();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.mediaType()).isEqualTo("application/json");
      assertThat(r.body()).isEqualTo("{\"ok\":true,\"name\":\"Zoë\"}");
      assertThat(r.truncated()).isFalse();
      assertThat(r.summary()).isEqualTo("200 application/json");
    }
  }

  @Test
  void aBodyOverTheLimitIsCutAndMarkedTruncated() {
    try (HttpProber prober = HttpProber.builder().bodyLimit(1000).build()) {
      ProbeResponse r = prober.send(ProbeRequest.get(at("/big")));

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).hasSize(1000);
      assertThat(r.truncated()).isTrue();
      assertThat(r.complete()).as("a cut body is a complete exchange up to the limit").isTrue();
      assertThat(r.toExchange().responseBody()).endsWith("(body cut: the peer sent more than the prober's limit)");
    }
  }

  @Test
  void aRequestMaySetItsOwnBodyLimitIncludingHeadersOnly() {
    try (HttpProber prober = HttpProber.create()) {
      ProbeResponse small = prober.send(ProbeRequest.get(at("/big")).withBodyLimit(10));
      ProbeResponse none = prober.send(ProbeRequest.get(at("/big")).withBodyLimit(0));

      assertThat(small.body()).isEqualTo("0123456789");
      assertThat(none.body()).isEmpty();
      assertThat(none.status()).isEqualTo(200);
    }
  }

  @Test
  void aPeerDrippingItsBodyEndsAtTheDeadlineWithWhatItSent() {
    try (HttpProber prober = HttpProber.builder().deadline(Duration.ofMillis(500)).build()) {
      ProbeResponse r = prober.send(ProbeRequest.get(at("/drip")));

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isNotEmpty().matches("\\.+");
      assertThat(r.problem()).isEqualTo("body not complete within 500 ms");
      assertThat(r.duration()).isBetween(Duration.ofMillis(450), Duration.ofSeconds(3));
    }
  }

  @Test
  void aDeadlineThatEndsAnExchangeLeavesTheCallerNotInterrupted() {
    try (HttpProber prober = HttpProber.builder().deadline(Duration.ofMillis(300)).build()) {
      ProbeResponse r = prober.send(ProbeRequest.get(at("/drip")));

      assertThat(r.problem()).isEqualTo("body not complete within 300 ms");
      assertThat(Thread.currentThread().isInterrupted()).as("the deadline's interrupt leaked to the caller").isFalse();
      assertThat(prober.send(ProbeRequest.get(at("/health"))).status()).as("the next probe on the same thread").isEqualTo(200);
    }
  }

  @Test
  void aCallerInterruptedBeforehandGetsNoAnswerAndKeepsItsInterrupt() {
    try (HttpProber prober = HttpProber.create()) {
      Thread.currentThread().interrupt();
      ProbeResponse r = prober.send(ProbeRequest.get(at("/health")));

      assertThat(Thread.interrupted()).as("the caller's own interrupt is kept").isTrue();
      assertThat(r.status()).isZero();
      assertThat(r.problem()).isEqualTo("interrupted while waiting for the answer");
    }
  }

  @Test
  void manyQuickProbesOnOneThreadAreAllAnsweredAndLeaveNoInterrupt() {
    try (HttpProber prober = HttpProber.builder().deadline(Duration.ofMillis(200)).build()) {
      for (int i = 0; i < 30; i++) {
        assertThat(prober.send(ProbeRequest.get(at("/health"))).status()).as("probe %d", i).isEqualTo(200);
      }
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
  }

  @Test
  void aSilentPeerIsStatusZeroWithAReasonAtTheDeadline() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HttpProber prober = HttpProber.builder().deadline(Duration.ofMillis(400)).build()) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          accepted.add(silent.accept());
        } catch (IOException closed) {
          // the test ended
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      ProbeResponse r = prober.send(ProbeRequest.get(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/x")));

      assertThat(r.status()).isZero();
      assertThat(r.answered()).isFalse();
      assertThat(r.problem()).isEqualTo("no answer within 400 ms");
      assertThat(r.summary()).isEqualTo("no answer: no answer within 400 ms");
      assertThat(r.duration()).isLessThan(Duration.ofSeconds(3));
      assertThat(r.toExchange().status()).isZero();
      assertThat(r.toExchange().responseBody()).isEqualTo("no answer within 400 ms");
    }
  }

  @Test
  void aRefusedConnectionIsStatusZeroSayingSo() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (HttpProber prober = HttpProber.create()) {
      ProbeResponse r = prober.send(ProbeRequest.get(URI.create("http://127.0.0.1:" + closedPort + "/")));

      assertThat(r.status()).isZero();
      assertThat(r.problem()).isEqualTo("connection refused");
    }
  }

  @Test
  void aRedirectIsReportedNotFollowed() {
    try (HttpProber prober = HttpProber.create()) {
      ProbeResponse r = prober.send(ProbeRequest.get(at("/redirect")));

      assertThat(r.status()).isEqualTo(302);
      assertThat(r.header("location")).contains("/health");
    }
  }

  @Test
  void sendAllKeepsRequestOrderAndNeverExceedsTheConcurrency() {
    mostInFlight.set(0);
    List<ProbeRequest> requests = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      requests.add(ProbeRequest.get(at("/slow?n=" + i)));
    }
    try (HttpProber prober = HttpProber.builder().concurrency(3).build()) {
      List<ProbeResponse> answers = prober.sendAll(requests);

      assertThat(answers).extracting(ProbeResponse::body)
          .containsExactly("n=0", "n=1", "n=2", "n=3", "n=4", "n=5", "n=6", "n=7", "n=8", "n=9", "n=10", "n=11");
      assertThat(mostInFlight.get()).isBetween(1, 3);
    }
  }

  @Test
  void aRequestHeaderOverridesTheProbersDefaultAndEvidenceRedactsIt() {
    try (HttpProber prober = HttpProber.builder().header("Authorization", "Bearer default-secret").build()) {
      ProbeResponse byDefault = prober.send(ProbeRequest.get(at("/echo-auth")));
      ProbeResponse overridden = prober.send(ProbeRequest.get(at("/echo-auth"))
          .withHeader("authorization", "Bearer mine"));

      assertThat(byDefault.body()).isEqualTo("Bearer default-secret");
      assertThat(overridden.body()).isEqualTo("Bearer mine");
      assertThat(overridden.toExchange().redacted(Redactor.defaults()).render()).doesNotContain("Bearer mine");
    }
  }

  @Test
  void aRequestThatCannotBeBuiltIsStatusZeroNotAnException() {
    try (HttpProber prober = HttpProber.create()) {
      ProbeResponse r = prober.send(ProbeRequest.get(URI.create("ftp://127.0.0.1/file")));

      assertThat(r.status()).isZero();
      assertThat(r.problem()).startsWith("request could not be built:");
    }
  }

  @Test
  void aClosedProberAnswersStatusZero() {
    HttpProber prober = HttpProber.create();
    prober.close();

    ProbeResponse r = prober.send(ProbeRequest.get(at("/health")));

    assertThat(r.status()).isZero();
    assertThat(r.problem()).isNotEmpty();
  }
}
