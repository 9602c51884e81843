package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.RecordedExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSONL exchanges: {@code {"method","path","headers"?,"body"?}} a line. */
public final class JsonlExchanges {

  private JsonlExchanges() {}

  /** Every exchange in {@code file}, in line order. */
  public static List<RecordedExchange> read(Path file) {
    String source = file.toString();
    List<RecordedExchange> out = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (!line.isBlank()) {
          out.add(exchange(Json.parse(line, source, lineNo, "exchange line"), source, lineNo));
        }
      }
    } catch (IOException e) {
      throw new HarnessInputException(source, lineNo, "exchanges file cannot be read: " + e, e);
    }
    return out;
  }

  private static RecordedExchange exchange(JsonNode node, String source, int line) {
    if (!node.isObject()) {
      throw new HarnessInputException(source, line, "exchange must be a JSON object {method, path, headers?, body?}", null);
    }
    String method = Requests.method(node.path("method").isTextual() ? node.get("method").asText() : null, source, line);
    String path = Requests.path(node.path("path").isTextual() ? node.get("path").asText() : null, source, line);
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = node.get("headers");
    if (h != null && !h.isNull()) {
      if (!h.isObject()) {
        throw new HarnessInputException(source, line, "headers must be an object of name to string value", null);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw new HarnessInputException(source, line, "header " + e.getKey() + " must be a string, found " + e.getValue(), null);
        }
        headers.put(e.getKey(), e.getValue().asText());
      }
    }
    JsonNode b = node.get("body");
    String body = b == null || b.isNull() ? "" : b.isTextual() ? b.asText() : b.toString();
    return new RecordedExchange(source + ":" + line, method, path, headers, body);
  }
}
