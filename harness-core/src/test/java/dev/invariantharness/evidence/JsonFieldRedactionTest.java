package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Secret JSON fields are redacted wherever JSON appears, also JSON escaped inside a JSON string
 * (a request body quoted in a log line), and the text stays valid JSON.
 */
class JsonFieldRedactionTest {

  private final Redactor redactor = Redactor.defaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "string value             | {\"token\":\"abc123xyz\"}                      | {\"token\":\"[REDACTED]\"}",
      "spaces around the colon  | {\"token\" :  \"abc123xyz\" , \"name\":\"bob\"} | {\"token\" :  \"[REDACTED]\" , \"name\":\"bob\"}",
      "number becomes a string  | {\"password\": 12345678, \"n\": 1}             | {\"password\": \"[REDACTED]\", \"n\": 1}",
      "true becomes a string    | {\"token\":true}                               | {\"token\":\"[REDACTED]\"}",
      "null is kept             | {\"token\": null}                              | {\"token\": null}",
      "null in an array is kept | [{\"token\":null}]                             | [{\"token\":null}]",
      "empty string             | {\"token\":\"\"}                               | {\"token\":\"[REDACTED]\"}",
      "object replaced whole    | {\"secret\": {\"a\": \"b\", \"c\": [1, {\"d\": \"}\"}]}, \"keep\": 1} | {\"secret\": \"[REDACTED]\", \"keep\": 1}",
      "array replaced whole     | {\"apiKey\": [\"x1\", \"x2\"], \"keep\": 2}    | {\"apiKey\": \"[REDACTED]\", \"keep\": 2}",
      "bracket inside a string  | {\"secret\":{\"a\":\"]\"}, \"keep\": 4}        | {\"secret\":\"[REDACTED]\", \"keep\": 4}",
      "unclosed object          | {\"secret\": {\"a\": 1                         | {\"secret\": \"[REDACTED]\"",
      "unclosed array           | {\"secret\":[1,2,3                             | {\"secret\":\"[REDACTED]\"",
      "escaped quotes in value  | {\"token\":\"a\\\"b\\\"c\", \"keep\": 3}       | {\"token\":\"[REDACTED]\", \"keep\": 3}",
      "unterminated string      | {\"token\":\"unterminated                      | {\"token\":\"[REDACTED]",
      "already redacted         | {\"token\":\"[REDACTED]\"}                     | {\"token\":\"[REDACTED]\"}",
      "other fields kept        | {\"name\":\"abc123xyz\"}                       | {\"name\":\"abc123xyz\"}",
      "no value yet             | {\"token\":                                    | {\"token\":",
      "a name is not a field    | \"token\" is not a field                       | \"token\" is not a field",
      "escaped JSON, level 1    | {\"body\":\"{\\\"token\\\":\\\"lvl1secret\\\",\\\"k\\\":1}\"} | {\"body\":\"{\\\"token\\\":\\\"[REDACTED]\\\",\\\"k\\\":1}\"}",
      "escaped newline at level 1 | {\"body\":\"{\\\"token\\\":\\\\n \\\"lvl1secret\\\"}\"} | {\"body\":\"{\\\"token\\\":\\\\n \\\"[REDACTED]\\\"}\"}",
      "escaped tab at level 1   | {\"body\":\"{\\\"token\\\":\\t\\\"lvl1secret\\\"}\"} | {\"body\":\"{\\\"token\\\":\\t\\\"[REDACTED]\\\"}\"}",
      "escaped CR at level 1    | {\"body\":\"{\\\"token\\\":\\r\\\"lvl1secret\\\"}\"} | {\"body\":\"{\\\"token\\\":\\r\\\"[REDACTED]\\\"}\"}",
      "escaped backslash last   | {\"token\":\"ab\\\\\", \"keep\": 1}          | {\"token\":\"[REDACTED]\", \"keep\": 1}",
      "backslash ends the text  | {\"token\":\"ab\\                              | {\"token\":\"[REDACTED]",
      "bare value before space  | {\"token\":123 }                               | {\"token\":\"[REDACTED]\" }",
      "raw quote ends an escaped string | {\"body\":\"{\\\"token\\\":\\\"abc\"}   | {\"body\":\"{\\\"token\\\":\\\"[REDACTED]\"}",
      "raw quote ends an escaped object | {\"b\":\"{\\\"secret\\\":{\\\"a\\\":1\"} | {\"b\":\"{\\\"secret\\\":\\\"[REDACTED]\\\"\"}",
      "strings in an array are no fields | [\"token\", \"abc\"]                  | [\"token\", \"abc\"]",
      "escaped JSON, level 2    | {\"outer\":\"{\\\"body\\\":\\\"{\\\\\\\"token\\\\\\\":\\\\\\\"lvl2secret\\\\\\\"}\\\"}\"} | {\"outer\":\"{\\\"body\\\":\\\"{\\\\\\\"token\\\\\\\":\\\\\\\"[REDACTED]\\\\\\\"}\\\"}\"}",
  })
  void secretFieldsAreRedacted(String what, String json, String expected) {
    assertThat(redactor.redact(json)).isEqualTo(expected);
  }

  @Test
  void tabsAndLineBreaksBetweenNameAndValueAreSkipped() {
    assertThat(redactor.redact("{\"token\":\t\r\n \"abc\"}")).isEqualTo("{\"token\":\t\r\n \"[REDACTED]\"}");
    assertThat(redactor.redact("{\"token\"\t:\n123\n}")).isEqualTo("{\"token\"\t:\n\"[REDACTED]\"\n}");
  }

  @Test
  void aFieldNameOfUpTo128CharactersIsRead() {
    String name128 = "access_token_" + "x".repeat(115);

    assertThat(redactor.redact("{\"" + name128 + "\": 12345}")).isEqualTo("{\"" + name128 + "\": \"[REDACTED]\"}");
  }

  @Test
  void jsonEscapedFiveLevelsDeepIsRedacted() {
    String doc = "{\"token\":\"deep-secret\"}";
    for (int level = 1; level <= 5; level++) {
      doc = "{\"l" + level + "\":\"" + jsonEscaped(doc) + "\"}";
    }

    String redacted = redactor.redact(doc);

    assertThat(redacted).doesNotContain("deep-secret").contains("[REDACTED]");
    assertThat(redacted.replace("[REDACTED]", "deep-secret")).isEqualTo(doc);
  }

  private static String jsonEscaped(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
