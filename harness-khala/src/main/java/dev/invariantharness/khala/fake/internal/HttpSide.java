package dev.invariantharness.khala.fake.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.khala.fake.HttpRoute;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Plain HTTP on the fake server's port: a non-upgrade GET on the channel socket answers 400, on
 * the lane socket 426 (as the real service does); the internal poll lane answers JSON pages or
 * {@code 410 stale_cursor}; user routes come first.
 */
public final class HttpSide extends HttpHandler {

  private static final ObjectMapper JSON = Json.mapper();
  private static final Pattern LANE_WS = Pattern.compile("/internal/v1/khala/topics/([^/]+)/ws");
  private static final Pattern LANE_POLL = Pattern.compile("/internal/v1/khala/topics/([^/]+)/messages");

  private final Map<String, HttpRoute> routes;
  private volatile SyncHub hub;

  /** @param routes user routes keyed by {@code "METHOD /path"} */
  public HttpSide(Map<String, HttpRoute> routes) {
    this.routes = Map.copyOf(routes);
  }

  public void bind(SyncHub hub) {
    this.hub = hub;
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    String method = request.getMethod().getMethodString().toUpperCase(Locale.ROOT);
    String path = request.getRequestURI();
    HttpRoute route = routes.get(method + " " + path);
    HttpRoute.Answer answer;
    if (route != null) {
      Map<String, String> query = new LinkedHashMap<>();
      request.getParameterNames().forEach(n -> query.put(n, request.getParameter(n)));
      Map<String, String> headers = new LinkedHashMap<>();
      request.getHeaderNames().forEach(n -> headers.put(n.toLowerCase(Locale.ROOT), request.getHeader(n)));
      String body = "";
      // a GET without content must not be read: Grizzly would wait for a body that never comes
      if (request.getContentLength() > 0 || "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
        try (InputStream in = request.getInputStream()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      answer = route.answer(new HttpRoute.Call(method, path, Map.copyOf(query), Map.copyOf(headers), body));
    } else {
      answer = builtIn(method, path, request);
    }
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private HttpRoute.Answer builtIn(String method, String path, Request request) throws IOException {
    if (path.equals(SyncHub.CHANNEL_PATH)) {
      return HttpRoute.Answer.text(400, "expected a WebSocket upgrade");
    }
    if (LANE_WS.matcher(path).matches()) {
      return HttpRoute.Answer.text(426, "upgrade required");
    }
    Matcher poll = LANE_POLL.matcher(path);
    if (poll.matches() && method.equals("GET")) {
      return poll(java.net.URLDecoder.decode(poll.group(1), StandardCharsets.UTF_8), request);
    }
    if (path.equals("/healthz")) {
      return HttpRoute.Answer.json(200, "{\"status\":\"ok\"}");
    }
    return HttpRoute.Answer.text(404, "not found");
  }

  private HttpRoute.Answer poll(String topic, Request request) throws IOException {
    SyncHub h = hub;
    TopicLog log = h == null ? null : h.log(topic);
    if (log == null) {
      return HttpRoute.Answer.json(404, "{\"error\":\"unknown_topic\"}");
    }
    long after = parse(request.getParameter("after_seq"), 0);
    long limit = Math.max(1, parse(request.getParameter("limit"), 100));
    long head = log.head();
    if (after < log.floor()) {
      ObjectNode body = JSON.createObjectNode();
      body.put("error", "stale_cursor");
      ObjectNode d = body.putObject("details");
      d.put("topic", topic).put("requested_cursor", after).put("oldest_available_cursor", log.floor()).put("head_cursor", head)
          .put("recovery", "reset_local_watermark_and_replay_bootstrap");
      d.putArray("reason_codes").add("retention_floor_breach");
      return HttpRoute.Answer.json(410, JSON.writeValueAsString(body));
    }
    List<TopicLog.Entry> page = log.after(after, Math.min(head, after + limit));
    ObjectNode body = JSON.createObjectNode();
    body.put("topic", topic);
    ArrayNode messages = body.putArray("messages");
    for (TopicLog.Entry e : page) {
      ObjectNode m = messages.addObject();
      m.put("topic", topic).put("sequence", e.seq()).put("kind", "update");
      m.set("payload", json(e.payload()));
    }
    long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
    body.put("oldest_available_cursor", log.floor()).put("head_cursor", head).put("next_cursor", next)
        .put("replay_complete", next >= head);
    return HttpRoute.Answer.json(200, JSON.writeValueAsString(body));
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(payload);
    }
  }

  private static long parse(String s, long otherwise) {
    try {
      return s == null ? otherwise : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
