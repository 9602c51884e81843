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
 * DELETE as a write route, each with a minimal valid request body generated from its request
 * schema, and every GET whose path parameters can be filled as a read path.
 *
 * <p>The body holds the schema's required properties only, each with its {@code example}, else
 * its {@code default}, else its first {@code enum} value, else a minimal value of its type
 * ({@code "probe"} padded to {@code minLength}, a date-time, uuid, email or uri of the right
 * format, {@code minimum} or 0, {@code false}, an array of {@code minItems} minimal items).
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

  /** The routes of a document given as text (YAML or JSON); {@code name} is how errors call it. */
  public static OpenApiRoutes parse(String name, String content, Map<String, String> pathParams) {
    return OpenApiReader.read(name, content, pathParams);
  }
}
