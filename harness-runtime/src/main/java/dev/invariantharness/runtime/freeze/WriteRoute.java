package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.freeze.internal.PathTemplates;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One authority write route to probe: its method, its path as documented (the template, used in
 * names and reports), the concrete path sent, and the JSON body sent.
 *
 * <pre>{@code
 * WriteRoute run = WriteRoute.parse("POST /internal/v1/runs").withBody("{\"kind\":\"probe\"}");
 * WriteRoute events = WriteRoute.parse("POST /internal/v1/runs/{run_id}/events")
 *     .withPathParams(Map.of("run_id", "run-1"));   // other {params} become "harness-probe"
 * }</pre>
 *
 * @param method {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param template the documented path, e.g. {@code /internal/v1/runs/{run_id}/events}
 * @param path the path sent, placeholders filled, e.g. {@code /internal/v1/runs/run-1/events}
 * @param body the JSON request body; empty for none
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WriteRoute(String method, String template, String path, String body) {

  /** The value a path parameter gets when none is supplied. */
  public static final String PLACEHOLDER = PathTemplates.PLACEHOLDER;

  /** The methods that write. */
  public static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  public WriteRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(template, "template");
    method = method.toUpperCase(Locale.ROOT);
    if (!WRITE_METHODS.contains(method)) {
      throw new HarnessInputException("write route " + method + " " + template,
          "method " + method + " does not write; use POST, PUT, PATCH or DELETE");
    }
    if (!template.startsWith("/")) {
      throw new HarnessInputException("write route " + method + " " + template, "the path must start with '/'");
    }
    path = path == null ? PathTemplates.fill(template, Map.of()) : path;
    body = body == null ? "" : body;
  }

  /**
   * A route from {@code "METHOD /path"}, with placeholders filled with {@value #PLACEHOLDER} and
   * body {@code {}} (none for DELETE).
   *
   * @throws HarnessInputException naming the text when it is not {@code METHOD /path}
   */
  public static WriteRoute parse(String route) {
    String[] parts = route == null ? new String[0] : route.trim().split("\\s+");
    if (parts.length != 2) {
      throw new HarnessInputException("write route '" + route + "'", "expected 'METHOD /path', e.g. 'POST /internal/v1/runs'");
    }
    String method = parts[0].toUpperCase(Locale.ROOT);
    return new WriteRoute(method, parts[1], null, method.equals("DELETE") ? "" : "{}");
  }

  /** This route with another body. */
  public WriteRoute withBody(String json) {
    return new WriteRoute(method, template, path, json);
  }

  /** This route with its {@code {name}} placeholders filled from {@code values}, else {@value #PLACEHOLDER}. */
  public WriteRoute withPathParams(Map<String, String> values) {
    return new WriteRoute(method, template, PathTemplates.fill(template, values), body);
  }

  /** {@code POST /internal/v1/runs/{run_id}/events}: how reports name the route. */
  public String name() {
    return method + " " + template;
  }

  @Override
  public String toString() {
    return name();
  }
}
