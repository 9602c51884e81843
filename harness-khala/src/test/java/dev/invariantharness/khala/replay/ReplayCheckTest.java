package dev.invariantharness.khala.replay;

import static dev.invariantharness.khala.replay.ReplayEvent.applied;
import static dev.invariantharness.khala.replay.ReplayEvent.connect;
import static dev.invariantharness.khala.replay.ReplayEvent.discarded;
import static dev.invariantharness.khala.replay.ReplayEvent.disconnect;
import static dev.invariantharness.khala.replay.ReplayEvent.reset;
import static dev.invariantharness.khala.replay.ReplayEvent.resume;
import static dev.invariantharness.khala.replay.ReplayEvent.sent;
import static dev.invariantharness.khala.replay.ReplayEvent.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The INV-07 replay check, one behaviour per test. */
class ReplayCheckTest {

  private static ReplayReport khala(ReplayEvent... events) {
    return ReplayCheck.of(GapPolicy.KHALA).check(FrameLog.of("history", List.of(events)));
  }

  private static ReplayReport strict(ReplayEvent... events) {
    return ReplayCheck.of(GapPolicy.STRICT).check(FrameLog.of("history", List.of(events)));
  }

  private static ReplayViolation only(ReplayReport report, ViolationKind kind) {
    assertThat(report.violations()).as("violations of %s", report).hasSize(1);
    ReplayViolation violation = report.violations().get(0);
    assertThat(violation.kind()).isEqualTo(kind);
    return violation;
  }

  @Nested
  class CleanHistories {

    @Test
    void duplicateFrameIsDiscarded() {
      ReplayReport report = khala(
          sent("a", 1), applied("a", 1),
          sent("a", 1), discarded("a", 1));

      assertThat(report.isClean()).as("%s", report).isTrue();
      report.assertNoViolations();
    }

    @Test
    void framesOfDifferentTopicsInterleaveFreely() {
      ReplayReport report = strict(
          sent("b", 1), sent("a", 1), applied("a", 1),
          sent("a", 2), sent("b", 2), applied("b", 1), applied("a", 2), applied("b", 2));

      assertThat(report.violations()).isEmpty();
      assertThat(report.topics()).isEqualTo(2);
      assertThat(report.events()).isEqualTo(8);
    }

    @Test
    void gapIsAppliedUnderKhalaAndFilledByASnapshot() {
      ReplayReport report = khala(
          applied("a", 1), applied("a", 4), snapshot("a", 4), applied("a", 5));

      assertThat(report.violations()).isEmpty();
    }

    @Test
    void gapIsFilledByAResetAndReplay() {
      ReplayReport report = khala(
          connect(), sent("a", 1), applied("a", 1), sent("a", 3), applied("a", 3),
          reset("a", 1), disconnect(),
          connect(), resume("a", 1), sent("a", 2), applied("a", 2), sent("a", 3), applied("a", 3));

      assertThat(report.violations()).isEmpty();
    }

    @Test
    void strictClientThatDiscardsAGapFrameAndResyncsIsClean() {
      ReplayReport report = strict(
          connect(), sent("a", 1), applied("a", 1), sent("a", 3), discarded("a", 3), disconnect(),
          connect(), resume("a", 1), sent("a", 2), applied("a", 2), sent("a", 3), applied("a", 3));

      assertThat(report.violations()).isEmpty();
    }

    @Test
    void resetAfterAStaleCursorMovesTheWatermarkBackwards() {
      ReplayReport report = khala(
          connect(), sent("a", 1), applied("a", 1), sent("a", 2), applied("a", 2), disconnect(),
          connect(), resume("a", 2), reset("a", 0), resume("a", 0),
          sent("a", 1), applied("a", 1), sent("a", 2), applied("a", 2));

      assertThat(report.violations()).isEmpty();
    }

