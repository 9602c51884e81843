package dev.invariantharness.report.internal;

import static dev.invariantharness.report.internal.Html.escape;

import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.ReportView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html}: one self-contained page for people who would rather look than read.
 * The verdict on top, then the matrix of invariants (rows) by lanes (columns), each cell
 * coloured by the worst status of its checks and linking to their rows in the results table
 * below. Inline CSS only: no scripts, fonts or other resources, so the page works offline,
 * from a CI artifact and under strict content security policies.
 */
public final class HtmlMatrix implements ReportView {

  /** Row key for checks that map to no invariant. */
  private static final String NO_INVARIANT = "";

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem;color:#1b1f24}
      h1{margin:0;font-size:2rem}h2{margin-top:2rem;font-size:1.25rem}
      .verdict{padding:1rem 1.25rem;border-radius:6px;border:1px solid #999}
      .v-go{background:#dcf5dc}.v-no-go{background:#f9d6d5}
      .meta{color:#555}
      table{border-collapse:collapse;margin:.5rem 0}
      th,td{border:1px solid #c9ced4;padding:.3rem .5rem;text-align:left;vertical-align:top}
      thead th{background:#eef1f4}
      .matrix td{text-align:center;min-width:6rem}
      .matrix a,.results a{color:inherit}
      .s-failed,.s-unmapped{background:#f4b4b1}
      .s-skipped{background:#fbc88a}
      .s-mitigated{background:#f9e08a}
      .s-passed{background:#bfe8bf}
      .s-na{background:#dcdfe3;color:#444}
      .s-none{color:#999}
      .inv-id{font-family:ui-monospace,monospace;font-weight:600}
      .reason{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:12px}
      code{font-family:ui-monospace,monospace}
      """;

  @Override
  public String fileName() {
    return "index.html";
  }

  @Override
  public String render(GateReport report) {
    StringBuilder h = new StringBuilder(16_384);
    GateDecision d = report.decision();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Invariant gate: ").append(escape(d.verdict().label()))
        .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    verdict(h, report);
    decisionDetails(h, report);
    matrix(h, report);
    results(h, report);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void verdict(StringBuilder h, GateReport report) {
    GateDecision d = report.decision();
    h.append("<header class=\"verdict ")
        .append(d.verdict() == Verdict.GO ? "v-go" : "v-no-go").append("\">\n")
        .append("<h1>").append(escape(d.verdict().label())).append("</h1>\n")
        .append("<p><strong>Blocked: ").append(escape(d.blocked().label()))
        .append("</strong> — ").append(escape(d.headline())).append("</p>\n")
        .append("<p class=\"meta\">Run <code>").append(escape(report.runId()))
        .append("</code> · ")
        .append(escape(ReportFacts.compactTimestamp(report.generatedAt())))
        .append(" · mode ").append(d.mode().name().toLowerCase(Locale.ROOT))
        .append(" (FAIL_ON_REQUIRED_FAILURE=").append(d.mode().flag()).append(") · ")
        .append(report.results().size()).append(" checks</p>\n</header>\n");
  }

  private static void decisionDetails(StringBuilder h, GateReport report) {
    GateDecision d = report.decision();
    if (!d.blockers().isEmpty()) {
      h.append("<h2>Blockers</h2>\n<ul>\n");
      for (Blocker b : d.blockers()) {
        h.append("<li><code>").append(escape(b.checkId())).append("</code> ")
            .append(escape(ReportFacts.blocks(b)))
            .append("<div class=\"reason\">").append(escape(b.reason())).append("</div></li>\n");
      }
      h.append("</ul>\n");
    }
    list(h, "Warnings", d.warnings());
    list(h, "Rejected mitigations", d.rejectedMitigations());
    if (!report.coverageGaps().isEmpty()) {
      List<String> gaps = new ArrayList<>();
      for (String id : report.coverageGaps()) {
        gaps.add(id + ReportFacts.invariant(report, id).map(i -> " — " + i.title()).orElse(""));
      }
      list(h, "Coverage gaps", gaps);
    }
  }

  private static void list(StringBuilder h, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    h.append("<h2>").append(escape(title)).append("</h2>\n<ul>\n");
    for (String item : items) {
      h.append("<li class=\"reason\">").append(escape(item)).append("</li>\n");
    }
    h.append("</ul>\n");
  }

  private static void matrix(StringBuilder h, GateReport report) {
    List<String> lanes = new ArrayList<>(report.countsByLane().keySet());
    Map<String, List<Integer>> rowsByInvariant = rowsByInvariant(report);
    h.append("<h2>Invariant matrix</h2>\n<table class=\"matrix\">\n<thead><tr><th>Invariant</th>");
    for (String lane : lanes) {
      h.append("<th>").append(escape(lane)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    rowsByInvariant.forEach((id, rows) -> {
      h.append("<tr><th scope=\"row\">");
      invariantHeading(h, report, id);
      h.append("</th>");
      for (String lane : lanes) {
        List<Integer> inLane = rows.stream()
            .filter(n -> report.results().get(n - 1).lane().equals(lane)).toList();
        cell(h, report, id, inLane);
      }
      h.append("</tr>\n");
    });
    h.append("</tbody>\n</table>\n<p class=\"meta\">Cells show the worst outcome for the invariant "
        + "of the checks in that lane (a failed check fails only the invariants its findings name); "
        + "the numbers link to the rows below. "
        + "— means no check.</p>\n");
  }

  /**
   * Matrix rows in catalogue order, then ids the catalogue does not know, then checks with no
   * invariant, each with the 1-based numbers of its result rows.
   */
  private static Map<String, List<Integer>> rowsByInvariant(GateReport report) {
    Map<String, List<Integer>> rows = new LinkedHashMap<>();
    for (Invariant i : report.catalogue()) {
      rows.put(i.id(), new ArrayList<>());
    }
    List<Integer> unmapped = new ArrayList<>();
    for (int n = 1; n <= report.results().size(); n++) {
      CheckResult r = report.results().get(n - 1);
      if (r.invariants().isEmpty()) {
        unmapped.add(n);
      }
      Set<String> ids = new LinkedHashSet<>(r.invariants());
      ids.addAll(r.outcomes().keySet());
      for (String id : ids) {
        List<Integer> numbers = rows.computeIfAbsent(id, k -> new ArrayList<>());
        // a check listing an id twice still links once
        if (numbers.isEmpty() || numbers.get(numbers.size() - 1) != n) {
          numbers.add(n);
        }
      }
    }
    if (!unmapped.isEmpty()) {
      rows.put(NO_INVARIANT, unmapped);
    }
    return rows;
  }

  private static void invariantHeading(StringBuilder h, GateReport report, String id) {
    if (id.equals(NO_INVARIANT)) {
      h.append("<span class=\"inv-id\">(no invariant)</span> unmapped tests");
      return;
    }
    Optional<Invariant> inv = ReportFacts.invariant(report, id);
    h.append("<span class=\"inv-id\">").append(escape(id)).append("</span> ")
        .append(inv.map(i -> escape(i.title())).orElse("<em>not in the catalogue</em>"));
    inv.filter(Invariant::isSuperseded).ifPresent(i ->
        h.append(" <em>(superseded by ").append(escape(i.supersededBy())).append(")</em>"));
  }

  private static void cell(StringBuilder h, GateReport report, String id, List<Integer> rows) {
    Optional<CheckStatus> worst = rows.stream().map(n -> ReportFacts.outcome(report.results().get(n - 1), id))
        .max(Comparator.comparingInt(ReportFacts::badness));
    if (worst.isEmpty()) {
      h.append("<td class=\"s-none\">—</td>");
      return;
    }
    h.append("<td class=\"").append(cssClass(worst.get())).append("\">")
        .append(escape(worst.get().label()));
    for (int n : rows) {
      h.append(" <a href=\"#row-").append(n).append("\">#").append(n).append("</a>");
    }
    h.append("</td>");
  }

  private static void results(StringBuilder h, GateReport report) {
    h.append("<h2>Results</h2>\n<table class=\"results\">\n<thead><tr><th>#</th><th>Check</th>"
        + "<th>Required</th><th>Status</th><th>Lane</th><th>Invariants</th><th>Description</th>"
        + "<th>Reason</th><th>Evidence</th><th>Duration (ms)</th></tr></thead>\n<tbody>\n");
    for (int n = 1; n <= report.results().size(); n++) {
      CheckResult r = report.results().get(n - 1);
      h.append("<tr id=\"row-").append(n).append("\">")
          .append("<td>").append(n).append("</td>")
          .append("<td><code>").append(escape(r.checkId())).append("</code></td>")
          .append("<td>").append(r.required() ? "required" : "optional").append("</td>")
          .append("<td class=\"").append(cssClass(r.status())).append("\">")
          .append(escape(r.status().label())).append("</td>")
          .append("<td>").append(escape(r.lane())).append("</td>")
          .append("<td>");
      outcomes(h, r);
      h.append("</td>")
          .append("<td>").append(escape(r.description())).append("</td>")
          .append("<td class=\"reason\">").append(escape(r.reason())).append("</td>")
          .append("<td>");
      evidence(h, r.evidence());
      h.append("</td><td>").append(r.durationMillis()).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  /** Each invariant of the row with what the row means for it, e.g. {@code INV-02 passed, INV-06 failed}. */
  private static void outcomes(StringBuilder h, CheckResult r) {
    boolean first = true;
    for (String id : r.invariants()) {
      if (!first) {
        h.append(", ");
      }
      first = false;
      CheckStatus s = ReportFacts.outcome(r, id);
      h.append("<span class=\"").append(cssClass(s)).append("\">").append(escape(id));
      if (!r.outcomes().isEmpty() && s != r.status()) {
        h.append(" ").append(escape(s.label()));
      }
      h.append("</span>");
    }
    for (String id : r.outcomes().keySet()) {
      if (!r.invariants().contains(id)) {
        h.append(first ? "" : ", ").append("<span class=\"").append(cssClass(r.outcomes().get(id))).append("\">")
            .append(escape(id)).append(" ").append(escape(r.outcomes().get(id).label())).append(" (found)</span>");
        first = false;
      }
    }
    if (!r.findings().isEmpty()) {
      h.append("<ul class=\"findings\">");
      for (var f : r.findings()) {
        h.append("<li><span class=\"inv-id\">").append(escape(f.attributed() ? f.invariant() : "unattributed"))
            .append("</span> ").append(escape(f.toString()));
        if (!f.evidence().isEmpty()) {
          h.append(" — ");
          evidence(h, f.evidence());
        }
        h.append("</li>");
      }
      h.append("</ul>");
    }
  }

  private static void evidence(StringBuilder h, List<EvidenceRef> evidence) {
    boolean first = true;
    for (EvidenceRef e : evidence) {
      if (!first) {
        h.append("<br>");
      }
      first = false;
      String label = e.name() == null || e.name().isBlank() ? e.path() : e.name();
      String href = Html.relativeHref(e.path());
      if (href == null) {
        h.append(escape(label));
      } else {
        h.append("<a href=\"").append(escape(href)).append("\">").append(escape(label))
            .append("</a>");
      }
      if (e.kind() != null && !e.kind().isBlank()) {
        h.append(" <small>(").append(escape(e.kind())).append(")</small>");
      }
    }
  }

  private static String cssClass(CheckStatus status) {
    return switch (status) {
      case PASSED -> "s-passed";
      case FAILED -> "s-failed";
      case SKIPPED -> "s-skipped";
      case NOT_APPLICABLE -> "s-na";
      case MITIGATED -> "s-mitigated";
      case UNMAPPED -> "s-unmapped";
    };
  }
}
