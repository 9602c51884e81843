package dev.invariantharness.surface.compare;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/**
 * One place where two canonical answers differ.
 *
 * @param path the JSON pointer of the place, e.g. {@code /tags/1}
 * @param left the left value, or null when the left answer has nothing there
 * @param right the right value, or null when the right answer has nothing there
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Difference(String path, JsonNode left, JsonNode right) {

  /** {@code /title: "a" vs (absent)}, with the two sides named. */
  public String describe(String leftName, String rightName) {
    return (path.isEmpty() ? "/" : path) + ": " + leftName + " " + show(left) + ", " + rightName + " " + show(right);
  }

  private static String show(JsonNode n) {
    if (n == null) {
      return "(absent)";
    }
    String s = n.toString();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
