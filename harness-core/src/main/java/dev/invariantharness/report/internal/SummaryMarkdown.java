package dev.invariantharness.report.internal;

import static dev.invariantharness.report.internal.Markdown.cell;
import static dev.invariantharness.report.internal.Markdown.code;
import static dev.invariantharness.report.internal.Markdown.oneLine;

import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.Mitigation;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.ReportView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code SUMMARY.md}: the validation matrix script's summary (title, counts, environment,
 * check results, commands) with the gate's decision and the reviewer's sections added. The
 * script's bullets and its five result columns come first and unchanged (its {@code Status}
 * column in its three words, as in {@code results.tsv}), so readers and tools used to the
 * script find them where they were; the harness's finer status is the last column.
 */
public final class SummaryMarkdown implements ReportView {

  private static final String NONE = "None.\n";

  @Override
  public String fileName() {
    return "SUMMARY.md";
  }

  @Override
  public String render(GateReport report) {
    StringBuilder md = new StringBuilder();
    headline(md, report);
    environment(md, report);
    decision(md, report.decision());
    lanes(md, report);
    checkResults(md, report);
    failedRequired(md, report);
    mitigations(md, report.mitigations());
    notApplicable(md, report);
    unmapped(md, report);
    coverageGaps(md, report);
    commands(md, report);
    return md.toString();
  }

  private static void headline(StringBuilder md, GateReport report) {
    GateDecision d = report.decision();
    md.append("# Invariant Validation Matrix\n\n");
    // the script's bullets, in its order and words
    bullet(md, "Timestamp (UTC)", ReportFacts.compactTimestamp(report.generatedAt()));
    bullet(md, "Overall", ReportFacts.overall(report) + " — " + d.headline());
    bullet(md, "Total checks", report.results().size());
    bullet(md, "Passed", report.counts().get(CheckStatus.PASSED));
    bullet(md, "Required failures", report.requiredWith(CheckStatus.FAILED));
    bullet(md, "Optional failures", report.optionalWith(CheckStatus.FAILED));
    bullet(md, "Required skipped", report.requiredWith(CheckStatus.SKIPPED));
    bullet(md, "Optional skipped", report.optionalWith(CheckStatus.SKIPPED));
    // the gate's
    bullet(md, "Decision", d.verdict().label());
    bullet(md, "Blocked", d.blocked().label());
    bullet(md, "Mode", d.mode().name().toLowerCase(Locale.ROOT)
        + " (FAIL_ON_REQUIRED_FAILURE=" + d.mode().flag() + ")");
    bullet(md, "Run", oneLine(report.runId()));
    md.append('\n');
  }

  private static void bullet(StringBuilder md, String label, Object value) {
    md.append("- ").append(label).append(": ").append(value).append('\n');
  }

  private static void environment(StringBuilder md, GateReport report) {
    md.append("## Environment\n\n");
    if (report.environment().isEmpty()) {
      md.append(NONE);
    }
    // KEY=value as the script wrote it; values are already redacted by the caller.
    report.sortedEnvironment().forEach((key, value) ->
        md.append("- ").append(oneLine(key)).append('=').append(oneLine(value)).append('\n'));
    md.append('\n');
  }

  private static void decision(StringBuilder md, GateDecision d) {
    md.append("## Decision\n\n**").append(d.headline()).append("**\n\n### Blockers\n\n");
    if (d.blockers().isEmpty()) {
      md.append(NONE);
    }
    for (Blocker b : d.blockers()) {
      md.append("- ").append(code(b.checkId())).append(' ').append(ReportFacts.blocks(b));
      reason(md, b.reason());
    }
    md.append("\n### Warnings\n\n");
    bullets(md, d.warnings());
    md.append("\n### Rejected mitigations\n\n");
    bullets(md, d.rejectedMitigations());
    md.append('\n');
  }

  private static void lanes(StringBuilder md, GateReport report) {
    md.append("## Counts per lane\n\n| Lane |");
    for (CheckStatus s : CheckStatus.values()) {
      md.append(' ').append(s.label()).append(" |");
    }
    md.append(" total |\n| ---").append(" | ---".repeat(CheckStatus.values().length + 1))
        .append(" |\n");
    report.countsByLane().forEach((lane, counts) -> {
      md.append("| ").append(cell(lane)).append(" |");
      int total = 0;
      for (CheckStatus s : CheckStatus.values()) {
        md.append(' ').append(counts.get(s)).append(" |");
        total += counts.get(s);
      }
      md.append(' ').append(total).append(" |\n");
    });
    md.append('\n');
  }

