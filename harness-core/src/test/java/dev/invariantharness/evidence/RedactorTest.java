package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {

  private static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZXNzaW9uX2lkIjoiczEiLCJkZXZpY2VfaWQiOiJkMSJ9.Qm9ndXNTaWduYXR1cmU";

  private final Redactor redactor = Redactor.defaults();

  // --- query parameters and URLs

  @Test
  void khalaSocketTokenIsRedactedAndProtocolVersionKept() {
    String url = "wss://khala.test/sync/socket/websocket?token=" + JWT + "&vsn=2.0.0";

    assertThat(redactor.redactUri(url))
        .isEqualTo("wss://khala.test/sync/socket/websocket?token=[REDACTED]&vsn=2.0.0");
  }

  @Test
  void everySecretQueryParameterNameIsRedacted() {
    String url = "https://idp.test/cb?access_token=a1&refresh_token=r1&id_token=i1&password=p1&passwd=p2"
        + "&secret=s1&client_secret=c1&api_key=k1&apikey=k2&key=k3&signature=g1&sig=g2&X-Amz-Signature=g3"
        + "&state=keep&after_seq=42";

    assertThat(redactor.redactUri(url)).isEqualTo("https://idp.test/cb?access_token=[REDACTED]"
        + "&refresh_token=[REDACTED]&id_token=[REDACTED]&password=[REDACTED]&passwd=[REDACTED]"
        + "&secret=[REDACTED]&client_secret=[REDACTED]&api_key=[REDACTED]&apikey=[REDACTED]"
        + "&key=[REDACTED]&signature=[REDACTED]&sig=[REDACTED]&X-Amz-Signature=[REDACTED]"
        + "&state=keep&after_seq=42");
  }

  @Test
  void tokenInUrlFragmentIsRedacted() {
    assertThat(redactor.redactUri("https://app.test/#access_token=abc.def&token_type=bearer"))
        .isEqualTo("https://app.test/#access_token=[REDACTED]&token_type=[REDACTED]");
  }

  @Test
  void urlPasswordIsRedactedAndUserKept() {
    assertThat(redactor.redact("jdbc:postgresql://runtime_rw:Pa55-w0rd!@db.test:5432/runtime"))
        .isEqualTo("jdbc:postgresql://runtime_rw:[REDACTED]@db.test:5432/runtime");
    assertThat(redactor.redact("clone https://x-access-token:ghs_AbC123@github.com/o/r.git done"))
        .isEqualTo("clone https://x-access-token:[REDACTED]@github.com/o/r.git done");
  }

  @Test
  void urlPasswordWithUnencodedAtSignIsRedactedWhole() {
    assertThat(redactor.redact("amqp://svc:p@ss:w@rd@mq.test/vhost"))
        .isEqualTo("amqp://svc:[REDACTED]@mq.test/vhost");
  }

  @Test
  void urlWithoutPasswordIsUnchanged() {
    String text = "GET https://runtime.test:8443/internal/v1/khala/topics/run:1/messages?after_seq=3&limit=50 "
        + "and mailto:ops@example.test, ssh://git@host/repo";

    assertThat(redactor.redact(text)).isEqualTo(text);
  }

  // --- headers

  @Test
  void credentialHeaderValuesAreRedactedInHeaderMaps() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Authorization", List.of("Bearer " + JWT));
    headers.put("proxy-authorization", List.of("Basic dXNlcjpwYXNz"));
    headers.put("Cookie", List.of("_session=s3ss10n; theme=dark"));
    headers.put("Set-Cookie", List.of("sid=abc; Path=/; HttpOnly", "csrf=def; Path=/"));
    headers.put("X-Api-Key", List.of("ak_live_123"));
    headers.put("x-auth-token", List.of("at_456"));
    headers.put("X-Session-Token", List.of("st_789"));
    headers.put("Content-Type", List.of("application/json"));
    headers.put("Location", List.of("https://app.test/cb?code=ok&token=t0"));

    assertThat(redactor.redactHeaders(headers)).containsExactly(
        Map.entry("Authorization", List.of("Bearer [REDACTED]")),
        Map.entry("proxy-authorization", List.of("Basic [REDACTED]")),
        Map.entry("Cookie", List.of("[REDACTED]")),
        Map.entry("Set-Cookie", List.of("[REDACTED]", "[REDACTED]")),
        Map.entry("X-Api-Key", List.of("[REDACTED]")),
        Map.entry("x-auth-token", List.of("[REDACTED]")),
        Map.entry("X-Session-Token", List.of("[REDACTED]")),
        Map.entry("Content-Type", List.of("application/json")),
        Map.entry("Location", List.of("https://app.test/cb?code=ok&token=[REDACTED]")));
  }

  @Test
  void authorizationWithoutKnownSchemeIsRedactedWhole() {
    assertThat(redactor.redactHeaders(Map.of("Authorization", List.of("abc def"))))
        .containsEntry("Authorization", List.of("[REDACTED]"));
  }

  @Test
  void headerMapWithNullsIsTolerated() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put(null, List.of("HTTP/1.1 200 OK"));
    headers.put("Accept", null);
    assertThat(redactor.redactHeaders(headers)).containsExactly(Map.entry("Accept", List.of()));
    assertThat(redactor.redactHeaders(null)).isEmpty();
  }

  @Test
  void credentialHeaderLinesInFreeTextAreRedacted() {
    String log = "> POST /internal/v1/runs HTTP/1.1\r\n"
        + "> Authorization: Bearer abc\r\n"
        + "> authorization: Digest username=\"ops\", response=\"6629fae49393a05397450978507c4ef1\"\r\n"
        + "> Cookie: _session=s3ss10n; theme=dark\r\n"
        + "< Set-Cookie: sid=abc; Path=/; HttpOnly\r\n"
        + "> X-Api-Key: ak_live_123\r\n"
        + "> X-Auth-Token: at 456\r\n"
        + "> Content-Type: application/json\r\n";

    assertThat(redactor.redact(log)).isEqualTo("> POST /internal/v1/runs HTTP/1.1\r\n"
        + "> Authorization: Bearer [REDACTED]\r\n"
        + "> authorization: Digest [REDACTED]\r\n"
        + "> Cookie: [REDACTED]\r\n"
        + "< Set-Cookie: [REDACTED]\r\n"
        + "> X-Api-Key: [REDACTED]\r\n"
        + "> X-Auth-Token: [REDACTED]\r\n"
        + "> Content-Type: application/json\r\n");
  }

  @Test
  void curlHeaderArgumentKeepsTheRestOfTheCommand() {
    assertThat(redactor.redact("curl -H \"Authorization: Bearer " + JWT + "\" https://runtime.test/x"))
        .isEqualTo("curl -H \"Authorization: Bearer [REDACTED]\" https://runtime.test/x");
  }

  // --- bearer and basic anywhere

  @Test
  void bearerTokenAnywhereInTextIsRedacted() {
    assertThat(redactor.redact("retrying with bearer " + JWT + " after 401"))
        .isEqualTo("retrying with bearer [REDACTED] after 401");
    assertThat(redactor.redact("{Authorization=[Bearer abc], Accept=[*/*]}"))
        .doesNotContain("abc")
        .contains("Accept=[*/*]");
  }

  @Test
  void basicCredentialIsRedactedButTheEnglishWordIsNot() {
    assertThat(redactor.redact("sent Basic dXNlcjpwYXNzd29yZA== to the proxy"))
        .isEqualTo("sent Basic [REDACTED] to the proxy");
    assertThat(redactor.redact("Basic checks passed")).isEqualTo("Basic checks passed");
  }

  // --- JSON

  @Test
  void syncTokenResponseKeepsScopesAndDeviceButNotTheToken() {
    String body = "{\"scopes\":[\"sync:v1\",\"runs:read\"],\"device_id\":\"ios-7f3a\",\"access_token\":\""
        + JWT + "\",\"token_type\":\"Bearer\",\"expires_in\":300}";

    assertThat(redactor.redact(body)).isEqualTo("{\"scopes\":[\"sync:v1\",\"runs:read\"],\"device_id\":\"ios-7f3a\","
        + "\"access_token\":\"[REDACTED]\",\"token_type\":\"[REDACTED]\",\"expires_in\":300}");
  }

  @Test
  void runtime503BodyKeepsTheErrorCodeAndHidesEchoedCredentials() {
    String body = "{\"error\":{\"code\":\"write_path_frozen\",\"message\":\"authority writes are frozen (read_only)\"},"
        + "\"write_mode\":\"read_only\",\"debug\":{\"request_id\":\"req_81\",\"Authorization\":\"Bearer "
        + JWT + "\",\"db_password\":\"hunter22\",\"credentials\":{\"user\":\"rt\",\"pin\":1234}}}";

    String redacted = redactor.redact(body);

    assertThat(redacted).isEqualTo("{\"error\":{\"code\":\"write_path_frozen\",\"message\":\"authority writes are "
        + "frozen (read_only)\"},\"write_mode\":\"read_only\",\"debug\":{\"request_id\":\"req_81\","
        + "\"Authorization\":\"[REDACTED]\",\"db_password\":\"[REDACTED]\",\"credentials\":\"[REDACTED]\"}}");
  }

  @Test
  void prettyJsonFieldsOfEveryValueTypeAreRedactedAndStayValidJson() throws Exception {
    String body = "{\n"
        + "  \"client_secret\" : \"cs_9f8e\",\n"
        + "  \"password\": 12345,\n"
        + "  \"apiKey\": true,\n"
        + "  \"refresh_token\": null,\n"
        + "  \"private_key\": [\"-\", \"x\"],\n"
        + "  \"Session-Cookie\": \"c=1\",\n"
        + "  \"topic\": \"run:42\"\n"
        + "}\n";

    String redacted = redactor.redact(body);

    assertThat(redacted).isEqualTo("{\n"
        + "  \"client_secret\" : \"[REDACTED]\",\n"
        + "  \"password\": \"[REDACTED]\",\n"
        + "  \"apiKey\": \"[REDACTED]\",\n"
        + "  \"refresh_token\": null,\n"
        + "  \"private_key\": \"[REDACTED]\",\n"
        + "  \"Session-Cookie\": \"[REDACTED]\",\n"
        + "  \"topic\": \"run:42\"\n"
        + "}\n");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(redacted).get("topic").asText())
        .isEqualTo("run:42");
  }

  @Test
  void jsonStringWithEscapedQuotesIsRedactedWhole() {
    assertThat(redactor.redact("{\"password\":\"a\\\"b\\\\\",\"next\":1}"))
        .isEqualTo("{\"password\":\"[REDACTED]\",\"next\":1}");
  }

  @Test
  void jsonEscapedInsideAJsonStringIsRedacted() {
    String frame = "[null,\"7\",\"sync:v1\",\"sync:error\",{\"detail\":\"{\\\"access_token\\\":\\\"" + JWT
        + "\\\",\\\"device_id\\\":\\\"d1\\\"}\"}]";

    assertThat(redactor.redact(frame)).isEqualTo("[null,\"7\",\"sync:v1\",\"sync:error\",{\"detail\":"
        + "\"{\\\"access_token\\\":\\\"[REDACTED]\\\",\\\"device_id\\\":\\\"d1\\\"}\"}]");
  }

  @Test
  void unterminatedJsonStringIsRedactedToTheEndOfItsLine() {
    assertThat(redactor.redact("{\"secret\":\"abcdef\nnext line"))
        .isEqualTo("{\"secret\":\"[REDACTED]\nnext line");
  }

  @Test
  void sensitiveNamesInJsonValuesAreNotMistakenForFields() {
    String body = "{\"kind\":\"token\",\"names\":[\"password\",\"secret\"],\"note\":\"token: rotated\"}";

    assertThat(redactor.redact(body)).startsWith("{\"kind\":\"token\",\"names\":[\"password\",\"secret\"],");
  }

  // --- pairs in forms and logs

  @Test
  void formBodyAndLogPairsAreRedacted() {
    assertThat(redactor.redact("grant_type=password&username=ops&password=Tr0ub4dor%263&client_id=cli"))
        .isEqualTo("grant_type=password&username=ops&password=[REDACTED]&client_id=cli");
    assertThat(redactor.redact("2026-01-01T00:00:00Z WARN login failed user=ops password=hunter2, retrying"))
        .isEqualTo("2026-01-01T00:00:00Z WARN login failed user=ops password=[REDACTED], retrying");
    assertThat(redactor.redact("db:\n  user: runtime\n  password: 'p@ss word'\n  api_token: tk_1\n"))
        .isEqualTo("db:\n  user: runtime\n  password: '[REDACTED]'\n  api_token: [REDACTED]\n");
    assertThat(redactor.redact("{'access_token': 'abc', 'scope': 'sync'}"))
        .isEqualTo("{'access_token': '[REDACTED]', 'scope': 'sync'}");
    assertThat(redactor.redact("user[password]=x1&user[name]=ops"))
        .isEqualTo("user[password]=[REDACTED]&user[name]=ops");
  }

  @Test
  void ordinaryPairsAreKept() {
    String text = "topic=sync:v1 seq=42 after_seq=41 status: ok monkey=banana keyboard=us";

    assertThat(redactor.redact(text)).isEqualTo(text);
  }

  // --- PEM

  @Test
  void pemPrivateKeyBodyIsRedactedAndMarkersKept() {
    String pem = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\nq2Xv9Lw==\n"
        + "-----END RSA PRIVATE KEY-----\ncert follows";

    assertThat(redactor.redact(pem))
        .isEqualTo("key:\n-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----\ncert follows");
  }

  @Test
  void truncatedPemKeyIsRedactedToTheEnd() {
    assertThat(redactor.redact("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"))
        .isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED]");
  }

  @Test
  void pemKeyEscapedInJsonIsRedacted() {
    String json = "{\"pem\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADAN\\n-----END PRIVATE KEY-----\\n\"}";

    assertThat(redactor.redact(json))
        .isEqualTo("{\"pem\":\"-----BEGIN PRIVATE KEY-----[REDACTED]-----END PRIVATE KEY-----\\n\"}");
  }

  @Test
  void publicCertificateIsKept() {
    String cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

    assertThat(redactor.redact(cert)).isEqualTo(cert);
  }

  // --- user patterns and configured secrets

  @Test
  void userPatternWithoutGroupRedactsTheWholeMatch() {
    Redactor withStripe = redactor.withPattern(Pattern.compile("sk_live_[A-Za-z0-9]+"));

    assertThat(withStripe.redact("charge failed for sk_live_51HxYzAbC; retry"))
        .isEqualTo("charge failed for [REDACTED]; retry");
  }

  @Test
  void userPatternWithGroupRedactsOnlyTheGroup() {
    Redactor withTenant = redactor.withPattern("tenant-key/([0-9a-f]{8})");

    assertThat(withTenant.redact("GET /v1/tenant-key/deadbeef/info"))
        .isEqualTo("GET /v1/tenant-key/[REDACTED]/info");
  }

  @Test
  void invalidUserPatternIsRejectedNamingThePattern() {
    assertThatThrownBy(() -> redactor.withPattern("sk_live_[A-Z"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("redaction pattern /sk_live_[A-Z/")
        .hasMessageContaining("not a valid regular expression");
  }

  @Test
  void configuredSecretIsRedactedRawUrlEncodedAndJsonEscaped() {
    Redactor withSecret = redactor.withSecret("adm1n \"pass\"/+");

    String text = "raw adm1n \"pass\"/+ form adm1n+%22pass%22%2F%2B path adm1n%20%22pass%22%2F%2B json adm1n \\\"pass\\\"/+";

    assertThat(withSecret.redact(text)).isEqualTo("raw [REDACTED] form [REDACTED] path [REDACTED] json [REDACTED]");
  }

  @Test
  void blankAndVeryShortSecretsAreIgnored() {
    Redactor same = redactor.withSecret(null).withSecret("   ").withSecret("abc").withSecret("");

    assertThat(same).isSameAs(redactor);
    assertThat(same.redact("abc is a word")).isEqualTo("abc is a word");
  }

  @Test
  void redactorIsImmutable() {
    Redactor base = Redactor.defaults();
    Redactor extended = base.withSecret("s3cr3t-value").withPattern("sk_live_\\w+");

    assertThat(base.redact("s3cr3t-value sk_live_x")).isEqualTo("s3cr3t-value sk_live_x");
    assertThat(extended.redact("s3cr3t-value sk_live_x")).isEqualTo("[REDACTED] [REDACTED]");
  }

  @Test
  void toStringNeverShowsConfiguredSecrets() {
    assertThat(redactor.withSecret("s3cr3t-value").toString())
        .doesNotContain("s3cr3t")
        .contains("1 configured secret");
  }

  @Test
  void nullAndEmptyTextPassThrough() {
    assertThat(redactor.redact(null)).isNull();
    assertThat(redactor.redact("")).isEmpty();
  }

  // --- idempotence and cost

  static Stream<String> corpus() {
    return Stream.of(
        "wss://khala.test/sync/socket/websocket?token=" + JWT + "&vsn=2.0.0",
        "{\"scopes\":[\"a\"],\"device_id\":\"d\",\"access_token\":\"" + JWT + "\"}",
        "{\n  \"password\": 1,\n  \"secret\": true,\n  \"token\": null,\n  \"credentials\": {\"a\": [1, {\"b\": \"]\"}]}\n}",
        "{\"secret\":\"unterminated\n{\"token\": [1, 2",
        "Authorization: Bearer abc\nCookie: a=b\nSet-Cookie: c=d; Path=/\nauthorization: Digest u=\"x\"",
        "{Authorization=[Bearer abc], Cookie=[a=b]}",
        "https://password:abc@host/p?token=x&key=y#sig=z",
        "postgres://u:p@ss@db/x and Basic dXNlcjpwYXNz and bearer tok",
        "-----BEGIN EC PRIVATE KEY-----\nabc\n-----END EC PRIVATE KEY-----",
        "{\"detail\":\"{\\\"token\\\":\\\"x\\\",\\\"n\\\":{\\\\\\\"secret\\\\\\\":\\\\\\\"y\\\\\\\"}}\"}",
        "password: 'a b' token=\"c d\" api_key: e",
        "[REDACTED] \"token\": [REDACTED] token=[REDACTED]");
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void redactionIsIdempotent(String input) {
    Redactor configured = redactor.withPattern("sk_live_\\w+").withSecret("hunter22");
    String once = configured.redact(input);

    assertThat(configured.redact(once)).isEqualTo(once);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void oneMegabyteOfTokenFieldRepetitionsCompletesQuickly() {
    String hostile = "\"token\":".repeat(1 << 17);

    String redacted = redactor.redact(hostile);

    assertThat(redacted).doesNotContain("\"token\":\"token\"");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void hostileInputsCompleteQuickly() {
    int mb = 1 << 20;
    List<String> inputs = List.of(
        "{\"token\":\"" + "a".repeat(mb),
        "{\"token\":\"" + "\\\\".repeat(mb / 2) + "\"}",
        "{\"secret\":" + "[".repeat(mb),
        "\\\"".repeat(mb / 2),
        "a://".repeat(mb / 4),
        "x://u:" + "p".repeat(mb),
        "password=".repeat(mb / 9),
        "Bearer ".repeat(mb / 7),
        "-----BEGIN RSA PRIVATE KEY-----".repeat(mb / 31),
        "token_".repeat(mb / 6) + "=x",
        "\"".repeat(mb),
        ("\"" + "k".repeat(127)).repeat(mb / 128));

    for (String input : inputs) {
      String once = redactor.redact(input);
      assertThat(redactor.redact(once)).isEqualTo(once);
    }
  }

  @Test
  void configuredOnlyRedactsConfiguredSecretsAndPatternsButSkipsBuiltInRules() {
    Redactor configured = Redactor.defaults().withSecret("tok-9f8e7d").withPattern("sk_live_[A-Za-z0-9]+").configuredOnly();
    assertThat(configured.redact("a tok-9f8e7d b sk_live_abc123 c Authorization: Bearer keep-me"))
        .isEqualTo("a [REDACTED] b [REDACTED] c Authorization: Bearer keep-me");
    assertThat(configured.withSecret("more-secret").redact("Bearer x more-secret")).isEqualTo("Bearer x [REDACTED]");
  }

  @Test
  void preChecksNeverHideASecretBehindSeparatorsOrCase() {
    assertThat(Redactor.defaults().redact("API_KEY=abc123 Pass=hunter22 {\"Private.Key\":\"k\"} bEaReR tok123"))
        .doesNotContain("abc123").doesNotContain("hunter22").doesNotContain("\"k\"").doesNotContain("tok123");
    assertThat(Redactor.defaults().redact("3 passed, keys rotated, signed off")).isEqualTo("3 passed, keys rotated, signed off");
  }

  @Test
  void aSecretOfTheMinimumLengthIsRedactedAndASecretGivenTwiceCountsOnce() {
    Redactor twice = Redactor.defaults().withSecret("ab12").withSecret("ab12");

    assertThat(twice.redact("x ab12 y")).isEqualTo("x [REDACTED] y");
    assertThat(twice).hasToString("Redactor[1 configured secret(s), 0 user pattern(s)]");
  }
}
