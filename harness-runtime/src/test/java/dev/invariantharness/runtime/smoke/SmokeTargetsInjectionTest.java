package dev.invariantharness.runtime.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.fixture.FixtureProvider;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.runtime.smoke.samples.InjectedSmokeGates;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Smoke targets are injected from configuration, like {@code LiveSync}. */
@Timeout(60)
class SmokeTargetsInjectionTest {

  @TempDir Path reports;

  @Test
  void theFixtureIsRegistered() {
    assertThat(ServiceLoader.load(FixtureProvider.class).stream().map(p -> p.get().type())).contains(SmokeTargets.class);
  }

  @Test
  void eachTargetIsResolvedInTheSelectedEnvironmentWhenFirstUsed() {
    SmokeTargets targets = SmokeTargets.fromConfiguration(HarnessConfiguration.of(Map.of("invariant.harness.environment", "prod"),
        Map.of(), Map.of("PROD_CONTROL_BASE_URL", "https://control.example")));
    assertThat(targets.environment()).isEqualTo("prod");
    assertThat(targets.control().baseUrl()).isEqualTo(URI.create("https://control.example"));
    assertThat(targets.runtime().name()).isEqualTo("runtime");
  }

  @Test
  void anInjectedHealthyControlIsGo() throws Exception {
    try (StubService control = new StubService().healthy()) {
      Outcome out = run(control);
      assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
      assertThat(out.report().results()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
    }
  }

  @Test
  void anInjectedControlThatIsNotReadyIsNoGo() throws Exception {
    try (StubService control = new StubService().on("/healthz", 200, "application/json", "{\"status\":\"ok\"}")
        .on("/readyz", 503, "application/json", "{\"status\":\"starting\"}")) {
      Outcome out = run(control);
      assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
      assertThat(out.report().results().get(0).reason()).contains("violated").contains("/readyz");
    }
  }

  private Outcome run(StubService control) {
    return GateRun.into(reports).with("invariant.harness.environment", "staging")
        .with("invariant.harness.target.control.staging.base-url", control.baseUrl().toString())
        .run(InjectedSmokeGates.class);
  }
}
