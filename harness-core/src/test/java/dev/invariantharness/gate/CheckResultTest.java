package dev.invariantharness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A check row: its normalised fields, its copies, and the order reports list rows in. */
class CheckResultTest {

  private static CheckResult row(String lane, String checkId) {
    return new CheckResult(checkId, true, CheckStatus.PASSED, "", lane, List.of(), 0, "", "", List.of(), null);
  }

  private static int compare(String a, String b) {
    return Integer.signum(CheckResult.REPORT_ORDER.compare(row("l", a), row("l", b)));
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource({
      "drill[2],   drill[10],  -1",
      "drill[10],  drill[2],    1",
      "drill[10],  drill[11],  -1",
      "x10,        x9,          1",
      "x9,         x10,        -1",
      "a007,       a7,         -1",  // same number: the text decides, so the order is total
      "a7,         a007,        1",
      "a10b,       a10a,        1",
      "a,          a1,         -1",
      "a1,         a,           1",
      "a1,         ab,         -1",
      "x,          x,           0",
      "a/,         a0,         -1",
      "a:,         a9,          1",
      "r00,        r0,          1",
      "r0a,        r00b,       -1",
      "v2.9,       v2.10,      -1",
  })
  void checkIdsCompareWithNumbersByValue(String a, String b, int expected) {
    assertThat(compare(a, b)).isEqualTo(expected);
  }

  @Test
  void rowsSortByLaneThenCheckId() {
    List<CheckResult> rows = new ArrayList<>(List.of(row("runtime", "A.a"), row("control", "B.b[10]"),
        row("control", "B.b[9]"), row("control", "A.z")));

    rows.sort(CheckResult.REPORT_ORDER);

    assertThat(rows).extracting(CheckResult::checkId).containsExactly("A.z", "B.b[9]", "B.b[10]", "A.a");
  }

  @Test
  void missingFieldsAreNormalised() {
    CheckResult r = new CheckResult("A.a", false, CheckStatus.FAILED, null, null, null, null, 3, null, null, null, null,
        null, null);

    assertThat(r.description()).isEmpty();
    assertThat(r.lane()).isEqualTo("default");
    assertThat(r.invariants()).isEmpty();
    assertThat(r.notApplicable()).isEmpty();
    assertThat(r.reason()).isEmpty();
    assertThat(r.command()).isEmpty();
    assertThat(r.evidence()).isEmpty();
    assertThat(r.findings()).isEmpty();
    assertThat(r.outcomes()).isEmpty();
    assertThatThrownBy(() -> new CheckResult(null, true, CheckStatus.PASSED, "", "", List.of(), 0, "", "", List.of(), null))
        .hasMessage("checkId");
    assertThatThrownBy(() -> new CheckResult("A.a", true, null, "", "", List.of(), 0, "", "", List.of(), null))
        .hasMessage("status");
  }

  @Test
  void copiesChangeOnlyWhatTheySay() {
    EvidenceRef log = new EvidenceRef("log", "text", "evidence/a/001.txt");
    Mitigation m = new Mitigation("INV-07", "A.a", "@o", "OA-1", "why", null);
    CheckResult r = new CheckResult("A.a", true, CheckStatus.FAILED, "d", "l", List.of("INV-07", "INV-11"), List.of(), 7,
        "boom", "cmd", List.of(log), List.of(), Map.of(), null);

    CheckResult mitigated = r.withStatus(CheckStatus.MITIGATED, "waived", m);
    CheckResult judged = r.withOutcomes(Map.of("INV-07", CheckStatus.FAILED));
    CheckResult found = r.withFindings(List.of("INV-11"), List.of(new Finding("INV-07", "", "x")));

    assertThat(mitigated).isEqualTo(new CheckResult("A.a", true, CheckStatus.MITIGATED, "d", "l", List.of("INV-07", "INV-11"),
        List.of(), 7, "waived", "cmd", List.of(log), List.of(), Map.of(), m));
    assertThat(judged.outcomes()).containsExactly(Map.entry("INV-07", CheckStatus.FAILED));
    assertThat(judged.withOutcomes(Map.of())).isEqualTo(r);
    assertThat(found.notApplicable()).containsExactly("INV-11");
    assertThat(found.findings()).hasSize(1);
    assertThat(found.verified()).containsExactly("INV-07");
    assertThat(found.withFindings(List.of(), List.of())).isEqualTo(r);
  }
}
