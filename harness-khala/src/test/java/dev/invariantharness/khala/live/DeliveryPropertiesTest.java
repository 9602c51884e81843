package dev.invariantharness.khala.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.invariantharness.khala.replay.ReplayViolation;
import dev.invariantharness.khala.replay.ViolationKind;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The at-least-once delivery check (the INV-07 engine fed a live capture) against a reference
 * model — a plain set difference — on generated live histories with duplicates, reorderings,
 * copies in the second wire form and holes (QuickTheories, fixed seed, shrinking).
 */
class DeliveryPropertiesTest {

  private static final long SEED = 20261202L;
  private static final Pattern MISSING = Pattern.compile("(\\d+) seq\\(s\\) never arrived");

  /**
   * One generated delivery of seqs {@code start+1 .. head}: per seq an action (0 drop, 1 twice,
   * 2 also in the other form, 3 twice in both forms, else once), then swaps that reorder it.
   */
  record LiveHistory(long start, long head, List<Integer> actions, List<Integer> swaps) {

    List<SyncEvent.Frame> frames() {
      List<SyncEvent.Frame> out = new ArrayList<>();
      for (long seq = start + 1; seq <= head; seq++) {
        int action = actions.get((int) (seq - start - 1) % actions.size());
        int copies = action == 0 ? 0 : action == 1 || action == 3 ? 2 : 1;
        for (int i = 0; i < copies; i++) {
          out.add(new SyncEvent.Frame("t", seq, null, "{}", WireForm.CHANNEL_FRAME));
          if (action == 2 || action == 3) {
            out.add(new SyncEvent.Frame("t", seq, null, "{}", WireForm.CHANNEL_UPDATE_BATCH));
          }
        }
      }
      for (int i = 0; i + 1 < swaps.size() && !out.isEmpty(); i += 2) {
        Collections.swap(out, swaps.get(i) % out.size(), swaps.get(i + 1) % out.size());
      }
      return out;
    }

    /** The reference: the seqs owed and never delivered. */
    TreeSet<Long> missing() {
      TreeSet<Long> owed = new TreeSet<>();
      for (long seq = start + 1; seq <= head; seq++) {
        owed.add(seq);
      }
      frames().forEach(f -> owed.remove(f.seq()));
      return owed;
    }

    @Override
    public String toString() {
      return "LiveHistory(start " + start + ", head " + head + ", frames " + frames().stream()
          .map(f -> f.seq() + (f.form() == WireForm.CHANNEL_UPDATE_BATCH ? "b" : "")).toList() + ")";
    }
  }

  static Gen<LiveHistory> histories(int firstAction) {
    return integers().between(0, 20).zip(integers().between(1, 40), lists().of(integers().between(firstAction, 6)).ofSizeBetween(1, 40),
        lists().of(integers().between(0, 200)).ofSizeBetween(0, 30),
        (start, length, actions, swaps) -> new LiveHistory(start, start + length, actions, swaps));
  }

  @Test
  void theDeliveryCheckAgreesWithTheReferenceModelOnGeneratedLiveHistories() {
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger withHoles = new AtomicInteger();
    qt().withFixedSeed(SEED).withExamples(2000).forAll(histories(0)).checkAssert(h -> {
      TreeSet<Long> missing = h.missing();
      DeliveryJudge.Verdict verdict = DeliveryJudge.judge("generated", h.frames(), Map.of("t", h.start()), Map.of("t", h.head()), false);
      List<ReplayViolation> violations = verdict.report().violations();
      runs.incrementAndGet();
      if (missing.isEmpty()) {
        assertThat(violations).as("violations for %s", h).isEmpty();
      } else {
        withHoles.incrementAndGet();
        assertThat(violations).as("violations for %s", h).singleElement().satisfies(v -> {
          assertThat(v.kind()).isEqualTo(ViolationKind.NOT_DELIVERED);
          Matcher m = MISSING.matcher(v.message());
          assertThat(m.find()).as(v.message()).isTrue();
          assertThat(Long.parseLong(m.group(1))).as("missing count for %s: %s", h, v.message()).isEqualTo(missing.size());
        });
      }
    });
    assertThat(runs.get()).isGreaterThanOrEqualTo(1500);
    assertThat(withHoles.get() * 100 / runs.get()).as("%% histories with a hole").isBetween(20, 95);
  }

  @Test
  void aHistoryWithoutAHoleIsNeverFlaggedHoweverDuplicatedReorderedOrDoubledInForm() {
    AtomicInteger runs = new AtomicInteger();
    qt().withFixedSeed(SEED).withExamples(2000).forAll(histories(1)).checkAssert(h -> {
      assertThat(h.missing()).isEmpty();
      DeliveryJudge.Verdict verdict = DeliveryJudge.judge("generated", h.frames(), Map.of("t", h.start()), Map.of("t", h.head()), false);
      assertThat(verdict.report().violations()).as("violations for %s", h).isEmpty();
      DeliveryJudge.Verdict resumed = DeliveryJudge.judge("generated", h.frames(), Map.of("t", h.start()), Map.of("t", h.head()), true);
      assertThat(resumed.report().violations()).as("violations after a resume for %s", h).isEmpty();
      runs.incrementAndGet();
    });
    assertThat(runs.get()).isGreaterThanOrEqualTo(1500);
  }
}
