package dev.invariantharness.runtime.parity;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.internal.PointerPattern;
import dev.invariantharness.runtime.parity.internal.RouteGlob;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * How {@link TrafficParity} normalises answers and classifies what still differs, by route and
 * JSON pointer. Written in Java or read from YAML (or JSON):
 *
 * <pre>
 * normalise:
 *   - pointer: /generated_at          # volatile: dropped on every side before comparing
 *     action: ignore
 *   - pointer: /items/*&#47;request_id    # '*' is any one key or array index
 *     action: replace                 # kept, but its value no longer counts
 *     value: "&lt;request-id&gt;"
 *     route: "GET /api/runs/*"        # optional glob over "METHOD /path" (query left out)
 * classify:                           # first match wins; a pointer covers everything under it
 *   - pointer: /run/status
 *     severity: critical
 *   - route: "POST /api/runs*"
 *     severity: critical
 * default_severity: warning           # body diffs no rule classifies
 * status_severity: critical           # a different status code
 * </pre>
 *
 * <pre>{@code
 * TrafficRules rules = TrafficRules.defaults()
 *     .ignore("/generated_at")
 *     .replace("/request_id", TextNode.valueOf("<id>"))
 *     .classify(null, "/run/status", Severity.CRITICAL);
 * }</pre>
 *
 * <p>A side that does not answer (timeout, refused connection) is always critical for the
 * legacy and candidate sides and a warning for the second legacy side, whose only job is to
 * teach noise.
 *
 * @param normalise normalisation rules, applied in order to every side's JSON body
 * @param classify classification rules, first match wins
 * @param defaultSeverity severity of a body diff no rule matches
 * @param statusSeverity severity of a status code diff
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TrafficRules(List<NormaliseRule> normalise, List<ClassifyRule> classify, Severity defaultSeverity, Severity statusSeverity) {

  private static final Set<String> TOP_KEYS = Set.of("normalise", "normalize", "classify", "default_severity", "status_severity");

  /** Copies the lists. */
  public TrafficRules {
    normalise = List.copyOf(normalise);
    classify = List.copyOf(classify);
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    Objects.requireNonNull(statusSeverity, "statusSeverity");
  }

  /** What a normalisation rule does to the values its pointer matches. */
  public enum Action {
    /** Removes the value on every side: it is neither compared nor reported. */
    IGNORE,
    /** Replaces the value with a fixed one on every side: presence still counts, value does not. */
    REPLACE
  }

  /**
   * Drops or replaces volatile values before comparing.
   *
   * @param route glob over {@code METHOD /path} ({@code *} is any text); null for every route
   * @param pointer JSON pointer; a {@code *} segment matches any key or index
   * @param action ignore or replace
   * @param value the replacement (REPLACE only)
   */
  public record NormaliseRule(String route, String pointer, Action action, JsonNode value) {
    /** Validates the pointer and route syntax. */
    public NormaliseRule {
      PointerPattern.parse(pointer);
      RouteGlob.of(route);
      Objects.requireNonNull(action, "action");
      value = value == null ? NullNode.getInstance() : value;
    }
  }

  /**
   * Gives diffs a severity.
   *
   * @param route glob over {@code METHOD /path}; null for every route
   * @param pointer JSON pointer prefix ({@code *} segments allowed); null for every field
   * @param severity the severity of matching diffs
   */
  public record ClassifyRule(String route, String pointer, Severity severity) {
    /** Validates the pointer and route syntax. */
    public ClassifyRule {
      if (pointer != null) {
        PointerPattern.parse(pointer);
      }
      RouteGlob.of(route);
      Objects.requireNonNull(severity, "severity");
    }
  }

  /** No normalisation, no classification: body diffs are warnings, status diffs critical. */
  public static TrafficRules defaults() {
    return new TrafficRules(List.of(), List.of(), Severity.WARNING, Severity.CRITICAL);
  }

  /** These rules plus: ignore {@code pointer} on every route. */
  public TrafficRules ignore(String pointer) {
    return normalise(new NormaliseRule(null, pointer, Action.IGNORE, null));
  }

  /** These rules plus: replace {@code pointer}'s value by {@code value} on every route. */
  public TrafficRules replace(String pointer, JsonNode value) {
    return normalise(new NormaliseRule(null, pointer, Action.REPLACE, value));
  }

  /** These rules plus a normalisation rule. */
  public TrafficRules normalise(NormaliseRule rule) {
    List<NormaliseRule> list = new ArrayList<>(normalise);
    list.add(rule);
    return new TrafficRules(list, classify, defaultSeverity, statusSeverity);
  }

  /** These rules plus a classification rule (after the existing ones). */
  public TrafficRules classify(String route, String pointer, Severity severity) {
    List<ClassifyRule> list = new ArrayList<>(classify);
    list.add(new ClassifyRule(route, pointer, severity));
    return new TrafficRules(normalise, list, defaultSeverity, statusSeverity);
  }

  /** These rules with another default severity. */
  public TrafficRules withDefaultSeverity(Severity severity) {
    return new TrafficRules(normalise, classify, severity, statusSeverity);
  }

  /**
   * Reads rules from YAML or JSON.
   *
   * @throws HarnessInputException naming the file and the problem: unknown key, bad pointer,
   *     unknown action or severity
   */
  public static TrafficRules read(Path file) {
    String source = file.toString();
    JsonNode root;
    try {
      root = Json.yaml().readTree(file.toFile());
    } catch (NoSuchFileException e) {
      throw new HarnessInputException(source, "rules file does not exist");
    } catch (IOException e) {
      if (!file.toFile().exists()) {
        throw new HarnessInputException(source, "rules file does not exist");
      }
      throw new HarnessInputException(source, -1, "rules file is not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return defaults();
    }
    if (!root.isObject()) {
      throw new HarnessInputException(source, "rules must be a mapping with normalise, classify, default_severity, status_severity");
    }
    root.fieldNames().forEachRemaining(k -> {
      if (!TOP_KEYS.contains(k)) {
        throw new HarnessInputException(source, "unknown key '" + k + "'; known keys: " + TOP_KEYS);
      }
    });
    TrafficRules rules = new TrafficRules(List.of(), List.of(),
        severity(root.get("default_severity"), Severity.WARNING, source, "default_severity"),
        severity(root.get("status_severity"), Severity.CRITICAL, source, "status_severity"));
    JsonNode normalise = root.has("normalise") ? root.get("normalise") : root.get("normalize");
    int i = 0;
    for (JsonNode n : list(normalise, source, "normalise")) {
      String where = "normalise[" + i++ + "]";
      try {
        String actionName = n.path("action").asText("ignore").toUpperCase(Locale.ROOT);
        Action action;
        try {
          action = Action.valueOf(actionName);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("action must be ignore or replace, was " + n.get("action"));
        }
        JsonNode value = n.has("value") ? n.get("value") : TextNode.valueOf("<normalised>");
        rules = rules.normalise(new NormaliseRule(text(n, "route"), required(n, "pointer"), action, value));
      } catch (IllegalArgumentException e) {
        throw new HarnessInputException(source, where + ": " + e.getMessage());
      }
    }
    i = 0;
    for (JsonNode c : list(root.get("classify"), source, "classify")) {
      String where = "classify[" + i++ + "]";
      try {
        rules = rules.classify(text(c, "route"), text(c, "pointer"), severity(c.get("severity"), null, source, where + ".severity"));
      } catch (IllegalArgumentException e) {
        throw new HarnessInputException(source, where + ": " + e.getMessage());
      }
    }
    return rules;
  }

  private static List<JsonNode> list(JsonNode node, String source, String key) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new HarnessInputException(source, key + " must be a list of rules");
    }
    List<JsonNode> out = new ArrayList<>();
    node.forEach(n -> {
      if (!n.isObject()) {
        throw new HarnessInputException(source, key + " entries must be mappings, found " + n);
      }
      out.add(n);
    });
    return out;
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(key + " must be a string, was " + v);
    }
    return v.asText();
  }

  private static String required(JsonNode node, String key) {
    String v = text(node, key);
    if (v == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    return v;
  }

  private static Severity severity(JsonNode node, Severity fallback, String source, String key) {
    if (node == null || node.isNull()) {
      if (fallback == null) {
        throw new HarnessInputException(source, key + " is required (critical or warning)");
      }
      return fallback;
    }
    Severity s = Severity.fromWireName(node.asText());
    if (s == null) {
      throw new HarnessInputException(source, key + " must be critical or warning, was " + node);
    }
    return s;
  }

}
