package dev.invariantharness.runtime.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.runtime.WriteMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes, modes and targets as users write them, and the errors they get when they write them wrong. */
class WriteRouteTest {

  @Test
  void aRouteIsMethodAndPathWithPlaceholdersFilled() {
    WriteRoute route = WriteRoute.parse("post /internal/v1/runs/{run_id}/events");
    assertThat(route.name()).isEqualTo("POST /internal/v1/runs/{run_id}/events");
    assertThat(route.path()).isEqualTo("/internal/v1/runs/harness-probe/events");
    assertThat(route.body()).isEqualTo("{}");
    assertThat(route.withPathParams(Map.of("run_id", "a/b")).path()).isEqualTo("/internal/v1/runs/a%2Fb/events");
    assertThat(WriteRoute.parse("DELETE /api/v1/runs/{id}").body()).isEmpty();
  }

  @Test
  void aReadOrAMalformedRouteIsRejectedWithItsText() {
    assertThatThrownBy(() -> WriteRoute.parse("GET /internal/v1/runs"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("write route GET /internal/v1/runs: method GET does not write; use POST, PUT, PATCH or DELETE");
    assertThatThrownBy(() -> WriteRoute.parse("/internal/v1/runs"))
        .hasMessage("write route '/internal/v1/runs': expected 'METHOD /path', e.g. 'POST /internal/v1/runs'");
    assertThatThrownBy(() -> WriteRoute.parse("POST internal/v1/runs")).hasMessageContaining("the path must start with '/'");
  }

  @Test
  void writeModesReadAsTheRuntimeSpellsThem() {
    assertThat(WriteMode.parse("read_only")).isEqualTo(WriteMode.READ_ONLY);
    assertThat(WriteMode.parse(" Shadow-Only ")).isEqualTo(WriteMode.SHADOW_ONLY);
    assertThat(WriteMode.RUST_ACTIVE.acceptsWrites()).isTrue();
    assertThat(WriteMode.READ_ONLY.acceptsWrites()).isFalse();
    assertThatThrownBy(() -> WriteMode.parse("frozen"))
        .hasMessage("RUNTIME_AUTHORITY_WRITE_MODE: 'frozen' is not a write mode; use rust_active, shadow_only or read_only");
  }

  @Test
  void aTargetComesFromConfigurationWithItsTimeoutAndToken() {
    HarnessConfiguration config = HarnessConfiguration.of(Map.of(
        "invariant.harness.target.runtime.base-url", "http://127.0.0.1:9",
        "invariant.harness.timeout.http", "750ms"), Map.of(), Map.of("LOCAL_RUNTIME_ACCESS_TOKEN", "tok-123456"));
    AuthorityService runtime = AuthorityService.fromConfiguration(config, "runtime", AuthoritySide.RUNTIME);
    assertThat(runtime.baseUrl()).hasToString("http://127.0.0.1:9");
    assertThat(runtime.timeout()).hasMillis(750);
    assertThat(runtime.token()).contains("tok-123456");
    assertThat(runtime.toString()).doesNotContain("tok-123456");
  }

  @Test
  void aMissingTargetNamesTheKeysToSet() {
    HarnessConfiguration config = HarnessConfiguration.of(Map.of(), Map.of(), Map.of());
    assertThatThrownBy(() -> AuthorityService.fromConfiguration(config, "legacy", AuthoritySide.LEGACY))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("invariant.harness.target.legacy.local.base-url")
        .hasMessageContaining("LOCAL_LEGACY_BASE_URL");
  }
}
