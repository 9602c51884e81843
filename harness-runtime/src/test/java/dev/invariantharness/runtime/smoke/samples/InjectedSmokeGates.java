package dev.invariantharness.runtime.smoke.samples;

import static dev.invariantharness.runtime.smoke.SmokeAssertions.assertThat;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.runtime.smoke.SmokeTargets;
import org.junit.jupiter.api.Test;

/** A smoke check with its targets injected. Run by {@code SmokeTargetsInjectionTest}. */
@InvariantTest(lane = "control")
public class InjectedSmokeGates {

  @Test
  @Verifies("INV-03")
  void controlIsReady(SmokeTargets targets) {
    assertThat(targets.control().service()).isReady();
  }
}
