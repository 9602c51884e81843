package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Write routes given as a list by the user; for routes from an OpenAPI document see
 * {@link OpenApiRoutes}.
 *
 * <pre>{@code
 * List<WriteRoute> legacy = WriteRoutes.of("POST /api/v1/runs", "PATCH /api/v1/runs/{id}", "DELETE /api/v1/runs/{id}");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WriteRoutes {

  private WriteRoutes() {}

  /** Routes from {@code "METHOD /path"} texts; see {@link WriteRoute#parse}. */
  public static List<WriteRoute> of(String... routes) {
    List<WriteRoute> out = new ArrayList<>();
    for (String r : routes) {
      out.add(WriteRoute.parse(r));
    }
    return List.copyOf(out);
  }
}
