package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.config.HarnessConfiguration;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;

/**
 * One smoke target — {@code control} or {@code runtime} — in the selected environment, resolved
 * from the harness configuration the way the validation matrix script resolves it:
 *
 * <ul>
 *   <li>base URL: {@link HarnessConfiguration#baseUrl(String)}, i.e.
 *       {@code invariant.harness.target.<name>.<env>.base-url},
 *       {@code invariant.harness.target.<name>.base-url} or {@code <ENV>_<NAME>_BASE_URL}.
 *       Required: when it is missing the check fails with a message naming every key;
 *   <li>access token: {@code invariant.harness.target.<name>.<env>.access-token} (environment
 *       variable {@code <ENV>_<NAME>_ACCESS_TOKEN}, e.g. {@code STAGING_CONTROL_ACCESS_TOKEN}),
 *       then {@code invariant.harness.target.<name>.access-token}. Optional: checks that need it
 *       call {@link #requireAccessToken()}, which skips the check with the reason
 *       {@code STAGING_CONTROL_ACCESS_TOKEN not set} — on an optional check
 *       ({@code @Verifies(required = false)}) that is a <em>skipped, optional</em> row, exactly
 *       as the script's matrix records it.
 * </ul>
 *
 * <pre>{@code
 * SmokeTarget control = SmokeTarget.fromConfiguration(config, "control");
 * assertThat(control.service()).isReady();
 * control.requireAccessToken();                       // skips: "STAGING_CONTROL_ACCESS_TOKEN not set"
 * assertThat(control.service()).issuesSyncToken(List.of("runtime.codex_worker_events"), "smoke-device");
 * }</pre>
 *
 * <p>The base URL is resolved when first used, so a suite may replace it
 * ({@link #withBaseUrl(URI)}) for a locally started service and keep the configured token.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmokeTarget {

  private final HarnessConfiguration config;
  private final String name;
  private final URI baseUrl;

  private SmokeTarget(HarnessConfiguration config, String name, URI baseUrl) {
    this.config = Objects.requireNonNull(config, "config");
    this.name = Objects.requireNonNull(name, "name");
    this.baseUrl = baseUrl;
  }

  /** Target {@code name} (e.g. {@code control}) as configured for the selected environment. */
  public static SmokeTarget fromConfiguration(HarnessConfiguration config, String name) {
    return new SmokeTarget(config, name, null);
  }

  /** This target at another base URL; the access token is still read from configuration. */
  public SmokeTarget withBaseUrl(URI url) {
    return new SmokeTarget(config, name, Objects.requireNonNull(url, "url"));
  }

  /** The target's name, e.g. {@code control}. */
  public String name() {
    return name;
  }

  /** The selected environment, e.g. {@code staging}. */
  public String environment() {
    return config.environment();
  }

  /**
   * The base URL.
   *
   * @throws dev.invariantharness.HarnessInputException naming the keys when none is configured
   */
  public URI baseUrl() {
    return baseUrl != null ? baseUrl : config.baseUrl(name);
  }

  /** The configured access token, if any; never print it. */
  public Optional<String> accessToken() {
    return config.target(name).accessToken();
  }

  /** The per-environment configuration key of the access token. */
  public String accessTokenKey() {
    return config.target(name).accessTokenKey();
  }

  /** The script's environment variable for the token, e.g. {@code STAGING_CONTROL_ACCESS_TOKEN}. */
  public String accessTokenVariable() {
    return config.target(name).accessTokenVariable();
  }

  /**
   * Skips the running check unless an access token is configured; the skip reason names the
   * variable, e.g. {@code STAGING_CONTROL_ACCESS_TOKEN not set}.
   */
  public void requireAccessToken() {
    if (accessToken().isEmpty()) {
      // abort, not assumeTrue: the reason must read exactly like the script's, without a prefix.
      Assumptions.abort(accessTokenVariable() + " not set");
    }
  }

  /** Probes of this target, bounded by {@code invariant.harness.timeout.http}, with its token if any. */
  public ServiceSmoke service() {
    return ServiceSmoke.against(baseUrl(), config).withAccessToken(accessToken().orElse(null));
  }

  @Override
  public String toString() {
    return name + "@" + environment();
  }
}
