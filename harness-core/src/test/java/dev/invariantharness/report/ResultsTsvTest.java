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
  void headerIsTheScriptsSixColumnsFollowedByLaneInvariantsDurationAndHarnessStatus() {
    String tsv = view.render(SampleReports.full());

    assertThat(view.fileName()).isEqualTo("results.tsv");
    assertThat(tsv.substring(0, tsv.indexOf('\n'))).isEqualTo("check_id\trequired\tstatus"
        + "\tdescription\tlog_path\tcommand\tlane\tinvariants\tduration_ms\tharness_status");
  }

  @Test
  void everyLineSplitsIntoTenColumnsWithOneRowPerCheckInReportOrder() {
    GateReport report = SampleReports.full();

    List<String[]> lines = parse(report);

    assertThat(lines).hasSize(report.results().size() + 1);
    assertThat(lines).allSatisfy(cols -> assertThat(cols).hasSize(10));
    assertThat(lines.subList(1, lines.size())).extracting(cols -> cols[0])
        .containsExactlyElementsOf(report.results().stream().map(CheckResult::checkId).toList());
  }

  @Test
  void rowsCarryRequiredStatusLogPathCommandLaneInvariantsAndDuration() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.get(1)).containsExactly("ControlGates.healthIsReady", "required", "passed",
        "staging control health/ready endpoints",
        "evidence/ControlGates-healthIsReady/001-get-readyz.http.txt",
        "mvn -Dtest=ControlGates#healthIsReady test", "control", "INV-01", "41", "passed");
    assertThat(lines.get(7)).containsExactly("SurfaceGates.crossSurfaceParity", "optional",
        "failed", "web/desktop cross-surface contract parity", "", "mvn -Dtest=SurfaceGates test",
        "surface", "INV-02,INV-11", "800", "failed");
  }

  @Test
  void statusColumnKeepsTheScriptsThreeWordsSoItsReadersKeepWorking() {
    List<String[]> lines = parse(SampleReports.full());

    // passed, failed, skipped, mitigated, n/a, unmapped, failed (optional), skipped (optional)
    assertThat(lines.subList(1, lines.size())).extracting(cols -> cols[2]).containsExactly(
        "passed", "failed", "skipped", "failed", "skipped", "failed", "failed", "skipped");
    assertThat(lines.subList(1, lines.size())).extracting(cols -> cols[2])
        .allMatch(s -> s.matches("passed|failed|skipped"));
  }

  @Test
  void harnessStatusColumnCarriesTheFinerStatusAfterTheExistingColumns() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.get(0)[9]).isEqualTo("harness_status");
    assertThat(lines.subList(1, lines.size())).extracting(cols -> cols[9]).containsExactly(
        "passed", "failed", "skipped", "mitigated", "n/a", "unmapped", "failed", "skipped");
  }

  @Test
  void notApplicableRowIsASkipWithItsReasonInTheCommandColumn() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.get(5)).startsWith("SurfaceGates.ios", "required", "skipped", "ios", "",
        "no iOS client in this service");
  }

  @Test
  void skippedRowHoldsItsReasonInTheCommandColumnAsTheScriptDoes() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.get(3)[5]).isEqualTo("gcloud not installed");
    assertThat(lines.get(8)[5]).isEqualTo("RUN_CROSS_SURFACE=0");
  }

  @Test
  void logPathNamesTheFirstEvidenceFileAndIsEmptyWithoutEvidence() {
    List<String[]> lines = parse(SampleReports.full());

    assertThat(lines.get(2)[4]).isEqualTo("evidence/ControlGates-mutationsAreHttpOnly/001-frames.txt");
    assertThat(lines.get(3)[4]).isEmpty();
  }

  @Test
  void logPathUsesForwardSlashesForAWindowsPath() {
    CheckResult row = new CheckResult("W.check", true, CheckStatus.PASSED, "", "lane", List.of("INV-01"), 1, "", "",
        List.of(new EvidenceRef("log", "text", "evidence\\W-check\\001.txt")), null);

    assertThat(parse(SampleReports.ofRows(row)).get(1)[4]).isEqualTo("evidence/W-check/001.txt");
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
        "two columns and lines here", "evidence/Messy check/001.txt", "cmd --a --b --c", "lane x",
        "INV-01", "5", "failed");
  }

  @Test
  void emptyReportIsJustTheHeader() {
    assertThat(view.render(SampleReports.ofRows())).isEqualTo(ResultsTsv.HEADER + "\n");
  }
}