  private static void checkResults(StringBuilder md, GateReport report) {
    md.append("## Check Results\n\n")
        .append("| Check | Required | Status | Description | Log | Lane | Invariants | Harness status |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (CheckResult r : report.results()) {
      md.append("| ").append(cell(r.checkId()))
          .append(" | ").append(r.required() ? "required" : "optional")
          .append(" | ").append(ReportFacts.scriptStatus(r))
          .append(" | ").append(cell(r.description()))
          .append(" | ").append(cell(ReportFacts.logPath(r)))
          .append(" | ").append(cell(r.lane()))
          .append(" | ").append(cell(String.join(", ", r.invariants())))
          .append(" | ").append(r.status().label())
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void failedRequired(StringBuilder md, GateReport report) {
    md.append("## Failed required checks\n\n");
    List<CheckResult> missed =
        report.results().stream().filter(ReportFacts::requiredMiss).toList();
    if (missed.isEmpty()) {
      md.append(NONE);
    }
    for (CheckResult r : missed) {
      md.append("- ").append(code(r.checkId())).append(" (").append(r.status().label())
          .append("): ").append(escalations(report, r.invariants()));
      reason(md, r.reason());
    }
    md.append('\n');
  }

  private static String escalations(GateReport report, List<String> ids) {
    if (ids.isEmpty()) {
      return "no invariant mapping";
    }
    return ids.stream()
        .map(id -> id + " (" + ReportFacts.invariant(report, id)
            .map(i -> i.escalation().id()).orElse("not in the catalogue") + ")")
        .collect(Collectors.joining(", "));
  }

  private static void mitigations(StringBuilder md, List<Mitigation> mitigations) {
    md.append("## Mitigations\n\n");
    if (mitigations.isEmpty()) {
      md.append(NONE).append('\n');
      return;
    }
    md.append("| Invariant | Check | Owner | Follow-up | Expires | Reason |\n")
        .append("| --- | --- | --- | --- | --- | --- |\n");
    for (Mitigation m : mitigations) {
      md.append("| ").append(cell(m.invariant()))
          .append(" | ").append(cell(m.check()))
          .append(" | ").append(cell(m.owner()))
          .append(" | ").append(cell(m.followUp()))
          .append(" | ").append(m.expires() == null ? "" : m.expires().toString())
          .append(" | ").append(cell(m.reason()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void notApplicable(StringBuilder md, GateReport report) {
    md.append("## Not applicable\n\n");
    List<CheckResult> na = withStatus(report, CheckStatus.NOT_APPLICABLE);
    if (na.isEmpty()) {
      md.append(NONE).append('\n');
      return;
    }
    md.append("| Check | Invariant | Reason |\n| --- | --- | --- |\n");
    for (CheckResult r : na) {
      md.append("| ").append(cell(r.checkId()))
          .append(" | ").append(cell(String.join(", ", r.invariants())))
          .append(" | ").append(cell(r.reason()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void unmapped(StringBuilder md, GateReport report) {
    md.append("## Unmapped tests\n\n");
    List<CheckResult> unmapped = withStatus(report, CheckStatus.UNMAPPED);
    if (unmapped.isEmpty()) {
      md.append(NONE);
    }
    for (CheckResult r : unmapped) {
      md.append("- ").append(code(r.checkId())).append(" (lane ").append(oneLine(r.lane()))
          .append(')');
      if (!r.description().isBlank()) {
        md.append(": ").append(oneLine(r.description()));
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private static void coverageGaps(StringBuilder md, GateReport report) {
    md.append("## Coverage gaps\n\n");
    if (report.coverageGaps().isEmpty()) {
      md.append(NONE);
    }
    for (String id : report.coverageGaps()) {
      Optional<Invariant> inv = ReportFacts.invariant(report, id);
      md.append("- ").append(oneLine(id))
          .append(inv.map(i -> " — " + oneLine(i.title())).orElse("")).append('\n');
    }
    md.append('\n');
  }

  private static void commands(StringBuilder md, GateReport report) {
    md.append("## Commands\n\n");
    if (report.results().isEmpty()) {
      md.append(NONE);
    }
    for (CheckResult r : report.results()) {
      md.append("- ").append(oneLine(r.checkId())).append(':');
      if (r.status() == CheckStatus.SKIPPED) {
        // the script listed the skip reason here; the command follows when there is one
        md.append(" skipped — ").append(oneLine(r.reason()));
      }
      if (r.command().isBlank()) {
        md.append(r.status() == CheckStatus.SKIPPED ? "\n" : " (none)\n");
      } else {
        Markdown.fence(md.append("\n\n"), r.command(), "  ").append('\n');
      }
    }
  }

  private static List<CheckResult> withStatus(GateReport report, CheckStatus status) {
    return report.results().stream().filter(r -> r.status() == status).toList();
  }

  /** Appends {@code — first line} and, for a multi-line reason, the whole of it fenced. */
  private static void reason(StringBuilder md, String reason) {
    if (reason != null && !reason.isBlank()) {
      md.append(" — ").append(Markdown.firstLine(reason));
    }
    md.append('\n');
    if (Markdown.multiLine(reason)) {
      md.append('\n').append(Markdown.fence(reason, "  ")).append('\n');
    }
  }

  private static void bullets(StringBuilder md, List<String> items) {
    if (items.isEmpty()) {
      md.append(NONE);
    }
    for (String item : items) {
      md.append("- ").append(Markdown.firstLine(item)).append('\n');
      if (Markdown.multiLine(item)) {
        md.append('\n').append(Markdown.fence(item, "  ")).append('\n');
      }
    }
  }
}
