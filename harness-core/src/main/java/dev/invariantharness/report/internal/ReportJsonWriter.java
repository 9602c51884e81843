package dev.invariantharness.report.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.Mitigation;
import dev.invariantharness.report.GateReport;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link GateReport} as {@code summary.json} (schema in {@code docs/summary-json.md}).
 * The tree is built by hand, field by field, so the key order is the documented one and does
 * not depend on reflection; instants and dates are ISO-8601 strings (no JSR-310 module).
 */
public final class ReportJsonWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
    try {
      return PRETTY.writeValueAsString(tree(report)) + "\n";
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; this would be a Jackson bug.
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode tree(GateReport report) {
    ObjectNode root = NODES.objectNode();
    // The layout written is this harness's, whatever version the record claims.
    root.put("schemaVersion", GateReport.SCHEMA_VERSION);
    root.put("runId", report.runId());
    root.put("generatedAt", report.generatedAt() == null ? null : report.generatedAt().toString());
    root.set("decision", decision(report.decision()));
    root.set("totals", totals(report));
    root.set("lanes", lanes(report));
    ObjectNode env = root.putObject("environment");
    report.sortedEnvironment().forEach(env::put);
    ArrayNode checks = root.putArray("checks");
    report.results().forEach(r -> checks.add(check(r)));
    ArrayNode catalogue = root.putArray("catalogue");
    report.catalogue().forEach(i -> catalogue.add(invariant(i)));
    strings(root.putArray("coverageGaps"), report.coverageGaps());
    ArrayNode mitigations = root.putArray("mitigations");
    report.mitigations().forEach(m -> mitigations.add(mitigation(m)));
    return root;
  }

  private static ObjectNode decision(GateDecision d) {
    ObjectNode node = NODES.objectNode();
    node.put("verdict", d.verdict().label());
    node.put("blocked", d.blocked().label());
    node.put("mode", d.mode().name().toLowerCase(Locale.ROOT));
    node.put("failOnRequiredFailure", d.mode().flag());
    node.put("gate", d.gate().label());
    node.put("failsBuild", d.failsBuild());
    node.put("headline", d.headline());
    ArrayNode blockers = node.putArray("blockers");
    for (Blocker b : d.blockers()) {
      ObjectNode bn = blockers.addObject();
      bn.put("checkId", b.checkId());
      bn.put("invariant", b.invariant());
      bn.put("escalation", b.escalation() == null ? null : b.escalation().id());
      bn.put("scope", b.scope() == null ? null : b.scope().label());
      bn.put("reason", b.reason());
    }
    strings(node.putArray("warnings"), d.warnings());
    strings(node.putArray("rejectedMitigations"), d.rejectedMitigations());
    return node;
  }

  private static ObjectNode totals(GateReport report) {
    Map<CheckStatus, Integer> counts = report.counts();
    ObjectNode node = NODES.objectNode();
    node.put("checks", report.results().size());
    node.put("passed", counts.get(CheckStatus.PASSED));
    node.put("failed", counts.get(CheckStatus.FAILED));
    node.put("skipped", counts.get(CheckStatus.SKIPPED));
    node.put("notApplicable", counts.get(CheckStatus.NOT_APPLICABLE));
    node.put("mitigated", counts.get(CheckStatus.MITIGATED));
    node.put("unmapped", counts.get(CheckStatus.UNMAPPED));
    node.put("requiredFailures", report.requiredWith(CheckStatus.FAILED));
    node.put("requiredSkipped", report.requiredWith(CheckStatus.SKIPPED));
    node.put("optionalFailures", report.optionalWith(CheckStatus.FAILED));
    node.put("optionalSkipped", report.optionalWith(CheckStatus.SKIPPED));
    return node;
  }

  private static ObjectNode lanes(GateReport report) {
    ObjectNode node = NODES.objectNode();
    report.countsByLane().forEach((lane, counts) -> {
      ObjectNode ln = node.putObject(lane);
      counts.forEach((status, n) -> ln.put(status.label(), n));
    });
    return node;
  }

  private static ObjectNode check(CheckResult r) {
    ObjectNode node = NODES.objectNode();
    node.put("checkId", r.checkId());
    node.put("required", r.required());
    node.put("status", r.status().label());
    node.put("description", r.description());
    node.put("lane", r.lane());
    strings(node.putArray("invariants"), r.invariants());
    strings(node.putArray("notApplicable"), r.notApplicable());
    ObjectNode outcomes = node.putObject("outcomes");
    r.outcomes().forEach((id, status) -> outcomes.put(id, status.label()));
    node.put("durationMs", r.durationMillis());
    node.put("reason", r.reason());
    node.put("command", r.command());
    node.put("logPath", ReportFacts.logPath(r));
    evidence(node.putArray("evidence"), r.evidence());
    ArrayNode findings = node.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode fn = findings.addObject();
      fn.put("invariant", f.invariant());
      fn.put("location", f.location());
      fn.put("message", f.message());
      evidence(fn.putArray("evidence"), f.evidence());
    }
    node.set("mitigation", r.mitigation() == null ? NODES.nullNode() : mitigation(r.mitigation()));
    return node;
  }

  private static void evidence(ArrayNode array, List<EvidenceRef> refs) {
    for (EvidenceRef e : refs) {
      ObjectNode en = array.addObject();
      en.put("name", e.name());
      en.put("kind", e.kind());
      en.put("path", e.path());
    }
  }

  private static ObjectNode invariant(Invariant i) {
    ObjectNode node = NODES.objectNode();
    node.put("id", i.id());
    node.put("title", i.title());
    node.put("statement", i.statement());
    node.put("escalation", i.escalation().id());
    node.put("verification", i.verification());
    strings(node.putArray("appliesTo"), i.appliesTo());
    node.put("supersededBy", i.supersededBy());
    strings(node.putArray("history"), i.history());
    return node;
  }

  private static ObjectNode mitigation(Mitigation m) {
    ObjectNode node = NODES.objectNode();
    node.put("invariant", m.invariant());
    node.put("check", m.check());
    node.put("owner", m.owner());
    node.put("followUp", m.followUp());
    node.put("reason", m.reason());
    node.put("expires", m.expires() == null ? null : m.expires().toString());
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
