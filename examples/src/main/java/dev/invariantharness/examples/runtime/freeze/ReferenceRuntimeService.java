package dev.invariantharness.examples.runtime.freeze;

import static dev.invariantharness.examples.runtime.freeze.JsonHttp.JSON;
import static dev.invariantharness.examples.runtime.freeze.JsonHttp.send;
import static dev.invariantharness.examples.runtime.freeze.JsonHttp.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.invariantharness.runtime.WriteMode;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference Rust runtime on a loopback port with an in-memory store and the three write modes
 * of {@code RUNTIME_AUTHORITY_WRITE_MODE}. Its authority write routes (see
 * {@code runtime-openapi.yaml}) need the service token and validate their bodies; frozen, they
 * answer {@code 503 {"error":"write_path_frozen",...}}. {@code GET /internal/v1/runs} and
 * {@code GET /internal/v1/workers} show the state; {@code /healthz} the mode.
 * {@code POST /admin/write-mode {"mode":"read_only"}} with the admin token switches the mode, as
 * a redeploy with another environment would.
 */
public final class ReferenceRuntimeService implements AutoCloseable {

  /** The bearer token the authority write routes require. */
  public static final String SERVICE_TOKEN = "rt-svc-7d41c0ffee";
  /** The bearer token the admin hook requires. */
  public static final String ADMIN_TOKEN = "rt-admin-93be11aa";

  private static final Pattern EVENTS = Pattern.compile("/internal/v1/runs/([^/]+)/events");
  private static final Pattern WORKER_ACTION = Pattern.compile("/internal/v1/workers/([^/]+)/(heartbeat|status)");
  private static final Set<String> WORKER_STATUSES = Set.of("idle", "busy", "draining", "stopped");

  private final RuntimeVariant variant;
  private final JsonHttp http;
  private volatile WriteMode mode;
  private final Map<String, ObjectNode> runs = new ConcurrentSkipListMap<>();
  private final Map<String, ObjectNode> workers = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();

  private ReferenceRuntimeService(RuntimeVariant variant, WriteMode mode) throws IOException {
    this.variant = variant;
    this.mode = mode;
    this.http = new JsonHttp("reference-runtime", this::handle);
  }

  /** Starts the runtime in {@code mode} on an ephemeral loopback port. */
  public static ReferenceRuntimeService start(RuntimeVariant variant, WriteMode mode) throws IOException {
    return new ReferenceRuntimeService(variant, mode);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return http.baseUrl();
  }

  /** The mode it runs in. */
  public WriteMode mode() {
    return mode;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (method.equals("GET")) {
      read(ex, path);
    } else if (path.equals("/admin/write-mode") && method.equals("POST")) {
      admin(ex);
    } else if (path.startsWith("/internal/v1/")) {
      write(ex, method, path);
    } else {
      send(ex, 404, JsonHttp.error("not_found", "no route " + method + " " + path));
    }
  }

  private boolean frozen() {
    return !mode.acceptsWrites() && !(variant == RuntimeVariant.ACCEPTS_IN_READ_ONLY && mode == WriteMode.READ_ONLY);
  }

  private void read(HttpExchange ex, String path) throws IOException {
    if (path.equals("/healthz")) {
      ObjectNode h = JSON.createObjectNode();
      h.put("status", "ok");
      WriteMode reported = variant == RuntimeVariant.HEALTHZ_LIES ? WriteMode.RUST_ACTIVE : mode;
      h.put("authority_write_mode", reported.wireName());
      h.put("authority_writer_active", reported.acceptsWrites());
      send(ex, 200, h);
      return;
    }
    if (variant == RuntimeVariant.READS_FROZEN && !mode.acceptsWrites()) {
      send(ex, 503, JsonHttp.error("write_path_frozen", "runtime is in " + mode.wireName()));
      return;
    }
    if (path.equals("/internal/v1/runs")) {
      send(ex, 200, list("runs", runs));
    } else if (path.equals("/internal/v1/workers")) {
      send(ex, 200, list("workers", workers));
    } else {
      send(ex, 404, JsonHttp.error("not_found", "no route GET " + path));
    }
  }

