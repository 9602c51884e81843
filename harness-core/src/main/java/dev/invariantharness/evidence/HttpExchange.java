package dev.invariantharness.evidence;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One HTTP request and its response, as evidence. Transport-neutral: a module fills it from
 * whatever client it uses and attaches it with {@link Evidence#http} or {@link EvidenceLog#http},
 * which redact it before writing.
 *
 * <pre>{@code
 * Evidence.http(new HttpExchange(
 *     "POST", "https://runtime.test/internal/v1/runs",
 *     Map.of("Authorization", List.of("Bearer " + token)), "{\"kind\":\"run\"}",
 *     503, Map.of("Content-Type", List.of("application/json")),
 *     "{\"error\":\"write_path_frozen\"}", Duration.ofMillis(12)));
 * }</pre>
 *
 * @param method request method, e.g. {@code POST}
 * @param uri request URI as sent, query included
 * @param requestHeaders request headers in sending order; {@code null} means none
 * @param requestBody request body as text; {@code null} means none
 * @param status response status, or {@code 0} when no response arrived (refused, timed out)
 * @param responseHeaders response headers; {@code null} means none
 * @param responseBody response body as text; {@code null} means none
 * @param duration time from sending to the end of the response; {@code null} means unknown
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record HttpExchange(
    String method,
    String uri,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    Duration duration) {

  public HttpExchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    if (status < 0) {
      throw new IllegalArgumentException("status must be 0 (no response) or an HTTP status, was " + status);
    }
    requestHeaders = copy(requestHeaders);
    requestBody = requestBody == null ? "" : requestBody;
    responseHeaders = copy(responseHeaders);
    responseBody = responseBody == null ? "" : responseBody;
    duration = duration == null ? Duration.ZERO : duration;
  }

  /** The URI's path without query or fragment, e.g. {@code /internal/v1/runs}; used in names. */
  public String path() {
    try {
      URI parsed = URI.create(uri);
      if (parsed.getRawPath() != null && !parsed.getRawPath().isEmpty()) {
        return parsed.getRawPath();
      }
    } catch (IllegalArgumentException notAUri) {
      // fall through to a plain cut: evidence of a malformed URI is still evidence
    }
    String rest = uri;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      int slash = rest.indexOf('/', scheme + 3);
      rest = slash < 0 ? "/" : rest.substring(slash);
    }
    int cut = rest.length();
    for (char c : new char[] {'?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    String path = rest.substring(0, cut);
    return path.isEmpty() ? "/" : path;
  }

  /** This exchange with URI, headers and bodies passed through {@code redactor}. */
  public HttpExchange redacted(Redactor redactor) {
    return new HttpExchange(
        redactor.redact(method), redactor.redactUri(uri), redactor.redactHeaders(requestHeaders),
        redactor.redact(requestBody), status, redactor.redactHeaders(responseHeaders),
        redactor.redact(responseBody), duration);
  }

  /**
   * A readable rendering, request first, then the response after a {@code -->} line:
   *
   * <pre>
   * POST https://runtime.test/internal/v1/runs
   * Authorization: Bearer [REDACTED]
   *
   * {"kind":"run"}
   *
   * --> 503 in 12 ms
   * Content-Type: application/json
   *
   * {"error":"write_path_frozen"}
   * </pre>
   *
   * <p>Not redacted by itself: call {@link #redacted} first, or attach through the evidence API.
   */
  public String render() {
    StringBuilder b = new StringBuilder(256 + requestBody.length() + responseBody.length());
    b.append(method).append(' ').append(uri).append('\n');
    appendHeadersAndBody(b, requestHeaders, requestBody);
    b.append('\n');
    if (status == 0) {
      b.append("--> no response after ").append(duration.toMillis()).append(" ms\n");
    } else {
      b.append("--> ").append(status).append(" in ").append(duration.toMillis()).append(" ms\n");
      appendHeadersAndBody(b, responseHeaders, responseBody);
    }
    return b.toString();
  }

  private static void appendHeadersAndBody(StringBuilder b, Map<String, List<String>> headers, String body) {
    headers.forEach((name, values) -> values.forEach(v -> b.append(name).append(": ").append(v).append('\n')));
    if (!body.isEmpty()) {
      b.append('\n').append(body);
      if (!body.endsWith("\n")) {
        b.append('\n');
      }
    }
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (name != null) {
        List<String> kept = new ArrayList<>();
        if (values != null) {
          values.stream().filter(Objects::nonNull).forEach(kept::add);
        }
        copy.put(name, List.copyOf(kept));
      }
    });
    return Collections.unmodifiableMap(copy);
  }
}
