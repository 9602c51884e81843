package dev.invariantharness.samples;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.PerEnvironment;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import org.junit.jupiter.api.Test;

/** An environment-bound suite: prod's control service is unhealthy, staging's is fine. */
@InvariantTest(lane = "smoke")
@PerEnvironment
public class PerEnvironmentSample {

  @Test @Verifies("INV-08")
  void controlIsHealthy(HarnessConfiguration config) {
    String url = config.baseUrl("control").toString();
    if (config.environment().equals("prod")) {
      throw new AssertionError("GET " + url + "/healthz answered 503");
    }
  }
}
