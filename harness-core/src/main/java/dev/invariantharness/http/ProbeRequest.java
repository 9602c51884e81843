package dev.invariantharness.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One request for an {@link HttpProber}: method, absolute URI, headers, an optional text body and
 * an optional body limit of its own. Immutable; the {@code with…} methods return a copy.
 *
 * <pre>{@code
 * ProbeRequest sse = ProbeRequest.get(URI.create(base + "/sync/stream"))
 *     .withHeader("Accept", "text/event-stream")
 *     .withBodyLimit(0);   // an event stream never ends: the status and headers are the answer
 * ProbeRequest write = ProbeRequest.of("POST", URI.create(base + "/internal/v1/runs"))
 *     .withJsonBody("{\"kind\":\"run\"}");
 * }</pre>
 *
 * <p>Headers the JDK client sets itself ({@code Host}, {@code Connection}, {@code Content-Length},
 * {@code Upgrade}, {@code Expect}, …) cannot be sent by a caller; the prober leaves them out, so a
 * recorded request can be replayed as recorded.
 *
 * @param method the request method, e.g. {@code GET}
 * @param uri the absolute {@code http} or {@code https} URI, query included
 * @param headers request headers in sending order
 * @param body the request body as UTF-8 text; empty means no body
 * @param bodyLimit bytes of the response body to keep, {@code 0} for none (the exchange ends with
 *     the headers), or {@code -1} for the prober's default
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProbeRequest(String method, URI uri, Map<String, List<String>> headers, String body, int bodyLimit) {

  /** The prober's default body limit applies. */
  public static final int DEFAULT_BODY_LIMIT = -1;

  public ProbeRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    if (method.isBlank()) {
      throw new IllegalArgumentException("method must not be blank");
    }
    if (bodyLimit < DEFAULT_BODY_LIMIT) {
      throw new IllegalArgumentException("bodyLimit must be -1 (prober default), 0 (headers only) or positive, was " + bodyLimit);
    }
    method = method.toUpperCase(Locale.ROOT);
    headers = copy(headers);
    body = body == null ? "" : body;
  }

  /** A GET of {@code uri}. */
  public static ProbeRequest get(URI uri) {
    return of("GET", uri);
  }

  /** A request of {@code method} to {@code uri}, without headers or body. */
  public static ProbeRequest of(String method, URI uri) {
    return new ProbeRequest(method, uri, Map.of(), "", DEFAULT_BODY_LIMIT);
  }

  /** This request with one more value of header {@code name}. */
  public ProbeRequest withHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, List<String>> more = new LinkedHashMap<>(headers);
    List<String> values = new ArrayList<>(more.getOrDefault(name, List.of()));
    values.add(value);
    more.put(name, values);
    return new ProbeRequest(method, uri, more, body, bodyLimit);
  }

  /** This request with {@code body} sent as {@code Content-Type: application/json}. */
  public ProbeRequest withJsonBody(String body) {
    return withBody("application/json", body);
  }

  /** This request with {@code body} sent as {@code contentType}. */
  public ProbeRequest withBody(String contentType, String body) {
    Map<String, List<String>> more = new LinkedHashMap<>(headers);
    more.keySet().removeIf(n -> n.equalsIgnoreCase("Content-Type"));
    more.put("Content-Type", List.of(contentType));
    return new ProbeRequest(method, uri, more, body, bodyLimit);
  }

  /** This request keeping at most {@code bytes} of the response body; {@code 0} reads headers only. */
  public ProbeRequest withBodyLimit(int bytes) {
    return new ProbeRequest(method, uri, headers, body, bytes);
  }

  /** {@code GET http://host/path}, for messages. */
  @Override
  public String toString() {
    return method + " " + uri;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      Objects.requireNonNull(name, "header name");
      copy.put(name, values == null ? List.of() : List.copyOf(values));
    });
    return Collections.unmodifiableMap(copy);
  }
}
