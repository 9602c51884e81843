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
 * {@code /api/v1/runs} (see {@code legacy-openapi.yaml}): POST creates, PUT replaces or creates,
 * PATCH updates an existing run (404 for an unknown one), DELETE removes (204 even when absent);
 * GET lists them. Bodies are validated ({@code name} and {@code kind} required; {@code {}} is a
 * 400). With {@code LEGACY_RUNTIME_WRITE_FREEZE} on, every mutation answers
 * {@code 410 {"error":{"code":"write_path_frozen",...}}}; {@code /healthz} reports
 * {@code legacy_write_freeze}. {@code POST /admin/write-freeze {"frozen":true}} with the admin
 * token flips the flag, as a redeploy would. It starts with run {@value #SEEDED_RUN} stored.
 */
public final class ReferenceLegacyService implements AutoCloseable {

  /** The bearer token mutations require. */
  public static final String SERVICE_TOKEN = "legacy-svc-55aa0912";
  /** The bearer token the admin hook requires. */
  public static final String ADMIN_TOKEN = "legacy-admin-c3d4e5f6";

  /** The run the service starts with, so PATCH and DELETE have something to change. */
  public static final String SEEDED_RUN = "run-1";

  private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> KINDS = Set.of("batch", "interactive");

  private final RuntimeVariant variant;
  private final JsonHttp http;
  private volatile boolean frozen;
  private final Map<String, ObjectNode> runs = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();

  private ReferenceLegacyService(RuntimeVariant variant, boolean frozen) throws IOException {
    this.variant = variant;
    this.frozen = frozen;
    runs.put(SEEDED_RUN, JSON.createObjectNode().put("id", SEEDED_RUN).put("name", "seeded").put("kind", "batch"));
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
      ObjectNode health = JSON.createObjectNode().put("status", "ok");
      if (variant == RuntimeVariant.LEGACY_HEALTHZ_LIES) {
        health.put("legacy_write_freeze", false);
      } else if (variant == RuntimeVariant.LEGACY_HEALTHZ_ENV_SPELLING) {
        health.put("legacy_write_freeze", frozen ? "on" : "off");
      } else {
        health.put("legacy_write_freeze", frozen);
      }
      send(ex, 200, health);
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
    JsonNode body = JsonHttp.body(ex);
    boolean validatesFirst = variant == RuntimeVariant.LEGACY_VALIDATES_BEFORE_FREEZE
        || variant == RuntimeVariant.LEGACY_WRITES_VALID_BODIES_WHILE_FROZEN;
    String invalid = invalid(method, body);
    if (validatesFirst && invalid != null) {
      send(ex, 400, JsonHttp.nestedError("invalid_body", invalid));
      return;
    }
    boolean exempt = variant == RuntimeVariant.LEGACY_PARTIAL_FREEZE && method.equals("DELETE")
        || variant == RuntimeVariant.LEGACY_WRITES_VALID_BODIES_WHILE_FROZEN
        || variant == RuntimeVariant.LEGACY_PATCH_AND_DELETE_WHILE_FROZEN && (method.equals("PATCH") || method.equals("DELETE"));
    if (frozen && !exempt) {
      send(ex, 410, JsonHttp.nestedError("write_path_frozen", "legacy runtime writes are frozen; the Rust runtime is the authority"));
      return;
    }
    if (invalid != null) {
      send(ex, 400, JsonHttp.nestedError("invalid_body", invalid));
      return;
    }
    if (path.equals("/api/v1/runs") && method.equals("POST")) {
      String id = "legacy-" + ids.incrementAndGet();
      ObjectNode run = JSON.createObjectNode().put("id", id).put("name", body.path("name").asText()).put("kind", body.path("kind").asText());
      runs.put(id, run);
      send(ex, 201, run);
      return;
    }
    if (path.startsWith("/api/v1/runs/") && path.indexOf('/', "/api/v1/runs/".length()) < 0) {
      String id = path.substring("/api/v1/runs/".length());
      switch (method) {
        case "DELETE" -> {
          runs.remove(id);
          send(ex, 204, null);
        }
        case "PUT" -> {
          ObjectNode run = JSON.createObjectNode().put("id", id).put("name", body.path("name").asText()).put("kind", body.path("kind").asText());
          runs.put(id, run);
          send(ex, 200, run);
        }
        default -> patch(ex, id, body);
      }
      return;
    }
    send(ex, 404, JsonHttp.nestedError("not_found", "no route " + method + " " + path));
  }

  /** Updates an existing run; a slow store in the variants that have one, so a DELETE sent beside it would land first. */
  private void patch(HttpExchange ex, String id, JsonNode body) throws IOException {
    if (variant == RuntimeVariant.LEGACY_SLOW_PATCH || variant == RuntimeVariant.LEGACY_PATCH_AND_DELETE_WHILE_FROZEN) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ObjectNode run = runs.get(id);
    if (run == null) {
      send(ex, 404, JsonHttp.nestedError("not_found", "no run " + id));
      return;
    }
    synchronized (run) {
      body.properties().forEach(f -> run.set(f.getKey(), f.getValue()));
      run.put("id", id);
    }
    send(ex, 200, run);
  }

  /** Why {@code body} is not a valid body for {@code method}, or {@code null}. */
  private static String invalid(String method, JsonNode body) {
    if (method.equals("DELETE")) {
      return null;
    }
    if (body == null || !body.isObject()) {
      return "expected a JSON object";
    }
    if (method.equals("PATCH")) {
      return body.isEmpty() ? "nothing to update" : body.has("kind") && !KINDS.contains(body.path("kind").asText()) ? "kind must be one of " + KINDS : null;
    }
    if (!body.path("name").isTextual() || body.path("name").asText().isEmpty()) {
      return "name is required";
    }
    return KINDS.contains(body.path("kind").asText()) ? null : "kind must be one of " + KINDS;
  }

  @Override
  public void close() {
    http.close();
  }
}
