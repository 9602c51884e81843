package dev.invariantharness.runtime.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SmokeTargetTest {

  static HarnessConfiguration staging(Map<String, String> env) {
    return HarnessConfiguration.of(Map.of("invariant.harness.environment", "staging"), Map.of(), env);
  }

  @Test
  void theBaseUrlComesFromTheScriptsVariable() {
    SmokeTarget control = SmokeTarget.fromConfiguration(staging(Map.of("STAGING_CONTROL_BASE_URL", "https://staging.example.com")), "control");
    assertThat(control.baseUrl()).isEqualTo(URI.create("https://staging.example.com"));
    assertThat(control.service().baseUrl()).isEqualTo(URI.create("https://staging.example.com"));
  }

  @Test
  void aMissingBaseUrlIsAFailureNamingTheKeys() {
    SmokeTarget runtime = SmokeTarget.fromConfiguration(staging(Map.of()), "runtime");
    assertThatThrownBy(runtime::baseUrl)
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("invariant.harness.target.runtime.staging.base-url")
        .hasMessageContaining("STAGING_RUNTIME_BASE_URL");
  }

  @Test
  void theAccessTokenComesFromThePerEnvironmentVariableOrTheGenericKey() {
    assertThat(SmokeTarget.fromConfiguration(staging(Map.of("STAGING_CONTROL_ACCESS_TOKEN", "tok-123456")), "control").accessToken())
        .hasValue("tok-123456");
    HarnessConfiguration generic = HarnessConfiguration.of(
        Map.of("invariant.harness.environment", "prod", "invariant.harness.target.control.access-token", "tok-abcdef"), Map.of(), Map.of());
    assertThat(SmokeTarget.fromConfiguration(generic, "control").accessToken()).hasValue("tok-abcdef");
  }

  @Test
  void aMissingTokenSkipsWithTheScriptsReason() {
    SmokeTarget control = SmokeTarget.fromConfiguration(staging(Map.of()), "control");
    assertThat(control.accessTokenVariable()).isEqualTo("STAGING_CONTROL_ACCESS_TOKEN");
    assertThatThrownBy(control::requireAccessToken)
        .isInstanceOf(TestAbortedException.class)
        .hasMessage("STAGING_CONTROL_ACCESS_TOKEN not set");
  }

  @Test
  void anOverriddenBaseUrlKeepsTheConfiguredToken() {
    SmokeTarget local = SmokeTarget.fromConfiguration(staging(Map.of("STAGING_CONTROL_ACCESS_TOKEN", "tok-123456")), "control")
        .withBaseUrl(URI.create("http://127.0.0.1:8080"));
    assertThat(local.baseUrl()).hasPort(8080);
    assertThat(local.service().hasAccessToken()).isTrue();
    assertThat(local.toString()).isEqualTo("control@staging").doesNotContain("tok-123456");
  }

  @Test
  void aPasswordInTheBaseUrlNeverReachesAMessage() {
    ServiceSmoke s = ServiceSmoke.against(URI.create("https://smoke:hunter2-pass@staging.example.com"), java.time.Duration.ofSeconds(1));
    assertThat(s.displayUrl()).contains("smoke:").contains("staging.example.com").doesNotContain("hunter2-pass");
  }
}
