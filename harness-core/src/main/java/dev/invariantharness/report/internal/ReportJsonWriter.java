package dev.invariantharness.report.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.Mitigation;
import dev.invariantharness.report.GateReport;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link GateReport} as {@code summary.json} (schema in {@code docs/summary-json.md}).
 * Written field by field, so the key order is the documented one and does not depend on
 * reflection; instants and dates are ISO-8601 strings (no JSR-310 module).
 */
public final class ReportJsonWriter {

  /**
   * Two-space indentation, {@code "key": value}, one array element per line, {@code []} and
   * {@code {}} when empty, LF line ends on every platform.
   */
  private static final ObjectWriter PRETTY = Json.mapper().writer(
      new DefaultPrettyPrinter(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ReportJsonWriter() {}

  /** The pretty-printed document, ending with a line feed. */
  public static String write(GateReport report) {
    StringWriter out = new StringWriter(4096 + 1024 * report.results().size());
    // Streamed, not built as a tree: a node per field of every row made this the report's
    // largest cost for big suites.
    try (JsonGenerator g = PRETTY.createGenerator(out)) {
      g.writeStartObject();
      // The layout written is this harness's, whatever version the record claims.
      g.writeNumberField("schemaVersion", GateReport.SCHEMA_VERSION);
      string(g, "runId", report.runId());
      string(g, "generatedAt", report.generatedAt() == null ? null : report.generatedAt().toString());
      g.writeFieldName("decision");
      decision(g, report.decision());
      g.writeFieldName("totals");
      totals(g, report);
      g.writeFieldName("lanes");
      lanes(g, report);
      g.writeObjectFieldStart("environment");
      for (Map.Entry<String, String> e : report.sortedEnvironment().entrySet()) {
        string(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("checks");
      for (CheckResult r : report.results()) {
        check(g, r);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("catalogue");
      for (Invariant i : report.catalogue()) {
        invariant(g, i);
      }
      g.writeEndArray();
      strings(g, "coverageGaps", report.coverageGaps());
      g.writeArrayFieldStart("mitigations");
      for (Mitigation m : report.mitigations()) {
        mitigation(g, m);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      // A StringWriter never fails; this would be a Jackson bug.
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  private static void decision(JsonGenerator g, GateDecision d) throws IOException {
    g.writeStartObject();
    string(g, "verdict", d.verdict().label());
    string(g, "blocked", d.blocked().label());
    string(g, "mode", d.mode().name().toLowerCase(Locale.ROOT));
    string(g, "failOnRequiredFailure", d.mode().flag());
    string(g, "gate", d.gate().label());
    g.writeBooleanField("failsBuild", d.failsBuild());
    string(g, "headline", d.headline());
    g.writeArrayFieldStart("blockers");
    for (Blocker b : d.blockers()) {
      g.writeStartObject();
      string(g, "checkId", b.checkId());
      string(g, "invariant", b.invariant());
      string(g, "escalation", b.escalation() == null ? null : b.escalation().id());
      string(g, "scope", b.scope() == null ? null : b.scope().label());
      string(g, "reason", b.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "warnings", d.warnings());
    strings(g, "rejectedMitigations", d.rejectedMitigations());
    g.writeEndObject();
  }

  private static void totals(JsonGenerator g, GateReport report) throws IOException {
    Map<CheckStatus, Integer> counts = report.counts();
    g.writeStartObject();
    g.writeNumberField("checks", report.results().size());
    number(g, "passed", counts.get(CheckStatus.PASSED));
    number(g, "failed", counts.get(CheckStatus.FAILED));
    number(g, "skipped", counts.get(CheckStatus.SKIPPED));
    number(g, "notApplicable", counts.get(CheckStatus.NOT_APPLICABLE));
    number(g, "mitigated", counts.get(CheckStatus.MITIGATED));
    number(g, "unmapped", counts.get(CheckStatus.UNMAPPED));
    g.writeNumberField("requiredFailures", report.requiredWith(CheckStatus.FAILED));
    g.writeNumberField("requiredSkipped", report.requiredWith(CheckStatus.SKIPPED));
    g.writeNumberField("optionalFailures", report.optionalWith(CheckStatus.FAILED));
    g.writeNumberField("optionalSkipped", report.optionalWith(CheckStatus.SKIPPED));
    g.writeEndObject();
  }

  private static void lanes(JsonGenerator g, GateReport report) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Map<CheckStatus, Integer>> lane : report.countsByLane().entrySet()) {
      g.writeObjectFieldStart(lane.getKey());
      for (Map.Entry<CheckStatus, Integer> count : lane.getValue().entrySet()) {
        number(g, count.getKey().label(), count.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void check(JsonGenerator g, CheckResult r) throws IOException {
    g.writeStartObject();
    string(g, "checkId", r.checkId());
    g.writeBooleanField("required", r.required());
    string(g, "status", r.status().label());
    string(g, "description", r.description());
    string(g, "lane", r.lane());
    strings(g, "invariants", r.invariants());
    strings(g, "notApplicable", r.notApplicable());
    g.writeObjectFieldStart("outcomes");
    for (Map.Entry<String, CheckStatus> o : r.outcomes().entrySet()) {
      string(g, o.getKey(), o.getValue().label());
    }
    g.writeEndObject();
    g.writeNumberField("durationMs", r.durationMillis());
    string(g, "reason", r.reason());
    string(g, "command", r.command());
    string(g, "logPath", ReportFacts.logPath(r));
    evidence(g, r.evidence());
    g.writeArrayFieldStart("findings");
    for (Finding f : r.findings()) {
      g.writeStartObject();
      string(g, "invariant", f.invariant());
      string(g, "location", f.location());
      string(g, "message", f.message());
      evidence(g, f.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (r.mitigation() == null) {
      g.writeNullField("mitigation");
    } else {
      g.writeFieldName("mitigation");
      mitigation(g, r.mitigation());
    }
    g.writeEndObject();
  }

  private static void evidence(JsonGenerator g, List<EvidenceRef> refs) throws IOException {
    g.writeArrayFieldStart("evidence");
    for (EvidenceRef e : refs) {
      g.writeStartObject();
      string(g, "name", e.name());
      string(g, "kind", e.kind());
      string(g, "path", e.path());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void invariant(JsonGenerator g, Invariant i) throws IOException {
    g.writeStartObject();
    string(g, "id", i.id());
    string(g, "title", i.title());
    string(g, "statement", i.statement());
    string(g, "escalation", i.escalation().id());
    string(g, "verification", i.verification());
    strings(g, "appliesTo", i.appliesTo());
    string(g, "supersededBy", i.supersededBy());
    strings(g, "history", i.history());
    g.writeEndObject();
  }

  private static void mitigation(JsonGenerator g, Mitigation m) throws IOException {
    g.writeStartObject();
    string(g, "invariant", m.invariant());
    string(g, "check", m.check());
    string(g, "owner", m.owner());
    string(g, "followUp", m.followUp());
    string(g, "reason", m.reason());
    string(g, "expires", m.expires() == null ? null : m.expires().toString());
    g.writeEndObject();
  }

  /** A string field; {@code null} is written as JSON null, as the documented schema has it. */
  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  private static void number(JsonGenerator g, String name, Integer value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      if (v == null) {
        g.writeNull();
      } else {
        g.writeString(v);
      }
    }
    g.writeEndArray();
  }
}
