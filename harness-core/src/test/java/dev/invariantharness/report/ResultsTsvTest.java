package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.report.internal.ResultsTsv;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTsvTest {

  private final ResultsTsv view = new ResultsTsv();

  private List<String[]> parse(GateReport report) {
    String tsv = view.render(report);
    assertThat(tsv).endsWith("\n").doesNotContain("\r");
    return Arrays.stream(tsv.split("\n")).map(line -> line.split("\t", -1)).toList();
  }

  @Test
  void headerIsTheScriptsSixColumnsFollowedByLaneInvariantsAndDuration() {
    String tsv = view.render(SampleReports.full());

    assertThat(view.fileName()).isEqualTo("results.tsv");
    assertThat(tsv.substring(0, tsv.indexOf('\n'))).isEqualTo("check_id\trequired\tstatus"
        + "\tdescription\tlog_path\tcommand\tlane\tinvariants\tduration_ms");
  }

  @Test
  void everyLineSplitsIntoNineColumnsWithOneRowPerCheckInReportOrder() {
    GateReport report = SampleReports.full();

    List<String[]> lines = parse(report);

    assertThat(lines).hasSize(report.results().size() + 1);
    assertThat(lines).allSatisfy(cols -> assertThat(cols).hasSize(9));
    assertThat(lines.subList(1, lines.size())).extracting(cols -> cols[0])
        .containsExactlyElementsOf(report.results().stream().map(CheckResult::checkId).toList());
  }

  @Test
  void rowsCarryRequiredStatusLogPathCommandLaneInvariantsAndDuration() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.get(1)).containsExactly("ControlGates.healthIsReady", "required", "passed",
        "staging control health/ready endpoints", "evidence/ControlGates-healthIsReady",
        "mvn -Dtest=ControlGates#healthIsReady test", "control", "INV-01", "41");
    assertThat(lines.get(7)).containsExactly("SurfaceGates.crossSurfaceParity", "optional",
        "failed", "web/desktop cross-surface contract parity", "", "mvn -Dtest=SurfaceGates test",
        "surface", "INV-02,INV-11", "800");
  }

  @Test
  void everyStatusIsWrittenWithItsLabel() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.subList(1, lines.size())).extracting(cols -> cols[2]).containsExactly(
        "passed", "failed", "skipped", "mitigated", "n/a", "unmapped", "failed", "skipped");
  }

  @Test
  void skippedRowHoldsItsReasonInTheCommandColumnAsTheScriptDoes() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.get(3)[5]).isEqualTo("gcloud not installed");
    assertThat(lines.get(8)[5]).isEqualTo("RUN_CROSS_SURFACE=0");
  }

  @Test
  void logPathIsTheDirectoryOfTheFirstEvidenceFileAndEmptyWithoutEvidence() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.get(2)[4]).isEqualTo("evidence/ControlGates-mutationsAreHttpOnly");
    assertThat(lines.get(3)[4]).isEmpty();
  }

  @Test
  void tabsAndLineBreaksInsideFieldsBecomeSingleSpaces() {
    CheckResult messy = new CheckResult("Messy.check", true, CheckStatus.FAILED,
        "two\tcolumns\r\nand\rlines\nhere", "lane\tx", List.of("INV-01"), 5, "why",
        "cmd --a\t--b\n--c",
        List.of(new EvidenceRef("log", "text", "evidence/Messy\tcheck/001.txt")), null);

    List<String[]> lines = parse(SampleReports.ofRows(messy));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).containsExactly("Messy.check", "required", "failed",
        "two columns and lines here", "evidence/Messy check", "cmd --a --b --c", "lane x",
        "INV-01", "5");
  }

  @Test
  void emptyReportIsJustTheHeader() {
    assertThat(view.render(SampleReports.ofRows())).isEqualTo(ResultsTsv.HEADER + "\n");
  }
}
