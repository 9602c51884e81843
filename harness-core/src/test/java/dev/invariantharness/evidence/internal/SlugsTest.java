package dev.invariantharness.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evidence file and directory names: ASCII letters, digits and underscores kept, every other run
 * of characters one dash, no dash at either end, bounded length, never a name Windows reserves.
 */
class SlugsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "ASCII bounds kept                 | azAZ09_         | 40 | azaz09_",
      "neighbours of the bounds are dashes | a`b{c@d[e/f:g | 40 | a-b-c-d-e-f-g",
      "a run of separators is one dash   | GET /runs?x=1   | 40 | get-runs-x-1",
      "no dash at the ends               | --a b--         | 40 | a-b",
      "cut at the maximum                | abcdef          | 3  | abc",
      "a dash left by the cut is dropped | ab cd           | 3  | ab",
      "nothing left gives the fallback   | ?!              | 40 | evidence",
      "non-ASCII letters are separators  | résumé          | 40 | r-sum",
  })
  void fileSlugs(String what, String name, int max, String expected) {
    assertThat(Slugs.fileSlug(name, max, "evidence")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "case kept         | ControlGates.wsOnly | ControlGates-wsOnly",
      "reserved name     | CON                 | CON-check",
      "reserved, any case | nul                | nul-check",
      "reserved device   | com1                | com1-check",
      "not reserved      | console             | console",
  })
  void directorySlugs(String what, String name, String expected) {
    assertThat(Slugs.directorySlug(name, 40, "check")).isEqualTo(expected);
  }

  @Test
  void aMissingNameGivesTheFallback() {
    assertThat(Slugs.fileSlug(null, 40, "evidence")).isEqualTo("evidence");
    assertThat(Slugs.directorySlug(null, 40, "check")).isEqualTo("check");
  }
}
