package dev.invariantharness.surface.compare;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A structural diff of two JSON trees: every path where they differ, with both values. Object
 * fields are compared by name (order is irrelevant), arrays element by element, numbers by value.
 *
 * <pre>{@code
 * for (Difference d : JsonDiff.between(httpAnswer, grpcAnswer)) {
 *   findings.add(step, d.describe("http", "grpc"));   // "/title: http "a", grpc (absent)"
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JsonDiff {

  private JsonDiff() {}

  /** Every difference between {@code left} and {@code right}, in document order. */
  public static List<Difference> between(JsonNode left, JsonNode right) {
    if (left != null && left.equals(right)) {
      // equal trees (the usual case) have no differences: no paths are built to find that out
      return List.of();
    }
    List<Difference> out = new ArrayList<>();
    diff("", left, right, out);
    return out;
  }

  private static void diff(String path, JsonNode left, JsonNode right, List<Difference> out) {
    if (left == null || right == null || left.isMissingNode() || right.isMissingNode()) {
      boolean leftAbsent = left == null || left.isMissingNode();
      boolean rightAbsent = right == null || right.isMissingNode();
      if (leftAbsent != rightAbsent) {
        out.add(new Difference(path, leftAbsent ? null : left, rightAbsent ? null : right));
      }
      return;
    }
    if (left.isObject() && right.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      left.fieldNames().forEachRemaining(names::add);
      right.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        diff(path + "/" + JsonPointers.escape(name), left.get(name), right.get(name), out);
      }
      return;
    }
    if (left.isArray() && right.isArray()) {
      int n = Math.max(left.size(), right.size());
      for (int i = 0; i < n; i++) {
        diff(path + "/" + i, left.get(i), right.get(i), out);
      }
      return;
    }
    if (left.isNumber() && right.isNumber()) {
      if (left.decimalValue().compareTo(right.decimalValue()) != 0) {
        out.add(new Difference(path, left, right));
      }
      return;
    }
    if (!left.equals(right)) {
      out.add(new Difference(path, left, right));
    }
  }
}
