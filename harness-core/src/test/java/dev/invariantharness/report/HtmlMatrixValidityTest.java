package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.report.internal.HtmlMatrix;
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
  void judgedPageWithFindingsAndEvidenceLinksIsValid() {
    assertThat(NuHtmlChecker.errors(view.render(JudgedReports.everyMeaning()))).isEmpty();
  }

  @Test
  void goPageAndEmptyPageAreValid() {
    assertThat(NuHtmlChecker.errors(view.render(
        SampleReports.report(SampleReports.go(GateMode.GATING), SampleReports.results())))).isEmpty();
    assertThat(NuHtmlChecker.errors(view.render(SampleReports.ofRows()))).isEmpty();
  }

  @Test
  void hostileTextStaysValid() {
    CheckResult hostile = new CheckResult("X.<b>check</b>", true, CheckStatus.FAILED,
        "<script>alert('x')</script>", "lane\"><script>", List.of("INV-01"), 1,
        "a & b < c </td></tr></table>", "", List.of(new EvidenceRef("<img src=x>", "text",
            "evidence/x/\"onclick=\"evil.txt")), null);

    assertThat(NuHtmlChecker.errors(view.render(SampleReports.ofRows(hostile)))).isEmpty();
  }

  @Test
  void theCheckerReportsABrokenPage() {
    // the checker itself must be able to fail, or the tests above prove nothing
    assertThat(NuHtmlChecker.errors("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head>"
        + "<body><table><col></table><p id=\"a\"></p><p id=\"a\"></p></body></html>"))
        .hasSizeGreaterThanOrEqualTo(2);
  }
}
