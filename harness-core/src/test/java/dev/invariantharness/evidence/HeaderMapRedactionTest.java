package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Header maps: credential headers are redacted whole, Authorization keeping a known scheme word. */
class HeaderMapRedactionTest {

  private final Redactor redactor = Redactor.defaults();

  @Test
  void anEmptyCredentialValueStaysEmpty() {
    assertThat(redactor.redactHeaders(Map.of("Cookie", List.of(""))))
        .containsExactly(Map.entry("Cookie", List.of("")));
  }

  @Test
  void anAuthorizationValueIsTrimmedAndKeepsItsKnownScheme() {
    assertThat(redactor.redactHeaders(Map.of("Authorization", List.of("  Bearer abc  ", " Digest u=\"a\", r=\"b\""))))
        .containsExactly(Map.entry("Authorization", List.of("Bearer [REDACTED]", "Digest [REDACTED]")));
  }

  @Test
  void anAuthorizationSchemeWithoutCredentialIsRedactedWhole() {
    assertThat(redactor.redactHeaders(Map.of("Proxy-Authorization", List.of("Bearer", "Bearer-ish abc"))))
        .containsExactly(Map.entry("Proxy-Authorization", List.of("[REDACTED]", "[REDACTED]")));
  }

  @Test
  void otherCredentialHeadersKeepNoSchemeWord() {
    assertThat(redactor.redactHeaders(Map.of("Cookie", List.of("Bearer abc"))))
        .containsExactly(Map.entry("Cookie", List.of("[REDACTED]")));
  }

  @Test
  void namesThatAreEqualAfterRedactionAreMergedInOrder() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Debug token=abc1", List.of("one"));
    headers.put("X-Debug token=abc2", List.of("two"));
    headers.put("Accept", List.of("*/*"));

    assertThat(redactor.redactHeaders(headers)).containsExactly(
        Map.entry("X-Debug token=[REDACTED]", List.of("[REDACTED]", "[REDACTED]")),
        Map.entry("Accept", List.of("*/*")));
  }

  @Test
  void theRedactedMapsListsCannotBeChanged() {
    List<String> values = redactor.redactHeaders(Map.of("Accept", List.of("*/*"))).get("Accept");

    assertThatThrownBy(() -> values.add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
