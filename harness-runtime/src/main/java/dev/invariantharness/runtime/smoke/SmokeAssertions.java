package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Entry point of the smoke assertions, next to AssertJ's own {@code assertThat}:
 *
 * <pre>{@code
 * import static dev.invariantharness.runtime.smoke.SmokeAssertions.assertThat;
 *
 * ServiceSmoke control = SmokeTarget.fromConfiguration(config, "control").service();
 * assertThat(control).isReady();                                       // INV-08
 * assertThat(control.staticHost()).servesShellUncached().servesHashedAssetsImmutable(); // INV-08
 *
 * ServiceSmoke runtime = SmokeTarget.fromConfiguration(config, "runtime").service();
 * assertThat(runtime).isReady().servesRead("/internal/v1/runs/smoke-probe");          // INV-08
 * assertThat(runtime).reportsWriteMode();                              // INV-05
 * }</pre>
 *
 * <p>Each assertion collects every violation it sees before it fails, and fails with an
 * {@link dev.invariantharness.finding.InvariantViolation} whose message starts with the
 * invariant ({@code INV-08 violated: ...}) and quotes the status, header or field actually seen.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmokeAssertions {

  private SmokeAssertions() {}

  /** Assertions on a service's health, readiness, write mode, reads and authenticated routes. */
  public static ServiceSmokeAssert assertThat(ServiceSmoke service) {
    return new ServiceSmokeAssert(service);
  }

  /** Assertions on the cache policy of a static host. */
  public static StaticHostAssert assertThat(StaticHost host) {
    return new StaticHostAssert(host);
  }
}
