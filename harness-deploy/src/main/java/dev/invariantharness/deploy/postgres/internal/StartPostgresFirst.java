package dev.invariantharness.deploy.postgres.internal;

import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.deploy.postgres.PostgresServers;
import dev.invariantharness.deploy.postgres.ScratchDatabase;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the shared PostgreSQL before the first test runs when the test plan has a test that
 * takes a {@link ScratchDatabase}. Without it the first such fixture would start the server
 * inside its own creation, bounded by {@code invariant.harness.timeout.fixture} (10 s by
 * default), and an initdb on a busy machine can take longer: a false alarm.
 *
 * <p>Registered with {@link java.util.ServiceLoader}; a plan without such a test starts nothing.
 */
public final class StartPostgresFirst implements TestExecutionListener {

  private static final String SCRATCH = ScratchDatabase.class.getName();

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    if (!needsPostgres(plan)) {
      return;
    }
    try {
      PostgresServers.shared(HarnessConfiguration.of(key -> plan.getConfigurationParameters().get(key)));
    } catch (RuntimeException e) {
      // the fixture will try again and fail its test with this reason; the run itself goes on
    }
  }

  private static boolean needsPostgres(TestPlan plan) {
    Deque<TestIdentifier> todo = new ArrayDeque<>(plan.getRoots());
    while (!todo.isEmpty()) {
      TestIdentifier id = todo.pop();
      if (id.getSource().orElse(null) instanceof MethodSource m && m.getMethodParameterTypes().contains(SCRATCH)) {
        return true;
      }
      todo.addAll(plan.getChildren(id));
    }
    return false;
  }
}
