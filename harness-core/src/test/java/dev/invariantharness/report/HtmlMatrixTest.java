package dev.invariantharness.report;

import static dev.invariantharness.report.SampleReports.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.report.internal.HtmlMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlMatrixTest {

  private static final Pattern ATTRIBUTE_URL =
      Pattern.compile("\\b(href|src|action|srcset|poster|data)\\s*=\\s*\"([^\"]*)\"");

  private final HtmlMatrix view = new HtmlMatrix();

  private static List<String> all(Pattern pattern, String text, int group) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  /** The {@code <td>} of the matrix row starting with {@code invariantId}, lane {@code column}. */
  private static String cell(String html, String invariantId, int column) {
    String matrix = html.substring(html.indexOf("<table class=\"matrix\">"),
        html.indexOf("</table>", html.indexOf("<table class=\"matrix\">")));
    String row = matrix.lines()
        .filter(l -> l.contains("<span class=\"inv-id\">" + invariantId + "</span>"))
        .findFirst().orElseThrow();
    return all(Pattern.compile("<td[^>]*>.*?</td>"), row, 0).get(column);
  }

  @Test
  void headlineShowsTheVerdictAndWhatItBlocks() {
    String html = view.render(SampleReports.full());

    assertThat(view.fileName()).isEqualTo("index.html");
    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("<h1>NO-GO</h1>")
        .contains("<strong>Blocked: merge</strong> — NO-GO (merge blocked: 3 blocker(s))");
  }

  @Test
  void goPageSaysGoAndBlocksNothing() {
    String html = view.render(
        SampleReports.report(SampleReports.go(GateMode.GATING), SampleReports.results()));

    assertThat(html).contains("class=\"verdict v-go\"").contains("<h1>GO</h1>")
        .contains("<strong>Blocked: nothing</strong>");
  }

  @Test
  void everyReportTextIsHtmlEscaped() {
    CheckResult hostile = new CheckResult("X.<b>check</b>", true, CheckStatus.FAILED,
        "<script>alert('x')</script>", "lane\"><script>", List.of("INV-01"), 1,
        "a & b < c", "", List.of(new EvidenceRef("<img src=x>", "text",
            "evidence/x/\"onclick=\"evil.txt")), null);

    String html = view.render(SampleReports.ofRows(hostile));

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<b>check")
        .doesNotContain("<img")
        .doesNotContain("\"onclick")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("a &amp; b &lt; c")
        .contains("href=\"evidence/x/%22onclick%3D%22evil.txt\"");
  }

  @Test
  void pageLoadsNoExternalResources() {
    String html = view.render(SampleReports.full());

    assertThat(html)
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("@import")
        .doesNotContainIgnoringCase("url(")
        .doesNotContainIgnoringCase("<iframe")
        .doesNotContainIgnoringCase("<img");
    assertThat(all(ATTRIBUTE_URL, html, 1)).containsOnly("href");
  }

  @Test
  void evidenceWithAnAbsoluteOrSchemePathIsShownButNotLinked() {
    CheckResult row = new CheckResult("X.check", true, CheckStatus.PASSED, "", "control",
        List.of("INV-01"), 1, "", "", List.of(
            new EvidenceRef("cdn", "text", "https://cdn.example/x.js"),
            new EvidenceRef("abs", "text", "/etc/passwd"),
            new EvidenceRef("js", "text", "javascript:alert(1)"),
            new EvidenceRef("ok", "text", "evidence/X-check/001 log.txt")), null);

    String html = view.render(SampleReports.ofRows(row));

    assertThat(all(ATTRIBUTE_URL, html, 2)).filteredOn(h -> !h.startsWith("#"))
        .containsExactly("evidence/X-check/001%20log.txt");
    assertThat(html).contains(">cdn <small>").contains(">abs <small>");
  }

  @Test
  void everyCellLinkPointsAtAnExistingResultRow() {
    String html = view.render(SampleReports.full());

    List<String> targets = all(Pattern.compile("href=\"#([^\"]+)\""), html, 1);
    List<String> ids = all(Pattern.compile("id=\"([^\"]+)\""), html, 1);

    assertThat(targets).isNotEmpty().allSatisfy(t -> assertThat(ids).contains(t));
    assertThat(ids).filteredOn(id -> id.startsWith("row-")).containsExactly("row-1", "row-2", "row-3",
        "row-4", "row-5", "row-6", "row-7", "row-8");
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void resultRowsLinkEachEvidenceFileByRelativePath() {
    String html = view.render(SampleReports.full());

    assertThat(html)
        .contains("<a href=\"evidence/ControlGates-mutationsAreHttpOnly/001-frames.txt\">ws frames"
            + "</a>")
        .contains("<a href=\"evidence/ControlGates-mutationsAreHttpOnly/002-routes.diff\">route "
            + "diff</a>");
  }

  @Test
  void matrixHasCatalogueRowsLaneColumnsAndAnUnmappedRow() {
    String html = view.render(SampleReports.full());

    assertThat(html).contains("<thead><tr><th>Invariant</th><th>control</th><th>khala</th>"
        + "<th>runtime</th><th>surface</th></tr></thead>");
    assertThat(html).containsSubsequence("INV-01</span>", "INV-02</span>", "INV-07</span>",
        "INV-09</span>", "INV-11</span>", "INV-12</span>", "INV-03</span>",
        "(no invariant)</span>");
    assertThat(html).contains("(superseded by INV-07)");
  }

  @Test
  void cellsWithoutChecksAreBlankDashes() {
    String html = view.render(SampleReports.full());

    assertThat(cell(html, "INV-12", 0)).isEqualTo("<td class=\"m-none\">—</td>");
    assertThat(cell(html, "INV-01", 1)).isEqualTo("<td class=\"m-none\">—</td>");
  }

  @Test
  void cellLinksEveryRowOfItsInvariantInItsLane() {
    String html = view.render(SampleReports.full());

    // n/a, a failed optional check and a skipped optional check: the failure warns, nothing blocks
    assertThat(cell(html, "INV-11", 3)).isEqualTo("<td class=\"m-warn-fail\">failed (warning) "
        + "<a href=\"#row-5\">#5</a> <a href=\"#row-7\">#7</a> <a href=\"#row-8\">#8</a></td>");
    assertThat(cell(html, "(no invariant)", 1)).startsWith("<td class=\"m-block-fail\">unmapped (blocks)");
  }

}
