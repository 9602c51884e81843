package dev.invariantharness.examples.runtime.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.examples.runtime.smoke.samples.ConfiguredRuntimeSmoke;
import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke lanes against deliberately broken variants of the reference stack: each defect comes
 * out NO-GO on the right invariant with what was actually seen; a missing access token is a
 * skipped optional row, not a failure; a token echoed by a service never reaches the report.
 */
@Timeout(60)
class BrokenSmokeIsNoGoTest {

  static final String TOKEN_KEY = "invariant.harness.target.control.access-token";
  static final String CONTROL = "ControlLane.";
  static final String RUNTIME = "RuntimeLane.";

  @TempDir Path reports;

  @Test
  void theCorrectStackIsGoWithEveryLaneRowPassed() {
    Outcome out = run("correct", true);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(out.report().results()).hasSize(6).allSatisfy(r -> assertThat(r.status()).as(r.checkId()).isEqualTo(CheckStatus.PASSED));
    assertThat(row(out, RUNTIME + "healthReportsAuthorityWriteMode").invariants()).containsExactly("INV-05");
    assertThat(row(out, CONTROL + "sessionAndSyncTokenWork").invariants()).containsExactly("INV-08");
    assertThat(row(out, CONTROL + "sessionAndSyncTokenWork").required()).isFalse();
  }

