package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.RecordedExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads WireMock stub mapping files with Jackson, so WireMock (and Jetty) stay off the runtime
 * classpath. Understands the subset that names one concrete request, which is what WireMock's
 * recorder writes.
 */
public final class WireMockMappings {

  private static final List<String> BODY_KEYS = List.of("equalToJson", "equalTo", "equalToXml");
  private static final List<String> REGEX_URL_KEYS = List.of("urlPattern", "urlPathPattern", "urlPathTemplate");

  private WireMockMappings() {}

  /** Every mapping in {@code file}: a single mapping or {@code {"mappings":[...]}}. */
  public static List<RecordedExchange> read(Path file) {
    JsonNode root = Json.readObject(file, "WireMock mapping");
    String source = file.toString();
    List<RecordedExchange> out = new ArrayList<>();
    if (root.has("mappings")) {
      JsonNode list = root.get("mappings");
      if (!list.isArray()) {
        throw new HarnessInputException(source, "mappings must be an array of stub mappings");
      }
      for (int i = 0; i < list.size(); i++) {
        out.add(mapping(list.get(i), source + " mappings[" + i + "]"));
      }
    } else {
      out.add(mapping(root, source));
    }
    return out;
  }

  private static RecordedExchange mapping(JsonNode mapping, String where) {
    JsonNode request = mapping.get("request");
    if (request == null || !request.isObject()) {
      throw new HarnessInputException(where, "is not a WireMock stub mapping: no request object");
    }
    String source = mapping.hasNonNull("name") ? where + " (" + mapping.get("name").asText() + ")" : where;
    String method = Requests.method(request.path("method").isTextual() ? request.get("method").asText() : null, source, -1);
    String path = Requests.path(url(request, source), source, -1);
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = request.get("headers");
    if (h != null && h.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> values = equalToValues(e.getValue());
        if (!values.isEmpty()) {
          headers.put(e.getKey(), values.get(0));
        }
      }
    }
    return new RecordedExchange(source, method, path, headers, body(request, source));
  }

  private static String url(JsonNode request, String source) {
    if (request.path("url").isTextual()) {
      return request.get("url").asText();
    }
    if (request.path("urlPath").isTextual()) {
      StringBuilder url = new StringBuilder(request.get("urlPath").asText());
      JsonNode query = request.get("queryParameters");
      if (query != null && query.isObject()) {
        char sep = url.indexOf("?") < 0 ? '?' : '&';
        for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          List<String> values = equalToValues(e.getValue());
          if (values.isEmpty()) {
            throw new HarnessInputException(source, "query parameter " + e.getKey()
                + " has no equalTo value to send; found " + e.getValue());
          }
          for (String value : values) {
            url.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            sep = '&';
          }
        }
      }
      return url.toString();
    }
    for (String key : REGEX_URL_KEYS) {
      if (request.has(key)) {
        throw new HarnessInputException(source, "request." + key + " matches many URLs but names none to send; "
            + "replay needs request.url or request.urlPath");
      }
    }
    throw new HarnessInputException(source, "request has no url or urlPath");
  }

  /**
   * The concrete values a matcher names: {@code equalTo}, or the {@code equalTo} members of a
   * multi-value {@code hasExactly} / {@code includes} (what the recorder writes for query
   * parameters).
   */
  private static List<String> equalToValues(JsonNode matcher) {
    List<String> values = new ArrayList<>();
    JsonNode equalTo = matcher.get("equalTo");
    if (equalTo != null && equalTo.isValueNode()) {
      values.add(equalTo.asText());
    }
    for (String key : List.of("hasExactly", "includes")) {
      JsonNode list = matcher.get(key);
      if (list != null && list.isArray()) {
        list.forEach(m -> {
          if (m.path("equalTo").isValueNode()) {
            values.add(m.get("equalTo").asText());
          }
        });
      }
    }
    return values;
  }

  private static String body(JsonNode request, String source) {
    JsonNode patterns = request.get("bodyPatterns");
    if (patterns == null || patterns.isNull()) {
      return "";
    }
    if (!patterns.isArray()) {
      throw new HarnessInputException(source, "request.bodyPatterns must be an array");
    }
    for (JsonNode p : patterns) {
      for (String key : BODY_KEYS) {
        JsonNode v = p.get(key);
        if (v != null && !v.isNull()) {
          return v.isTextual() ? v.asText() : v.toString();
        }
      }
    }
    throw new HarnessInputException(source, "request.bodyPatterns has no equalToJson, equalTo or equalToXml body to send; found " + patterns);
  }
}
