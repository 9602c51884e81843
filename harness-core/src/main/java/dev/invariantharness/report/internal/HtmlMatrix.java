package dev.invariantharness.report.internal;

import static dev.invariantharness.report.internal.Html.escape;

import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.ReportView;
import dev.invariantharness.report.internal.ReportFacts.Blocked;
import dev.invariantharness.report.internal.ReportFacts.Meaning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html}: one self-contained page for people who would rather look than read.
 * The verdict on top, then the blockers (each linking to its result row and evidence), warnings
 * and coverage gaps, then the matrix of invariants (rows) by lanes (columns), then the results.
 * A cell's colour is what it means for the decision ({@link Meaning}: a blocking failure, a
 * blocking skip, a mitigated failure, a failure that only warns, a skip that does not block,
 * passed, n/a), explained by a legend; a blocking cell also says so in words.
 *
 * <p>Inline CSS only: no scripts, fonts or other resources, so the page works offline, from a
 * CI artifact and under strict content security policies. The results table has a fixed layout
 * and long text wraps, so every column (the evidence links too) stays on screen at 1280 px.
 * The page is valid HTML (checked with the Nu HTML Checker in the tests).
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
      .scroll{overflow-x:auto;max-width:100%}
      .matrix td{text-align:center;min-width:6rem}
      .matrix a,.results a,.blockers a{color:inherit}
      .results{width:100%;table-layout:fixed}
      .results td,.results th{overflow-wrap:anywhere}
      .results col.c-n{width:2.5rem}.results col.c-req{width:5.75rem}.results col.c-status{width:6.5rem}
      .results col.c-lane{width:5.5rem}.results col.c-ms{width:5.5rem}
      .results col.c-check{width:13%}.results col.c-inv{width:12%}.results col.c-desc{width:11%}
      .results col.c-evidence{width:16%}
      .m-block-fail{background:#e8655d;color:#fff;font-weight:600}
      .m-block-skip{background:#f29d4b;font-weight:600}
      .m-mitigated{background:#f9e08a}
      .m-warn-fail{background:#e3d2f3}
      .m-skip{background:#eef1f4;font-style:italic}
      .m-passed{background:#bfe8bf}
      .m-na{background:#dcdfe3;color:#444}
      .m-none{color:#999}
      .legend{list-style:none;padding:0}
      .legend li{margin:.2rem 0}
      .swatch{display:inline-block;min-width:7.5rem;padding:0 .4rem;margin-right:.5rem;border:1px solid #c9ced4}
      .inv-id{font-family:ui-monospace,monospace;font-weight:600}
      .reason{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:12px}
      code{font-family:ui-monospace,monospace;overflow-wrap:anywhere}
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
    Map<String, List<Integer>> rowsByInvariant = rowsByInvariant(report);
    List<String> matrixIds = new ArrayList<>(rowsByInvariant.keySet());
    blockers(h, report, matrixIds);
    list(h, "Warnings", d.warnings());
    list(h, "Rejected mitigations", d.rejectedMitigations());
    coverageGaps(h, report, matrixIds);
    Blocked blocked = Blocked.of(report);
    matrix(h, report, blocked, rowsByInvariant);
    legend(h);
    results(h, report, blocked);
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

  /**
   * Every blocker with links: to the result rows of its check (or, for a blocker without a row
   * such as a coverage gap, to its invariant's matrix row) and to the evidence behind it.
   */
  private static void blockers(StringBuilder h, GateReport report, List<String> matrixIds) {
    List<Blocker> blockers = report.decision().blockers();
    if (blockers.isEmpty()) {
      return;
    }
    h.append("<h2>Blockers</h2>\n<ul class=\"blockers\">\n");
    Map<String, List<Integer>> rowsByCheck = rowsByCheck(report);
    for (Blocker b : blockers) {
      List<Integer> rows = rowsByCheck.getOrDefault(b.checkId(), List.of());
      h.append("<li>");
      if (rows.isEmpty()) {
        int at = matrixIds.indexOf(b.invariant() == null ? NO_INVARIANT : b.invariant());
        if (at >= 0) {
          h.append("<a href=\"#inv-").append(at + 1).append("\"><code>").append(escape(b.checkId()))
              .append("</code></a> ");
        } else {
          h.append("<code>").append(escape(b.checkId())).append("</code> ");
        }
      } else {
        h.append("<code>").append(escape(b.checkId())).append("</code>");
        for (int n : rows) {
          h.append(" <a href=\"#row-").append(n).append("\">#").append(n).append("</a>");
        }
        h.append(' ');
      }
      h.append(escape(ReportFacts.blocks(b)))
          .append("<div class=\"reason\">").append(escape(b.reason())).append("</div>");
      List<EvidenceRef> evidence = blockerEvidence(report, rows, b.invariant());
      if (!evidence.isEmpty()) {
        h.append("<div>Evidence: ");
        evidence(h, evidence);
        h.append("</div>");
      }
      h.append("</li>\n");
    }
    h.append("</ul>\n");
  }

  /** The 1-based numbers of the result rows of each check. */
  private static Map<String, List<Integer>> rowsByCheck(GateReport report) {
    Map<String, List<Integer>> rows = new HashMap<>();
    for (int n = 1; n <= report.results().size(); n++) {
      rows.computeIfAbsent(report.results().get(n - 1).checkId(), k -> new ArrayList<>()).add(n);
    }
    return rows;
  }

  /**
   * The evidence behind a blocker: that of the findings naming its invariant where they have
   * any, else every evidence file of its rows.
   */
  private static List<EvidenceRef> blockerEvidence(GateReport report, List<Integer> rows, String invariant) {
    List<EvidenceRef> ofFindings = new ArrayList<>();
    List<EvidenceRef> ofRows = new ArrayList<>();
    for (int n : rows) {
      CheckResult r = report.results().get(n - 1);
      for (Finding f : r.findings()) {
        if (f.invariant().equals(invariant)) {
          ofFindings.addAll(f.evidence());
        }
      }
      ofRows.addAll(r.evidence());
    }
    return ofFindings.isEmpty() ? ofRows : ofFindings;
  }

  private static void coverageGaps(StringBuilder h, GateReport report, List<String> matrixIds) {
    if (report.coverageGaps().isEmpty()) {
      return;
    }
    h.append("<h2>Coverage gaps</h2>\n<ul>\n");
    for (String id : report.coverageGaps()) {
      int at = matrixIds.indexOf(id);
      h.append("<li>");
      if (at >= 0) {
        h.append("<a href=\"#inv-").append(at + 1).append("\">").append(escape(id)).append("</a>");
      } else {
        h.append(escape(id));
      }
      h.append(escape(ReportFacts.invariant(report, id).map(i -> " — " + i.title()).orElse("")))
          .append("</li>\n");
    }
    h.append("</ul>\n");
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

  private static void matrix(StringBuilder h, GateReport report, Blocked blocked, Map<String, List<Integer>> rowsByInvariant) {
    List<String> lanes = new ArrayList<>(report.countsByLane().keySet());
    h.append("<h2>Invariant matrix</h2>\n<div class=\"scroll\">\n<table class=\"matrix\">\n")
        .append("<thead><tr><th>Invariant</th>");
    for (String lane : lanes) {
      h.append("<th>").append(escape(lane)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    int index = 0;
    for (Map.Entry<String, List<Integer>> e : rowsByInvariant.entrySet()) {
      index++;
      h.append("<tr id=\"inv-").append(index).append("\"><th scope=\"row\">");
      invariantHeading(h, report, e.getKey());
      h.append("</th>");
      for (String lane : lanes) {
        List<Integer> inLane = e.getValue().stream()
            .filter(n -> report.results().get(n - 1).lane().equals(lane)).toList();
        cell(h, report, blocked, e.getKey(), inLane);
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n<p class=\"meta\">A cell shows what the checks of its lane mean "
        + "for the decision about its invariant, the worst first (a failed check fails only the invariants "
        + "its findings name); the numbers link to the rows below. — means no check.</p>\n");
  }

  private static void legend(StringBuilder h) {
    h.append("<h2>Legend</h2>\n<ul class=\"legend\">\n");
    for (Meaning m : Meaning.values()) {
      h.append("<li><span class=\"swatch ").append(m.cssClass()).append("\">")
          .append(escape(sample(m))).append("</span>").append(escape(m.legend())).append("</li>\n");
    }
    h.append("<li><span class=\"swatch m-none\">—</span>no check</li>\n</ul>\n");
  }

  /** How a cell of this meaning reads, for the legend. */
  private static String sample(Meaning m) {
    return switch (m) {
      case BLOCKING_FAILURE, FAILED_NON_BLOCKING -> label(CheckStatus.FAILED, m);
      case BLOCKING_SKIP, SKIPPED_NON_BLOCKING -> label(CheckStatus.SKIPPED, m);
      case MITIGATED -> label(CheckStatus.MITIGATED, m);
      case PASSED -> label(CheckStatus.PASSED, m);
      case NOT_APPLICABLE -> label(CheckStatus.NOT_APPLICABLE, m);
    };
  }

  /** A status with the meaning's tag, e.g. {@code failed (blocks)}. */
  private static String label(CheckStatus status, Meaning m) {
    return m.tag().isEmpty() ? status.label() : status.label() + " (" + m.tag() + ")";
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
      for (String id : ReportFacts.rowKeys(r)) {
        rows.computeIfAbsent(id, k -> new ArrayList<>()).add(n);
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

  private static void cell(StringBuilder h, GateReport report, Blocked blocked, String id, List<Integer> rows) {
    if (rows.isEmpty()) {
      h.append("<td class=\"m-none\">—</td>");
      return;
    }
    Meaning worst = null;
    CheckStatus shown = null;
    for (int n : rows) {
      CheckResult r = report.results().get(n - 1);
      Meaning m = ReportFacts.meaning(blocked, r, id);
      if (ReportFacts.worse(worst, m) != worst) {
        worst = m;
        shown = ReportFacts.outcome(r, id);
      }
    }
    h.append("<td class=\"").append(worst.cssClass()).append("\">").append(escape(label(shown, worst)));
    for (int n : rows) {
      h.append(" <a href=\"#row-").append(n).append("\">#").append(n).append("</a>");
    }
    h.append("</td>");
  }

  private static void results(StringBuilder h, GateReport report, Blocked blocked) {
    h.append("<h2>Results</h2>\n<table class=\"results\">\n<colgroup><col class=\"c-n\"><col class=\"c-check\">"
        + "<col class=\"c-req\"><col class=\"c-status\"><col class=\"c-lane\"><col class=\"c-inv\">"
        + "<col class=\"c-desc\"><col class=\"c-reason\"><col class=\"c-evidence\"><col class=\"c-ms\"></colgroup>\n"
        + "<thead><tr><th>#</th><th>Check</th>"
        + "<th>Required</th><th>Status</th><th>Lane</th><th>Invariants</th><th>Description</th>"
        + "<th>Reason</th><th>Evidence</th><th>Duration (ms)</th></tr></thead>\n<tbody>\n");
    for (int n = 1; n <= report.results().size(); n++) {
      CheckResult r = report.results().get(n - 1);
      Meaning meaning = ReportFacts.meaning(blocked, r);
      h.append("<tr id=\"row-").append(n).append("\">")
          .append("<td>").append(n).append("</td>")
          .append("<td><code>").append(escape(r.checkId())).append("</code></td>")
          .append("<td>").append(r.required() ? "required" : "optional").append("</td>")
          .append("<td class=\"").append(meaning.cssClass()).append("\">")
          .append(escape(label(r.status(), meaning))).append("</td>")
          .append("<td>").append(escape(r.lane())).append("</td>")
          .append("<td>");
      outcomes(h, blocked, r);
      h.append("</td>")
          .append("<td>").append(escape(r.description())).append("</td>")
          .append("<td class=\"reason\">").append(escape(r.reason())).append("</td>")
          .append("<td>");
      evidence(h, r.evidence());
      h.append("</td><td>").append(r.durationMillis()).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  /**
   * Each invariant of the row with what the row means for it, e.g. {@code INV-02 passed,
   * INV-06 failed}, coloured by what that means for the decision; then the findings.
   */
  private static void outcomes(StringBuilder h, Blocked blocked, CheckResult r) {
    boolean first = true;
    for (String id : ReportFacts.rowKeys(r)) {
      if (!first) {
        h.append(", ");
      }
      first = false;
      CheckStatus s = ReportFacts.outcome(r, id);
      h.append("<span class=\"").append(ReportFacts.meaning(blocked, r, id).cssClass()).append("\">").append(escape(id));
      if (!r.invariants().contains(id)) {
        h.append(" ").append(escape(s.label())).append(" (found)");
      } else if (!r.outcomes().isEmpty() && s != r.status()) {
        h.append(" ").append(escape(s.label()));
      }
      h.append("</span>");
    }
    if (!r.findings().isEmpty()) {
      h.append("<ul class=\"findings\">");
      for (Finding f : r.findings()) {
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
}
