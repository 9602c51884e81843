package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A password in a URL's user info is redacted, the user, host and path kept. */
class UrlPasswordRedactionTest {

  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "https                         | https://alice:pw123456@db.example/x       | https://alice:[REDACTED]@db.example/x",
      "scheme with + . - and digits  | git+ssh.v2-x://alice:pw123456@h/r        | git+ssh.v2-x://alice:[REDACTED]@h/r",
      "upper-case scheme             | JDBC://alice:pw123456@h                  | JDBC://alice:[REDACTED]@h",
      "scheme ending in z, Z, 9      | z://a:pw123456@h Z://a:pw123456@h 9://a:pw123456@h | z://a:[REDACTED]@h Z://a:[REDACTED]@h 9://a:[REDACTED]@h",
      "scheme ending in a, A, 0      | a://a:pw123456@h A://a:pw123456@h 0://a:pw123456@h | a://a:[REDACTED]@h A://a:[REDACTED]@h 0://a:[REDACTED]@h",
      "an @ in the password          | https://alice:p@ss@h/x                   | https://alice:[REDACTED]@h/x",
      "colon in the password         | https://alice:p:w@h                      | https://alice:[REDACTED]@h",
      "two URLs                      | a://u:one@h b://v:two@k                  | a://u:[REDACTED]@h b://v:[REDACTED]@k",
      "no password                   | https://alice@h/x                        | https://alice@h/x",
      "empty password                | https://alice:@h/x                       | https://alice:@h/x",
      "port, no user info            | https://h:8443/x                         | https://h:8443/x",
      "at sign after the path        | https://h:8443/x@y                       | https://h:8443/x@y",
      "no scheme                     | ://alice:pw123456@h                      | ://alice:pw123456@h",
      "not a scheme character        | x_://alice:pw123456@h x@://a:b@h x`://a:b@h x{://a:b@h x[://a:b@h x/://a:b@h x:://a:b@h | x_://alice:pw123456@h x@://a:b@h x`://a:b@h x{://a:b@h x[://a:b@h x/://a:b@h x:://a:b@h",
  })
  void passwordsInUrlsAreRedacted(String what, String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @Test
  void aUrlFarIntoALongLineIsRedacted() {
    String prefix = "x".repeat(3000) + " ";

    assertThat(redactor.redact(prefix + "https://alice:pw123456@h/x")).isEqualTo(prefix + "https://alice:[REDACTED]@h/x");
  }

  @Test
  void aLongAuthorityIsStillRedacted() {
    String user = "u".repeat(2000);

    assertThat(redactor.redact("https://" + user + ":pw123456@h")).isEqualTo("https://" + user + ":[REDACTED]@h");
  }
}
