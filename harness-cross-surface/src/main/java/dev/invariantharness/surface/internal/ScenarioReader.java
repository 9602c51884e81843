package dev.invariantharness.surface.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.surface.scenario.Expectation;
import dev.invariantharness.surface.scenario.Scenario;
import dev.invariantharness.surface.scenario.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the YAML/JSON scenario format strictly: an unknown key is an error, not a silent no-op. */
public final class ScenarioReader {

  private static final Set<String> SCENARIO_KEYS = Set.of("scenario", "invariants", "deadline", "volatile", "steps");
  private static final Set<String> STEP_KEYS = Set.of("name", "operation", "input", "expect", "surfaces", "capture",
      "deadline", "invariant", "volatile", "types");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

  private ScenarioReader() {}

  /** Reads {@code file}. */
  public static Scenario read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), -1, "cannot read the scenario: " + e.getMessage(), e);
    }
    return read(file.toString(), text);
  }

  /** Reads {@code text}; {@code source} names it in messages. */
  public static Scenario read(String source, String text) {
    JsonNode root;
    try {
      ObjectMapper mapper = text.stripLeading().startsWith("{") ? Json.strict() : Json.yaml();
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new HarnessInputException(source, line, "not valid YAML/JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new HarnessInputException(source, "a scenario is a mapping with 'scenario' and 'steps'");
    }
    unknownKeys(source, "the scenario", root, SCENARIO_KEYS);
    String name = text(source, "the scenario", root, "scenario", true);
    String where = "scenario '" + name + "'";
    List<Step> steps = new ArrayList<>();
    JsonNode list = root.get("steps");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new HarnessInputException(source, where + ": 'steps' must be a non-empty list");
    }
    int i = 0;
    for (JsonNode s : list) {
      i++;
      steps.add(step(source, where, i, s));
    }
    return new Scenario(name, strings(source, where, root.get("invariants"), "invariants"),
        duration(source, where, root.get("deadline")), strings(source, where, root.get("volatile"), "volatile"), steps, source);
  }

  private static Step step(String source, String scenario, int index, JsonNode s) {
    if (!s.isObject()) {
      throw new HarnessInputException(source, scenario + ": step " + index + " is not a mapping");
    }
    String name = s.hasNonNull("name") ? s.get("name").asText() : "step " + index;
    String where = scenario + " step '" + name + "'";
    unknownKeys(source, where, s, STEP_KEYS);
    String operation = text(source, where, s, "operation", true);
    List<String> surfaces = strings(source, where, s.get("surfaces"), "surfaces");
    if (surfaces.isEmpty()) {
      throw new HarnessInputException(source, where + ": 'surfaces' must name at least one surface");
    }
    JsonNode input = s.get("input");
    if (input != null && !input.isObject()) {
      throw new HarnessInputException(source, where + ": 'input' must be a mapping (the request in proto JSON)");
    }
    Expectation expect = Expectation.ok();
    JsonNode e = s.get("expect");
    if (e != null) {
      String t = e.isObject() && e.has("error") ? "error " + e.get("error").asText() : e.asText();
      try {
        expect = Expectation.parse(t);
      } catch (IllegalArgumentException ex) {
        throw new HarnessInputException(source, where + ": 'expect': " + ex.getMessage());
      }
    }
    Map<String, String> captures = new LinkedHashMap<>();
    JsonNode c = s.get("capture");
    if (c != null) {
      if (!c.isObject()) {
        throw new HarnessInputException(source, where + ": 'capture' must map variable names to JSON pointers");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String pointer = f.getValue().asText();
        if (!pointer.startsWith("/")) {
          throw new HarnessInputException(source, where + ": capture '" + f.getKey() + "' is not a JSON pointer: '" + pointer + "'");
        }
        captures.put(f.getKey(), pointer);
      }
    }
    String invariant = s.hasNonNull("invariant") ? s.get("invariant").asText() : null;
    Map<String, String> types = new LinkedHashMap<>();
    JsonNode t = s.get("types");
    if (t != null && !t.isNull()) {
      if (!t.isObject()) {
        throw new HarnessInputException(source, where + ": 'types' must map surface names to proto message types");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().isTextual() || f.getValue().asText().isBlank()) {
          throw new HarnessInputException(source, where + ": types: '" + f.getKey() + "' must name a proto message type");
        }
        types.put(f.getKey(), f.getValue().asText());
      }
    }
    return new Step(name, operation, input, expect, surfaces, captures, duration(source, where, s.get("deadline")), invariant,
        strings(source, where, s.get("volatile"), "volatile"), types);
  }

  /** Parses {@code 500ms}, {@code 2s}, {@code 1m} or ISO-8601 ({@code PT2S}). */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMinutes(n);
      };
    }
    try {
      return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (500ms, 2s, 1m or PT2S)", e);
    }
  }

  private static Duration duration(String source, String where, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      Duration d = parseDuration(node.asText());
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("a deadline must be positive, was " + node.asText());
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new HarnessInputException(source, where + ": 'deadline': " + e.getMessage());
    }
  }

  private static void unknownKeys(String source, String where, JsonNode node, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new HarnessInputException(source, where + ": unknown key '" + key + "' (known: " + new java.util.TreeSet<>(known) + ")");
      }
    }
  }

  private static String text(String source, String where, JsonNode node, String key, boolean required) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      if (required) {
        throw new HarnessInputException(source, where + ": '" + key + "' is missing");
      }
      return null;
    }
    if (!v.isValueNode()) {
      throw new HarnessInputException(source, where + ": '" + key + "' must be text");
    }
    return v.asText();
  }

  private static List<String> strings(String source, String where, JsonNode node, String key) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isValueNode()) {
      out.add(node.asText());
      return out;
    }
    if (!node.isArray()) {
      throw new HarnessInputException(source, where + ": '" + key + "' must be a list");
    }
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
