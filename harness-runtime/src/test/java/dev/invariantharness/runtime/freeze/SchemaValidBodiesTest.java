package dev.invariantharness.runtime.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every write route of an OpenAPI document is probed with a body its request schema accepts, as
 * an independent JSON Schema validator (networknt, OpenAPI 3.0 and 3.1 dialects, format
 * assertions on) judges it against the document itself: required fields, enums, formats,
 * patterns, bounds, nested objects and arrays, and {@code $ref}s.
 */
class SchemaValidBodiesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String V30 = "freeze/bodies-openapi-3.0.yaml";
  static final String V31 = "freeze/bodies-openapi-3.1.yaml";

  static OpenApiRoutes routes(String resource) {
    try (InputStream in = SchemaValidBodiesTest.class.getClassLoader().getResourceAsStream(resource)) {
      return OpenApiRoutes.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Error> validate(String resource, Dialect dialect, WriteRoute route) {
    String pointer = "#/paths/" + route.template().replace("~", "~0").replace("/", "~1") + "/"
        + route.method().toLowerCase(Locale.ROOT) + "/requestBody/content/application~1json/schema";
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + resource + pointer));
    // a request: readOnly properties are neither required nor allowed
    return schema.validate(route.body(), InputFormat.JSON, (context, schemaContext) -> context.executionConfig(c -> c.readOnly(true)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "POST, /runs, " + V30,
      "PATCH, /runs/{run_id}, " + V30,
      "POST, /runs/{run_id}/events, " + V30,
      "PUT, /workers, " + V30,
      "POST, /deployments, " + V31})
  void everyGeneratedBodyIsValidAgainstTheDocumentsOwnSchema(String method, String template, String resource) {
    Dialect dialect = resource.equals(V31) ? Dialects.getOpenApi31() : Dialects.getOpenApi30();
    WriteRoute route = routes(resource).select(method + " " + template).get(0);
    assertThat(validate(resource, dialect, route)).as("errors of %s for %s", route.body(), route).isEmpty();
    // the validator is not vacuous: the {} a plain route list would send is refused
    assertThat(validate(resource, dialect, route.withBody("{}"))).as("errors of {} for %s", route).isNotEmpty();
  }

  @Test
  void requiredNestedRefsEnumsAndFormatsAreFilledAndReadOnlyFieldsLeftOut() throws IOException {
    JsonNode body = JSON.readTree(routes(V30).select("POST /runs").get(0).body());
    assertThat(body.has("id")).as("readOnly id is not sent").isFalse();
    assertThat(body.path("kind").asText()).isEqualTo("batch");
    assertThat(body.path("owner").path("email").asText()).isEqualTo("probe@example.com");
    assertThat(body.path("schedule").path("zone").asText()).isEqualTo("UTC");
    assertThat(body.path("labels")).hasSize(2);
    assertThat(body.path("labels").get(0).asText()).isNotEqualTo(body.path("labels").get(1).asText());
    assertThat(body.has("note")).as("optional fields stay out").isFalse();
    WriteRoute withId = routes(V30).select("POST /runs").get(0).withBody(((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy()).put("id", "r-1").toString());
    assertThat(validate(V30, Dialects.getOpenApi30(), withId)).as("the validator treats the body as a request").isNotEmpty();
  }

  @Test
  void patternsBoundsAndMultiplesAreHonoured() throws IOException {
    JsonNode body = JSON.readTree(routes(V30).select("POST /runs/{id}/events").get(0).body());
    assertThat(body.path("seq").asLong()).isEqualTo(5);
    assertThat(body.path("type").asText()).matches("^run\\.[a-z]+(_[a-z]+)*$");
    assertThat(body.path("digest").asText()).matches("^[0-9a-f]{64}$");
    assertThat(body.path("attempts").asInt()).isEqualTo(1);
    assertThat(body.path("payload").path("text").asText()).isEqualTo("pr");
  }

  @Test
  void openApi31FormsConstExamplesAndNumericExclusiveBoundsAreHonoured() throws IOException {
    JsonNode body = JSON.readTree(routes(V31).select("POST /deployments").get(0).body());
    assertThat(body.path("channel").asText()).isEqualTo("stable");
    assertThat(body.path("replicas").asInt()).isEqualTo(3);
    assertThat(body.path("weight").asDouble()).isNegative();
    assertThat(body.path("region").asText()).isEqualTo("eu-west-1");
  }

  @Test
  void aHandPickedListGetsTheDocumentsBodiesWhateverItsParametersAreCalled() {
    OpenApiRoutes api = routes(V30);
    List<WriteRoute> picked = WriteRoutes.of(api, "PATCH /runs/{id}", "DELETE /runs/{id}", "POST /runs");
    assertThat(picked).extracting(WriteRoute::name)
        .containsExactly("PATCH /runs/{run_id}", "DELETE /runs/{run_id}", "POST /runs");
    assertThat(picked.get(0).body()).isNotEqualTo("{}").contains("\"title\"");
    assertThat(picked.get(1).body()).isEmpty();
    assertThat(WriteRoutes.of("POST /runs").get(0).body()).as("without a document").isEqualTo("{}");
  }

  @Test
  void aRouteTheDocumentDoesNotDeclareIsBadInputNamingWhatItDeclares() {
    assertThatThrownBy(() -> WriteRoutes.of(routes(V30), "POST /runs", "DELETE /workers/{id}"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("[DELETE /workers/{id}]")
        .hasMessageContaining("not declared by OpenAPI document " + V30)
        .hasMessageContaining("PUT /workers");
  }
}
