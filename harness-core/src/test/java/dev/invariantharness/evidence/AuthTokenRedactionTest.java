package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bearer and Basic credentials are redacted anywhere in text, the scheme word kept. Any word after
 * "Bearer" is a credential; after "Basic" only a word that looks encoded, since "Basic" is also
 * English.
 */
class AuthTokenRedactionTest {

  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "any word after Bearer            | sent Bearer abc now                | sent Bearer [REDACTED] now",
      "scheme in any case               | BEARER abc bEaReR def              | BEARER [REDACTED] bEaReR [REDACTED]",
      "tab after the scheme             | `Bearer\tabc`                       | `Bearer\t[REDACTED]`",
      "several spaces after the scheme  | Bearer   abc                       | Bearer   [REDACTED]",
      "every token68 character          | Bearer a-b.c_d~e+f/g9Z==, next     | Bearer [REDACTED], next",
      "padding only ends the word       | Bearer abc== x                     | Bearer [REDACTED] x",
      "part of a longer word            | xbearer abc my-bearer abc a_bearer abc 9bearer abc | xbearer abc my-bearer abc a_bearer abc 9bearer abc",
      "after punctuation                | (Bearer abc) [bearer def]          | (Bearer [REDACTED]) [bearer [REDACTED]]",
      "nothing after the scheme         | a Bearer                           | a Bearer",
      "no word after the scheme         | a Bearer ;                         | a Bearer ;",
      "scheme without a space           | Bearer:abc                         | Bearer:abc",
      "two credentials                  | Bearer one and Bearer two          | Bearer [REDACTED] and Bearer [REDACTED]",
      "already redacted                 | Bearer [REDACTED]                  | Bearer [REDACTED]",
      "one-character tokens at the ASCII bounds | Bearer a Bearer z Bearer A Bearer Z Bearer 0 Bearer 9 | Bearer [REDACTED] Bearer [REDACTED] Bearer [REDACTED] Bearer [REDACTED] Bearer [REDACTED] Bearer [REDACTED]",
      "padding alone is no credential   | Bearer == x                        | Bearer == x",
      "a non-ASCII letter ends the token | Bearer abcé x                     | Bearer [REDACTED]é x",
      "Basic, 16 plain letters          | Basic abcdefghijklmnop             | Basic [REDACTED]",
      "Basic, 15 plain letters kept     | Basic abcdefghijklmno              | Basic abcdefghijklmno",
      "Basic, 4 characters with a digit | Basic ab1c                         | Basic [REDACTED]",
      "Basic, 3 characters with a digit | Basic ab1                          | Basic ab1",
      "Basic, capital inside            | Basic hEllo                        | Basic [REDACTED]",
      "Basic, capital first is English  | Basic Hello there                  | Basic Hello there",
      "Basic, digit first               | Basic 1abc                         | Basic [REDACTED]",
      "Basic, digit last                | Basic abc9                         | Basic [REDACTED]",
      "Basic, capital A inside          | Basic hAllo                        | Basic [REDACTED]",
      "Basic, capital Z inside          | Basic hZllo                        | Basic [REDACTED]",
      "Basic, digit 0                   | Basic ab0c                         | Basic [REDACTED]",
      "Basic, lower-case a and z only   | Basic azaz                         | Basic azaz",
      "Basic, plus                      | Basic ab+cd                        | Basic [REDACTED]",
      "Basic, slash                     | Basic ab/cd                        | Basic [REDACTED]",
      "Basic, equals                    | Basic abcd=                        | Basic [REDACTED]",
      "Basic, dot                       | Basic ab.cd                        | Basic [REDACTED]",
      "Basic, underscore                | Basic ab_cd                        | Basic [REDACTED]",
      "Basic, tilde                     | Basic ab~cd                        | Basic [REDACTED]",
      "Basic, hyphen                    | Basic ab-cd                        | Basic [REDACTED]",
      "an English Basic, then a Bearer  | Basic checks, Bearer tok123        | Basic checks, Bearer [REDACTED]",
      "English Basic right before Basic | basic Basic dXNlcjpwYXNz           | basic Basic [REDACTED]",
  })
  void credentialsAfterASchemeWordAreRedacted(String what, String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }
}
