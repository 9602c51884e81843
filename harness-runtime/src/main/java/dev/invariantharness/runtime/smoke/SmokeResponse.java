package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.evidence.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What one smoke request saw. A request that got no answer (refused, reset, timed out) is a
 * response with status {@code 0} and a {@link #failure()}, so checks report it as a finding
 * instead of throwing past the invariant.
 *
 * <p>Headers and body are as received, not redacted: render them through
 * {@link ServiceSmoke#redact(String)} before they reach a message.
 *
 * @param method request method
 * @param uri request URI
 * @param requestHeaders request headers as sent (an {@code Authorization} header included)
 * @param requestBody request body, empty for none
 * @param status response status, {@code 0} when no response arrived
 * @param headers response headers
 * @param body response body decoded as UTF-8, at most the probe's body limit
 * @param truncated whether the peer sent more than the body limit
 * @param duration time from sending to the end of the (capped) body
 * @param failure why no response arrived; empty when one did
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SmokeResponse(
    String method,
    URI uri,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> headers,
    String body,
    boolean truncated,
    Duration duration,
    String failure) {

  public SmokeResponse {
    requestHeaders = requestHeaders == null ? Map.of() : Map.copyOf(requestHeaders);
    requestBody = requestBody == null ? "" : requestBody;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? "" : body;
    failure = failure == null ? "" : failure;
  }

  /** Whether a response arrived with a 2xx status. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** Whether a response arrived at all. */
  public boolean answered() {
    return status > 0;
  }

  /** The path of the request URI, e.g. {@code /readyz}. */
  public String path() {
    return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
  }

  /** Every value of header {@code name}, compared case-insensitively. */
  public List<String> headerValues(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }

  /** The first value of header {@code name}, compared case-insensitively. */
  public Optional<String> header(String name) {
    return headerValues(name).stream().findFirst();
  }

  /** The parsed {@code Cache-Control} header, every field line joined. */
  public CacheControl cacheControl() {
    return CacheControl.parse(headerValues("Cache-Control"));
  }

  /** Whether the {@code Content-Type} says JSON ({@code application/json}, {@code +json}). */
  public boolean isJson() {
    String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    int semi = type.indexOf(';');
    String media = (semi < 0 ? type : type.substring(0, semi)).trim();
    return media.equals("application/json") || media.endsWith("+json");
  }

  /** {@code GET /readyz} — method and path, for finding locations. */
  public String location() {
    return method + " " + path();
  }

  /** The status as a reader wants it: {@code 503}, or {@code no response (…)}. */
  public String describeStatus() {
    return answered() ? String.valueOf(status) : "no response (" + failure + ")";
  }

  /**
   * {@code GET /readyz -> 503}: method, path and status only. The record's default rendering
   * would print the {@code Authorization} header and any token in the body.
   */
  @Override
  public String toString() {
    return location() + " -> " + describeStatus();
  }

  /** This exchange as core evidence (not yet redacted). */
  public HttpExchange toExchange() {
    return new HttpExchange(method, uri.toString(), requestHeaders, requestBody, status, headers, body, duration);
  }
}
