package dev.invariantharness.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParityPolicyTest {

  private static ParityDiff diff(Severity severity, String field) {
    return new ParityDiff(severity, field, IntNode.valueOf(1), IntNode.valueOf(2), "");
  }

  @Test
  void theDefaultsAreTheWireFormats() {
    assertThat(ParityPolicy.artifactDefaults()).isEqualTo(new ParityPolicy(true, 0, 1.0));
    assertThat(ParityPolicy.trafficDefaults()).isEqualTo(new ParityPolicy(true, Integer.MAX_VALUE, 0.0));
  }

  @Test
  void everyBlockingReasonIsGivenAtOnce() {
    List<ParityDiff> diffs = List.of(diff(Severity.CRITICAL, "a"), diff(Severity.WARNING, "b"), diff(Severity.WARNING, "c"));
    ParityGate gate = new ParityPolicy(true, 1, 0.1).decide(diffs, 10, 2);
    assertThat(gate.decision()).isEqualTo(ParityDecision.BLOCK);
    assertThat(gate.reason()).isEqualTo("1 critical diff(s): a; 2 warning(s) exceed max_warnings 1; "
        + "warning rate 20.00% (2 of 10) exceeds max_warning_rate 10.00%");
  }

  @Test
  void aWarningRateAtTheThresholdAllows() {
    ParityGate gate = ParityPolicy.trafficDefaults().withMaxWarningRate(0.2).decide(List.of(diff(Severity.WARNING, "b")), 5, 1);
    assertThat(gate).isEqualTo(new ParityGate(ParityDecision.ALLOW, "no critical diffs; warning rate 20.00% within 20.00%"));
  }

  @Test
  void manyCriticalFieldsAreAbbreviatedInTheReason() {
    List<ParityDiff> diffs = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      diffs.add(diff(Severity.CRITICAL, "f" + i));
    }
    diffs.add(diff(Severity.CRITICAL, "f1"));
    assertThat(ParityPolicy.artifactDefaults().decide(diffs, 1, 0).reason())
        .isEqualTo("8 critical diff(s): f1, f2, f3, f4, f5 and 2 more");
  }

  @Test
  void impossibleThresholdsAreRejected() {
    assertThatThrownBy(() -> new ParityPolicy(true, -1, 0)).hasMessage("maxWarnings must be >= 0, was -1");
    assertThatThrownBy(() -> ParityPolicy.trafficDefaults().withMaxWarningRate(1.5)).hasMessage("maxWarningRate must be within 0..1, was 1.5");
    assertThatThrownBy(() -> ParityPolicy.trafficDefaults().withMaxWarningRate(Double.NaN)).hasMessage("maxWarningRate must be within 0..1, was NaN");
  }
}