    @Test
    void aResumeDeclaresTheStartingWatermarkOfATopicTheLogHasNotSeen() {
      ReplayReport report = khala(resume("a", 41), sent("a", 42), applied("a", 42));

      assertThat(report.violations()).isEmpty();
    }

    @Test
    void replayEndsWithTheConnection() {
      ReplayReport report = khala(
          sent("a", 1), sent("a", 2), sent("a", 3), disconnect(),
          connect(), resume("a", 0), sent("a", 1), disconnect());

      assertThat(report.violations()).isEmpty();
    }

    @Test
    void resumeAtTheHeadHasNothingToReplay() {
      ReplayReport report = khala(
          sent("a", 1), applied("a", 1), disconnect(),
          connect(), resume("a", 1), sent("a", 2), applied("a", 2));

      assertThat(report.violations()).isEmpty();
    }

    @Test
    void liveFramesAfterTheReplayMayBeRedelivered() {
      ReplayReport report = khala(
          sent("a", 1), connect(), resume("a", 0), sent("a", 1), sent("a", 2), sent("a", 2),
          applied("a", 1), applied("a", 2), discarded("a", 2));

      assertThat(report.violations()).isEmpty();
    }

    @Test
    void aLogOfServerEventsOnlyIsNotCheckedForClientHoles() {
      ReplayReport report = khala(sent("a", 1), sent("a", 5), sent("b", 2));

      assertThat(report.violations()).isEmpty();
    }
  }

  @Nested
  class EachViolationKind {

    @Test
    void duplicateApplyIsAViolation() {
      ReplayViolation violation = only(khala(
          sent("a", 1), applied("a", 1), sent("a", 2), applied("a", 2), sent("a", 1), applied("a", 1)),
          ViolationKind.DUPLICATE_APPLY);

      assertThat(violation.line()).isEqualTo(6);
      assertThat(violation.message()).isEqualTo("applied seq 1 again: it is at or below"
          + " last_applied_seq 2 and was applied before; expected it to be discarded");
      assertThat(violation.context())
          .containsExactly("line 3: sent a#2", "line 4: applied a#2", "line 5: sent a#1");
    }

    @Test
    void applyingASeqCoveredByASnapshotIsADuplicate() {
      ReplayViolation violation = only(khala(snapshot("a", 10), applied("a", 7)),
          ViolationKind.DUPLICATE_APPLY);

      assertThat(violation.message()).isEqualTo("applied seq 7 again: it is at or below"
          + " last_applied_seq 10 and is covered by the snapshot at watermark 10 (line 1);"
          + " expected it to be discarded");
    }

    @Test
    void outOfOrderApplyIsAViolation() {
      ReplayViolation violation = only(khala(applied("a", 1), applied("a", 3), applied("a", 2)),
          ViolationKind.OUT_OF_ORDER_APPLY);

      assertThat(violation.message()).isEqualTo("applied seq 2 after seq 3: seq 2 was skipped at"
          + " line 2 and is below last_applied_seq 3; expected it to be discarded, and the gap"
          + " filled by a reset and replay or by a snapshot");
    }

    @Test
    void gapAppliedIsAViolationUnderStrict() {
      ReplayReport report = strict(applied("a", 1), applied("a", 4), snapshot("a", 4));

      ReplayViolation violation = only(report, ViolationKind.GAP_APPLIED);
      assertThat(violation.line()).isEqualTo(2);
      assertThat(violation.message()).isEqualTo("applied seq 4 with last_applied_seq 1 under the"
          + " strict gap policy: only seq 2 may apply; expected a resync (resume after 1, or a"
          + " snapshot) to fetch seqs 2..3 first");
    }

    @Test
    void gapAppliedIsNoViolationUnderKhala() {
      assertThat(khala(applied("a", 1), applied("a", 4), snapshot("a", 4)).violations()).isEmpty();
    }

