package dev.invariantharness.runtime.parity;

import static dev.invariantharness.runtime.parity.ParityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.invariantharness.finding.InvariantViolation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParityReportAssertTest {

  private static final ParityDiff STATUS = new ParityDiff(Severity.CRITICAL, "summary_status",
      TextNode.valueOf("completed"), TextNode.valueOf("failed"), "summary_status differs");
  private static final ParityDiff HASH = new ParityDiff(Severity.WARNING, "replay_hash",
      TextNode.valueOf("aa"), TextNode.valueOf("bb"), "");

  private static ParityReport report(List<ParityDiff> diffs, ParityPolicy policy) {
    return ParityReport.of(Instant.EPOCH, "run-1", "run-1", diffs, policy.decide(diffs, 1, diffs.contains(HASH) ? 1 : 0));
  }

  @Test
  void allowsPassesOnAnAllowingReport() {
    assertThat(report(List.of(HASH), ParityPolicy.artifactDefaults().withMaxWarnings(1)))
        .allows().hasNoCriticalDiffs().hasAtMostWarnings(1).hasWarningDiffOn("replay_hash");
  }

  @Test
  void allowsFailsNamingInv10TheReasonAndEveryDiff() {
    ParityReport blocked = report(List.of(STATUS, HASH), ParityPolicy.artifactDefaults());
    assertThatThrownBy(() -> assertThat(blocked).allows())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-10 violated: 3 finding(s) — legacy removal and authority cutover need the shadow parity gate to allow")
        .hasMessageContaining("gate: block: 1 critical diff(s): summary_status; 1 warning(s) exceed max_warnings 0")
        .hasMessageContaining("summary_status: critical: legacy \"completed\", rust \"failed\" (summary_status differs)")
        .hasMessageContaining("replay_hash: warning: legacy \"aa\", rust \"bb\"")
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvariantViolation) e).invariant()).isEqualTo("INV-10"));
  }

  @Test
  void theInvariantCanBeRenamed() {
    ParityReport blocked = report(List.of(STATUS), ParityPolicy.artifactDefaults());
    assertThatThrownBy(() -> assertThat(blocked).forInvariant("MY-01").allows()).hasMessageStartingWith("MY-01 violated");
  }

  @Test
  void blocksFailsOnAnAllowingReportShowingTheReason() {
    assertThatThrownBy(() -> assertThat(report(List.of(), ParityPolicy.artifactDefaults())).blocks())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting the shadow parity gate to block, but it allowed: no critical diffs; 0 warning(s) within max_warnings 0");
  }

  @Test
  void hasCriticalDiffOnFailsListingTheDiffsThereAre() {
    ParityReport blocked = report(List.of(STATUS), ParityPolicy.artifactDefaults());
    assertThat(blocked).blocks().hasCriticalDiffOn("summary_status");
    assertThatThrownBy(() -> assertThat(blocked).hasCriticalDiffOn("run_id"))
        .hasMessageContaining("Expecting a critical shadow parity diff on <run_id>, but the diffs were:")
        .hasMessageContaining("critical summary_status: legacy \"completed\", rust \"failed\"");
  }

  @Test
  void hasNoCriticalDiffsAndHasAtMostWarningsFailWithTheOffendingDiffs() {
    ParityReport blocked = report(List.of(STATUS, HASH), ParityPolicy.artifactDefaults());
    assertThatThrownBy(() -> assertThat(blocked).hasNoCriticalDiffs())
        .hasMessageContaining("Expecting no critical shadow parity diffs (INV-10), but found 1:");
    assertThatThrownBy(() -> assertThat(blocked).hasAtMostWarnings(0))
        .hasMessageContaining("Expecting at most 0 shadow parity warning(s), but found 1:")
        .hasMessageContaining("warning replay_hash");
  }
}
