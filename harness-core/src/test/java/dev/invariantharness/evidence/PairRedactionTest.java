package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code name=value} and {@code name: value} pairs whose name holds a secret are redacted in query
 * strings, form bodies, logs and YAML; credential header lines to the end of the line.
 */
class PairRedactionTest {

  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "value ends at &                  | token=abc&x=1                     | token=[REDACTED]&x=1",
      "value ends at ,                  | token=abc,x=1                     | token=[REDACTED],x=1",
      "value ends at ;                  | token=abc;x=1                     | token=[REDACTED];x=1",
      "value ends at a space            | token=abc x=1                     | token=[REDACTED] x=1",
      "value ends at < and >            | <a href=/cb?token=abc>x</a>       | <a href=/cb?token=[REDACTED]>x</a>",
      "value ends at a backslash        | token=abc\\n                      | token=[REDACTED]\\n",
      "double-quoted value              | password=\"a b c\" next            | password=\"[REDACTED]\" next",
      "single-quoted value              | password='a b c' next              | password='[REDACTED]' next",
      "escaped quote inside the value   | password=\"a\\\"b c\" next        | password=\"[REDACTED]\" next",
      "empty quoted value               | password=\"\" next                 | password=\"\" next",
      "quote at the end of the text     | password=\"                       | password=\"",
      "unterminated quoted value        | password='abc def                  | password='[REDACTED]",
      "null is kept                     | token=null&x=1                     | token=null&x=1",
      "null before a closing brace      | {token: null}                      | {token: null}",
      "null before a closing bracket    | [token: null]                      | [token: null]",
      "a word starting with null        | token=nullable                     | token=[REDACTED]",
      "spaces and tabs around =         | `token \t= \tabc`                  | `token \t= \t[REDACTED]`",
      "label with a colon               | password:  hunter22 ok             | password:  [REDACTED] ok",
      "signature is a secret label      | signature: abc ok                  | signature: [REDACTED] ok",
      "exact names only with =          | key=abc sig=def pwd=ghi pass=jkl   | key=[REDACTED] sig=[REDACTED] pwd=[REDACTED] pass=[REDACTED]",
      "exact names are not labels       | key: abc pass: def                 | key: abc pass: def",
      "session ids                      | jsessionid=abc sessionid=def       | jsessionid=[REDACTED] sessionid=[REDACTED]",
      "name closed by a quote           | 'password'= abc                    | 'password'= [REDACTED]",
      "quoted header name is a label    | {'Cookie': 'a=b', 'theme': 'dark'} | {'Cookie': '[REDACTED]', 'theme': 'dark'}",
      "header name with = is a pair     | Cookie=abc; theme=dark             | Cookie=[REDACTED]; theme=dark",
      "user name in a URL is no label   | ftp://password:hunter22@db.test/x  | ftp://password:[REDACTED]@db.test/x",
      "unknown Authorization scheme     | Authorization: Custom abc def      | Authorization: [REDACTED]",
      "Authorization scheme alone       | Authorization: Bearer              | Authorization: [REDACTED]",
      "token scheme keeps what follows  | Authorization: Negotiate abc def   | Authorization: Negotiate [REDACTED] def",
      "token scheme, quoted credential  | Authorization: Bearer \"abc def\"  | Authorization: Bearer [REDACTED]",
      "parameter scheme to the end      | Authorization: Hawk id=\"a\", mac=\"b\" | Authorization: Hawk [REDACTED]",
      "scheme without a space           | Authorization: Bearer,abc          | Authorization: [REDACTED]",
      "Proxy-Authorization keeps scheme | Proxy-Authorization: Token abc     | Proxy-Authorization: Token [REDACTED]",
      "empty header value               | Cookie:                            | Cookie:",
  })
  void secretPairsAreRedacted(String what, String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @Test
  void aHeaderValueEndsAtTheLineBreak() {
    assertThat(redactor.redact("Cookie: a=b; c=d\r\nAccept: */*\nX-Api-Key: k1\nnext: line"))
        .isEqualTo("Cookie: [REDACTED]\r\nAccept: */*\nX-Api-Key: [REDACTED]\nnext: line");
  }

  @Test
  void anUnterminatedQuotedValueEndsAtTheLineBreak() {
    assertThat(redactor.redact("password=\"abc\nuser=ops")).isEqualTo("password=\"[REDACTED]\nuser=ops");
    assertThat(redactor.redact("password='abc\r\nuser=ops")).isEqualTo("password='[REDACTED]\r\nuser=ops");
  }

  @Test
  void aBackslashBeforeALineBreakDoesNotEscapeIt() {
    assertThat(redactor.redact("password=\"ab\\\nuser=ops")).isEqualTo("password=\"[REDACTED]\nuser=ops");
  }

  @Test
  void aBackslashAtTheEndOfTheTextEndsTheValue() {
    assertThat(redactor.redact("password=\"ab\\")).isEqualTo("password=\"[REDACTED]");
  }
}
