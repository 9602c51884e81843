package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A URL's authority ends where its path, query or fragment starts, or where the URL itself ends in
 * the surrounding text (a quote, an angle bracket, a backslash, whitespace): a colon and an at sign
 * after that point are not a password.
 */
class UrlAuthorityBoundsTest {

  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "path                  | https://h/a:b@c                              | https://h/a:b@c",
      "query                 | https://h?next=a:b@c                         | https://h?next=a:b@c",
      "fragment              | https://h#a:b@c                              | https://h#a:b@c",
      "double quote          | {\"u\":\"https://h\",\"v\":\"x:y@z\"}        | {\"u\":\"https://h\",\"v\":\"x:y@z\"}",
      "single quote          | {'u':'https://h','v':'x:y@z'}                | {'u':'https://h','v':'x:y@z'}",
      "angle brackets        | <https://h>ops:x@y<https://k>                | <https://h>ops:x@y<https://k>",
      "backslash             | https://h\\x:y@z                             | https://h\\x:y@z",
      "space                 | https://h x:y@z                              | https://h x:y@z",
      "password up to a stop | `\"https://u:pw1234@h\" https://k`           | `\"https://u:[REDACTED]@h\" https://k`",
  })
  void aColonAndAnAtSignAfterTheAuthorityAreNoPassword(String what, String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }
}
