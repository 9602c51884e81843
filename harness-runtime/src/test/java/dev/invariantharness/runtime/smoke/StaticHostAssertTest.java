package dev.invariantharness.runtime.smoke;

import static dev.invariantharness.runtime.smoke.SmokeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StaticHostAssertTest {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String MANIFEST = "no-cache, no-store, must-revalidate";
  static final String INDEX = "<!doctype html><script type=module src=\"/assets/app-3f9a2c1b.js\"></script>"
      + "<link rel=stylesheet href=\"/assets/app-7d1e0f2a.css\">";

  StubService stub;

  @BeforeEach
  void start() throws IOException {
    stub = new StubService()
        .on("/", 200, "text/html", INDEX, "Cache-Control", MANIFEST)
        .on("/manifest.json", 200, "application/json", "{\"entry\":{\"js\":\"assets/app-3f9a2c1b.js\"}}", "Cache-Control", MANIFEST)
        .on("/sw.js", 200, "text/javascript", "self.addEventListener('fetch', () => {});", "Cache-Control", "no-cache")
        .on("/assets/app-3f9a2c1b.js", 200, "text/javascript", "console.log(1)", "Cache-Control", IMMUTABLE)
        .on("/assets/app-7d1e0f2a.css", 200, "text/css", "body{}", "Cache-Control", "max-age=31536000", "Cache-Control", "immutable");
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  StaticHost host() {
    return ServiceSmoke.against(stub.baseUrl(), Duration.ofSeconds(5)).staticHost();
  }

  @Test
  void theDocumentedPolicyPasses() {
    assertThatCode(() -> assertThat(host()).servesShellUncached().servesHashedAssetsImmutable()).doesNotThrowAnyException();
  }

  @Test
  void aServiceWorkerCachedForAnHourIsAnInv08Violation() {
    stub.on("/sw.js", 200, "text/javascript", "//", "Cache-Control", "public, max-age=3600");
    assertThatThrownBy(() -> assertThat(host()).servesShellUncached())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-08 violated: 1 finding(s) — the static host serves its shell uncached")
        .hasMessageContaining("GET /sw.js: Cache-Control \"public, max-age=3600\" lets caches reuse it for 3600 s without"
            + " revalidating; expected no-cache, no-store or max-age=0");
  }

  @Test
  void aShellWithoutCacheControlIsCaught() {
    stub.on("/manifest.json", 200, "application/json", "{}");
    assertThatThrownBy(() -> assertThat(host()).servesShellUncached())
        .hasMessageContaining("GET /manifest.json: has no Cache-Control header, so caches may reuse it heuristically");
  }

  @Test
  void aMissingShellFileIsCaught() {
    stub.on("/sw.js", 404, "text/html", "gone");
    assertThatThrownBy(() -> assertThat(host()).servesShellUncached()).hasMessageContaining("GET /sw.js: expected 2xx, saw 404: gone");
  }

  @Test
  void aHashedAssetWithoutImmutableIsCaught() {
    stub.on("/assets/app-3f9a2c1b.js", 200, "text/javascript", "x", "Cache-Control", "public, max-age=31536000");
    assertThatThrownBy(() -> assertThat(host()).servesHashedAssetsImmutable())
        .hasMessageStartingWith("INV-08 violated: 1 finding(s) — the static host serves content-hashed assets immutable")
        .hasMessageContaining("GET /assets/app-3f9a2c1b.js: Cache-Control \"public, max-age=31536000\" lacks immutable");
  }

  @Test
  void aShortMaxAgeOrNoStoreOnAHashedAssetIsCaught() {
    stub.on("/assets/app-7d1e0f2a.css", 200, "text/css", "x", "Cache-Control", "immutable, max-age=86400, no-store");
    assertThatThrownBy(() -> assertThat(host()).servesHashedAssetsImmutable())
        .hasMessageContaining("INV-08 violated: 2 finding(s)")
        .hasMessageContaining("GET /assets/app-7d1e0f2a.css: Cache-Control \"immutable, max-age=86400, no-store\": max-age 86400 s is below 31536000 s")
        .hasMessageContaining("carries no-store, which defeats caching of a content-hashed file");
  }

  @Test
  void aHostWithNoHashedAssetFailsRatherThanCheckingNothing() {
    stub.on("/", 200, "text/html", "<script src=/app.js></script>").on("/manifest.json", 200, "application/json", "{}");
    assertThatThrownBy(() -> assertThat(host()).servesHashedAssetsImmutable())
        .hasMessageContaining("asset discovery: found no content-hashed asset (name-<hash>.ext) referenced from / or /manifest.json;"
            + " list them with StaticHost.withAssets(...)");
  }

  @Test
  void listedAssetsAreCheckedAsGivenAndTheMinimumIsConfigurable() {
    stub.on("/bundle.js", 200, "text/javascript", "x", "Cache-Control", "max-age=604800, immutable");
    assertThatCode(() -> assertThat(host().withAssets("/bundle.js").withMinimumImmutableMaxAge(Duration.ofDays(7)))
        .servesHashedAssetsImmutable()).doesNotThrowAnyException();
    assertThatThrownBy(() -> assertThat(host().withAssets("/bundle.js")).servesHashedAssetsImmutable())
        .hasMessageContaining("GET /bundle.js: Cache-Control \"max-age=604800, immutable\": max-age 604800 s is below 31536000 s");
  }
}
