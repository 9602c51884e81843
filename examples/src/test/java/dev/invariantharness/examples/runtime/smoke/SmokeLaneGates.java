package dev.invariantharness.examples.runtime.smoke;

import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.runtime.smoke.ControlSmokeSuite;
import dev.invariantharness.runtime.smoke.RuntimeSmokeSuite;
import dev.invariantharness.runtime.smoke.SmokeTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service smoke lanes — control (matrix lane 1) and runtime (lanes 2 and 5) — run against
 * the in-process {@link ReferenceSmokeStack}. Against a deployed service a team writes only
 * {@code class ControlSmokeGates extends ControlSmokeSuite {}} and sets
 * {@code STAGING_CONTROL_BASE_URL}; here the base URLs are the stack's ephemeral ports, and the
 * access token still comes from configuration: without one, the session and sync-token row is
 * skipped, optional, as the validation matrix script records it.
 */
@ExtendWith(ReferenceSmokeStackExtension.class)
class SmokeLaneGates {

  @Nested
  class ControlLane extends ControlSmokeSuite {

    private ReferenceSmokeStack stack;

    @BeforeEach
    void onStack(ReferenceSmokeStack stack) {
      this.stack = stack;
    }

    @Override
    protected SmokeTarget target(HarnessConfiguration config) {
      return super.target(config).withBaseUrl(stack.control());
    }
  }

  @Nested
  class RuntimeLane extends RuntimeSmokeSuite {

    private ReferenceSmokeStack stack;

    @BeforeEach
    void onStack(ReferenceSmokeStack stack) {
      this.stack = stack;
    }

    @Override
    protected SmokeTarget target(HarnessConfiguration config) {
      return super.target(config).withBaseUrl(stack.runtime());
    }
  }
}
