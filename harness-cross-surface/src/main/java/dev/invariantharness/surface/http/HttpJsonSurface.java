package dev.invariantharness.surface.http;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.http.HttpProber;
import dev.invariantharness.http.ProbeRequest;
import dev.invariantharness.http.ProbeResponse;
import dev.invariantharness.surface.Answer;
import dev.invariantharness.surface.Operation;
import dev.invariantharness.surface.Surface;
import dev.invariantharness.surface.SurfaceCall;
import dev.invariantharness.surface.compare.JsonPointers;
import io.grpc.Status;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The HTTP JSON surface: each operation is a route ({@code GET /v1/notes/{noteId}}), asked through
 * harness-core's bounded {@link HttpProber} (HTTP/1.1, the step's deadline over headers and body,
 * capped body, no redirects). Path variables are taken from the request's fields; the rest of the
 * request is the JSON body ({@code POST}, {@code PUT}, {@code PATCH}) or the query (other methods).
 * A 2xx answer is the message in proto JSON; any other status is an error whose canonical code is
 * the one the body states ({@code {"code":5}}, {@code {"status":"NOT_FOUND"}},
 * {@code {"error":{"status":"NOT_FOUND"}}}) or, when it states none, judged by the status line.
 * A server-streaming operation's answer is a JSON array of its messages or grpc-gateway's
 * newline-delimited {@code {"result": ...}} lines.
 *
 * <p>Two instances at two base URIs ({@code legacy}, {@code new}) give route-group parity during a
 * mixed-version window.
 *
 * <pre>{@code
 * HttpJsonSurface http = HttpJsonSurface.at("http", URI.create("http://127.0.0.1:8080"))
 *     .route("CreateNote", "POST", "/v1/notes")
 *     .route("GetNote", "GET", "/v1/notes/{noteId}");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpJsonSurface implements Surface {

  private static final ObjectMapper JSON = Json.mapper();
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

  /**
   * A bound route, its template split once into literal text and path variables (each with the
   * pointer it is read at and the spellings removed from the rest of the request).
   */
  private record Route(String method, String template, List<String> literals, List<String> fields, List<String[]> spellings,
      boolean withBody) {

    static Route of(String method, String template) {
      List<String> literals = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      Matcher m = PATH_VARIABLE.matcher(template);
      int at = 0;
      while (m.find()) {
        literals.add(template.substring(at, m.start()));
        fields.add(m.group(1));
        at = m.end();
      }
      literals.add(template.substring(at));
      String upper = method.toUpperCase(Locale.ROOT);
      List<String[]> spellings = fields.stream()
          .map(f -> new String[] {f, JsonPointers.lowerCamel(f), JsonPointers.snake(f)}).toList();
      return new Route(upper, template, List.copyOf(literals), List.copyOf(fields), spellings,
          upper.equals("POST") || upper.equals("PUT") || upper.equals("PATCH"));
    }
  }

  private final String name;
  private final URI base;
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<Duration, HttpProber> probers = new ConcurrentHashMap<>();
  // the headers of every request, without and with a JSON body: made once, not copied header by header per call
  private volatile Map<String, List<String>> plainHeaders;
  private volatile Map<String, List<String>> jsonBodyHeaders;

  private HttpJsonSurface(String name, URI base) {
    this.name = Objects.requireNonNull(name, "name");
    this.base = Objects.requireNonNull(base, "base");
  }

  /** A surface called {@code name} at {@code base} (scheme, host, port and an optional path prefix). */
  public static HttpJsonSurface at(String name, URI base) {
    String s = base.toString();
    return new HttpJsonSurface(name, URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
  }

  /** Binds {@code operation} to {@code method} {@code pathTemplate}, e.g. {@code GET /v1/notes/{noteId}}. Returns {@code this}. */
  public HttpJsonSurface route(String operation, String method, String pathTemplate) {
    if (!pathTemplate.startsWith("/")) {
      throw new IllegalArgumentException("route of " + operation + ": path '" + pathTemplate + "' must start with '/'");
    }
    routes.put(operation, Route.of(method, pathTemplate));
    return this;
  }

  /** Sends {@code name: value} with every request (redacted in evidence when it is a credential). Returns {@code this}. */
  public HttpJsonSurface header(String headerName, String value) {
    headers.put(headerName, value);
    plainHeaders = null;
    jsonBodyHeaders = null;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> cannotServe(Operation operation) {
    return route(operation) == null
        ? Optional.of("HTTP surface '" + name + "' has no route for operation '" + operation.name() + "' (routes: " + routes.keySet() + ")")
        : Optional.empty();
  }

  @Override
  public Answer call(SurfaceCall call) {
    Route route = route(call.operation());
    ObjectNode rest = call.input().isObject() ? ((ObjectNode) call.input()).deepCopy() : JSON.createObjectNode();
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < route.fields().size(); i++) {
      String field = route.fields().get(i);
      JsonNode v = JsonPointers.at(rest, "/" + field);
      if (v == null || v.isNull()) {
        return Answer.none(name, "the request has no field '" + field + "' for the path " + route.template(), Duration.ZERO);
      }
      for (String spelling : route.spellings().get(i)) {
        rest.remove(spelling);
      }
      path.append(route.literals().get(i)).append(URLEncoder.encode(v.asText(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    path.append(route.literals().get(route.literals().size() - 1));
    boolean withBody = route.withBody();
    if (!withBody) {
      String query = query(rest);
      if (!query.isEmpty()) {
        path.append(path.indexOf("?") < 0 ? '?' : '&').append(query);
      }
    }
    ProbeRequest request = new ProbeRequest(route.method(), URI.create(base + path.toString()), headers(withBody),
        withBody ? rest.toString() : "", ProbeRequest.DEFAULT_BODY_LIMIT);
    ProbeResponse r = prober(call.deadline()).send(request);
    return answer(request, r, call.operation().serverStreaming());
  }

  private Answer answer(ProbeRequest request, ProbeResponse r, boolean stream) {
    if (!r.answered()) {
      return Answer.none(name, request + ": " + r.problem(), r.duration());
    }
    if (!r.complete()) {
      return Answer.none(name, request + " answered " + r.status() + " but " + r.problem(), r.duration());
    }
    if (r.truncated()) {
      return Answer.none(name, request + " answered " + r.status() + " with a body larger than the prober's limit", r.duration());
    }
    boolean json = r.mediaType().contains("json");
    if (r.is2xx()) {
      if (!r.body().isBlank() && !json) {
        return Answer.none(name, request + " answered " + r.summary() + ", not JSON: " + abbreviate(r.body()), r.duration());
      }
      return stream ? stream(request, r) : Answer.okJson(name, r.status(), r.body(), r.duration());
    }
    Status.Code stated = null;
    String detail = "";
    if (json) {
      try {
        JsonNode body = JSON.readTree(r.body());
        stated = statedCode(body);
        JsonNode message = body.path("message").isTextual() ? body.get("message") : body.path("error").path("message");
        detail = message.isTextual() ? message.asText() : abbreviate(r.body());
      } catch (java.io.IOException e) {
        detail = abbreviate(r.body());
      }
    } else {
      detail = abbreviate(r.body());
    }
    return Answer.error(name, stated, r.status(), detail, r.duration());
  }

  /**
   * A server stream over HTTP: one JSON array of the messages, or grpc-gateway's newline-delimited
   * JSON, one {@code {"result": message}} (or a bare message) per line, where a line
   * {@code {"error": status}} ends the stream with an error. Answered as a JSON array.
   */
  private Answer stream(ProbeRequest request, ProbeResponse r) {
    String body = r.body().strip();
    ArrayNode messages = JSON.createArrayNode();
    if (body.startsWith("[")) {
      try {
        JSON.readTree(body).forEach(messages::add);
      } catch (java.io.IOException e) {
        return Answer.none(name, request + " answered " + r.summary() + ", a stream that is not a JSON array: " + abbreviate(body),
            r.duration());
      }
      return Answer.okJson(name, r.status(), messages.toString(), r.duration());
    }
    String[] lines = body.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode item;
      try {
        item = JSON.readTree(line);
      } catch (java.io.IOException e) {
        return Answer.none(name, request + " answered " + r.summary() + ", a stream whose line " + (i + 1) + " is not JSON: "
            + abbreviate(line), r.duration());
      }
      if (item.isObject() && item.size() == 1 && item.has("error")) {
        JsonNode error = item.get("error");
        String message = error.path("message").asText("");
        // an error inside a stream comes after the 200 was sent: only the code it states counts
        return Answer.error(name, statedCode(error), -1, "in the stream after " + messages.size() + " message(s)"
            + (message.isEmpty() ? "" : ": " + message), r.duration());
      }
      messages.add(item.isObject() && item.size() == 1 && item.has("result") ? item.get("result") : item);
    }
    return Answer.okJson(name, r.status(), messages.toString(), r.duration());
  }

  /** The canonical code a JSON error body states, if any. */
  static Status.Code statedCode(JsonNode body) {
    for (JsonNode candidate : new JsonNode[] {body.get("status"), body.path("error").get("status"), body.get("code"),
        body.path("error").get("code")}) {
      if (candidate == null) {
        continue;
      }
      if (candidate.isInt() && candidate.asInt() > 0 && candidate.asInt() <= Status.Code.UNAUTHENTICATED.value()) {
        return Status.fromCodeValue(candidate.asInt()).getCode();
      }
      if (candidate.isTextual()) {
        try {
          return Status.Code.valueOf(candidate.asText());
        } catch (IllegalArgumentException notACanonicalCode) {
          // e.g. "write_path_frozen": an application code, not a canonical one
        }
      }
    }
    return null;
  }

  private static String query(ObjectNode rest) {
    StringBuilder q = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = rest.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isArray()) {
        v.forEach(x -> append(q, e.getKey(), x));
      } else if (v.isValueNode()) {
        append(q, e.getKey(), v);
      }
    }
    return q.toString();
  }

  private static void append(StringBuilder q, String key, JsonNode v) {
    if (!v.isValueNode()) {
      return;
    }
    if (q.length() > 0) {
      q.append('&');
    }
    q.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v.asText(), StandardCharsets.UTF_8));
  }

  /**
   * {@code Accept: application/json}, then the configured headers (a configured {@code Accept}
   * adds its value), then for a body {@code Content-Type: application/json} in place of any
   * configured one: what {@code ProbeRequest.withHeader} and {@code withJsonBody} would make.
   */
  private Map<String, List<String>> headers(boolean jsonBody) {
    Map<String, List<String>> made = jsonBody ? jsonBodyHeaders : plainHeaders;
    if (made != null) {
      return made;
    }
    Map<String, List<String>> all = new LinkedHashMap<>();
    all.put("Accept", new ArrayList<>(List.of("application/json")));
    for (Map.Entry<String, String> h : headers.entrySet()) {
      all.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
    }
    if (jsonBody) {
      all.keySet().removeIf(n -> n.equalsIgnoreCase("Content-Type"));
      all.put("Content-Type", List.of("application/json"));
    }
    made = java.util.Collections.unmodifiableMap(all);
    if (jsonBody) {
      jsonBodyHeaders = made;
    } else {
      plainHeaders = made;
    }
    return made;
  }

  private HttpProber prober(Duration deadline) {
    return probers.computeIfAbsent(deadline, d -> HttpProber.builder().deadline(d).build());
  }

  private Route route(Operation operation) {
    Route r = routes.get(operation.name());
    if (r == null) {
      r = routes.get(operation.fullMethodName());
    }
    if (r == null) {
      r = routes.get(operation.method().getName());
    }
    return r;
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() > 120 ? t.substring(0, 120) + "…" : t;
  }

  @Override
  public void close() {
    probers.values().forEach(HttpProber::close);
    probers.clear();
  }

  @Override
  public String toString() {
    return name + " (HTTP " + base + ")";
  }
}
