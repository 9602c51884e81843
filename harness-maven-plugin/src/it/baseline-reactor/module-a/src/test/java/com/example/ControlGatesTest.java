package com.example;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.finding.Findings;
import org.junit.jupiter.api.Test;

@InvariantTest(lane = "control")
@NotApplicable(value = "INV-01", reason = "not covered by this IT project")
@NotApplicable(value = "INV-03", reason = "not covered by this IT project")
@NotApplicable(value = "INV-04", reason = "not covered by this IT project")
@NotApplicable(value = "INV-05", reason = "not covered by this IT project")
@NotApplicable(value = "INV-06", reason = "not covered by this IT project")
@NotApplicable(value = "INV-07", reason = "not covered by this IT project")
@NotApplicable(value = "INV-08", reason = "not covered by this IT project")
@NotApplicable(value = "INV-09", reason = "not covered by this IT project")
@NotApplicable(value = "INV-10", reason = "not covered by this IT project")
@NotApplicable(value = "INV-11", reason = "not covered by this IT project")
@NotApplicable(value = "INV-12", reason = "not covered by this IT project")
class ControlGatesTest {

  @Test @Verifies("INV-02")
  void authorityMutationsAreHttpOnly() {
    Findings.of("INV-02", "authority mutations go through authenticated HTTP")
        .add("ws:/sync/socket", "phx_push 'run.cancel' changed the run's state")
        .assertNone();
  }
}
