package dev.invariantharness.runtime.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.fixture.FixtureProvider;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.runtime.freeze.ScriptedService.Answer;
import dev.invariantharness.runtime.freeze.samples.InjectedAuthorityGates;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Both cutover sides are injected from configuration, like {@code LiveSync}. */
@Timeout(60)
class AuthorityServicesInjectionTest {

  private static final String TOKEN = "rt-token-5c1e9a7f33";

  @TempDir Path reports;

  @Test
  void theFixtureIsRegistered() {
    assertThat(ServiceLoader.load(FixtureProvider.class).stream().map(p -> p.get().type()))
        .contains(AuthorityServices.class);
  }

  @Test
  void eachSideComesFromItsTargetInTheSelectedEnvironment() {
    HarnessConfiguration config = HarnessConfiguration.of(Map.of(
        "invariant.harness.environment", "staging",
        "invariant.harness.timeout.http", "1500ms"), Map.of(), Map.of(
        "STAGING_RUNTIME_BASE_URL", "http://runtime.staging.example:8080",
        "STAGING_RUNTIME_ACCESS_TOKEN", TOKEN,
        "STAGING_LEGACY_BASE_URL", "http://legacy.staging.example:4000"));
    AuthorityServices services = AuthorityServices.fromConfiguration(config);
    assertThat(services.runtime().side()).isEqualTo(AuthoritySide.RUNTIME);
    assertThat(services.runtime().baseUrl()).isEqualTo(URI.create("http://runtime.staging.example:8080"));
    assertThat(services.runtime().timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(services.runtime().toString()).doesNotContain(TOKEN);
    assertThat(services.legacy().side()).isEqualTo(AuthoritySide.LEGACY);
    assertThat(services.legacy().baseUrl()).isEqualTo(URI.create("http://legacy.staging.example:4000"));
  }

  @Test
  void anInjectedRuntimeThatKeepsServingReadsIsGoAndGetsTheConfiguredToken() throws Exception {
    try (ScriptedService runtime = new ScriptedService().on("GET /internal/v1/runs", Answer.of(200, "{\"runs\":[]}"))) {
      Outcome out = configured(runtime).run(InjectedAuthorityGates.class);
      assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
      assertThat(out.report().results()).singleElement().extracting(CheckResult::status).isEqualTo(CheckStatus.PASSED);
      assertThat(runtime.authorizations).isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
    }
  }

  @Test
  void anInjectedRuntimeWhoseReadsFailIsNoGoOnInv05WithoutTheToken() throws Exception {
    try (ScriptedService runtime = new ScriptedService().on("GET /internal/v1/runs", Answer.of(503, "{\"error\":\"frozen\"}"))) {
      Outcome out = configured(runtime).run(InjectedAuthorityGates.class);
      assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
      CheckResult row = out.report().results().get(0);
      assertThat(row.reason()).startsWith("INV-05 violated").contains("GET /internal/v1/runs").doesNotContain(TOKEN);
      assertThat(row.findings()).extracting(f -> f.invariant()).containsOnly("INV-05");
    }
  }

  @Test
  void aRuntimeThatIsNotConfiguredFailsNamingTheKeys() {
    Outcome out = GateRun.into(reports).with("invariant.harness.environment", "staging").run(InjectedAuthorityGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().results().get(0).reason())
        .contains("invariant.harness.target.runtime.staging.base-url").contains("STAGING_RUNTIME_BASE_URL");
  }

  private GateRun configured(ScriptedService runtime) {
    return GateRun.into(reports)
        .with("invariant.harness.environment", "staging")
        .with("invariant.harness.target.runtime.staging.base-url", runtime.baseUrl().toString())
        .with("invariant.harness.target.runtime.staging.access-token", TOKEN);
  }
}
