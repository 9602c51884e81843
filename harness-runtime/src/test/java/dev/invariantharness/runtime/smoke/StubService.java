package dev.invariantharness.runtime.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on a loopback ephemeral port whose routes each test sets up. */
final class StubService implements AutoCloseable {

  /** Answers one exchange. */
  @FunctionalInterface
  interface Route {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();

  StubService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "stub-service");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", ex -> {
      try (ex) {
        Route route = routes.get(ex.getRequestURI().getPath());
        if (route == null) {
          send(ex, 404, "text/html", "<h1>not found</h1>");
        } else {
          route.handle(ex);
        }
      }
    });
    server.start();
  }

  /** A route answering {@code status} with a body and headers given as name/value pairs. */
  StubService on(String path, int status, String contentType, String body, String... headers) {
    routes.put(path, ex -> {
      for (int i = 0; i + 1 < headers.length; i += 2) {
        ex.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      send(ex, status, contentType, body);
    });
    return this;
  }

  /** A route with its own handler. */
  StubService on(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  /** A correct service: JSON health and readiness. */
  StubService healthy() {
    return on("/healthz", 200, "application/json", "{\"status\":\"ok\",\"service\":\"stub\"}")
        .on("/readyz", 200, "application/json", "{\"status\":\"ready\"}");
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
