package dev.invariantharness.report;

import static dev.invariantharness.report.JudgedReports.judge;
import static dev.invariantharness.report.JudgedReports.notApplicable;
import static dev.invariantharness.report.JudgedReports.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.report.internal.HtmlMatrix;
import dev.invariantharness.report.internal.ReportFacts.Meaning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The page tells the truth at a glance: a cell's colour is what it means for the decision, a
 * legend says so, every blocker links to its row and evidence, and the results table fits.
 */
class HtmlMatrixMeaningTest {

  private static final Pattern TD = Pattern.compile("<td[^>]*>.*?</td>");

  private final HtmlMatrix view = new HtmlMatrix();

  private static List<String> all(Pattern pattern, String text, int group) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  /** The {@code <td>} number {@code column} (0-based) of the matrix row of {@code invariantId}. */
  private static String matrixCell(String html, String invariantId, int column) {
    String row = html.lines()
        .filter(l -> l.startsWith("<tr id=\"inv-") && l.contains("<span class=\"inv-id\">" + invariantId + "</span>"))
        .findFirst().orElseThrow();
    return all(TD, row, 0).get(column);
  }

  /** The status {@code <td>} of result row {@code n}. */
  private static String statusCell(String html, int n) {
    String row = html.lines().filter(l -> l.startsWith("<tr id=\"row-" + n + "\">")).findFirst().orElseThrow();
    return all(TD, row, 0).get(3);
  }

