package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One recorded request to replay against every side.
 *
 * @param source where it was recorded: {@code file:line} for JSONL, {@code file} (and the
 *     mapping's name or index) for a WireMock mapping; used in error messages
 * @param method the HTTP method, upper case
 * @param path the path and query, starting with {@code /}, appended to each side's base URL
 * @param headers request headers to send (hop-by-hop headers the JDK client sets itself are
 *     dropped when sending)
 * @param body the request body; empty for none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RecordedExchange(String source, String method, String path, Map<String, String> headers, String body) {

  /** Copies the headers; a null body is empty. */
  public RecordedExchange {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  /** A request without headers or body, e.g. {@code RecordedExchange.of("GET", "/api/runs/1")}. */
  public static RecordedExchange of(String method, String path) {
    return new RecordedExchange(method + " " + path, method, path, Map.of(), "");
  }

  /** {@code GET /api/runs/1} (the path without its query). */
  public String route() {
    int q = path.indexOf('?');
    return method + " " + (q < 0 ? path : path.substring(0, q));
  }
}
