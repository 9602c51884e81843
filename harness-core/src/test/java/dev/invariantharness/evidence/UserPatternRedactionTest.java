package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User patterns redact group 1 if it took part in the match, else the whole match; they never
 * rewrite a marker an earlier rule wrote and never insert one where they match nothing.
 */
class UserPatternRedactionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "group at the start of the text    | (sk_\\w+)-live        | sk_abc-live rest       | [REDACTED]-live rest",
      "group that did not take part      | sk_(x)?\\w+           | sk_abc rest            | [REDACTED] rest",
      "empty matches insert nothing      | x*                    | abc                    | abc",
      "empty group inserts nothing       | id=(\\d*);            | id=; id=42;            | id=; id=[REDACTED];",
      "a match inside the marker         | [A-Z]{3,}             | [REDACTED] ABC         | [REDACTED] [REDACTED]",
      "a match at the marker's start     | \\[RED                | [REDACTED] [RED        | [REDACTED] [REDACTED]",
      "a match at the marker's end       | TED\\]                | [REDACTED] TED]        | [REDACTED] [REDACTED]",
  })
  void userPatternsRedactWhatTheyMatch(String what, String regex, String text, String expected) {
    Redactor redactor = Redactor.defaults().withPattern(regex);
    String once = redactor.redact(text);

    assertThat(once).isEqualTo(expected);
    assertThat(redactor.redact(once)).as("idempotent").isEqualTo(once);
  }
}
