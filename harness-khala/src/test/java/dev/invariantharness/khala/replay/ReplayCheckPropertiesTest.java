package dev.invariantharness.khala.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.invariantharness.khala.replay.SimulatedSync.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The checker against {@link ReferenceReplayModel}, an independent plain model, on generated
 * histories (QuickTheories, fixed seeds, shrinking): the checker must report exactly the
 * reference's violations (line, topic, kind, in order) on every one. A failure shows the shrunk
 * history, one event per line.
 */
class ReplayCheckPropertiesTest {

  private static final long SEED = 20261201L;

  /** Kinds a frame log can show; NOT_DELIVERED comes only from live delivery windows. */
  private static final EnumSet<ViolationKind> LOG_KINDS = EnumSet.complementOf(EnumSet.of(ViolationKind.NOT_DELIVERED));

  @Test
  void checkerAgreesWithTheReferenceOnArbitraryHistories() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger clean = new AtomicInteger();
    Map<ViolationKind, Integer> withKind = new EnumMap<>(ViolationKind.class);
    qt().withFixedSeed(SEED).withExamples(2000).withShrinkCycles(500).forAll(arbitraryHistories()).checkAssert(history -> {
      List<String> verdict = history.checkerVerdict();
      assertThat(verdict).as("violations reported for%n%s", history).isEqualTo(history.referenceVerdict());
      runs.incrementAndGet();
      if (verdict.isEmpty()) {
        clean.incrementAndGet();
      }
      EnumSet<ViolationKind> kinds = EnumSet.noneOf(ViolationKind.class);
      history.check().violations().forEach(v -> kinds.add(v.kind()));
      kinds.forEach(k -> withKind.merge(k, 1, Integer::sum));
    });
    // the generator must reach every kind, and clean histories too, or the agreement proves little
    assertThat(runs.get()).isGreaterThanOrEqualTo(1500);
    assertThat(clean.get() * 100 / runs.get()).as("%% clean histories").isGreaterThanOrEqualTo(5);
    for (ViolationKind kind : LOG_KINDS) {
      assertThat(withKind.getOrDefault(kind, 0) * 100 / runs.get()).as("%% histories with %s", kind).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void correctClientsWithDuplicatesDropsReordersAndReconnectsAreClean() {
    qt().withFixedSeed(SEED).withExamples(500).forAll(policies(), faultFreeSteps()).checkAssert((policy, steps) -> {
      History history = SimulatedSync.play(policy, steps);
      assertThat(history.checkerVerdict()).as("violations reported for%n%s", history).isEmpty();
      assertThat(history.referenceVerdict()).as("reference verdict for%n%s", history).isEmpty();
    });
  }

  @Test
  void reappliedFramesAreAlwaysReportedAsDuplicates() {
    qt().withFixedSeed(SEED).withExamples(500).forAll(policies(), faultySteps()).checkAssert((policy, steps) -> {
      History history = SimulatedSync.play(policy, steps);
      int faults = SimulatedSync.faultsFired(policy, steps);
      List<String> verdict = history.checkerVerdict();
      assertThat(verdict).as("violations reported for%n%s", history).isEqualTo(history.referenceVerdict());
      assertThat(verdict.stream().filter(v -> v.endsWith(" DUPLICATE_APPLY")).count())
          .as("duplicate applies reported for%n%s", history).isEqualTo(faults);
    });
  }

  @Test
  void anyKeptLimitKeepsTheFirstViolationsAndCountsAll() {
    qt().withFixedSeed(SEED).withExamples(200).forAll(arbitraryHistories(), integers().between(0, 5)).checkAssert((history, limit) -> {
      ReplayReport all = history.check();
      ReplayReport capped = ReplayCheck.of(history.policy()).keepingAtMost(limit).check(FrameLog.of("generated", history.events()));
      assertThat(capped.violationCount()).isEqualTo(all.violationCount());
      assertThat(capped.countsByKind()).isEqualTo(all.countsByKind());
      assertThat(capped.violations()).isEqualTo(all.violations().subList(0, Math.min(limit, all.violations().size())));
    });
  }

  @Test
  void aHistoryWrittenToAFileChecksLikeTheSameHistoryInMemory() {
    qt().withFixedSeed(SEED).withExamples(200).forAll(arbitraryHistories()).checkAssert(history -> {
      try {
        Path file = Files.createTempFile("replay-history", ".jsonl");
        try {
          try (FrameLogWriter recorder = FrameLogWriter.create(file)) {
            history.events().forEach(recorder::write);
          }
          ReplayReport fromFile = ReplayCheck.of(history.policy()).keepingAtMost(Integer.MAX_VALUE).check(file);
          ReplayReport inMemory = history.check();
          assertThat(fromFile.events()).isEqualTo(inMemory.events());
          assertThat(fromFile.violations()).as("violations read from the file of%n%s", history).isEqualTo(inMemory.violations());
        } finally {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static Gen<GapPolicy> policies() {
    return arbitrary().enumValues(GapPolicy.class);
  }

  static Gen<History> arbitraryHistories() {
    Gen<String> topics = arbitrary().pick(List.of("a", "b", "c"));
    Gen<Long> seqs = longs().between(0, 8);
    Gen<ReplayEvent> frames = arbitrary().pick(List.of(EventKind.SENT, EventKind.APPLIED, EventKind.DISCARDED))
        .zip(topics, seqs, ReplayEvent::new);
    Gen<ReplayEvent> watermarks = arbitrary().pick(List.of(EventKind.RESUME, EventKind.RESET, EventKind.SNAPSHOT))
        .zip(topics, seqs, ReplayEvent::new);
    Gen<ReplayEvent> connections = arbitrary().pick(List.of(ReplayEvent.connect(), ReplayEvent.disconnect()));
    Gen<ReplayEvent> events = Generate.frequency(Pair.of(12, frames), Pair.of(3, watermarks), Pair.of(1, connections));
    return policies().zip(lists().of(events).ofSizeBetween(0, 40), History::new);
  }

  static Gen<List<Step>> faultFreeSteps() {
    return steps(arbitrary().pick(List.of(Step.Kind.PUBLISH, Step.Kind.PUBLISH, Step.Kind.PUBLISH,
        Step.Kind.DUPLICATE, Step.Kind.DROP, Step.Kind.REORDER, Step.Kind.RECONNECT)));
  }

  static Gen<List<Step>> faultySteps() {
    return steps(arbitrary().pick(List.of(Step.Kind.PUBLISH, Step.Kind.PUBLISH, Step.Kind.DUPLICATE,
        Step.Kind.DROP, Step.Kind.REORDER, Step.Kind.RECONNECT, Step.Kind.REAPPLY)));
  }

  private static Gen<List<Step>> steps(Gen<Step.Kind> kinds) {
    return lists().of(kinds.zip(arbitrary().pick(SimulatedSync.TOPICS), Step::new)).ofSizeBetween(0, 30);
  }
}
