package com.example;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.Evidence;
import org.junit.jupiter.api.Test;

@InvariantTest(lane = "khala")
@NotApplicable(value = "INV-01", reason = "not covered by this IT project")
@NotApplicable(value = "INV-02", reason = "not covered by this IT project")
@NotApplicable(value = "INV-04", reason = "not covered by this IT project")
@NotApplicable(value = "INV-05", reason = "not covered by this IT project")
@NotApplicable(value = "INV-06", reason = "not covered by this IT project")
@NotApplicable(value = "INV-07", reason = "not covered by this IT project")
@NotApplicable(value = "INV-08", reason = "not covered by this IT project")
@NotApplicable(value = "INV-09", reason = "not covered by this IT project")
@NotApplicable(value = "INV-10", reason = "not covered by this IT project")
@NotApplicable(value = "INV-11", reason = "not covered by this IT project")
@NotApplicable(value = "INV-12", reason = "not covered by this IT project")
class KhalaGatesTest {

  /** Careless test code: quotes the raw token in evidence and in its failure (optional, so the build passes). */
  @Test @Verifies(value = "INV-03", required = false)
  void tokenIsOnlyEverSentOverTheSocket(HarnessConfiguration config) {
    String raw = config.get("invariant.harness.target.khala.access-token").orElseThrow();
    Evidence.text("handshake", "connected with token=" + raw + " to /sync/socket/websocket");
    throw new AssertionError("peer refused token " + raw);
  }
}
