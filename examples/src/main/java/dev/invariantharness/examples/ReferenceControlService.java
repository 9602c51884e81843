package dev.invariantharness.examples;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small control service on a loopback port, the reference target of the example suites:
 * authority mutations over authenticated HTTP ({@code POST /api/runs}), reads back over HTTP, a
 * WebSocket-only sync path that answers a plain GET with 400, and no SSE or polling lane.
 *
 * <p>{@link Variant} switches on deliberate defects the harness must catch.
 */
public final class ReferenceControlService implements AutoCloseable {

  /** Which defects to switch on. */
  public enum Variant {
    /** Behaves as the invariants require. */
    CORRECT,
    /** Adds an SSE live lane ({@code text/event-stream}) — violates INV-03. */
    SSE_LANE,
    /** Accepts a mutation without authentication and drops it silently — violates INV-02. */
    UNAUTHENTICATED_MUTATION
  }

  /** The bearer token the reference service accepts. */
  public static final String TOKEN = "ref-token-4f1c9a";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Variant variant;
  private final Map<Long, String> runs = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private ReferenceControlService(Variant variant) throws IOException {
    this.variant = variant;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "reference-control");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts the service on an ephemeral loopback port. */
  public static ReferenceControlService start(Variant variant) throws IOException {
    return new ReferenceControlService(variant);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
      if (path.equals("/healthz")) {
        send(ex, 200, "application/json", "{\"status\":\"ok\"}");
      } else if (path.equals("/api/runs") && method.equals("POST")) {
        boolean authenticated = ("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
        if (variant == Variant.UNAUTHENTICATED_MUTATION) {
          send(ex, 201, "application/json", "{\"id\":" + ids.incrementAndGet() + "}");
        } else if (!authenticated) {
          send(ex, 401, "application/json", "{\"error\":\"unauthorized\"}");
        } else {
          long id = ids.incrementAndGet();
          runs.put(id, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          send(ex, 201, "application/json", "{\"id\":" + id + "}");
        }
      } else if (path.equals("/api/runs/stream") && variant == Variant.SSE_LANE && accept.contains("text/event-stream")) {
        send(ex, 200, "text/event-stream", "event: run\ndata: {}\n\n");
      } else if (path.startsWith("/api/runs/") && method.equals("GET")) {
        String body = runs.get(parseId(path.substring("/api/runs/".length())));
        if (body == null) {
          send(ex, 404, "application/json", "{\"error\":\"not_found\"}");
        } else {
          send(ex, 200, "application/json", body);
        }
      } else if (path.equals("/sync/socket/websocket")) {
        send(ex, 400, "application/json", "{\"error\":\"websocket upgrade required\"}");
      } else {
        send(ex, 404, "application/json", "{\"error\":\"not_found\"}");
      }
    }
  }

  private static long parseId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
