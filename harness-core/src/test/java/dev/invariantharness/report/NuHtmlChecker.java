package dev.invariantharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/**
 * The Nu HTML Checker (the engine of the W3C's HTML validator), run in process on a page: its
 * errors, each as {@code line:column: message}. Runs offline: the HTML schema ships in the jar.
 */
final class NuHtmlChecker {

  private NuHtmlChecker() {}

  /** The checker's messages of type {@code error} (and fatal ones) for {@code html}. */
  static List<String> errors(String html) {
    EmbeddedValidator validator = new EmbeddedValidator();
    validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
    try {
      String json = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
      List<String> errors = new ArrayList<>();
      for (JsonNode m : new ObjectMapper().readTree(json).path("messages")) {
        String type = m.path("type").asText();
        if (type.equals("error") || type.equals("non-document-error")
            || m.path("subType").asText().equals("fatal")) {
          errors.add(m.path("lastLine").asText("?") + ":" + m.path("lastColumn").asText("?") + ": "
              + m.path("message").asText() + " [" + m.path("extract").asText() + "]");
        }
      }
      return errors;
    } catch (Exception e) {
      throw new AssertionError("the Nu HTML Checker could not check the page: " + e, e);
    }
  }
}
