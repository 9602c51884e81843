package dev.invariantharness.examples.runtime.freeze;

import static dev.invariantharness.examples.runtime.freeze.JsonHttp.JSON;
import static dev.invariantharness.examples.runtime.freeze.JsonHttp.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reference legacy runtime on a loopback port with an in-memory store of runs under
 * {@code /api/v1/runs} (POST, PUT, PATCH, DELETE; GET lists them). With
 * {@code LEGACY_RUNTIME_WRITE_FREEZE} on, every mutation answers
 * {@code 410 {"error":{"code":"write_path_frozen",...}}}. {@code POST /admin/write-freeze
 * {"frozen":true}} with the admin token flips the flag, as a redeploy would.
 */
public final class ReferenceLegacyService implements AutoCloseable {

  /** The bearer token mutations require. */
  public static final String SERVICE_TOKEN = "legacy-svc-55aa0912";
  /** The bearer token the admin hook requires. */
  public static final String ADMIN_TOKEN = "legacy-admin-c3d4e5f6";

  private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final RuntimeVariant variant;
  private final JsonHttp http;
  private volatile boolean frozen;
  private final Map<String, ObjectNode> runs = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();

  private ReferenceLegacyService(RuntimeVariant variant, boolean frozen) throws IOException {
    this.variant = variant;
    this.frozen = frozen;
    this.http = new JsonHttp("reference-legacy", this::handle);
  }

  /** Starts the legacy service with its write freeze on or off. */
  public static ReferenceLegacyService start(RuntimeVariant variant, boolean frozen) throws IOException {
    return new ReferenceLegacyService(variant, frozen);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return http.baseUrl();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (path.equals("/admin/write-freeze") && method.equals("POST")) {
      admin(ex);
    } else if (method.equals("GET") && path.equals("/healthz")) {
      send(ex, 200, JSON.createObjectNode().put("status", "ok").put("write_freeze", frozen));
    } else if (method.equals("GET") && path.equals("/api/v1/runs")) {
      ObjectNode n = JSON.createObjectNode();
      ArrayNode a = n.putArray("runs");
      runs.values().forEach(a::add);
      send(ex, 200, n);
    } else if (MUTATIONS.contains(method) && path.startsWith("/api/")) {
      mutate(ex, method, path);
    } else {
      send(ex, 404, JsonHttp.nestedError("not_found", "no route " + method + " " + path));
    }
  }

  private void admin(HttpExchange ex) throws IOException {
    if (!JsonHttp.bearer(ex, ADMIN_TOKEN)) {
      send(ex, 401, JsonHttp.nestedError("unauthorized", "admin token required"));
      return;
    }
    JsonNode flag = JsonHttp.body(ex);
    if (flag == null || !flag.path("frozen").isBoolean()) {
      send(ex, 400, JsonHttp.nestedError("invalid_body", "expected {\"frozen\":true|false}"));
      return;
    }
    frozen = flag.get("frozen").asBoolean();
    send(ex, 204, null);
  }

  private void mutate(HttpExchange ex, String method, String path) throws IOException {
    if (!JsonHttp.bearer(ex, SERVICE_TOKEN)) {
      send(ex, 401, JsonHttp.nestedError("unauthorized", "service token required"));
      return;
    }
    boolean exempt = variant == RuntimeVariant.LEGACY_PARTIAL_FREEZE && method.equals("DELETE");
    if (frozen && !exempt) {
      send(ex, 410, JsonHttp.nestedError("write_path_frozen", "legacy runtime writes are frozen; the Rust runtime is the authority"));
      return;
    }
    JsonNode body = JsonHttp.body(ex);
    if (body == null) {
      send(ex, 400, JsonHttp.nestedError("invalid_body", "expected JSON"));
      return;
    }
    if (path.equals("/api/v1/runs") && method.equals("POST")) {
      String id = "legacy-" + ids.incrementAndGet();
      ObjectNode run = JSON.createObjectNode().put("id", id).put("name", body.path("name").asText("unnamed"));
      runs.put(id, run);
      send(ex, 201, run);
      return;
    }
    if (path.startsWith("/api/v1/runs/") && path.indexOf('/', "/api/v1/runs/".length()) < 0) {
      String id = path.substring("/api/v1/runs/".length());
      if (method.equals("DELETE")) {
        runs.remove(id);
        send(ex, 204, null);
      } else {
        ObjectNode run = runs.computeIfAbsent(id, k -> JSON.createObjectNode().put("id", k));
        synchronized (run) {
          body.properties().forEach(f -> run.set(f.getKey(), f.getValue()));
          run.put("id", id);
        }
        send(ex, 200, run);
      }
      return;
    }
    send(ex, 404, JsonHttp.nestedError("not_found", "no route " + method + " " + path));
  }

  @Override
  public void close() {
    http.close();
  }
}
