package dev.invariantharness.runtime.smoke;

import static dev.invariantharness.runtime.smoke.SmokeAssertions.assertThat;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The control service's smoke lane (validation matrix lane 1), ready to extend: health and
 * readiness, static host cache policy, and — when an access token is configured — the
 * authenticated session and sync-token routes.
 *
 * <p>A team points it at each environment with one class and configuration:
 *
 * <pre>{@code
 * class ControlSmokeGates extends ControlSmokeSuite {}
 *
 * // mvn verify -Dinvariant.harness.environment=staging
 * //   STAGING_CONTROL_BASE_URL=https://staging.example.com   (required: missing fails, naming the key)
 * //   STAGING_CONTROL_ACCESS_TOKEN=...                       (optional: missing skips the auth row)
 * }</pre>
 *
 * <p>Rows: {@code serviceIsHealthyAndReady} and {@code staticHostServesShellUncachedAndAssetsImmutable}
 * are required INV-08 checks; {@code sessionAndSyncTokenWork} is an optional INV-08 check that is
 * <em>skipped, optional</em> with the reason {@code <ENV>_CONTROL_ACCESS_TOKEN not set} when no
 * token is configured — the validation matrix script's behaviour. Override the protected hooks
 * to change the target, the static host's files or the auth routes.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@InvariantTest(lane = "control")
public abstract class ControlSmokeSuite {

  /** The control service under test; by default {@code control} from configuration. */
  protected SmokeTarget target(HarnessConfiguration config) {
    return SmokeTarget.fromConfiguration(config, "control");
  }

  /** The static host to check; by default the service's own with discovered assets. */
  protected StaticHost staticHost(ServiceSmoke service) {
    return service.staticHost();
  }

  /** Session routes the access token must open. */
  protected List<String> sessionPaths() {
    return List.of("/api/auth/session");
  }

  /** The route that mints sync tokens. */
  protected String syncTokenPath() {
    return "/api/sync/token";
  }

  /** Scopes requested for the smoke sync token. */
  protected List<String> syncTokenScopes() {
    return List.of("runtime.codex_worker_events");
  }

  /** The device id the smoke sync token is requested for. */
  protected String deviceId() {
    return "invariant-harness-smoke";
  }

  /** {@code /healthz} and {@code /readyz} answer 2xx and report the service up. */
  @Test
  @DisplayName("control health/ready endpoints (/healthz, /readyz)")
  @Verifies("INV-08")
  public void serviceIsHealthyAndReady(HarnessConfiguration config) {
    assertThat(target(config).service()).isReady();
  }

  /** {@code manifest.json} and {@code sw.js} require revalidation; hashed assets are immutable for a year. */
  @Test
  @DisplayName("control static host policy (manifest.json and sw.js revalidated, hashed assets immutable)")
  @Verifies("INV-08")
  public void staticHostServesShellUncachedAndAssetsImmutable(HarnessConfiguration config) {
    assertThat(staticHost(target(config).service())).servesShellUncached().servesHashedAssetsImmutable();
  }

  /** With an access token: the session opens and a sync token is minted; skipped without one. */
  @Test
  @DisplayName("control auth/session/sync token smoke (when an access token is configured)")
  @Verifies(value = "INV-08", required = false)
  public void sessionAndSyncTokenWork(HarnessConfiguration config) {
    SmokeTarget control = target(config);
    control.requireAccessToken();
    ServiceSmoke service = control.service();
    assertThat(service).acceptsAccessTokenAt(sessionPaths().toArray(String[]::new))
        .issuesSyncTokenAt(syncTokenPath(), syncTokenScopes(), deviceId());
  }
}
