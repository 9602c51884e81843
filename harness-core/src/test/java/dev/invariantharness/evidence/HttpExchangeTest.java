package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpExchangeTest {

  private static HttpExchange frozenWrite() {
    Map<String, List<String>> request = new LinkedHashMap<>();
    request.put("Authorization", List.of("Bearer rt_admin_7f3a"));
    request.put("Content-Type", List.of("application/json"));
    return new HttpExchange(
        "POST", "https://runtime.test/internal/v1/runs?dry_run=false", request, "{\"kind\":\"run\"}",
        503, Map.of("Content-Type", List.of("application/json")),
        "{\"error\":\"write_path_frozen\"}", Duration.ofMillis(12));
  }

  @Test
  void rendersRequestThenResponseReadably() {
    assertThat(frozenWrite().render()).isEqualTo(
        "POST https://runtime.test/internal/v1/runs?dry_run=false\n"
            + "Authorization: Bearer rt_admin_7f3a\n"
            + "Content-Type: application/json\n"
            + "\n"
            + "{\"kind\":\"run\"}\n"
            + "\n"
            + "--> 503 in 12 ms\n"
            + "Content-Type: application/json\n"
            + "\n"
            + "{\"error\":\"write_path_frozen\"}\n");
  }

  @Test
  void rendersAMissingResponse() {
    HttpExchange refused = new HttpExchange("GET", "http://runtime.test/healthz", null, null, 0, null, null, Duration.ofSeconds(2));

    assertThat(refused.render()).isEqualTo("GET http://runtime.test/healthz\n\n--> no response after 2000 ms\n");
  }

  @Test
  void redactedCopyHidesCredentialsAndKeepsTheRest() {
    HttpExchange safe = frozenWrite().redacted(Redactor.defaults());

    assertThat(safe.requestHeaders()).containsEntry("Authorization", List.of("Bearer [REDACTED]"));
    assertThat(safe.render()).doesNotContain("rt_admin_7f3a").contains("write_path_frozen");
  }

  @Test
  void pathDropsQueryAndAuthority() {
    assertThat(frozenWrite().path()).isEqualTo("/internal/v1/runs");
    assertThat(new HttpExchange("GET", "wss://khala.test?token=[REDACTED]", null, null, 101, null, null, null).path())
        .isEqualTo("/");
    assertThat(new HttpExchange("GET", "/sync/socket/websocket?token=x", null, null, 403, null, null, null).path())
        .isEqualTo("/sync/socket/websocket");
  }

  @Test
  void headersAreCopiedAndNullsNormalised() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Accept", new java.util.ArrayList<>(List.of("*/*")));
    HttpExchange exchange = new HttpExchange("GET", "/", headers, null, 200, null, null, null);
    headers.put("Late", List.of("x"));

    assertThat(exchange.requestHeaders()).containsOnlyKeys("Accept");
    assertThat(exchange.requestBody()).isEmpty();
    assertThat(exchange.duration()).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> new HttpExchange("GET", "/", null, null, -1, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
  }

  @Test
  void thePathOfAUriJavaCannotParseIsCutAtItsQueryOrFragment() {
    assertThat(exchangeTo("https://h/a b?x=1#f").path()).isEqualTo("/a b");
    assertThat(exchangeTo("https://h/a b#f?x=1").path()).isEqualTo("/a b");
    assertThat(exchangeTo("://h/a b").path()).isEqualTo("/a b");
    assertThat(exchangeTo("https://h a").path()).isEqualTo("/");
    assertThat(exchangeTo("?a b").path()).isEqualTo("/");
  }

  @Test
  void thePathOfAUriWithoutOneIsTheRoot() {
    assertThat(exchangeTo("https://h").path()).isEqualTo("/");
    assertThat(exchangeTo("https://h?x=1").path()).isEqualTo("/");
  }

  @Test
  void thePathOfANetworkPathReferenceLeavesOutTheHost() {
    assertThat(exchangeTo("//h/p?x=1").path()).isEqualTo("/p");
  }

  private static HttpExchange exchangeTo(String uri) {
    return new HttpExchange("GET", uri, null, null, 200, null, null, null);
  }
}
