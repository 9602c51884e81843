package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants a distinct secret in every path evidence can take and proves none reaches any file, file
 * name or evidence reference.
 */
class NoSecretLeaksTest {

  private static final Map<String, String> SECRETS = new LinkedHashMap<>();

  static {
    SECRETS.put("URL password", "UrlPw-9d1c7e");
    SECRETS.put("query token", "QueryTok-51a0f2");
    SECRETS.put("Authorization header", "AuthHdr-7b3e90c");
    SECRETS.put("Cookie header", "CookieVal-4411");
    SECRETS.put("Set-Cookie header", "SetCookie-cc8812");
    SECRETS.put("X-Api-Key header", "XApiKey-5150");
    SECRETS.put("bearer token in text", "BearerText-a1b2c3d4");
    SECRETS.put("basic credential", Base64.getEncoder().encodeToString("ops:BasicPw-777".getBytes(StandardCharsets.UTF_8)));
    SECRETS.put("JSON token field", "JsonTok-7fa0");
    SECRETS.put("JSON secret field", "JsonSec-3c3c");
    SECRETS.put("JSON password field", "JsonPw-99ab");
    SECRETS.put("escaped JSON token", "EscTok-8888");
    SECRETS.put("form password", "FormPw-1234");
    SECRETS.put("PEM key body", "MIIEpemKeyBody77xx");
    SECRETS.put("user pattern", "sk_live_Planted123");
    SECRETS.put("configured secret", "configured-literal-secret-42");
  }

  private static String s(String label) {
    return SECRETS.get(label);
  }

  private static Redactor configuredRedactor() {
    return Redactor.defaults()
        .withPattern(Pattern.compile("sk_live_[A-Za-z0-9]+"))
        .withSecret(s("configured secret"));
  }

  /** One self-contained snippet per secret, each as it would appear in a log, body or frame. */
  private static List<String> snippets() {
    return List.of(
        "db at postgres://runtime:" + s("URL password") + "@db.test:5432/rt",
        "socket wss://khala.test/sync/socket/websocket?token=" + s("query token") + "&vsn=2.0.0",
        "Authorization: Bearer " + s("Authorization header"),
        "Cookie: _session=" + s("Cookie header") + "; theme=dark",
        "Set-Cookie: sid=" + s("Set-Cookie header") + "; Path=/; HttpOnly",
        "X-Api-Key: " + s("X-Api-Key header"),
        "retried with bearer " + s("bearer token in text"),
        "proxy sent Basic " + s("basic credential"),
        "{\"scopes\":[\"sync:v1\"],\"device_id\":\"d1\",\"access_token\":\"" + s("JSON token field") + "\"}",
        "{\n  \"client_secret\": \"" + s("JSON secret field") + "\",\n  \"password\": \"" + s("JSON password field") + "\"\n}",
        "{\"detail\":\"{\\\"refresh_token\\\":\\\"" + s("escaped JSON token") + "\\\"}\"}",
        "grant_type=password&username=ops&password=" + s("form password"),
        "-----BEGIN RSA PRIVATE KEY-----\n" + s("PEM key body") + "\n-----END RSA PRIVATE KEY-----",
        "charged with " + s("user pattern"),
        "the admin credential is " + s("configured secret") + " today");
  }

  private static String everything() {
    return String.join("\n", snippets());
  }

  private static void attachEverywhere(EvidenceLog log) {
    String all = everything();
    List<String> pieces = snippets();

    log.text("text " + all, all);
    for (String piece : pieces) {
      log.text(piece, piece);
    }
    log.frames("frames " + pieces.get(1), pieces);
    log.diff("diff " + pieces.get(14), "{\"access_token\":\"old\"}\n" + all, all + "\nend");

    Map<String, List<String>> request = new LinkedHashMap<>();
    request.put("Authorization", List.of("Bearer " + s("Authorization header")));
    request.put("Cookie", List.of("_session=" + s("Cookie header")));
    request.put("X-Api-Key", List.of(s("X-Api-Key header")));
    request.put("X-Note", List.of("key " + s("configured secret") + " " + s("user pattern")));
    Map<String, List<String>> response = new LinkedHashMap<>();
    response.put("Set-Cookie", List.of("sid=" + s("Set-Cookie header") + "; Path=/"));
    response.put("Location", List.of("https://u:" + s("URL password") + "@app.test/cb?token=" + s("query token")));
    log.http(new HttpExchange(
        "POST", "https://runtime:" + s("URL password") + "@runtime.test/internal/v1/runs/" + s("configured secret")
            + "?access_token=" + s("query token"),
        request, all, 503, response, all, Duration.ofMillis(40)));
    for (String piece : pieces) {
      log.http(new HttpExchange("GET", "https://runtime.test/echo?token=" + s("query token"), null, piece, 200, null, piece, null));
    }
  }

  @Test
  void noPlantedSecretReachesAnyEvidenceFileNameOrReference(@TempDir Path staging) {
    EvidenceLog log = new EvidenceLog(staging, "Leak check " + s("configured secret") + " token=" + s("query token"),
        configuredRedactor());

    attachEverywhere(log);

    assertThat(log.list()).hasSizeGreaterThan(30);
    assertThat(LeakScanner.leaks(staging, SECRETS))
        .as("planted secrets found in evidence files (file:line: what)")
        .isEmpty();
    assertThat(log.list()).allSatisfy(ref -> SECRETS.forEach((label, secret) -> assertThat(ref.toString())
        .as("evidence reference carrying the %s", label)
        .doesNotContain(secret)));
  }

  @Test
  void everyPlantedSecretWasReallyInTheInput() {
    String all = everything();

    SECRETS.forEach((label, secret) -> assertThat(all).as(label).contains(secret));
  }

  @Test
  void withoutUserPatternAndConfiguredSecretExactlyThoseLeak(@TempDir Path staging) {
    EvidenceLog log = new EvidenceLog(staging, "Unconfigured", Redactor.defaults());

    attachEverywhere(log);

    assertThat(LeakScanner.leaks(staging, SECRETS))
        .isNotEmpty()
        .allSatisfy(leak -> assertThat(leak).containsAnyOf(": user pattern ", ": configured secret "))
        .anySatisfy(leak -> assertThat(leak).contains(": user pattern "))
        .anySatisfy(leak -> assertThat(leak).contains(": configured secret "));
  }

  @Test
  void leakScannerNamesTheFileAndLineOfAPlantedSecret(@TempDir Path staging) throws Exception {
    Path file = staging.resolve("evidence/c/001-x.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "fine\nAuthorization: Bearer " + s("Authorization header") + "\n");

    assertThat(LeakScanner.leaks(staging, SECRETS)).containsExactly(
        "evidence/c/001-x.txt:2: Authorization header in line: Authorization: Bearer " + s("Authorization header"));
  }
}
