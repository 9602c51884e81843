package dev.invariantharness.khala.live;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The GET routes of an OpenAPI document (YAML or JSON), as probe paths: path parameters are
 * filled with {@code probe}, since any 2xx {@code text/event-stream} answer is a lane whatever
 * the id.
 */
final class OpenApiGetRoutes {

  private OpenApiGetRoutes() {}

  static List<String> read(Path document) {
    JsonNode root;
    try {
      String text = Files.readString(document);
      ObjectMapper mapper = text.stripLeading().startsWith("{") ? Json.mapper() : Json.yaml();
      root = mapper.readTree(text);
    } catch (IOException e) {
      throw new HarnessInputException("OpenAPI document " + document, "cannot be read as YAML or JSON: " + e.getMessage());
    }
    JsonNode paths = root == null ? null : root.get("paths");
    if (paths == null || !paths.isObject()) {
      throw new HarnessInputException("OpenAPI document " + document, "has no 'paths' object");
    }
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> route = it.next();
      if (route.getValue().has("get")) {
        out.add(route.getKey().replaceAll("\\{[^}/]+}", "probe"));
      }
    }
    return out;
  }
}
