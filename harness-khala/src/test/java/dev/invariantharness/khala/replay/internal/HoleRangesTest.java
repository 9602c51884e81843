package dev.invariantharness.khala.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bounded hole tracking: exact below the cap, counted above it. */
class HoleRangesTest {

  @Test
  void fillingASeqInsideARangeSplitsIt() {
    HoleRanges holes = new HoleRanges();
    holes.add(3, 9, 17);

    assertThat(holes.fill(5)).isEqualTo(17);

    assertThat(holes.size()).isEqualTo(2);
    assertThat(new long[] {holes.from(0), holes.to(0), holes.from(1), holes.to(1)})
        .containsExactly(3, 4, 6, 9);
    assertThat(holes.line(1)).isEqualTo(17);
  }

  @Test
  void fillingTheEdgesShrinksAndFillingTheLastSeqRemoves() {
    HoleRanges holes = new HoleRanges();
    holes.add(3, 4, 1);
    holes.add(8, 8, 2);

    assertThat(holes.fill(3)).isEqualTo(1);
    assertThat(holes.fill(4)).isEqualTo(1);
    assertThat(holes.fill(8)).isEqualTo(2);

    assertThat(holes.isEmpty()).isTrue();
    assertThat(holes.fill(8)).isEqualTo(-1);
  }

  @Test
  void rangesBeyondTheCapAreCountedNotKept() {
    HoleRanges holes = new HoleRanges();
    for (int i = 0; i < HoleRanges.MAX_RANGES + 10; i++) {
      holes.add(10L * i, 10L * i + 4, i);
    }

    assertThat(holes.size()).isEqualTo(HoleRanges.MAX_RANGES);
    assertThat(holes.untrackedRanges()).isEqualTo(10);
    assertThat(holes.untrackedSeqs()).isEqualTo(50);
    assertThat(holes.fill(10L * (HoleRanges.MAX_RANGES + 5) + 1)).isEqualTo(-1);
  }

  @Test
  void aSplitAtTheCapKeepsTheLowerPartAndCountsTheUpper() {
    HoleRanges holes = new HoleRanges();
    for (int i = 0; i < HoleRanges.MAX_RANGES; i++) {
      holes.add(10L * i, 10L * i + 4, i);
    }

    assertThat(holes.fill(2)).isZero();

    assertThat(holes.size()).isEqualTo(HoleRanges.MAX_RANGES);
    assertThat(holes.to(0)).isEqualTo(1);
    assertThat(holes.untrackedSeqs()).isEqualTo(2);
  }
}