    @Test
    void discardingANewFrameIsAViolationUnderKhala() {
      ReplayViolation violation = only(khala(applied("a", 1), discarded("a", 3), snapshot("a", 3)),
          ViolationKind.NEW_FRAME_DISCARDED);

      assertThat(violation.message()).isEqualTo("discarded seq 3 with last_applied_seq 1;"
          + " expected it to be applied (the khala gap policy applies every seq above"
          + " last_applied_seq)");
    }

    @Test
    void discardingTheNextFrameIsAViolationUnderStrict() {
      ReplayReport report = strict(applied("a", 1), discarded("a", 3), discarded("a", 2),
          snapshot("a", 3));

      ReplayViolation violation = only(report, ViolationKind.NEW_FRAME_DISCARDED);
      assertThat(violation.line()).isEqualTo(3);
      assertThat(violation.message()).isEqualTo("discarded seq 2 with last_applied_seq 1;"
          + " expected it to be applied (under the strict gap policy the next seq after"
          + " last_applied_seq applies)");
    }

    @Test
    void resumeThatRepeatsAFrameIsReported() {
      ReplayViolation violation = only(khala(
          sent("a", 1), applied("a", 1), sent("a", 2), applied("a", 2), disconnect(),
          connect(), resume("a", 2), sent("a", 2), discarded("a", 2)),
          ViolationKind.RESUME_REPEATED_FRAMES);

      assertThat(violation.line()).isEqualTo(8);
      assertThat(violation.context()).containsExactly("line 3: sent a#2", "line 4: applied a#2",
          "line 5: disconnect", "line 6: connect", "line 7: resume a@2");
    }

    @Test
    void resumeThatRepeatsAFrameIsReportedAsRedeliveredAtOrBelowTheWatermark() {
      ReplayViolation violation = only(khala(
          sent("a", 1), sent("a", 2), sent("a", 3), disconnect(),
          connect(), resume("a", 1), sent("a", 1), sent("a", 2), sent("a", 3)),
          ViolationKind.RESUME_REPEATED_FRAMES);

      assertThat(violation.message()).isEqualTo("after the resume at watermark 1 (line 6) the"
          + " server sent seq 1, at or below the watermark, where seq 2 was expected; a resume"
          + " redelivers exactly the frames after 1, each once, in order");
    }

    @Test
    void resumeThatSendsAFrameTwiceIsReported() {
      ReplayReport report = khala(
          sent("a", 1), sent("a", 2), sent("a", 3), disconnect(),
          connect(), resume("a", 0), sent("a", 1), sent("a", 1), sent("a", 2), sent("a", 3));

      ReplayViolation violation = only(report, ViolationKind.RESUME_REPEATED_FRAMES);
      assertThat(violation.message()).isEqualTo("after the resume at watermark 0 (line 6) the"
          + " server sent seq 1 again where seq 2 was expected; a resume redelivers exactly the"
          + " frames after 0, each once, in order");
    }

    @Test
    void resumeThatSkipsAFrameIsReported() {
      ReplayViolation violation = only(khala(
          sent("a", 1), sent("a", 2), sent("a", 3), sent("a", 4), disconnect(),
          connect(), resume("a", 1), sent("a", 4)),
          ViolationKind.RESUME_SKIPPED_FRAMES);

      assertThat(violation.message()).isEqualTo("after the resume at watermark 1 (line 7) the"
          + " server sent seq 4 where seq 2 was expected: seqs 2..3 skipped; a resume redelivers"
          + " exactly the frames after 1");
    }

    @Test
    void replayThatStopsBeforeTheHeadIsReportedAtTheEnd() {
      ReplayViolation violation = only(khala(
          sent("a", 1), sent("a", 2), sent("a", 3), disconnect(),
          connect(), resume("a", 0), sent("a", 1)),
          ViolationKind.RESUME_SKIPPED_FRAMES);

      assertThat(violation.line()).isEqualTo(7);
      assertThat(violation.message()).isEqualTo("the log ends during the replay after the resume"
          + " at watermark 0 (line 6): seqs 2..3 never redelivered, though the server had sent"
          + " up to seq 3 before the resume");
    }

