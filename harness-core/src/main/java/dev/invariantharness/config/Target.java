package dev.invariantharness.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One service the checks talk to, as configured for the selected environment: its base URL, its
 * access token and its timeouts, looked up under {@code invariant.harness.target.<name>.*} so no
 * module builds keys by hand.
 *
 * <pre>{@code
 * Target khala = config.target("khala");
 * URI url = khala.baseUrl();                         // invariant.harness.target.khala.staging.base-url, STAGING_KHALA_BASE_URL, ...
 * Optional<String> token = khala.accessToken();       // invariant.harness.target.khala.staging.access-token, STAGING_KHALA_ACCESS_TOKEN, ...
 * Duration ws = khala.timeout("ws");                  // invariant.harness.target.khala.timeout.ws, then invariant.harness.timeout.ws, ...
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Target {

  private final HarnessConfiguration config;
  private final String name;

  Target(HarnessConfiguration config, String name) {
    this.config = Objects.requireNonNull(config, "config");
    if (name == null || name.isBlank() || name.contains(".")) {
      throw new IllegalArgumentException("a target name is one word such as control, runtime or khala, was '" + name + "'");
    }
    this.name = name;
  }

  /** The target's name, e.g. {@code khala}. */
  public String name() {
    return name;
  }

  /** The selected environment, e.g. {@code staging}. */
  public String environment() {
    return config.environment();
  }

  /**
   * The base URL in the selected environment.
   *
   * @throws dev.invariantharness.HarnessInputException naming every key tried when none is set
   */
  public URI baseUrl() {
    return config.baseUrl(name);
  }

  /**
   * The access token: {@link #accessTokenKey()}, then {@code invariant.harness.target.<name>.access-token},
   * each also from its environment variable (the per-environment one is the validation matrix
   * script's {@code <ENV>_<NAME>_ACCESS_TOKEN}). Registered for redaction when read; never print it.
   */
  public Optional<String> accessToken() {
    return config.secret(accessTokenKey()).or(() -> config.secret(key("access-token")));
  }

  /** The per-environment key of the access token. */
  public String accessTokenKey() {
    return HarnessConfiguration.PREFIX + "target." + name + "." + environment() + ".access-token";
  }

  /** The script's environment variable of the token, e.g. {@code STAGING_CONTROL_ACCESS_TOKEN}. */
  public String accessTokenVariable() {
    return HarnessConfiguration.scriptVariable(environment(), name, "ACCESS_TOKEN");
  }

  /**
   * The bound for waits of kind {@code kind} on this target: {@code invariant.harness.target.<name>.timeout.<kind>},
   * else {@link HarnessConfiguration#timeout(String)}.
   */
  public Duration timeout(String kind) {
    String key = key("timeout." + kind);
    return config.get(key).map(v -> config.duration(key, v)).orElseGet(() -> config.timeout(kind));
  }

  /** A setting of this target, {@code invariant.harness.target.<name>.<setting>}. */
  public Optional<String> get(String setting) {
    return config.get(key(setting));
  }

  /** The full key of a setting of this target. */
  public String key(String setting) {
    return HarnessConfiguration.PREFIX + "target." + name + "." + setting;
  }

  @Override
  public String toString() {
    return "target " + name + " in " + environment();
  }
}
