package dev.invariantharness.runtime.parity;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON service on 127.0.0.1 and an ephemeral port, answering through a handler. A handler can
 * {@link #hang()} until the service is closed, to play a side that never answers.
 */
final class TestService implements AutoCloseable {

  /** One request as the handler sees it. */
  record Request(String method, String target, String body) {}

  /** The answer. */
  record Reply(int status, String body) {}

  interface Handler {
    Reply handle(Request request) throws Exception;
  }

  static {
    // The JDK server writes headers and body as two segments; with Nagle on, the body waits for
    // the client's delayed ACK (~40 ms an answer). Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  private TestService(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    pool = Executors.newFixedThreadPool(16);
    server.setExecutor(pool);
    server.createContext("/", exchange -> {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      requests.incrementAndGet();
      try (exchange) {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Reply reply;
        try {
          reply = handler.handle(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
        } catch (Exception e) {
          reply = new Reply(500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        }
      } finally {
        inFlight.decrementAndGet();
      }
    });
    server.start();
  }

  static TestService start(Handler handler) throws IOException {
    return new TestService(handler);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Blocks the handling thread until the service closes (bounded by 60 s): a hung side. */
  Reply hang() throws InterruptedException {
    closed.await(60, TimeUnit.SECONDS);
    return new Reply(200, "{}");
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
