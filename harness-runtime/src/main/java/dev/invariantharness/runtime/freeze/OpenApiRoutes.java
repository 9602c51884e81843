package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.freeze.internal.OpenApiReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The routes of an OpenAPI 3.x document (parsed with swagger-parser): every POST, PUT, PATCH and
 * DELETE as a write route, each with a request body its request schema accepts, and every GET
 * whose path parameters can be filled as a read path. A schema-valid body matters: a frozen
 * route that validates bodies first answers {@code {}} with 400, which says nothing about
 * whether a valid write would have gone through.
 *
 * <p>The body is the media type's {@code example} (or first of its {@code examples}) when the
 * document gives one, else generated from the schema with every {@code $ref} resolved: the
 * required properties (not {@code readOnly} ones), each with its {@code example}, else its
 * {@code default}, else {@code const} or its first {@code enum} value, else a small value of its
 * type that honours {@code format} (date-time, date, uuid, email, uri, hostname, ipv4, ipv6,
 * byte, ...), {@code pattern}, {@code minLength}/{@code maxLength},
 * {@code minimum}/{@code maximum} (exclusive too), {@code multipleOf}, {@code minItems},
 * {@code uniqueItems} and {@code minProperties}, through nested objects, arrays and
 * {@code allOf}/{@code oneOf}/{@code anyOf}. To give a hand-picked list of routes these bodies,
 * use {@link #select}.
 * Path parameters are filled from {@code pathParams}, else their example or default, else
 * {@value WriteRoute#PLACEHOLDER}.
 *
 * <pre>{@code
 * OpenApiRoutes api = OpenApiRoutes.read(Path.of("src/test/resources/runtime-openapi.yaml"), Map.of("run_id", "run-1"));
 * AuthorityService runtime = AuthorityService.runtime(base).withWriteRoutes(api.writes()).withReadPaths(api.reads());
 * }</pre>
 *
 * <p>A document that does not parse, has validation messages, or declares no paths is a
 * {@link HarnessInputException} naming the document and every problem the parser reported.
 *
 * @param document the document's name, as errors name it
 * @param writes the write routes, in document order
 * @param reads the GET paths with parameters filled, in document order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OpenApiRoutes(String document, List<WriteRoute> writes, List<String> reads) {

  public OpenApiRoutes {
    writes = List.copyOf(writes);
    reads = List.copyOf(reads);
  }

  /** The routes of the document at {@code file}, path parameters as placeholders or examples. */
  public static OpenApiRoutes read(Path file) {
    return read(file, Map.of());
  }

  /** The routes of the document at {@code file}, path parameters from {@code pathParams} where given. */
  public static OpenApiRoutes read(Path file, Map<String, String> pathParams) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HarnessInputException("OpenAPI document " + file, -1, "cannot be read: " + e, e);
    }
    return parse(file.toString(), content, pathParams);
  }

  /**
   * The write routes named in {@code routes} ({@code "METHOD /path"}), each as this document
   * declares it, with the body generated from its request schema; path parameter names need not
   * match the document's ({@code PATCH /runs/{id}} finds {@code PATCH /runs/{run_id}}). This is
   * how a hand-picked list gets schema-valid bodies instead of {@code {}}.
   *
   * <pre>{@code
   * List<WriteRoute> legacy = OpenApiRoutes.read(Path.of("legacy-openapi.yaml"))
   *     .select("POST /api/v1/runs", "PATCH /api/v1/runs/{id}", "DELETE /api/v1/runs/{id}");
   * }</pre>
   *
   * @throws HarnessInputException naming every route the document does not declare, and the ones it does
   */
  public List<WriteRoute> select(String... routes) {
    List<WriteRoute> out = new java.util.ArrayList<>();
    List<String> missing = new java.util.ArrayList<>();
    for (String text : routes) {
      WriteRoute wanted = WriteRoute.parse(text);
      writes.stream()
          .filter(w -> w.method().equals(wanted.method()) && shape(w.template()).equals(shape(wanted.template())))
          .findFirst()
          .ifPresentOrElse(out::add, () -> missing.add(wanted.name()));
    }
    if (!missing.isEmpty()) {
      throw new HarnessInputException("write routes " + missing, "not declared by OpenAPI document " + document
          + ", which declares " + writes.stream().map(WriteRoute::name).toList());
    }
    return List.copyOf(out);
  }

  private static String shape(String template) {
    String t = template.replaceAll("\\{[^}/]*}", "{}");
    return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
  }

  /** The routes of a document given as text (YAML or JSON); {@code name} is how errors call it. */
  public static OpenApiRoutes parse(String name, String content, Map<String, String> pathParams) {
    return OpenApiReader.read(name, content, pathParams);
  }
}
