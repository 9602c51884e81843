package dev.invariantharness.examples.runtime.parity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of a small run service, legacy or candidate, on 127.0.0.1 and an ephemeral port.
 * Its answers carry stable run data and volatile fields — a fresh {@code request_id}, the
 * {@code generated_at} time, the instance in {@code served_by} — as real services do:
 *
 * <pre>
 * GET  /api/runs/{n}  200 {"run":{"id":"run-n","status":"completed","last_seq":3n},"request_id":...,"generated_at":...,"served_by":...}
 * POST /api/runs      201 {"run":{"id":"run-new","status":"queued","name":&lt;name from the body&gt;},...}
 * </pre>
 */
public final class RunService implements AutoCloseable {

  /** How a candidate differs from legacy. */
  public enum Behaviour {
    /** Exactly legacy's behaviour. */
    LEGACY,
    /** Run 3 reports status {@code failed} where legacy says {@code completed}: a critical regression. */
    CRITICAL_DRIFT,
    /** Same run data; volatile fields in another form (a {@code rust-} request id, epoch-millis time). */
    NOISE_ONLY
  }

  private static final Pattern RUN = Pattern.compile("/api/runs/(\\d+)");
  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

  static {
    // The JDK server writes headers and body as two segments; with Nagle on, every answer waits
    // for the client's delayed ACK. Read once, when the first server of the JVM starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final String name;
  private final Behaviour behaviour;
  private final AtomicLong requests = new AtomicLong();

  private RunService(String name, Behaviour behaviour) throws IOException {
    this.name = name;
    this.behaviour = behaviour;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    this.pool = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "run-service-" + name);
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts an instance named {@code name} (its {@code served_by}). */
  public static RunService start(String name, Behaviour behaviour) throws IOException {
    return new RunService(name, behaviour);
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many requests this instance answered. */
  public long requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String path = exchange.getRequestURI().getPath();
      Matcher run = RUN.matcher(path);
      if (exchange.getRequestMethod().equals("GET") && run.matches()) {
        long n = Long.parseLong(run.group(1));
        String status = behaviour == Behaviour.CRITICAL_DRIFT && n == 3 ? "failed" : "completed";
        reply(exchange, 200, "{\"run\":{\"id\":\"run-" + n + "\",\"status\":\"" + status + "\",\"last_seq\":" + (3 * n) + "}," + volatileFields() + "}");
      } else if (exchange.getRequestMethod().equals("POST") && path.equals("/api/runs")) {
        Matcher m = NAME.matcher(body);
        String runName = m.find() ? m.group(1) : "";
        reply(exchange, 201, "{\"run\":{\"id\":\"run-new\",\"status\":\"queued\",\"name\":\"" + runName + "\"}," + volatileFields() + "}");
      } else {
        reply(exchange, 404, "{\"error\":\"not_found\"," + volatileFields() + "}");
      }
    }
  }

  private String volatileFields() {
    if (behaviour == Behaviour.NOISE_ONLY) {
      return "\"request_id\":\"rust-" + UUID.randomUUID() + "\",\"generated_at\":" + System.currentTimeMillis()
          + ",\"served_by\":\"rust-runtime\"";
    }
    return "\"request_id\":\"" + UUID.randomUUID() + "\",\"generated_at\":\"" + Instant.now() + "\",\"served_by\":\"" + name + "\"";
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
