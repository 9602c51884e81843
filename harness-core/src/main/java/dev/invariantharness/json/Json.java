package dev.invariantharness.json;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apiguardian.api.API;

/**
 * The one place the harness makes its Jackson mappers, so every module reads JSON and YAML the
 * same way. Answers of services under test are read with Jackson's defaults ({@link #mapper()}):
 * a check must not cry wolf over a peer's harmless quirk. Documents users write and the harness
 * reads back (reports, manifests, scenarios) are read strictly ({@link #strict()}): a duplicate
 * key or trailing garbage is an error, never a silently different document.
 *
 * <pre>{@code
 * JsonNode body = Json.mapper().readTree(response.body());
 * JsonNode manifest = Json.strict().readTree(Files.newInputStream(path));
 * JsonNode scenario = Json.yaml().readTree(Files.newInputStream(path));
 * }</pre>
 *
 * <p>The mappers are shared and thread-safe; do not reconfigure them — {@code copy()} one to
 * change a setting.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Json {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

  /** The shared JSON mapper with Jackson's defaults, for what services answer. */
  public static ObjectMapper mapper() {
    return JSON;
  }

  /** The shared JSON mapper for documents users write: duplicate keys and trailing tokens are errors. */
  public static ObjectMapper strict() {
    return STRICT;
  }

  /** The shared YAML mapper for documents users write: duplicate keys are errors. */
  public static ObjectMapper yaml() {
    return YAML;
  }
}