  @Test
  void aServiceWorkerCachedForAnHourIsNoGoOnInv08() {
    Outcome out = run("sw-cached", true);
    assertNoGo(out, "INV-08", BlockedScope.MERGE);
    CheckResult row = row(out, CONTROL + "staticHostServesShellUncachedAndAssetsImmutable");
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).containsExactly("INV-08");
    assertThat(row.reason()).startsWith("INV-08 violated: 1 finding(s) — the static host serves its shell uncached")
        .contains("GET /sw.js: Cache-Control \"public, max-age=3600\" lets caches reuse it for 3600 s without revalidating;"
            + " expected no-cache, no-store or max-age=0");
    assertThat(row.evidence()).isNotEmpty().allSatisfy(e -> assertThat(out.reportDir().resolve(e.path())).exists());
    assertThat(out.file("SUMMARY.md")).contains("NO-GO");
  }

  @Test
  void aHashedAssetWithoutImmutableIsNoGoOnInv08() {
    Outcome out = run("asset-not-immutable", true);
    assertNoGo(out, "INV-08", BlockedScope.MERGE);
    assertThat(row(out, CONTROL + "staticHostServesShellUncachedAndAssetsImmutable").reason())
        .startsWith("INV-08 violated: 1 finding(s) — the static host serves content-hashed assets immutable with max-age >= 31536000 s")
        .contains("GET /assets/app-3f9a2c1b.js: Cache-Control \"public, max-age=31536000\" lacks immutable");
  }

  @Test
  void aReadyz503IsNoGoOnInv08() {
    Outcome out = run("not-ready", true);
    assertNoGo(out, "INV-08", BlockedScope.MERGE);
    assertThat(row(out, CONTROL + "serviceIsHealthyAndReady").reason())
        .startsWith("INV-08 violated")
        .contains("GET /readyz: expected 2xx, saw 503: {\"status\":\"not_ready\",\"static_dir\":\"/srv/web\"} (application/json)");
    assertThat(row(out, RUNTIME + "serviceIsHealthyAndReady").status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void aHealthWithoutWriteModeIsNoGoOnInv05() {
    Outcome out = run("no-write-mode", true);
    assertNoGo(out, "INV-05", BlockedScope.MERGE);
    CheckResult row = row(out, RUNTIME + "healthReportsAuthorityWriteMode");
    assertThat(row.invariants()).containsExactly("INV-05");
    assertThat(row.reason()).startsWith("INV-05 violated: 1 finding(s) — the runtime reports which authority path writes")
        .contains("GET /healthz: reports no authority_write_mode: {\"status\":\"ok\",\"service\":\"reference-runtime\"");
  }

  @Test
  void aMissingAccessTokenIsASkippedOptionalRowNotAFailure() {
    Outcome out = GateRun.into(reports).with("invariant.harness.environment", "staging").run(SmokeLaneGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    CheckResult row = row(out, CONTROL + "sessionAndSyncTokenWork");
    assertThat(row.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(row.required()).isFalse();
    assertThat(row.reason()).isEqualTo("STAGING_CONTROL_ACCESS_TOKEN not set");
    assertThat(out.file("results.tsv").lines())
        .anySatisfy(line -> assertThat(line.split("\t"))
            .startsWith(row.checkId(), "optional", "skipped")
            .contains("STAGING_CONTROL_ACCESS_TOKEN not set"));
  }

  @Test
  void aMissingRuntimeBaseUrlIsARequiredFailureNamingTheKey() {
    Outcome out = GateRun.into(reports).with("invariant.harness.environment", "staging").run(ConfiguredRuntimeSmoke.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().results()).hasSize(3).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
      assertThat(r.required()).isTrue();
      assertThat(r.reason()).contains("invariant.harness.target.runtime.staging.base-url").contains("STAGING_RUNTIME_BASE_URL");
    });
  }

  @Test
  void anEchoedTokenFailsTheAuthRowAndNeverReachesAReportFile() throws IOException {
    try (ReferenceSmokeStack witness = ReferenceSmokeStack.start(SmokeVariant.CORRECT)) {
      assertThat(witness.mintedTokens()).isEmpty();
    }
    Outcome out = run("token-echo", true);
    CheckResult row = row(out, CONTROL + "sessionAndSyncTokenWork");
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.reason()).startsWith("INV-08 violated")
        .contains("GET /api/auth/session: echoes the access token back in body, header x-request-echo");
    // optional: a failed auth smoke is reported but does not block
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(row.evidence()).isNotEmpty();
    assertNoReportFileContains(ReferenceSmokeStack.ACCESS_TOKEN);
  }

  @Test
  void mintedSyncTokensNeverReachAReportFile() throws IOException {
    Outcome out = run("correct", true);
    String results = out.file("results.tsv");
    assertThat(results).contains(CONTROL + "sessionAndSyncTokenWork\toptional\tpassed");
    List<String> evidence = evidenceTexts();
    assertThat(evidence).anySatisfy(text -> assertThat(text).contains("POST").contains("/api/sync/token").contains("\"token\":\"[REDACTED]\""));
    assertNoReportFileContains(ReferenceSmokeStack.ACCESS_TOKEN);
    assertNoReportFileContains("sync.");
  }

  private Outcome run(String variant, boolean withToken) {
    GateRun run = GateRun.into(reports).with(ReferenceSmokeStackExtension.VARIANT, variant);
    if (withToken) {
      run = run.with(TOKEN_KEY, ReferenceSmokeStack.ACCESS_TOKEN);
    }
    return run.run(SmokeLaneGates.class);
  }

  private static void assertNoGo(Outcome out, String invariant, BlockedScope scope) {
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blocked()).isEqualTo(scope);
    assertThat(out.report().decision().blockers()).anySatisfy(b -> assertThat(b.invariant()).isEqualTo(invariant));
  }

  private static CheckResult row(Outcome out, String id) {
    return out.report().results().stream().filter(r -> r.checkId().equals(id) || r.checkId().endsWith("." + id) || r.checkId().endsWith("$" + id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " in " + out.report().results()));
  }

  /** Every file under the report root, the staging and per-fork parts included. */
  private List<Path> reportFiles() {
    try (Stream<Path> files = Files.walk(reports)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> evidenceTexts() throws IOException {
    List<String> texts = new java.util.ArrayList<>();
    for (Path p : reportFiles()) {
      if (p.toString().contains("evidence")) {
        texts.add(Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return texts;
  }

  private void assertNoReportFileContains(String secret) throws IOException {
    List<Path> files = reportFiles();
    assertThat(files).isNotEmpty();
    for (Path p : files) {
      assertThat(Files.readString(p, StandardCharsets.ISO_8859_1)).as(p.toString()).doesNotContain(secret);
    }
  }
}
