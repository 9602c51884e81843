package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The short parameter names that are secrets only as {@code name=value} ({@code key}, {@code sig},
 * {@code pwd}, {@code pass}) are found wherever they are written as a pair name, also when nothing
 * else in the text looks secret: quoted, bracketed, upper-case, with blanks before the sign, after
 * an ordinary word that contains them.
 */
class ShortSecretNamesTest {

  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain                       | key=abc                    | key=[REDACTED]",
      "upper case                  | KEY=abc                    | KEY=[REDACTED]",
      "after another parameter     | x=1&sig=abc                | x=1&sig=[REDACTED]",
      "closed by a bracket         | user[pass]=abc             | user[pass]=[REDACTED]",
      "closed by a single quote    | 'pwd'=abc                  | 'pwd'=[REDACTED]",
      "closed by a double quote    | \"key\"=abc                | \"key\"=[REDACTED]",
      "blanks before the sign      | `pwd \t =abc`              | `pwd \t =[REDACTED]`",
      "after a word containing it  | monkey=1, key=abc          | monkey=1, key=[REDACTED]",
      "after a word, same name     | passes pass=abc            | passes pass=[REDACTED]",
      "only inside words           | monkey=1 passport=2 keys=3 | monkey=1 passport=2 keys=3",
      "name at the end of the text | a key                      | a key",
  })
  void shortSecretNamesAreFoundAsPairNames(String what, String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }
}
