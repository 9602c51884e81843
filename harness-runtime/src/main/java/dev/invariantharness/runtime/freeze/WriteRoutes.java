package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Write routes given as a list by the user. Without a document each is sent with body
 * {@code {}} (none for DELETE); with the service's OpenAPI document each gets a body its request
 * schema accepts, so a route that validates before it checks the freeze cannot hide behind a 400.
 *
 * <pre>{@code
 * List<WriteRoute> legacy = WriteRoutes.of(OpenApiRoutes.read(Path.of("legacy-openapi.yaml")),
 *     "POST /api/v1/runs", "PATCH /api/v1/runs/{id}", "DELETE /api/v1/runs/{id}");
 * List<WriteRoute> undocumented = WriteRoutes.of("POST /api/v1/runs");   // body {}
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WriteRoutes {

  private WriteRoutes() {}

  /**
   * Routes from {@code "METHOD /path"} texts with bodies generated from {@code document}'s
   * request schemas; see {@link OpenApiRoutes#select}.
   *
   * @throws dev.invariantharness.HarnessInputException when the document does not declare a route
   */
  public static List<WriteRoute> of(OpenApiRoutes document, String... routes) {
    return document.select(routes);
  }

  /** Routes from {@code "METHOD /path"} texts, body {@code {}}; see {@link WriteRoute#parse}. */
  public static List<WriteRoute> of(String... routes) {
    List<WriteRoute> out = new ArrayList<>();
    for (String r : routes) {
      out.add(WriteRoute.parse(r));
    }
    return List.copyOf(out);
  }
}