    @Test
    void clientThatResumesAheadOfItsWatermarkSkipsFrames() {
      ReplayReport report = khala(applied("a", 1), resume("a", 3), snapshot("a", 3));

      ReplayViolation violation = only(report, ViolationKind.RESUME_SKIPPED_FRAMES);
      assertThat(violation.message()).isEqualTo("resumed after watermark 3 but last_applied_seq"
          + " is 1: seqs 2..3 will never be redelivered; expected to resume after 1");
    }

    @Test
    void resumeBelowTheWatermarkWithoutAResetIsAViolation() {
      ReplayViolation violation = only(khala(applied("a", 1), applied("a", 2), resume("a", 0)),
          ViolationKind.WATERMARK_BACKWARDS);

      assertThat(violation.message()).isEqualTo("resumed after watermark 0 but last_applied_seq"
          + " is 2, without a reset or snapshot: the watermark went backwards; expected to resume"
          + " after 2");
    }

    @Test
    void silentHoleAtEndIsAViolation() {
      ReplayViolation violation = only(khala(
          applied("a", 1), applied("a", 4), applied("a", 5), applied("a", 7)),
          ViolationKind.SILENT_HOLE);

      assertThat(violation.line()).isEqualTo(4);
      assertThat(violation.message()).isEqualTo("the log ends with the client missing frames:"
          + " seqs 2..3 skipped at line 2, seq 6 skipped at line 4 below last_applied_seq 7; a"
          + " gap must be filled by replay or snapshot before the client is consistent");
    }

    @Test
    void framesSentButNeverAppliedAreASilentHole() {
      ReplayViolation violation = only(khala(
          sent("a", 1), applied("a", 1), sent("a", 2), sent("a", 3)),
          ViolationKind.SILENT_HOLE);

      assertThat(violation.message()).isEqualTo("the log ends with the client missing frames:"
          + " the server sent up to seq 3 but last_applied_seq is 1: seqs 2..3 never applied; a"
          + " gap must be filled by replay or snapshot before the client is consistent");
    }

    @Test
    void holeTrackingIsBoundedPerTopicAndStillCountsEveryGap() {
      ReplayChecker checker = ReplayCheck.khala().start("two thousand gaps");
      for (long seq = 2; seq <= 4000; seq += 2) {
        checker.applied("a", seq);
      }
      checker.applied("a", 3999);

      ReplayReport report = checker.finish();

      assertThat(report.countsByKind()).containsOnlyKeys(ViolationKind.SILENT_HOLE,
          ViolationKind.DUPLICATE_APPLY);
      assertThat(report.violations().get(1).message()).startsWith("the log ends with the client"
          + " missing frames: seq 1 skipped at line 1, seq 3 skipped at line 2, seq 5 skipped at"
          + " line 3, seq 7 skipped at line 4, seq 9 skipped at line 5, and 1995 more gap(s) below"
          + " last_applied_seq 4000;");
    }

    @Test
    void aHoleFilledOutOfOrderIsNoLongerAHole() {
      ReplayReport report = khala(applied("a", 1), applied("a", 3), applied("a", 2));

      assertThat(report.countsByKind()).containsOnlyKeys(ViolationKind.OUT_OF_ORDER_APPLY);
    }
  }

  @Nested
  class Reporting {

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
      ReplayReport report = khala(
          applied("a", 1), applied("a", 1), applied("b", 1), applied("b", 1), applied("a", 1));