  @ParameterizedTest(name = "row {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "1  | <td class=\"m-block-fail\">failed (blocks)</td>",
      "2  | <td class=\"m-block-skip\">skipped (blocks)</td>",
      "3  | <td class=\"m-mitigated\">mitigated</td>",
      "4  | <td class=\"m-warn-fail\">failed (warning)</td>",
      "5  | <td class=\"m-warn-fail\">failed (warning)</td>",
      "6  | <td class=\"m-skip\">skipped</td>",
      "7  | <td class=\"m-passed\">passed</td>",
      "8  | <td class=\"m-na\">n/a</td>",
      "9  | <td class=\"m-block-fail\">unmapped (blocks)</td>",
      "10 | <td class=\"m-block-fail\">failed (blocks)</td>",
  })
  void resultRowIsColouredByWhatItMeansForTheDecision(int row, String expected) {
    assertThat(statusCell(view.render(JudgedReports.everyMeaning()), row)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} in lane {1}: {2}")
  @CsvSource({
      "INV-01,          0, m-block-fail",  // required failure of a block-merge invariant
      "INV-01,          2, m-passed",
      "INV-02,          0, m-block-skip",  // required check skipped
      "INV-07,          1, m-mitigated",   // waived by the mitigation
      "INV-12,          0, m-warn-fail",   // optional failure
      "INV-12,          2, m-skip",        // optional skip
      "INV-11,          3, m-warn-fail",   // required failure of an advisory invariant
      "INV-11,          2, m-na",
      "INV-09,          2, m-block-fail",  // blocks release promotion: still a blocker
      "(no invariant),  1, m-block-fail",  // unmapped test
  })
  void matrixCellIsColouredByWhatItMeansForTheDecision(String invariant, int lane, String expectedClass) {
    String html = view.render(JudgedReports.everyMeaning());

    assertThat(matrixCell(html, invariant, lane)).startsWith("<td class=\"" + expectedClass + "\">");
  }

  @Test
  void theWorstMeaningOfALaneColoursItsCell() {
    String html = view.render(judge(
        row("Replay.resume", true, CheckStatus.FAILED, "khala", "INV-07"),
        row("Replay.other", false, CheckStatus.FAILED, "khala", "INV-07"),
        row("Replay.skipped", false, CheckStatus.SKIPPED, "khala", "INV-07"),
        row("Replay.ok", true, CheckStatus.PASSED, "khala", "INV-07"),
        notApplicable("Replay.na", "khala", "INV-07"),
        row("Ws.one", true, CheckStatus.PASSED, "ws", "INV-02"),
        row("Ws.two", true, CheckStatus.SKIPPED, "ws", "INV-02"),
        row("Ws.three", true, CheckStatus.FAILED, "ws", "INV-02"),
        row("Ws.four", true, CheckStatus.PASSED, "ws", "INV-01"),
        notApplicable("Ws.five", "ws", "INV-01")));

    // mitigated beats a failed optional check, an optional skip, passed and n/a
    assertThat(matrixCell(html, "INV-07", 0)).startsWith("<td class=\"m-mitigated\">mitigated <a");
    // a blocking failure beats a blocking skip
    assertThat(matrixCell(html, "INV-02", 1)).startsWith("<td class=\"m-block-fail\">failed (blocks) <a");
    assertThat(matrixCell(html, "INV-01", 1)).startsWith("<td class=\"m-passed\">passed <a");
  }

  @Test
  void aBlockingSkipOutranksAMitigatedFailureAndAWarning() {
    String html = view.render(judge(
        row("Replay.resume", true, CheckStatus.FAILED, "khala", "INV-07"),
        row("Replay.skipped", true, CheckStatus.SKIPPED, "khala", "INV-07"),
        row("Replay.optional", false, CheckStatus.FAILED, "khala", "INV-07")));

    assertThat(matrixCell(html, "INV-07", 0)).startsWith("<td class=\"m-block-skip\">skipped (blocks)");
  }

  @Test
  void aFailedCheckBlocksOnlyTheInvariantItsFindingsName() {
    CheckResult twoInvariants = new CheckResult("Ws.both", true, CheckStatus.FAILED, "both", "ws",
        List.of("INV-01", "INV-02"), List.of(), 1, "INV-02 violated", "", List.of(),
        List.of(new Finding("INV-02", "/ws", "accepted a command")), Map.of(), null);

    String html = view.render(judge(twoInvariants));

    assertThat(matrixCell(html, "INV-01", 0)).startsWith("<td class=\"m-passed\">passed");
    assertThat(matrixCell(html, "INV-02", 0)).startsWith("<td class=\"m-block-fail\">failed (blocks)");
    assertThat(html).contains("<span class=\"m-passed\">INV-01 passed</span>, "
        + "<span class=\"m-block-fail\">INV-02</span>");
  }

  @Test
  void inBaselineModeABlockerIsStillShownAsBlocking() {
    GateReport report = JudgedReports.judge(GateMode.BASELINE, false,
        List.of(row("Ws.noCommands", true, CheckStatus.FAILED, "ws", "INV-02")));

    assertThat(matrixCell(view.render(report), "INV-02", 0)).startsWith("<td class=\"m-block-fail\">");
  }

  @Test
  void legendExplainsEveryColourInOrderOfSeverity() {
    String html = view.render(JudgedReports.everyMeaning());

    assertThat(html).contains("<h2>Legend</h2>");
    List<String> expected = new ArrayList<>();
    for (Meaning m : Meaning.values()) {
      expected.add("<span class=\"swatch " + m.cssClass() + "\">");
      expected.add(m.legend());
    }
    assertThat(html).containsSubsequence(expected);
    assertThat(html).contains("<li><span class=\"swatch m-block-fail\">failed (blocks)</span>")
        .contains("<li><span class=\"swatch m-block-skip\">skipped (blocks)</span>")
        .contains("<li><span class=\"swatch m-warn-fail\">failed (warning)</span>")
        .contains("<li><span class=\"swatch m-skip\">skipped</span>")
        .contains("<li><span class=\"swatch m-mitigated\">mitigated</span>")
        .contains("<li><span class=\"swatch m-passed\">passed</span>")
        .contains("<li><span class=\"swatch m-na\">n/a</span>")
        .contains("<li><span class=\"swatch m-none\">—</span>no check</li>");
  }

  @Test
  void everyBlockerLinksToItsRowAndToTheEvidenceOfItsFindings() {
    String html = view.render(JudgedReports.everyMeaning());
    String blockers = html.substring(html.indexOf("<h2>Blockers</h2>"), html.indexOf("</ul>", html.indexOf("<h2>Blockers</h2>")));

    assertThat(blockers)
        .contains("<li><code>Gates.blockingFailure</code> <a href=\"#row-1\">#1</a> blocks merge: INV-01 (block-merge)")
        // the finding's evidence, not the row's
        .contains("<div>Evidence: <a href=\"evidence/Gates-blockingFailure/002-frames.txt\">ws frames</a>")
        .doesNotContain("001-routes.txt")
        .contains("<li><code>Gates.blockingSkip</code> <a href=\"#row-2\">#2</a> blocks merge: INV-02")
        .contains("<li><code>Gates.unmapped</code> <a href=\"#row-9\">#9</a> blocks merge: no invariant mapping")
        .contains("<li><code>Deploy.migrates</code> <a href=\"#row-10\">#10</a> blocks release promotion: INV-09");
    List<String> ids = all(Pattern.compile(" id=\"([^\"]+)\""), html, 1);
    assertThat(all(Pattern.compile("href=\"#([^\"]+)\""), blockers, 1)).hasSize(4).allSatisfy(t -> assertThat(ids).contains(t));
  }

  @Test
  void blockerWithoutFindingEvidenceLinksTheRowsEvidence() {
    CheckResult failed = JudgedReports.failedWithEvidence();
    CheckResult noFindingEvidence = new CheckResult(failed.checkId(), true, CheckStatus.FAILED, "", "control",
        List.of("INV-01"), 1, "boom", "", failed.evidence(), null);

    String html = view.render(judge(noFindingEvidence));

    assertThat(html).contains("<div>Evidence: <a href=\"evidence/Gates-blockingFailure/001-routes.txt\">route log</a>");
  }

  @Test
  void coverageBlockerLinksToItsInvariantsMatrixRow() {
    GateReport report = JudgedReports.judge(GateMode.GATING, true,
        List.of(row("Gates.passed", true, CheckStatus.PASSED, "control", "INV-01", "INV-02", "INV-07", "INV-09", "INV-11")));

    String html = view.render(report);

    Matcher link = Pattern.compile("<li><a href=\"#(inv-\\d+)\"><code>\\(coverage\\)</code></a> blocks merge: INV-12").matcher(html);
    assertThat(link.find()).as(html).isTrue();
    assertThat(html.lines().filter(l -> l.startsWith("<tr id=\"" + link.group(1) + "\">")).findFirst().orElseThrow())
        .contains("<span class=\"inv-id\">INV-12</span>");
    assertThat(html).containsPattern("<h2>Coverage gaps</h2>\n<ul>\n<li><a href=\"#inv-\\d+\">INV-12</a> — No GitHub workflow automation</li>");
  }

  @Test
  void pageKeepsItsBlockersWarningsRejectedMitigationsAndCoverageGapsLists() {
    GateReport report = SampleReports.full();
    String html = view.render(report);

    assertThat(html).containsSubsequence("<h2>Blockers</h2>", "<h2>Warnings</h2>", "<h2>Rejected mitigations</h2>",
        "<h2>Coverage gaps</h2>", "<h2>Invariant matrix</h2>", "<h2>Legend</h2>", "<h2>Results</h2>");
    report.decision().blockers().forEach(b -> assertThat(html).contains("<code>" + b.checkId() + "</code>"));
    assertThat(html)
        .contains("<li class=\"reason\">INV-07 failure mitigated until 2026-12-31 by @runtime-oncall (OA-RUST-143)</li>")
        .contains("<li class=\"reason\">coverage gap: INV-12 has no check</li>")
        .contains("<li class=\"reason\">invariant-mitigations.yaml: INV-02 is not mitigable (block-merge)</li>")
        .contains("<div class=\"reason\">required check skipped: gcloud not installed</div>");
  }

  @Test
  void goPageHasNoBlockersSection() {
    String html = view.render(judge(row("Gates.passed", true, CheckStatus.PASSED, "control", "INV-01")));

    assertThat(html).doesNotContain("<h2>Blockers</h2>").contains("<h2>Warnings</h2>");
  }

  @Test
  void requiredColumnSaysRequiredOrOptional() {
    String html = view.render(JudgedReports.everyMeaning());

    assertThat(all(TD, html.lines().filter(l -> l.startsWith("<tr id=\"row-1\">")).findFirst().orElseThrow(), 0).get(2))
        .isEqualTo("<td>required</td>");
    assertThat(all(TD, html.lines().filter(l -> l.startsWith("<tr id=\"row-4\">")).findFirst().orElseThrow(), 0).get(2))
        .isEqualTo("<td>optional</td>");
  }

  @Test
  void resultsTableHasAFixedLayoutWithOneColumnWidthPerHeadingAndWrappingText() {
    String html = view.render(JudgedReports.everyMeaning());
    String table = html.substring(html.indexOf("<table class=\"results\">"));

    assertThat(html).contains(".results{width:100%;table-layout:fixed}")
        .contains(".results td,.results th{overflow-wrap:anywhere}")
        .contains(".reason{white-space:pre-wrap;overflow-wrap:anywhere;");
    int cols = all(Pattern.compile("<col class="), table, 0).size();
    String head = table.substring(table.indexOf("<thead>"), table.indexOf("</thead>"));
    assertThat(cols).isEqualTo(all(Pattern.compile("<th>"), head, 0).size()).isEqualTo(10);
  }
}
