package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.ParityDecision;
import dev.invariantharness.runtime.parity.ParityDiff;
import dev.invariantharness.runtime.parity.ParityGate;
import dev.invariantharness.runtime.parity.ParityReport;
import dev.invariantharness.runtime.parity.ParityTotals;
import dev.invariantharness.runtime.parity.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The report's JSON codec: keys in the wire format's order; strict reading with input errors. */
public final class ParityReportJson {

  private ParityReportJson() {}

  /** The report as pretty-printed JSON. */
  public static String write(ParityReport report) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schema", report.schema());
    root.put("generated_at", report.generatedAt().toString());
    root.put("legacy_run_id", report.legacyRunId());
    root.put("rust_run_id", report.rustRunId());
    ArrayNode diffs = root.putArray("diffs");
    for (ParityDiff d : report.diffs()) {
      ObjectNode row = diffs.addObject();
      row.put("severity", d.severity().wireName());
      row.put("field", d.field());
      row.set("legacy", d.legacy());
      row.set("rust", d.rust());
      row.put("message", d.message());
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("critical", report.totals().critical());
    totals.put("warning", report.totals().warning());
    ObjectNode gate = root.putObject("gate");
    gate.put("decision", report.gate().decision().wireName());
    gate.put("reason", report.gate().reason());
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  /** Writes atomically: a reader never sees half a report. */
  public static void write(ParityReport report, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".parity-", ".tmp");
      try {
        Files.writeString(tmp, write(report), StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write parity report " + file, e);
    }
  }

  /** Reads a report file. */
  public static ParityReport read(Path file) {
    return parse(Json.readText(file, "parity report"), file.toString());
  }

  /** Parses report JSON, checking the schema and every key's type. */
  public static ParityReport parse(String text, String source) {
    JsonNode root = Json.parse(text, source, -1, "parity report");
    if (!root.isObject()) {
      throw new HarnessInputException(source, "parity report must be a JSON object");
    }
    String schema = text(root, "schema", source);
    if (!ParityReport.SCHEMA.equals(schema)) {
      throw new HarnessInputException(source, "schema is '" + schema + "', expected '" + ParityReport.SCHEMA + "'");
    }
    Instant generatedAt;
    try {
      generatedAt = Instant.parse(text(root, "generated_at", source));
    } catch (DateTimeParseException e) {
      throw new HarnessInputException(source, "generated_at is not an ISO-8601 instant: " + root.get("generated_at"));
    }
    JsonNode diffsNode = root.get("diffs");
    if (diffsNode == null || !diffsNode.isArray()) {
      throw new HarnessInputException(source, "diffs must be an array");
    }
    List<ParityDiff> diffs = new ArrayList<>();
    for (int i = 0; i < diffsNode.size(); i++) {
      JsonNode d = diffsNode.get(i);
      String where = "diffs[" + i + "]";
      if (!d.isObject()) {
        throw new HarnessInputException(source, where + " must be an object");
      }
      Severity severity = Severity.fromWireName(text(d, "severity", source + " " + where));
      if (severity == null) {
        throw new HarnessInputException(source, where + ".severity must be critical or warning, was " + d.get("severity"));
      }
      diffs.add(new ParityDiff(severity, text(d, "field", source + " " + where), d.get("legacy"), d.get("rust"),
          d.path("message").asText("")));
    }
    JsonNode totalsNode = root.get("totals");
    if (totalsNode == null || !totalsNode.path("critical").canConvertToInt() || !totalsNode.path("warning").canConvertToInt()
        || !totalsNode.path("critical").isIntegralNumber() || !totalsNode.path("warning").isIntegralNumber()) {
      throw new HarnessInputException(source, "totals must be {critical:int, warning:int}");
    }
    ParityTotals totals = new ParityTotals(totalsNode.get("critical").intValue(), totalsNode.get("warning").intValue());
    if (!totals.equals(ParityTotals.of(diffs))) {
      throw new HarnessInputException(source, "totals " + totals + " do not match the diffs " + ParityTotals.of(diffs));
    }
    JsonNode gateNode = root.get("gate");
    if (gateNode == null || !gateNode.isObject()) {
      throw new HarnessInputException(source, "gate must be an object {decision, reason}");
    }
    ParityDecision decision = ParityDecision.fromWireName(text(gateNode, "decision", source + " gate"));
    if (decision == null) {
      throw new HarnessInputException(source, "gate.decision must be allow or block, was " + gateNode.get("decision"));
    }
    return new ParityReport(schema, generatedAt, root.path("legacy_run_id").asText(""), root.path("rust_run_id").asText(""),
        diffs, totals, new ParityGate(decision, gateNode.path("reason").asText("")));
  }

  private static String text(JsonNode node, String key, String source) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual()) {
      throw new HarnessInputException(source, key + " must be a string, was " + (v == null ? "absent" : v.toString()));
    }
    return v.asText();
  }
}
