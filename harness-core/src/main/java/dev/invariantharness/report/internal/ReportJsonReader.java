package dev.invariantharness.report.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.EscalationClass;
import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Gate;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.Mitigation;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.report.GateReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a {@code summary.json} back into the {@link GateReport} it was written from. Derived
 * sections ({@code totals}, {@code lanes}, {@code logPath}, ...) are recomputed rather than
 * read, and unknown fields are ignored, so additive schema changes stay readable. Every
 * problem is a {@link HarnessInputException} naming the file and the JSON path.
 */
public final class ReportJsonReader {

  private static final ObjectMapper MAPPER = Json.strict();

  private final String file;

  private ReportJsonReader(String file) {
    this.file = file;
  }

  /** Reads and checks {@code file}. */
  public static GateReport read(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new HarnessInputException(name, "no such file");
    } catch (IOException e) {
      throw new HarnessInputException(name, -1, "cannot read: " + e, e);
    }
    return parse(text, name);
  }

  /** Reads {@code text} as the content of the file called {@code name}. */
  public static GateReport parse(String text, String name) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? -1 : at.getLineNr();
      throw new HarnessInputException(name, line, "malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new HarnessInputException(name, "empty file, expected a summary.json object");
    }
    return new ReportJsonReader(name).report(root);
  }

  private GateReport report(JsonNode root) {
    if (!root.isObject()) {
      throw problem("$", "expected a JSON object, found " + kind(root));
    }
    int version = schemaVersion(root);
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode env = object(root, "environment");
    for (Map.Entry<String, JsonNode> e : env.properties()) {
      environment.put(e.getKey(), string(e.getValue(), "environment." + e.getKey(), false));
    }
    return new GateReport(
        version,
        text(root, "", "runId", true),
        instant(root, "generatedAt"),
        environment,
        list(root, "checks", this::check),
        decision(object(root, "decision"), "decision"),
        list(root, "catalogue", this::invariant),
        list(root, "coverageGaps", (n, at) -> string(n, at, false)),
        list(root, "mitigations", this::mitigation));
  }

  private int schemaVersion(JsonNode root) {
    JsonNode v = root.get("schemaVersion");
    int current = GateReport.SCHEMA_VERSION;
    if (v == null || v.isNull()) {
      throw new HarnessInputException(file,
          "schemaVersion is missing; this harness reads schemaVersion " + current
              + "; re-run the suite or use the matching harness version to merge");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new HarnessInputException(file,
          "schemaVersion " + v + " is not a whole number; this harness reads schemaVersion "
              + current);
    }
    int version = v.intValue();
    if (version < current) {
      throw new HarnessInputException(file,
          "schemaVersion " + version + " is older than this harness's " + current
              + "; re-run the suite or use the matching harness version to merge");
    }
    if (version > current) {
      throw new HarnessInputException(file,
          "schemaVersion " + version + " is newer than this harness's " + current
              + "; upgrade the harness or use the matching harness version to merge");
    }
    return version;
  }

  private GateDecision decision(JsonNode node, String at) {
    return new GateDecision(
        choice(node, at, "verdict", Verdict.values(), Verdict::label),
        choice(node, at, "blocked", BlockedScope.values(), BlockedScope::label),
        choice(node, at, "mode", GateMode.values(), m -> m.name().toLowerCase(Locale.ROOT)),
        list(node, at, "blockers", this::blocker),
        list(node, at, "warnings", (n, p) -> string(n, p, false)),
        list(node, at, "rejectedMitigations", (n, p) -> string(n, p, false)),
        node.has("gate") ? choice(node, at, "gate", Gate.values(), Gate::label) : Gate.MERGE);
  }

  private Blocker blocker(JsonNode node, String at) {
    requireObject(node, at);
    return new Blocker(
        text(node, at, "checkId", true),
        text(node, at, "invariant", true),
        escalation(node, at, true),
        optionalChoice(node, at, "scope", BlockedScope.values(), BlockedScope::label),
        text(node, at, "reason", true));
  }

  private CheckResult check(JsonNode node, String at) {
    requireObject(node, at);
    JsonNode m = node.get("mitigation");
    return new CheckResult(
        text(node, at, "checkId", false),
        bool(node, at, "required"),
        choice(node, at, "status", CheckStatus.values(), CheckStatus::label),
        text(node, at, "description", true),
        text(node, at, "lane", true),
        list(node, at, "invariants", (n, p) -> string(n, p, false)),
        optionalList(node, at, "notApplicable", (n, p) -> string(n, p, false)),
        number(node, at, "durationMs"),
        text(node, at, "reason", true),
        text(node, at, "command", true),
        list(node, at, "evidence", this::evidence),
        optionalList(node, at, "findings", this::finding),
        outcomes(node, at),
        m == null || m.isNull() ? null : mitigation(m, at + ".mitigation"));
  }

  private Finding finding(JsonNode node, String at) {
    requireObject(node, at);
    return new Finding(
        text(node, at, "invariant", false),
        text(node, at, "location", true),
        text(node, at, "message", false),
        optionalList(node, at, "evidence", this::evidence));
  }

  /** {@code "outcomes": {"INV-02": "passed", ...}}; absent in reports written before findings were data. */
  private Map<String, CheckStatus> outcomes(JsonNode node, String at) {
    JsonNode v = node.get("outcomes");
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw problem(path(at, "outcomes"), "expected an object, found " + kind(v));
    }
    Map<String, CheckStatus> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      out.put(e.getKey(), choice(v, path(at, "outcomes"), e.getKey(), CheckStatus.values(), CheckStatus::label));
    }
    return out;
  }

  /** A list that reports of an older harness do not have: empty when absent. */
  private <T> List<T> optionalList(JsonNode node, String at, String field, Element<T> element) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? List.of() : list(node, at, field, element);
  }

  private EvidenceRef evidence(JsonNode node, String at) {
    requireObject(node, at);
    return new EvidenceRef(
        text(node, at, "name", true), text(node, at, "kind", true), text(node, at, "path", true));
  }

  private Invariant invariant(JsonNode node, String at) {
    requireObject(node, at);
    return new Invariant(
        text(node, at, "id", false),
        text(node, at, "title", false),
        text(node, at, "statement", true),
        escalation(node, at, false),
        text(node, at, "verification", true),
        list(node, at, "appliesTo", (n, p) -> string(n, p, false)),
        text(node, at, "supersededBy", true),
        list(node, at, "history", (n, p) -> string(n, p, false)));
  }

  private Mitigation mitigation(JsonNode node, String at) {
    requireObject(node, at);
    String expires = text(node, at, "expires", true);
    LocalDate date = null;
    if (expires != null) {
      try {
        date = LocalDate.parse(expires);
      } catch (DateTimeParseException e) {
        throw problem(at + ".expires", "'" + expires + "' is not an ISO date (yyyy-MM-dd)");
      }
    }
    return new Mitigation(
        text(node, at, "invariant", true),
        text(node, at, "check", true),
        text(node, at, "owner", true),
        text(node, at, "followUp", true),
        text(node, at, "reason", true),
        date);
  }

  private EscalationClass escalation(JsonNode node, String at, boolean nullable) {
    String id = text(node, at, "escalation", nullable);
    if (id == null) {
      return null;
    }
    try {
      return EscalationClass.fromId(id);
    } catch (IllegalArgumentException e) {
      throw problem(at + ".escalation", e.getMessage());
    }
  }

  private Instant instant(JsonNode root, String field) {
    String value = text(root, "", field, true);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw problem(field, "'" + value + "' is not an ISO-8601 instant");
    }
  }

  private <T> T choice(
      JsonNode node, String at, String field, T[] values, Function<T, String> label) {
    T value = optionalChoice(node, at, field, values, label);
    if (value == null) {
      throw problem(path(at, field), "missing");
    }
    return value;
  }

  private <T> T optionalChoice(
      JsonNode node, String at, String field, T[] values, Function<T, String> label) {
    String text = text(node, at, field, true);
    if (text == null) {
      return null;
    }
    for (T v : values) {
      if (label.apply(v).equals(text)) {
        return v;
      }
    }
    throw problem(path(at, field), "'" + text + "' is not one of "
        + Arrays.stream(values).map(label).collect(Collectors.joining(", ")));
  }

  private boolean bool(JsonNode node, String at, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isBoolean()) {
      throw problem(path(at, field), v == null ? "missing" : "expected true or false, found " + v);
    }
    return v.booleanValue();
  }

  private long number(JsonNode node, String at, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw problem(path(at, field), v == null ? "missing" : "expected a whole number, found " + v);
    }
    return v.longValue();
  }

  private String text(JsonNode node, String at, String field, boolean nullable) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (nullable) {
        return null;
      }
      throw problem(path(at, field), "missing");
    }
    return string(v, path(at, field), nullable);
  }

  /** A string value, or the problem naming {@code at}. */
  private String string(JsonNode v, String at, boolean nullable) {
    if (v.isNull() && nullable) {
      return null;
    }
    if (!v.isTextual()) {
      throw problem(at, "expected a string, found " + kind(v));
    }
    return v.textValue();
  }

  private JsonNode object(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      throw problem(field, v == null ? "missing" : "expected an object, found " + kind(v));
    }
    return v;
  }

  private void requireObject(JsonNode node, String at) {
    if (!node.isObject()) {
      throw problem(at, "expected an object, found " + kind(node));
    }
  }

  private <T> List<T> list(JsonNode node, String field, Element<T> element) {
    return list(node, "", field, element);
  }

  private <T> List<T> list(JsonNode node, String at, String field, Element<T> element) {
    String where = path(at, field);
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw problem(where, v == null ? "missing" : "expected an array, found " + kind(v));
    }
    List<T> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(element.read(v.get(i), where + "[" + i + "]"));
    }
    return out;
  }

  private HarnessInputException problem(String at, String what) {
    return new HarnessInputException(file, at + ": " + what);
  }

  private static String path(String at, String field) {
    return at.isEmpty() ? field : at + "." + field;
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** Reads one array element found at a JSON path. */
  @FunctionalInterface
  private interface Element<T> {
    T read(JsonNode node, String at);
  }
}
