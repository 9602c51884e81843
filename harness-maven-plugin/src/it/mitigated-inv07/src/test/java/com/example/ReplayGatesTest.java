package com.example;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.finding.Findings;
import org.junit.jupiter.api.Test;

@InvariantTest(lane = "khala")
@NotApplicable(value = "INV-01", reason = "not covered by this IT project")
@NotApplicable(value = "INV-02", reason = "not covered by this IT project")
@NotApplicable(value = "INV-03", reason = "not covered by this IT project")
@NotApplicable(value = "INV-04", reason = "not covered by this IT project")
@NotApplicable(value = "INV-05", reason = "not covered by this IT project")
@NotApplicable(value = "INV-06", reason = "not covered by this IT project")
@NotApplicable(value = "INV-08", reason = "not covered by this IT project")
@NotApplicable(value = "INV-09", reason = "not covered by this IT project")
@NotApplicable(value = "INV-10", reason = "not covered by this IT project")
@NotApplicable(value = "INV-11", reason = "not covered by this IT project")
@NotApplicable(value = "INV-12", reason = "not covered by this IT project")
class ReplayGatesTest {

  @Test @Verifies("INV-07")
  void resumeRedeliversExactlyTheFramesAfterTheCursor() {
    Findings.of("INV-07", "resume from seq N redelivers exactly the frames after N")
        .add("topic run:42", "resume redelivered seq 41 twice")
        .assertNone();
  }
}
