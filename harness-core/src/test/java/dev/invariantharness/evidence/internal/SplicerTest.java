package dev.invariantharness.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** The splicer every scanner writes through refuses ranges out of order instead of garbling text. */
class SplicerTest {

  @Test
  void replacementsInIncreasingOrderAreApplied() {
    Splicer out = new Splicer("a=1 b=2 c=3");
    out.replace(2, 3, "X");
    out.replace(6, 7, "Y");

    assertThat(out.result()).isEqualTo("a=X b=Y c=3");
  }

  @Test
  void aRangeBeforeTheLastReplacementIsRefused() {
    Splicer out = new Splicer("a=1 b=2");
    out.replace(4, 7, "X");

    assertThatIllegalStateException().isThrownBy(() -> out.replace(2, 3, "Y"))
        .withMessage("overlapping replacement at 2 (copied up to 7)");
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    assertThatIllegalStateException().isThrownBy(() -> new Splicer("abc").replace(2, 1, "Y"));
  }

  @Test
  void withoutReplacementsTheTextIsReturnedAsIs() {
    assertThat(new Splicer("abc").result()).isEqualTo("abc");
  }
}
