package dev.invariantharness.runtime.freeze;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP service whose answers a test scripts per {@code "METHOD /path"}, with a
 * key-value state that {@code GET /state} shows and scripted writes may change. Records the
 * Authorization headers it received. A {@code hanging} answer never responds until closed.
 */
final class ScriptedService implements AutoCloseable {

  /** A scripted answer; {@code apply} says whether the write changes the state. */
  record Answer(int status, String body, boolean applies, boolean hangs) {
    static Answer of(int status, String body) {
      return new Answer(status, body, false, false);
    }

    static Answer applied(int status, String body) {
      return new Answer(status, body, true, false);
    }

    static Answer hanging() {
      return new Answer(0, "", false, true);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "scripted-service");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Answer> script = new ConcurrentHashMap<>();
  private final Map<String, String> state = new ConcurrentHashMap<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean countServed;

  ScriptedService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", ex -> {
      try (ex) {
        String key = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
          authorizations.add(auth);
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer a = key.equals("GET /state") && !script.containsKey(key)
            ? Answer.of(200, "{\"state\":\"" + new java.util.TreeMap<>(state) + "\""
                + (countServed ? ",\"meta\":{\"served\":" + served.incrementAndGet() + "}" : "") + "}")
            : script.getOrDefault(key, Answer.of(404, "{\"error\":\"not_found\"}"));
        if (a.hangs()) {
          closed.await(30, TimeUnit.SECONDS);
          return;
        }
        if (a.applies()) {
          state.put(key, body);
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
          try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  ScriptedService on(String route, Answer answer) {
    script.put(route, answer);
    return this;
  }

  /** {@code GET /state} also says how often it was served: a volatile field. */
  ScriptedService countingReads() {
    countServed = true;
    return this;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
