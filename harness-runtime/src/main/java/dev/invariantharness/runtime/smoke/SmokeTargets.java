package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.config.HarnessConfiguration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The smoke targets of the selected environment, injected into {@code @InvariantTest} methods
 * like {@code LiveSync} is:
 *
 * <pre>{@code
 * @InvariantTest(lane = "control")
 * class ControlSmokeGates {
 *   @Test
 *   @Verifies("INV-03")
 *   void controlIsReady(SmokeTargets targets) {
 *     assertThat(targets.control().service()).isReady();
 *   }
 * }
 * }</pre>
 *
 * <p>Each target is resolved as {@link SmokeTarget#fromConfiguration(HarnessConfiguration, String)}
 * does, when first used: a suite that checks only {@code control} needs no {@code runtime} URL.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmokeTargets {

  private final HarnessConfiguration config;

  private SmokeTargets(HarnessConfiguration config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The targets as {@code config} configures them. */
  public static SmokeTargets fromConfiguration(HarnessConfiguration config) {
    return new SmokeTargets(config);
  }

  /** Target {@code control}. */
  public SmokeTarget control() {
    return named("control");
  }

  /** Target {@code runtime}. */
  public SmokeTarget runtime() {
    return named("runtime");
  }

  /** Target {@code name}, e.g. a second control region. */
  public SmokeTarget named(String name) {
    return SmokeTarget.fromConfiguration(config, name);
  }

  /** The selected environment, e.g. {@code staging}. */
  public String environment() {
    return config.environment();
  }

  @Override
  public String toString() {
    return "SmokeTargets[" + config.environment() + "]";
  }
}
