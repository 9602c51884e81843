package dev.invariantharness.runtime;

import static dev.invariantharness.runtime.RuntimeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.runtime.parity.ParityDiff;
import dev.invariantharness.runtime.parity.ParityPolicy;
import dev.invariantharness.runtime.parity.ParityReport;
import dev.invariantharness.runtime.parity.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeAssertionsTest {

  @Test
  void oneStaticImportReachesTheParityAssertionsWithTheirInvariant() {
    List<ParityDiff> diffs = List.of(new ParityDiff(Severity.CRITICAL, "run_id",
        TextNode.valueOf("run-1"), TextNode.valueOf("run-2"), "run_id differs"));
    ParityReport blocked = ParityReport.of(Instant.EPOCH, "run-1", "run-2", diffs,
        ParityPolicy.artifactDefaults().decide(diffs, 1, 0));

    assertThat(blocked).blocks().hasCriticalDiffOn("run_id");
    assertThatThrownBy(() -> assertThat(blocked).allows())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-10 violated")
        .hasMessageContaining("run_id: critical: legacy \"run-1\", rust \"run-2\"");
  }
}
