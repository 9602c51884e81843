package dev.invariantharness.khala.replay;

import static dev.invariantharness.khala.replay.ReplayAssertions.assertThat;
import static dev.invariantharness.khala.replay.ReplayEvent.applied;
import static dev.invariantharness.khala.replay.ReplayEvent.discarded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AssertJ-style entry point. */
class ReplayAssertTest {

  private final FrameLog gapApplied = FrameLog.of("gap applied",
      List.of(applied("a", 1), applied("a", 3), ReplayEvent.snapshot("a", 3)));

  @Test
  void passesForACleanLogAndReturnsItself() {
    ReplayAssert assertion = assertThat(FrameLog.of(applied("a", 1), discarded("a", 1)));

    assertThat(assertion.hasNoReplayViolations()).isSameAs(assertion);
  }

  @Test
  void failsWithTheInvariantViolationNamingInv07() {
    FrameLog duplicate = FrameLog.of(applied("a", 1), applied("a", 1));

    assertThatThrownBy(() -> assertThat(duplicate).hasNoReplayViolations())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-07 violated: 1 finding(s)")
        .hasMessageContaining("in-memory frame log:2 (topic a): duplicate apply");
  }

  @Test
  void gapPolicyDefaultsToKhalaAndCanBeStrict() {
    assertThat(gapApplied).hasNoReplayViolations();

    assertThatThrownBy(() -> assertThat(gapApplied).usingGapPolicy(GapPolicy.STRICT)
            .hasNoReplayViolations())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("gap policy strict")
        .hasMessageContaining("gap applied: applied seq 3 with last_applied_seq 1");
  }

  @Test
  void expectedViolationKindsCanBeAsserted() {
    assertThat(gapApplied).usingGapPolicy(GapPolicy.STRICT)
        .hasReplayViolations(ViolationKind.GAP_APPLIED)
        .hasOnlyReplayViolations(ViolationKind.GAP_APPLIED);
  }

  @Test
  void missingExpectedKindFailsWithProse() {
    assertThatThrownBy(() -> assertThat(gapApplied).hasReplayViolations(ViolationKind.GAP_APPLIED))
        .isInstanceOf(AssertionError.class)
        .hasMessage(String.format("%nExpecting frame log%n  gap applied%nchecked under the khala"
            + " gap policy to have violations of kinds%n  [GAP_APPLIED]%nbut it had none of%n"
            + "  [GAP_APPLIED]%nIt had: no violations"));
  }

  @Test
  void unexpectedKindFailsListingTheViolations() {
    FrameLog log = FrameLog.of("two kinds",
        List.of(applied("a", 1), applied("a", 1), discarded("a", 2)));

    assertThatThrownBy(() -> assertThat(log).hasOnlyReplayViolations(ViolationKind.DUPLICATE_APPLY))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but it also had%n  [NEW_FRAME_DISCARDED]".formatted())
        .hasMessageContaining("line 3, topic \"a\": new frame discarded: discarded seq 2");
  }
}
