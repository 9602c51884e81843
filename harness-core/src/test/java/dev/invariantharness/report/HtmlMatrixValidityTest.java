package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.report.internal.HtmlMatrix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code index.html} is valid HTML: the Nu HTML Checker finds no error in it. */
class HtmlMatrixValidityTest {

  private final HtmlMatrix view = new HtmlMatrix();

  @Test
  void noGoPageWithEveryStatusBlockersWarningsAndCoverageGapsIsValid() {
    assertThat(NuHtmlChecker.errors(view.render(SampleReports.full()))).isEmpty();
  }

  @Test
  void judgedPageWithEveryMeaningFindingsEvidenceLinksAndHostileTextIsValid() {
    // one page for all of it: each check loads the HTML schema anew, which takes seconds
    GateReport judged = JudgedReports.everyMeaning();
    List<CheckResult> rows = new ArrayList<>(judged.results());
    rows.add(new CheckResult("X.<b>check</b>", true, CheckStatus.FAILED,
        "<script>alert('x')</script>", "lane\"><script>", List.of("INV-01"), 1,
        "a & b < c </td></tr></table>", "", List.of(new EvidenceRef("<img src=x>", "text",
            "evidence/x/\"onclick=\"evil.txt")), null));
    GateReport page = new GateReport(judged.schemaVersion(), judged.runId(), judged.generatedAt(), judged.environment(),
        rows, judged.decision(), judged.catalogue(), judged.coverageGaps(), judged.mitigations());

    assertThat(NuHtmlChecker.errors(view.render(page))).isEmpty();
  }

  @Test
  void theCheckerReportsABrokenPage() {
    // the checker itself must be able to fail, or the tests above prove nothing
    assertThat(NuHtmlChecker.errors("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head>"
        + "<body><table><col></table><p id=\"a\"></p><p id=\"a\"></p></body></html>"))
        .hasSizeGreaterThanOrEqualTo(2);
  }
}