      assertThat(report.violations()).extracting(ReplayViolation::line).containsExactly(2L, 4L, 5L);
      assertThatThrownBy(report::assertNoViolations)
          .isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-07 violated: 3 finding(s) — client apply is idempotent by"
              + " (topic, seq) with replay/resume support (frame log history, gap policy khala)")
          .hasMessageContaining("history:2 (topic a): duplicate apply: applied seq 1 again")
          .hasMessageContaining("history:4 (topic b): duplicate apply")
          .hasMessageContaining("history:5 (topic a): duplicate apply");
    }

    @Test
    void violationsBeyondTheLimitAreCountedNotKept() {
      ReplayEvent[] events = new ReplayEvent[6];
      events[0] = applied("a", 1);
      for (int i = 1; i < events.length; i++) {
        events[i] = applied("a", 1);
      }

      ReplayReport report = ReplayCheck.khala().keepingAtMost(2).check(FrameLog.of(events));

      assertThat(report.violations()).hasSize(2);
      assertThat(report.violationCount()).isEqualTo(5);
      assertThat(report.count(ViolationKind.DUPLICATE_APPLY)).isEqualTo(5);
      assertThatThrownBy(report::assertNoViolations)
          .hasMessageStartingWith("INV-07 violated: 2 finding(s)")
          .hasMessageContaining("5 violations in total, the first 2 in detail; by kind:"
              + " duplicate apply 5");
    }

    @Test
    void contextShowsThePreviousEventsOfTheTopicAndTheConnectionsAmongThem() {
      ReplayReport report = khala(
          connect(), applied("a", 1), sent("b", 7), disconnect(), connect(),
          resume("a", 1), applied("a", 2), applied("a", 2));

      ReplayViolation violation = only(report, ViolationKind.DUPLICATE_APPLY);
      assertThat(violation.context()).containsExactly("line 2: applied a#1", "line 4: disconnect",
          "line 5: connect", "line 6: resume a@1", "line 7: applied a#2");
      assertThat(violation).hasToString("line 8, topic \"a\": duplicate apply: applied seq 2"
          + " again: it is at or below last_applied_seq 2 and was applied before; expected it to"
          + " be discarded (before it: line 2: applied a#1 | line 4: disconnect | line 5: connect"
          + " | line 6: resume a@1 | line 7: applied a#2)");
    }

    @Test
    void contextSizeIsConfigurable() {
      ReplayReport report = ReplayCheck.khala().withContext(1).check(FrameLog.of(
          applied("a", 1), applied("a", 2), applied("a", 2)));

      assertThat(report.violations().get(0).context()).containsExactly("line 2: applied a#2");
    }

    @Test
    void reportSummarisesCountsByKind() {
      ReplayReport report = strict(applied("a", 2), applied("a", 2));

      assertThat(report).hasToString("frame log history (2 events, 1 topics, gap policy strict):"
          + " 3 violation(s): duplicate apply 1, gap applied 1, silent hole at end 1");
    }

    @Test
    void findingsNameTheInvariantAndTheLocation() {
      ReplayReport report = khala(applied("a", 1), applied("a", 1));

      assertThat(report.findings()).singleElement().satisfies(finding -> {
        assertThat(finding.invariant()).isEqualTo("INV-07");
        assertThat(finding.location()).isEqualTo("history:2 (topic a)");
        assertThat(finding.message()).startsWith("duplicate apply: applied seq 1 again");
      });
    }
  }

  @Nested
  class IncrementalChecker {

    @Test
    void numbersEventsLikeLines() {
      ReplayReport report = ReplayCheck.of(GapPolicy.KHALA).start("fake client")
          .connect()
          .sent(new Frame("a", 1)).applied(new Frame("a", 1))
          .sent("a", 1).applied("a", 1)
          .finish();

      assertThat(report.source()).isEqualTo("fake client");
      assertThat(report.violations()).singleElement()
          .extracting(ReplayViolation::line).isEqualTo(5L);
    }

    @Test
    void cannotBeFedAfterItFinished() {
      ReplayChecker checker = ReplayCheck.khala().start("done");
      checker.finish();

      assertThatThrownBy(() -> checker.applied("a", 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("this replay check has already finished");
    }
  }
}