  private static ObjectNode list(String name, Map<String, ObjectNode> items) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode a = n.putArray(name);
    items.values().forEach(a::add);
    return n;
  }

  private void admin(HttpExchange ex) throws IOException {
    if (!JsonHttp.bearer(ex, ADMIN_TOKEN)) {
      send(ex, 401, JsonHttp.error("unauthorized", "admin token required"));
      return;
    }
    String requested = text(JsonHttp.body(ex), "mode");
    try {
      mode = WriteMode.parse(requested);
      send(ex, 204, null);
    } catch (RuntimeException e) {
      send(ex, 400, JsonHttp.error("invalid_mode", e.getMessage()));
    }
  }

  private void write(HttpExchange ex, String method, String path) throws IOException {
    if (!method.equals("POST")) {
      send(ex, 405, JsonHttp.error("method_not_allowed", method + " " + path));
      return;
    }
    if (!JsonHttp.bearer(ex, SERVICE_TOKEN)) {
      send(ex, 401, JsonHttp.error("unauthorized", "service token required"));
      return;
    }
    JsonNode body = JsonHttp.body(ex);
    if (body == null || !body.isObject()) {
      send(ex, 400, JsonHttp.error("invalid_body", "expected a JSON object"));
      return;
    }
    if (frozen()) {
      if (variant == RuntimeVariant.FROZEN_WITHOUT_CODE) {
        send(ex, 503, JsonHttp.error("service_unavailable", "try again later"));
        return;
      }
      if (variant == RuntimeVariant.APPLIES_WHILE_FROZEN) {
        apply(path, body);
      }
      send(ex, 503, JsonHttp.error("write_path_frozen", "runtime authority writes are frozen (" + mode.wireName() + ")"));
      return;
    }
    if (variant == RuntimeVariant.DROPS_ACCEPTED_WRITES) {
      send(ex, path.endsWith("/events") ? 202 : 201, JSON.createObjectNode().put("accepted", true));
      return;
    }
    JsonNode created = apply(path, body);
    if (created == null) {
      send(ex, 404, JsonHttp.error("not_found", "no route POST " + path));
    } else if (created.has("error")) {
      send(ex, 400, created);
    } else {
      send(ex, path.endsWith("/events") ? 202 : path.equals("/internal/v1/runs") || path.equals("/internal/v1/workers") ? 201 : 200, created);
    }
  }

  /** Applies a write; {@code null} for an unknown route, an error object for an invalid body. */
  private JsonNode apply(String path, JsonNode body) {
    if (path.equals("/internal/v1/runs")) {
      String kind = text(body, "kind");
      if (kind == null) {
        return JsonHttp.error("invalid_body", "kind is required");
      }
      String id = "run-" + ids.incrementAndGet();
      ObjectNode run = JSON.createObjectNode().put("run_id", id).put("kind", kind).put("events", 0);
      runs.put(id, run);
      return run;
    }
    Matcher events = EVENTS.matcher(path);
    if (events.matches()) {
      String type = text(body, "type");
      JsonNode seq = body.get("seq");
      if (type == null || seq == null || !seq.canConvertToLong() || seq.asLong() < 1) {
        return JsonHttp.error("invalid_body", "type and seq >= 1 are required");
      }
      ObjectNode run = runs.computeIfAbsent(events.group(1),
          id -> JSON.createObjectNode().put("run_id", id).put("kind", "implicit").put("events", 0));
      synchronized (run) {
        run.put("events", run.get("events").asInt() + 1).put("last_seq", seq.asLong());
      }
      return JSON.createObjectNode().put("run_id", events.group(1)).put("accepted", true);
    }
    if (path.equals("/internal/v1/workers")) {
      String id = text(body, "worker_id");
      if (id == null) {
        return JsonHttp.error("invalid_body", "worker_id is required");
      }
      ObjectNode w = JSON.createObjectNode().put("worker_id", id).put("status", "idle").put("heartbeats", 0);
      workers.put(id, w);
      return w;
    }
    Matcher action = WORKER_ACTION.matcher(path);
    if (action.matches()) {
      ObjectNode w = workers.computeIfAbsent(action.group(1),
          id -> JSON.createObjectNode().put("worker_id", id).put("status", "idle").put("heartbeats", 0));
      synchronized (w) {
        if (action.group(2).equals("heartbeat")) {
          w.put("heartbeats", w.get("heartbeats").asInt() + 1);
        } else {
          String status = text(body, "status");
          if (status == null || !WORKER_STATUSES.contains(status)) {
            return JsonHttp.error("invalid_body", "status must be one of " + WORKER_STATUSES);
          }
          w.put("status", status);
        }
      }
      return w;
    }
    return null;
  }

  @Override
  public void close() {
    http.close();
  }
}
