package dev.invariantharness.deploy.postgres;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Gives an {@code @InvariantTest} method a {@link ScratchDatabase} parameter on the shared server,
 * dropped after the test.
 *
 * <pre>{@code
 * @Test @Verifies("INV-05")
 * void runtimeWritesOnlyItsSchema(ScratchDatabase db) { ... }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ScratchDatabaseProvider implements FixtureProvider<ScratchDatabase> {

  @Override
  public Class<ScratchDatabase> type() {
    return ScratchDatabase.class;
  }

  /**
   * {@code invariant.harness.timeout.postgres}, else two minutes: the first test of a JVM may
   * start the embedded server (initdb and start), which takes well over the default fixture bound
   * on a busy machine.
   */
  @Override
  public Duration setupTimeout(HarnessConfiguration config) {
    return config.get(HarnessConfiguration.PREFIX + "timeout.postgres").isPresent()
        ? config.timeout("postgres") : Duration.ofMinutes(2);
  }

  @Override
  public ScratchDatabase create(FixtureContext context) {
    return ScratchDatabase.create(PostgresServers.shared(context.configuration()));
  }
}
