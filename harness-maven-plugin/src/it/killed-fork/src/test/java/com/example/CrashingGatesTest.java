package com.example;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
class CrashingGatesTest {

  /**
   * A test JVM that dies mid-run (OOM killer, a native crash, a CI timeout). It waits, bounded,
   * until the other JVM has published its rows, so the report it leaves behind claims a
   * complete-looking GO of the other suite only.
   */
  @Test @Verifies("INV-02")
  void authorityMutationsAreHttpOnly() throws InterruptedException {
    Path summary = Path.of("target", "invariant-reports", "latest", "summary.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(summary) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Runtime.getRuntime().halt(1);
  }
}
