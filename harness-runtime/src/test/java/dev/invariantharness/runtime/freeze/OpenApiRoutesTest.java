package dev.invariantharness.runtime.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write routes come from every POST, PUT, PATCH and DELETE of an OpenAPI document, each with a minimal valid body. */
class OpenApiRoutesTest {

  static final String API = """
      openapi: 3.0.3
      info: {title: t, version: "1"}
      paths:
        /runs:
          get:
            responses: {"200": {description: ok}}
          post:
            requestBody:
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Run"}
            responses: {"201": {description: created}}
        /runs/{run_id}:
          parameters:
            - {name: run_id, in: path, required: true, schema: {type: string}}
          put:
            parameters:
              - {name: dry_run, in: query, required: true, schema: {type: boolean}}
            requestBody:
              content:
                application/json:
                  example: {name: from-example}
            responses: {"200": {description: ok}}
          delete:
            responses: {"204": {description: gone}}
        /workers/{id}/status:
          patch:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string, example: w-7}}
            requestBody:
              content:
                application/merge-patch+json:
                  schema:
                    type: object
                    required: [status]
                    properties:
                      status: {type: string, enum: [idle, busy]}
            responses: {"200": {description: ok}}
      components:
        schemas:
          Run:
            type: object
            required: [kind, seq, started_at, id, tags, flags, owner, ratio]
            properties:
              kind: {type: string, minLength: 8}
              seq: {type: integer, minimum: 1}
              started_at: {type: string, format: date-time}
              id: {type: string, format: uuid}
              tags: {type: array, minItems: 1, items: {type: string, default: t}}
              flags: {type: boolean}
              owner:
                type: object
                required: [email]
                properties:
                  email: {type: string, format: email}
                  name: {type: string}
              ratio: {type: number, exclusiveMinimum: true, minimum: 0.5}
              optional_note: {type: string}
      """;

  @Test
  void everyWriteOperationBecomesARouteInDocumentOrder() {
    OpenApiRoutes api = OpenApiRoutes.parse("api.yaml", API, Map.of());
    assertThat(api.writes()).extracting(WriteRoute::name)
        .containsExactly("POST /runs", "PUT /runs/{run_id}", "DELETE /runs/{run_id}", "PATCH /workers/{id}/status");
    assertThat(api.reads()).containsExactly("/runs");
  }

  @Test
  void bodiesHoldRequiredPropertiesWithMinimalValidValues() {
    WriteRoute post = OpenApiRoutes.parse("api.yaml", API, Map.of()).writes().get(0);
    assertThat(post.body()).isEqualTo("{\"kind\":\"probexxx\",\"seq\":1,\"started_at\":\"1970-01-01T00:00:00Z\","
        + "\"id\":\"00000000-0000-4000-8000-000000000000\",\"tags\":[\"t\"],\"flags\":false,"
        + "\"owner\":{\"email\":\"probe@example.com\"},\"ratio\":1.5}");
  }

  @Test
  void examplesAndEnumsWinOverTypeMinimalValues() {
    OpenApiRoutes api = OpenApiRoutes.parse("api.yaml", API, Map.of());
    assertThat(api.writes().get(1).body()).isEqualTo("{\"name\":\"from-example\"}");
    assertThat(api.writes().get(3).body()).isEqualTo("{\"status\":\"idle\"}");
    assertThat(api.writes().get(2).body()).isEmpty();
  }

  @Test
  void pathParametersComeFromTheUserThenExamplesThenThePlaceholder() {
    OpenApiRoutes placeholders = OpenApiRoutes.parse("api.yaml", API, Map.of());
    assertThat(placeholders.writes().get(2).path()).isEqualTo("/runs/harness-probe");
    assertThat(placeholders.writes().get(3).path()).isEqualTo("/workers/w-7/status");
    OpenApiRoutes supplied = OpenApiRoutes.parse("api.yaml", API, Map.of("run_id", "run 42", "id", "w-1"));
    assertThat(supplied.writes().get(1).path()).isEqualTo("/runs/run%2042?dry_run=false");
    assertThat(supplied.writes().get(3).path()).isEqualTo("/workers/w-1/status");
    assertThat(supplied.writes().get(1).template()).isEqualTo("/runs/{run_id}");
  }

  @Test
  void composedSchemasMergeAllOfAndPickTheFirstAlternative() {
    String composed = """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /workers:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      allOf:
                        - {$ref: "#/components/schemas/Named"}
                        - type: object
                          required: [capacity]
                          properties:
                            capacity:
                              oneOf:
                                - {type: integer, minimum: 4}
                                - {type: string}
              responses: {"201": {description: ok}}
        components:
          schemas:
            Named:
              type: object
              required: [name]
              properties:
                name: {type: string, maxLength: 3}
        """;
    assertThat(OpenApiRoutes.parse("composed.yaml", composed, Map.of()).writes().get(0).body())
        .isEqualTo("{\"name\":\"pro\",\"capacity\":4}");
  }

  @Test
  void aDocumentThatIsNotYamlNamesTheDocumentAndTheProblem() {
    assertThatThrownBy(() -> OpenApiRoutes.parse("broken.yaml", "openapi: [3.0.3\npaths: {", Map.of()))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith("OpenAPI document broken.yaml: is not a valid OpenAPI 3.x document: ");
  }

  @Test
  void aDocumentWithInvalidStructureListsWhatTheParserFound() {
    String noInfo = "openapi: 3.0.3\npaths:\n  /runs:\n    post:\n      responses: {\"201\": {description: ok}}\n";
    assertThatThrownBy(() -> OpenApiRoutes.parse("no-info.yaml", noInfo, Map.of()))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("OpenAPI document no-info.yaml")
        .hasMessageContaining("info");
  }

  @Test
  void aDocumentWithoutPathsHasNoRoutesToProbe() {
    String empty = "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\n";
    assertThatThrownBy(() -> OpenApiRoutes.parse("empty.yaml", empty, Map.of()))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("OpenAPI document empty.yaml: declares no paths, so there are no write routes to probe");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> OpenApiRoutes.read(dir.resolve("absent.yaml")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("absent.yaml")
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aFileIsReadLikeText(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("api.yaml"), API);
    assertThat(OpenApiRoutes.read(file).writes()).hasSize(4);
  }
}
