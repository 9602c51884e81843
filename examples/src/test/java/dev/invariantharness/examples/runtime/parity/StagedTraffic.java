package dev.invariantharness.examples.runtime.parity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes staged traffic as WireMock stub mappings ({@code mappings/*.json}), the format
 * WireMock's recorder leaves behind: {@code request{method,url|urlPath,queryParameters,
 * bodyPatterns}} and {@code response{status,jsonBody,headers}}.
 */
final class StagedTraffic {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StagedTraffic() {}

  /** {@code count} mappings: reads of runs 1..n with a query, and a run creation every fifth. */
  static Path writeWireMockMappings(Path root, int count) throws IOException {
    Path mappings = Files.createDirectories(root.resolve("mappings"));
    for (int i = 1; i <= count; i++) {
      ObjectNode mapping = JSON.createObjectNode();
      mapping.put("id", java.util.UUID.nameUUIDFromBytes(("m" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
      ObjectNode request = mapping.putObject("request");
      ObjectNode response = mapping.putObject("response");
      if (i % 5 == 0) {
        mapping.put("name", "create run " + i);
        request.put("method", "POST").put("url", "/api/runs");
        request.putObject("headers").putObject("Content-Type").put("equalTo", "application/json");
        request.putArray("bodyPatterns").addObject().put("equalToJson", "{\"name\":\"nightly-" + i + "\"}")
            .put("ignoreExtraElements", true);
        response.put("status", 201).putObject("jsonBody").putObject("run").put("id", "run-new").put("status", "queued");
      } else {
        mapping.put("name", "read run " + i);
        request.put("method", "GET").put("urlPath", "/api/runs/" + i);
        request.putObject("queryParameters").putObject("view").putArray("hasExactly").addObject().put("equalTo", "full");
        response.put("status", 200).putObject("jsonBody").putObject("run").put("id", "run-" + i).put("status", "completed");
      }
      response.putObject("headers").put("Content-Type", "application/json");
      Files.writeString(mappings.resolve(String.format("run-%03d.json", i)), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(mapping));
    }
    return root;
  }
}
