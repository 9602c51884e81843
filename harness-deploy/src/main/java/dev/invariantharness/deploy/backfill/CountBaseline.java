package dev.invariantharness.deploy.backfill;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The expected count keys per store and, optionally, the counts an environment expects.
 * File form: {@code {"stores": {"auth": {"users": {"min": 1}, "sessions": 40, "personal_access_tokens": {}}}}}
 * — a number is an exact count, {@code min}/{@code max} bound it, {@code {}} only requires the key.
 *
 * <pre>{@code
 * CountBaseline baseline = CountBaseline.read(Path.of("baseline/staging.json"));
 * }</pre>
 *
 * @param stores store → count key → expectation
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CountBaseline(Map<String, Map<String, Range>> stores) {

  /**
   * Bounds of one count, inclusive; null when unbounded.
   *
   * @param min least count
   * @param max greatest count
   */
  public record Range(Long min, Long max) {
    boolean holds(long v) {
      return (min == null || v >= min) && (max == null || v <= max);
    }

    String describe() {
      if (min != null && min.equals(max)) {
        return "exactly " + min;
      }
      return (min == null ? "" : "at least " + min) + (min != null && max != null ? " and " : "")
          + (max == null ? "" : "at most " + max);
    }
  }

  /** The count keys of the seed's stores, no bounds: auth, codex_threads, domain. */
  public static CountBaseline defaults() {
    Map<String, Map<String, Range>> m = new LinkedHashMap<>();
    m.put("auth", keys("users", "sessions", "personal_access_tokens"));
    m.put("codex_threads", keys("threads", "messages"));
    m.put("domain", keys("autopilots", "l402_paywalls", "integrations", "shouts", "whispers"));
    return new CountBaseline(m);
  }

  private static Map<String, Range> keys(String... names) {
    Map<String, Range> out = new LinkedHashMap<>();
    for (String n : List.of(names)) {
      out.put(n, new Range(null, null));
    }
    return out;
  }

  /** Reads a baseline file; malformed entries are rejected with the field named. */
  public static CountBaseline read(Path file) {
    JsonNode root;
    try {
      root = Json.strict().readTree(file.toFile());
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), "is not readable JSON: " + e.getMessage());
    }
    JsonNode stores = root == null ? null : root.get("stores");
    if (stores == null || !stores.isObject()) {
      throw new HarnessInputException(file.toString(), "field stores is missing or not an object");
    }
    Map<String, Map<String, Range>> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = stores.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      Map<String, Range> keys = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> kt = s.getValue().fields(); kt.hasNext(); ) {
        Map.Entry<String, JsonNode> k = kt.next();
        String field = "stores." + s.getKey() + "." + k.getKey();
        JsonNode v = k.getValue();
        if (v.isIntegralNumber()) {
          keys.put(k.getKey(), new Range(v.asLong(), v.asLong()));
        } else if (v.isObject()) {
          keys.put(k.getKey(), new Range(bound(file, field + ".min", v.get("min")), bound(file, field + ".max", v.get("max"))));
        } else {
          throw new HarnessInputException(file.toString(), "field " + field + " must be a count or {min, max}");
        }
      }
      m.put(s.getKey(), keys);
    }
    return new CountBaseline(m);
  }

  private static Long bound(Path file, String field, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      throw new HarnessInputException(file.toString(), "field " + field + " must be an integer");
    }
    return v.asLong();
  }
}
