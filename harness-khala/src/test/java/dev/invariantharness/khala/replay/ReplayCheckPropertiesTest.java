package dev.invariantharness.khala.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.khala.replay.SimulatedSync.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The checker against {@link ReferenceReplayModel}, an independent plain model, on generated
 * histories: the checker must report exactly the reference's violations (line, topic, kind, in
 * order) on every one. A failure shows the shrunk history, one event per line.
 */
class ReplayCheckPropertiesTest {

  @Property(tries = 1500, shrinking = ShrinkingMode.FULL)
  void checkerAgreesWithTheReferenceOnArbitraryHistories(@ForAll("arbitraryHistories") History history) {
    List<String> verdict = history.checkerVerdict();
    assertThat(verdict)
        .as("violations reported for%n%s", history)
        .isEqualTo(history.referenceVerdict());

    // the generator must reach every kind, and clean histories too, or the agreement proves little
    Statistics.label("clean").collect(verdict.isEmpty());
    EnumSet<ViolationKind> kinds = EnumSet.noneOf(ViolationKind.class);
    history.check().violations().forEach(v -> kinds.add(v.kind()));
    kinds.forEach(kind -> Statistics.label("histories with").collect(kind));
    Statistics.label("clean").coverage(coverage -> coverage.check(true).percentage(p -> p >= 5));
    Statistics.label("histories with").coverage(coverage -> {
      for (ViolationKind kind : ViolationKind.values()) {
        coverage.check(kind).percentage(p -> p >= 3);
      }
    });
  }

  @Property(tries = 500, shrinking = ShrinkingMode.FULL)
  void correctClientsWithDuplicatesDropsReordersAndReconnectsAreClean(
      @ForAll("policies") GapPolicy policy, @ForAll("faultFreeSteps") List<Step> steps) {
    History history = SimulatedSync.play(policy, steps);

    assertThat(history.checkerVerdict()).as("violations reported for%n%s", history).isEmpty();
    assertThat(history.referenceVerdict()).as("reference verdict for%n%s", history).isEmpty();
  }

  @Property(tries = 500, shrinking = ShrinkingMode.FULL)
  void reappliedFramesAreAlwaysReportedAsDuplicates(
      @ForAll("policies") GapPolicy policy, @ForAll("faultySteps") List<Step> steps) {
    History history = SimulatedSync.play(policy, steps);
    int faults = SimulatedSync.faultsFired(policy, steps);

    List<String> verdict = history.checkerVerdict();
    assertThat(verdict).as("violations reported for%n%s", history)
        .isEqualTo(history.referenceVerdict());
    assertThat(verdict.stream().filter(v -> v.endsWith(" DUPLICATE_APPLY")).count())
        .as("duplicate applies reported for%n%s", history)
        .isEqualTo(faults);
  }

  @Property(tries = 200)
  void anyKeptLimitKeepsTheFirstViolationsAndCountsAll(
      @ForAll("arbitraryHistories") History history, @ForAll @IntRange(max = 5) int limit) {
    ReplayReport all = history.check();
    ReplayReport capped = ReplayCheck.of(history.policy()).keepingAtMost(limit)
        .check(FrameLog.of("generated", history.events()));

    assertThat(capped.violationCount()).isEqualTo(all.violationCount());
    assertThat(capped.countsByKind()).isEqualTo(all.countsByKind());
    assertThat(capped.violations())
        .isEqualTo(all.violations().subList(0, Math.min(limit, all.violations().size())));
  }

  @Property(tries = 200)
  void aHistoryWrittenToAFileChecksLikeTheSameHistoryInMemory(
      @ForAll("arbitraryHistories") History history) throws IOException {
    Path file = Files.createTempFile("replay-history", ".jsonl");
    try {
      try (FrameLogWriter recorder = FrameLogWriter.create(file)) {
        history.events().forEach(recorder::write);
      }
      ReplayReport fromFile = ReplayCheck.of(history.policy()).keepingAtMost(Integer.MAX_VALUE)
          .check(file);
      ReplayReport inMemory = history.check();

      assertThat(fromFile.events()).isEqualTo(inMemory.events());
      assertThat(fromFile.violations())
          .as("violations read from the file of%n%s", history)
          .isEqualTo(inMemory.violations());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Provide
  Arbitrary<GapPolicy> policies() {
    return Arbitraries.of(GapPolicy.class);
  }

  @Provide
  Arbitrary<History> arbitraryHistories() {
    Arbitrary<String> topics = Arbitraries.of("a", "b", "c");
    Arbitrary<Long> seqs = Arbitraries.longs().between(0, 8);
    Arbitrary<ReplayEvent> frames = Combinators.combine(
            Arbitraries.of(EventKind.SENT, EventKind.APPLIED, EventKind.DISCARDED), topics, seqs)
        .as(ReplayEvent::new);
    Arbitrary<ReplayEvent> watermarks = Combinators.combine(
            Arbitraries.of(EventKind.RESUME, EventKind.RESET, EventKind.SNAPSHOT), topics, seqs)
        .as(ReplayEvent::new);
    Arbitrary<ReplayEvent> connections =
        Arbitraries.of(ReplayEvent.connect(), ReplayEvent.disconnect());
    Arbitrary<ReplayEvent> events = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, frames),
        net.jqwik.api.Tuple.of(3, watermarks),
        net.jqwik.api.Tuple.of(1, connections));
    return Combinators.combine(policies(), events.list().ofMaxSize(40)).as(History::new);
  }

  @Provide
  Arbitrary<List<Step>> faultFreeSteps() {
    return steps(Arbitraries.of(Step.Kind.PUBLISH, Step.Kind.PUBLISH, Step.Kind.PUBLISH,
        Step.Kind.DUPLICATE, Step.Kind.DROP, Step.Kind.REORDER, Step.Kind.RECONNECT));
  }

  @Provide
  Arbitrary<List<Step>> faultySteps() {
    return steps(Arbitraries.of(Step.Kind.PUBLISH, Step.Kind.PUBLISH, Step.Kind.DUPLICATE,
        Step.Kind.DROP, Step.Kind.REORDER, Step.Kind.RECONNECT, Step.Kind.REAPPLY));
  }

  private static Arbitrary<List<Step>> steps(Arbitrary<Step.Kind> kinds) {
    return Combinators.combine(kinds, Arbitraries.of(SimulatedSync.TOPICS))
        .as(Step::new)
        .list().ofMaxSize(30);
  }
}
