package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.config.HarnessConfiguration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Both sides of the cutover as configured targets, injected into {@code @InvariantTest} methods
 * like {@code LiveSync} is, so a freeze check never builds keys by hand:
 *
 * <pre>{@code
 * @InvariantTest(lane = "freeze")
 * class FreezeGates {
 *   @Test
 *   @Verifies("INV-06")
 *   void frozenRuntimeRefusesWrites(AuthorityServices services) {
 *     assertThat(services.runtime().withWriteRoutes(WriteRoutes.of("POST /internal/v1/runs")))
 *         .inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites();
 *   }
 * }
 * }</pre>
 *
 * <p>Each side is resolved when asked for, with
 * {@link AuthorityService#fromConfiguration(HarnessConfiguration, String, AuthoritySide)}: target
 * {@code runtime} for {@link #runtime()} and {@code legacy} for {@link #legacy()} (base URL
 * {@code invariant.harness.target.<name>[.<env>].base-url} or {@code <ENV>_<NAME>_BASE_URL},
 * token {@code <ENV>_<NAME>_ACCESS_TOKEN}, timeout {@code invariant.harness.timeout.http}). A suite
 * that checks only the runtime needs no legacy target; a side that is asked for but not
 * configured fails with a message naming every key that would configure it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuthorityServices {

  /** The target name of the Rust runtime. */
  public static final String RUNTIME_TARGET = "runtime";
  /** The target name of the legacy runtime. */
  public static final String LEGACY_TARGET = "legacy";

  private final HarnessConfiguration config;

  private AuthorityServices(HarnessConfiguration config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The sides as {@code config} configures them (in its selected environment). */
  public static AuthorityServices fromConfiguration(HarnessConfiguration config) {
    return new AuthorityServices(config);
  }

  /** The Rust runtime, configured as target {@code runtime}. */
  public AuthorityService runtime() {
    return AuthorityService.fromConfiguration(config, RUNTIME_TARGET, AuthoritySide.RUNTIME);
  }

  /** The legacy runtime, configured as target {@code legacy}. */
  public AuthorityService legacy() {
    return AuthorityService.fromConfiguration(config, LEGACY_TARGET, AuthoritySide.LEGACY);
  }

  /** Another configured target on {@code side}, e.g. a second runtime region. */
  public AuthorityService target(String name, AuthoritySide side) {
    return AuthorityService.fromConfiguration(config, name, side);
  }

  @Override
  public String toString() {
    return "AuthorityServices[" + config.environment() + "]";
  }
}
