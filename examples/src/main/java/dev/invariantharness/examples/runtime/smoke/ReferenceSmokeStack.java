package dev.invariantharness.examples.runtime.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The smoke lanes' reference target: a control service that also hosts the web shell, and a
 * runtime, each a JDK {@link HttpServer} on an ephemeral 127.0.0.1 port. Correct, it serves what
 * the smoke lanes expect — JSON health and readiness; {@code manifest.json}, {@code sw.js} and
 * the index page {@code no-cache, no-store, must-revalidate}; hashed assets
 * {@code public, max-age=31536000, immutable}; a session and a sync token for
 * {@link #ACCESS_TOKEN}; a runtime in {@code rust_active} whose run store answers reads. A
 * {@link SmokeVariant} switches on one defect.
 */
public final class ReferenceSmokeStack implements AutoCloseable {

  /** The bearer token the control service accepts. */
  public static final String ACCESS_TOKEN = "ref-smoke-access-5d8e2b7f41";

  static final String NO_CACHE = "no-cache, no-store, must-revalidate";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String APP_JS = "/assets/app-3f9a2c1b.js";
  static final String APP_CSS = "/assets/app-7d1e0f2a.css";

  private final SmokeVariant variant;
  private final ExecutorService executor;
  private final HttpServer control;
  private final HttpServer runtime;
  private final List<String> minted = new CopyOnWriteArrayList<>();
  private final long started = System.nanoTime();

  private ReferenceSmokeStack(SmokeVariant variant) throws IOException {
    this.variant = variant;
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "reference-smoke");
      t.setDaemon(true);
      return t;
    });
    control = server(this::control);
    runtime = server(this::runtime);
  }

  /** Starts both services. */
  public static ReferenceSmokeStack start(SmokeVariant variant) throws IOException {
    return new ReferenceSmokeStack(variant);
  }

  /** The control service and web host. */
  public URI control() {
    return uri(control);
  }

  /** The runtime. */
  public URI runtime() {
    return uri(runtime);
  }

  /** Every sync token the control service minted, so a test can prove none reached a report. */
  public List<String> mintedTokens() {
    return List.copyOf(minted);
  }

  private HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.setExecutor(executor);
    s.createContext("/", ex -> {
      try (ex) {
        handler.handle(ex);
      }
    });
    s.start();
    return s;
  }

  private void control(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    boolean authenticated = ("Bearer " + ACCESS_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
    switch (path) {
      case "/healthz" -> send(ex, 200, "application/json", "{\"status\":\"ok\",\"service\":\"reference-control\",\"version\":\"0.1.0\","
          + "\"uptime_seconds\":" + uptime() + ",\"auth_provider\":\"mock\"}");
      case "/readyz" -> {
        if (variant == SmokeVariant.NOT_READY) {
          send(ex, 503, "application/json", "{\"status\":\"not_ready\",\"static_dir\":\"/srv/web\"}");
        } else {
          send(ex, 200, "application/json", "{\"status\":\"ready\",\"static_dir\":\"/srv/web\"}");
        }
      }
      case "/", "/index.html" -> send(ex, 200, "text/html; charset=utf-8", "<!doctype html><html><head>"
          + "<link rel=\"manifest\" href=\"/manifest.json\"><link rel=\"stylesheet\" href=\"" + APP_CSS + "\">"
          + "<script type=\"module\" src=\"" + APP_JS + "\"></script></head><body></body></html>", "Cache-Control", NO_CACHE);
      case "/manifest.json" -> send(ex, 200, "application/json", "{\"manifestVersion\":\"openagents.webshell.v2\",\"buildId\":\"20261130T000000Z\","
          + "\"entry\":{\"html\":\"index.html\",\"js\":\"" + APP_JS.substring(1) + "\"},"
          + "\"serviceWorker\":{\"script\":\"sw.js\",\"pinnedAssets\":[\"" + APP_JS.substring(1) + "\",\"" + APP_CSS.substring(1) + "\"]}}",
          "Cache-Control", NO_CACHE);
      case "/sw.js" -> send(ex, 200, "text/javascript", "self.addEventListener('fetch', () => {});",
          "Cache-Control", variant == SmokeVariant.SW_CACHED ? "public, max-age=3600" : NO_CACHE);
      case APP_JS -> send(ex, 200, "text/javascript", "export const app = 1;",
          "Cache-Control", variant == SmokeVariant.ASSET_NOT_IMMUTABLE ? "public, max-age=31536000" : IMMUTABLE);
      case APP_CSS -> send(ex, 200, "text/css", "body{margin:0}", "Cache-Control", IMMUTABLE);
      case "/api/auth/session" -> {
        if (!authenticated) {
          send(ex, 401, "application/json", "{\"message\":\"Unauthenticated.\",\"error\":{\"code\":\"unauthorized\"}}");
        } else if (variant == SmokeVariant.TOKEN_ECHO) {
          send(ex, 200, "application/json", "{\"data\":{\"user\":{\"id\":\"user_1\"},\"you_sent\":\"" + ACCESS_TOKEN + "\"}}",
              "X-Request-Echo", "Bearer " + ACCESS_TOKEN + " from " + ex.getRemoteAddress().getAddress().getHostAddress());
        } else {
          send(ex, 200, "application/json", "{\"data\":{\"user\":{\"id\":\"user_1\"},\"session\":{\"session_id\":\"sess_1\"}}}");
        }
      }
      case "/api/sync/token" -> {
        if (!authenticated || !ex.getRequestMethod().equals("POST")) {
          send(ex, 401, "application/json", "{\"message\":\"Unauthenticated.\",\"error\":{\"code\":\"unauthorized\"}}");
        } else {
          String request = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String token = "sync." + UUID.randomUUID().toString().replace("-", "");
          minted.add(token);
          boolean hasDevice = request.contains("\"device_id\"");
          send(ex, hasDevice ? 200 : 422, "application/json", hasDevice
              ? "{\"data\":{\"token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scopes\":[\"runtime.codex_worker_events\"]}}"
              : "{\"message\":\"device_id is required\"}");
        }
      }
      default -> send(ex, 404, "application/json", "{\"message\":\"Route not found.\",\"error\":{\"code\":\"not_found\"}}");
    }
  }

  private void runtime(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/healthz")) {
      String mode = variant == SmokeVariant.NO_WRITE_MODE ? "" : ",\"authority_write_mode\":\"rust_active\",\"authority_writer_active\":true";
      send(ex, 200, "application/json", "{\"status\":\"ok\",\"service\":\"reference-runtime\",\"build_sha\":\"dev\",\"uptime_seconds\":"
          + uptime() + mode + ",\"fanout_driver\":\"memory\"}");
    } else if (path.equals("/readyz")) {
      send(ex, 200, "application/json", "{\"status\":\"ready\",\"authority_ready\":true,\"projector_ready\":true,\"workers_ready\":true,"
          + "\"authority_writer_active\":true,\"fanout_driver\":\"memory\"}");
    } else if (path.startsWith("/internal/v1/runs/") && ex.getRequestMethod().equals("GET")) {
      send(ex, 404, "application/json", "{\"error\":\"not_found\",\"message\":\"run not found\"}");
    } else {
      send(ex, 404, "application/json", "{\"error\":\"not_found\",\"message\":\"route not found\"}");
    }
  }

  private long uptime() {
    return (System.nanoTime() - started) / 1_000_000_000L;
  }

  private static void send(HttpExchange ex, int status, String type, String body, String... headers) throws IOException {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      ex.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static URI uri(HttpServer s) {
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  @Override
  public void close() {
    control.stop(0);
    runtime.stop(0);
    executor.shutdownNow();
  }
}
