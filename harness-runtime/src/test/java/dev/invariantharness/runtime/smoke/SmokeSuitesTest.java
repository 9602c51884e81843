package dev.invariantharness.runtime.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.runtime.smoke.samples.ConfiguredControlSmoke;
import dev.invariantharness.runtime.smoke.samples.ConfiguredRuntimeSmoke;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ready-made suites, configured only through harness configuration, as a team runs them. */
@Timeout(60)
class SmokeSuitesTest {

  static final String TOKEN = "suite-access-9b3f0c2a77";

  @TempDir Path reports;
  StubService control;
  StubService runtime;

  @BeforeEach
  void start() throws IOException {
    control = new StubService().healthy()
        .on("/", 200, "text/html", "<script src=\"/assets/app-3f9a2c1b.js\"></script>", "Cache-Control", "no-cache")
        .on("/manifest.json", 200, "application/json", "{}", "Cache-Control", "no-store")
        .on("/sw.js", 200, "text/javascript", "//", "Cache-Control", "max-age=0, must-revalidate")
        .on("/assets/app-3f9a2c1b.js", 200, "text/javascript", "//", "Cache-Control", "public, max-age=31536000, immutable")
        .on("/api/auth/session", 200, "application/json", "{\"data\":{\"user\":{\"id\":\"u\"}}}")
        .on("/api/sync/token", 200, "application/json", "{\"token\":\"minted-7f3a9c1e5b\",\"token_type\":\"Bearer\"}");
    runtime = new StubService()
        .on("/healthz", 200, "application/json", "{\"status\":\"ok\",\"authority_write_mode\":\"rust_active\",\"authority_writer_active\":true}")
        .on("/readyz", 200, "application/json", "{\"status\":\"ready\",\"authority_ready\":true}")
        .on("/internal/v1/runs/invariant-harness-smoke-probe", 404, "application/json", "{\"error\":\"not_found\"}");
  }

  @AfterEach
  void stop() {
    control.close();
    runtime.close();
  }

  GateRun configured() {
    return GateRun.into(reports)
        .with("invariant.harness.environment", "staging")
        .with("invariant.harness.target.control.staging.base-url", control.baseUrl().toString())
        .with("invariant.harness.target.runtime.staging.base-url", runtime.baseUrl().toString())
        .with("invariant.harness.target.control.staging.access-token", TOKEN);
  }

  @Test
  void configuredSuitesPassAgainstCorrectServices() {
    Outcome out = configured().run(ConfiguredControlSmoke.class, ConfiguredRuntimeSmoke.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(out.report().results()).hasSize(6).allSatisfy(r -> assertThat(r.status()).as(r.checkId()).isEqualTo(CheckStatus.PASSED));
    assertThat(out.report().results()).extracting(CheckResult::lane).containsOnly("control", "runtime");
  }

  @Test
  void aRuntimeInAnotherWriteModeThanTheEnvironmentExpectsIsNoGoOnInv05() {
    Outcome out = configured().with(RuntimeSmokeSuite.EXPECTED_WRITE_MODE, "shadow_only, read_only").run(ConfiguredRuntimeSmoke.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(row(out, "ConfiguredRuntimeSmoke.healthReportsAuthorityWriteMode").reason())
        .startsWith("INV-05 violated")
        .contains("GET /healthz: reports authority_write_mode rust_active; this environment expects read_only or shadow_only");
  }

  @Test
  void aMisspelledExpectedWriteModeIsAConfigurationErrorNamingTheKey() {
    Outcome out = configured().with(RuntimeSmokeSuite.EXPECTED_WRITE_MODE, "rust_actve").run(ConfiguredRuntimeSmoke.class);
    assertThat(row(out, "ConfiguredRuntimeSmoke.healthReportsAuthorityWriteMode").reason())
        .contains("configuration key 'invariant.harness.target.runtime.write-mode'")
        .contains("'rust_actve' is not a write mode; use rust_active, shadow_only or read_only");
  }

  @Test
  void withoutATokenTheAuthRowIsSkippedOptionalWithTheScriptsReason() {
    Outcome out = GateRun.into(reports)
        .with("invariant.harness.environment", "staging")
        .with("invariant.harness.target.control.staging.base-url", control.baseUrl().toString())
        .run(ConfiguredControlSmoke.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    CheckResult auth = row(out, "ConfiguredControlSmoke.sessionAndSyncTokenWork");
    assertThat(auth.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(auth.required()).isFalse();
    assertThat(auth.reason()).isEqualTo("STAGING_CONTROL_ACCESS_TOKEN not set");
    assertThat(out.file("results.tsv")).contains("ConfiguredControlSmoke.sessionAndSyncTokenWork\toptional\tskipped\t");
  }

  @Test
  void aHungRuntimeFailsWithinTheConfiguredHttpTimeout() {
    CountDownLatch release = new CountDownLatch(1);
    runtime.on("/readyz", ex -> {
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long start = System.nanoTime();
    Outcome out;
    try {
      out = configured().with("invariant.harness.timeout.http", "300ms").run(ConfiguredRuntimeSmoke.class);
    } finally {
      release.countDown();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(row(out, "ConfiguredRuntimeSmoke.serviceIsHealthyAndReady").reason())
        .startsWith("INV-08 violated")
        .contains("GET /readyz: no response: no complete response within 300 ms");
  }

  private static CheckResult row(Outcome out, String id) {
    return out.report().results().stream().filter(r -> r.checkId().equals(id) || r.checkId().endsWith("." + id) || r.checkId().endsWith("$" + id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " in " + out.report().results()));
  }
}
