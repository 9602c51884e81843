package dev.invariantharness.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.evidence.HttpExchange;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What an {@link HttpProber} got for one {@link ProbeRequest}. Never thrown, always returned:
 * a refused, reset or silent peer gives {@code status 0} and a {@link #problem()} saying why; a
 * peer that answered but did not finish its body within the deadline gives its status and
 * headers, the body read so far, and a problem saying the body is incomplete.
 *
 * <pre>{@code
 * ProbeResponse r = prober.send(ProbeRequest.get(uri).withHeader("Accept", "text/event-stream"));
 * if (r.is2xx() && r.mediaType().equals("text/event-stream")) {
 *   findings.add(r.request().toString(), "serves an SSE lane: " + r.summary());
 * }
 * Evidence.http(r.toExchange());
 * }</pre>
 *
 * @param request the request as sent
 * @param status the HTTP status, or {@code 0} when no response arrived
 * @param headers the response headers (empty when no response arrived)
 * @param body the body text read, decoded with the declared charset (UTF-8 when none); at most
 *     the body limit in bytes
 * @param truncated whether the peer sent more body than the limit (the rest was not read)
 * @param duration from sending to the end of the exchange (or to the deadline)
 * @param problem empty when the whole exchange completed; otherwise why not, e.g.
 *     {@code "no answer within 2000 ms"} or {@code "connection refused"}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProbeResponse(
    ProbeRequest request,
    int status,
    Map<String, List<String>> headers,
    String body,
    boolean truncated,
    Duration duration,
    String problem) {

  public ProbeResponse {
    Objects.requireNonNull(request, "request");
    if (status < 0) {
      throw new IllegalArgumentException("status must be 0 (no response) or an HTTP status, was " + status);
    }
    headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body == null ? "" : body;
    duration = duration == null ? Duration.ZERO : duration;
    problem = problem == null ? "" : problem;
  }

  /** Whether the peer answered with a status line (the body may still be incomplete). */
  public boolean answered() {
    return status > 0;
  }

  /** Whether the exchange completed: status, headers and the body (up to the limit) all arrived. */
  public boolean complete() {
    return status > 0 && problem.isEmpty();
  }

  /** Whether the status is 2xx. */
  public boolean is2xx() {
    return status >= 200 && status < 300;
  }

  /** The first value of response header {@code name}, matched case-insensitively. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * The media type of {@code Content-Type}, lower-cased and without parameters, e.g.
   * {@code text/event-stream}; empty when the header is missing.
   */
  public String mediaType() {
    String type = header("Content-Type").orElse("");
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * One line for a message: {@code "200 text/event-stream"}, {@code "404 text/plain"},
   * {@code "no answer: connection refused"}.
   */
  public String summary() {
    if (!answered()) {
      return "no answer: " + problem;
    }
    String type = mediaType();
    String line = type.isEmpty() ? String.valueOf(status) : status + " " + type;
    return problem.isEmpty() ? line : line + " (" + problem + ")";
  }

  /**
   * This exchange as evidence. A cut or incomplete body ends with a note saying so, so evidence
   * never passes a fragment off as the whole answer; a missing answer carries its reason as body.
   * Redaction happens when the exchange is attached through {@code Evidence}.
   */
  public HttpExchange toExchange() {
    String responseBody = body;
    if (!answered()) {
      responseBody = problem;
    } else if (truncated) {
      responseBody = body + "… (body cut: the peer sent more than the prober's limit)";
    } else if (!problem.isEmpty()) {
      responseBody = body + "… (" + problem + ")";
    }
    return new HttpExchange(request.method(), request.uri().toString(), request.headers(), request.body(),
        status, headers, responseBody, duration);
  }
}
