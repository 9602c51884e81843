package dev.invariantharness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.evidence.KnownSecrets;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.gate.GateInputs;
import dev.invariantharness.gate.GateMode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HarnessConfigurationTest {

  @Test
  void junitParameterWinsOverSystemPropertyWhichWinsOverEnvironment() {
    String key = "invariant.harness.environment";
    assertThat(HarnessConfiguration.of(Map.of(key, "a"), Map.of(key, "b"), Map.of("INVARIANT_HARNESS_ENVIRONMENT", "c")).environment()).isEqualTo("a");
    assertThat(HarnessConfiguration.of(Map.of(), Map.of(key, "b"), Map.of("INVARIANT_HARNESS_ENVIRONMENT", "c")).environment()).isEqualTo("b");
    assertThat(HarnessConfiguration.of(Map.of(), Map.of(), Map.of("INVARIANT_HARNESS_ENVIRONMENT", "c")).environment()).isEqualTo("c");
  }

  @Test
  void gatingIsTheDefaultAndTheScriptsVariableSelectsBaseline() {
    assertThat(mode(HarnessConfiguration.of(Map.of(), Map.of(), Map.of()))).isEqualTo(GateMode.GATING);
    assertThat(mode(HarnessConfiguration.of(Map.of(), Map.of(), Map.of("FAIL_ON_REQUIRED_FAILURE", "0")))).isEqualTo(GateMode.BASELINE);
    assertThat(mode(HarnessConfiguration.of(Map.of(HarnessConfiguration.FAIL_ON_REQUIRED_FAILURE, "1"), Map.of(),
        Map.of("FAIL_ON_REQUIRED_FAILURE", "0")))).isEqualTo(GateMode.GATING);
  }

  @Test
  void theScriptsVariableIsReadAsASystemPropertyAsMavenPassesDashD() {
    // mvn verify -DFAIL_ON_REQUIRED_FAILURE=0: Surefire gives the test JVM a system property of that name
    assertThat(mode(HarnessConfiguration.of(Map.of(), Map.of("FAIL_ON_REQUIRED_FAILURE", "0"), Map.of()))).isEqualTo(GateMode.BASELINE);
    assertThat(mode(HarnessConfiguration.of(Map.of(), Map.of("FAIL_ON_REQUIRED_FAILURE", "0"),
        Map.of("FAIL_ON_REQUIRED_FAILURE", "1")))).as("-D wins over the environment").isEqualTo(GateMode.BASELINE);
    assertThat(mode(HarnessConfiguration.of(Map.of(), Map.of(HarnessConfiguration.FAIL_ON_REQUIRED_FAILURE, "1",
        "FAIL_ON_REQUIRED_FAILURE", "0"), Map.of()))).as("the key wins over the script's name").isEqualTo(GateMode.GATING);
    assertThatThrownBy(() -> mode(HarnessConfiguration.of(Map.of(), Map.of("FAIL_ON_REQUIRED_FAILURE", "ture"), Map.of())))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("invariant.harness.fail-on-required-failure")
        .hasMessageContaining("'ture' is not a boolean");
  }

  private static GateMode mode(HarnessConfiguration config) {
    return GateInputs.modeOf(config);
  }

  @Test
  void notABooleanNamesTheKeyAndItsVariables() {
    HarnessConfiguration c = HarnessConfiguration.of(Map.of(), Map.of(), Map.of("FAIL_ON_REQUIRED_FAILURE", "maybe"));
    assertThatThrownBy(() -> mode(c))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("invariant.harness.fail-on-required-failure")
        .hasMessageContaining("FAIL_ON_REQUIRED_FAILURE")
        .hasMessageContaining("'maybe' is not a boolean");
  }

  @Test
  void baseUrlPerEnvironmentAcceptsTheScriptsVariableNames() {
    HarnessConfiguration c = HarnessConfiguration.of(Map.of("invariant.harness.environment", "staging"), Map.of(),
        Map.of("STAGING_CONTROL_BASE_URL", "https://staging.example.test"));
    assertThat(c.baseUrl("control")).isEqualTo(URI.create("https://staging.example.test"));
  }

  @Test
  void missingBaseUrlNamesEveryKeyToSet() {
    HarnessConfiguration c = HarnessConfiguration.of(Map.of(), Map.of(), Map.of());
    assertThatThrownBy(() -> c.baseUrl("runtime"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("no base URL for target 'runtime' in environment 'local'")
        .hasMessageContaining("invariant.harness.target.runtime.local.base-url")
        .hasMessageContaining("LOCAL_RUNTIME_BASE_URL");
  }

  @Test
  void relativeBaseUrlIsRejected() {
    HarnessConfiguration c = HarnessConfiguration.of(Map.of("invariant.harness.target.control.base-url", "/just/a/path"), Map.of(), Map.of());
    assertThatThrownBy(() -> c.baseUrl("control")).hasMessageContaining("is not a valid base URL");
  }

  @Test
  void requiredKeyMissingNamesTheKey() {
    HarnessConfiguration c = HarnessConfiguration.of(Map.of(), Map.of(), Map.of());
    assertThatThrownBy(() -> c.require("invariant.harness.target.khala.token"))
        .hasMessage("configuration key 'invariant.harness.target.khala.token' (environment variable INVARIANT_HARNESS_TARGET_KHALA_TOKEN): is required but not set");
  }

  @Test
  void timeoutsFallBackToTheDefaultAndAcceptShortForms() {
    HarnessConfiguration c = HarnessConfiguration.of(Map.of("invariant.harness.timeout.ws", "250ms",
        "invariant.harness.timeout.default", "PT3S"), Map.of(), Map.of());
    assertThat(c.timeout("ws")).isEqualTo(Duration.ofMillis(250));
    assertThat(c.timeout("http")).isEqualTo(Duration.ofSeconds(3));
    assertThat(HarnessConfiguration.of(Map.of(), Map.of(), Map.of()).timeout("x")).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void zeroOrGarbageTimeoutIsRejected() {
    HarnessConfiguration c = HarnessConfiguration.of(Map.of("invariant.harness.timeout.ws", "PT0S",
        "invariant.harness.timeout.http", "soon"), Map.of(), Map.of());
    assertThatThrownBy(() -> c.timeout("ws")).hasMessageContaining("is not a positive duration");
    assertThatThrownBy(() -> c.timeout("http")).hasMessageContaining("'soon' is not a positive duration");
  }

  @Test
  void reportEnvironmentShowsTokensOnlyAsSet() {
    HarnessConfiguration c = HarnessConfiguration.of(Map.of(), Map.of(),
        Map.of("STAGING_CONTROL_ACCESS_TOKEN", "tok-123456", "STAGING_CONTROL_BASE_URL", "https://s.example.test"));
    assertThat(c.describeForReport()).containsEntry("STAGING_CONTROL_ACCESS_TOKEN", "(set)")
        .containsEntry("STAGING_CONTROL_BASE_URL", "https://s.example.test")
        .doesNotContainValue("tok-123456");
    assertThat(c.secretValues()).contains("tok-123456");
  }

  @Test
  void aSecretReadFromAJUnitParameterIsRedactedByEveryRedactorOfItsRun() {
    String token = "junit-param-token-" + java.util.UUID.randomUUID();
    HarnessConfiguration c = HarnessConfiguration.of(
        Map.of("invariant.harness.target.control.access-token", token), Map.of(), Map.of());
    Redactor builtBefore = Redactor.defaults().withKnownSecrets(c.knownSecrets()).withPattern("never-matches-\\d{40}");
    assertThat(c.secretValues()).as("JUnit parameters cannot be listed up front").doesNotContain(token);

    assertThat(c.withEnvironment("staging").secret("invariant.harness.target.control.access-token")).contains(token);

    assertThat(builtBefore.redact("echo " + token)).isEqualTo("echo " + Redactor.MARKER);
    assertThat(builtBefore.configuredOnly().redact("?t=" + token)).doesNotContain(token);
  }

  @Test
  void aSecretReadInOneRunIsNotRedactedByRedactorsOfOthers() {
    String value = "plain-value-" + java.util.UUID.randomUUID();
    HarnessConfiguration one = HarnessConfiguration.of(Map.of("invariant.harness.custom.key", value), Map.of(), Map.of());
    HarnessConfiguration other = HarnessConfiguration.of(Map.of(), Map.of(), Map.of());

    assertThat(one.secret("invariant.harness.custom.key")).contains(value);

    assertThat(one.knownSecrets().size()).isEqualTo(1);
    assertThat(Redactor.defaults().withKnownSecrets(other.knownSecrets()).redact(value)).isEqualTo(value);
    assertThat(Redactor.defaults().redact(value)).as("the JVM-wide scope is not told").isEqualTo(value);
  }

  @Test
  void aConfigurationGivenARunsScopeRemembersSecretsThere() {
    KnownSecrets run = KnownSecrets.create();
    HarnessConfiguration c = HarnessConfiguration.of(Map.of("invariant.harness.custom.key", "shared-value-1234"), Map.of(), Map.of())
        .withKnownSecrets(run);

    c.secret("invariant.harness.custom.key");

    assertThat(c.knownSecrets()).isSameAs(run);
    assertThat(Redactor.defaults().withKnownSecrets(run).redact("x shared-value-1234 y")).isEqualTo("x " + Redactor.MARKER + " y");
    assertThatNullPointerException().isThrownBy(() -> c.withKnownSecrets(null)).withMessage("scope");
  }
}
