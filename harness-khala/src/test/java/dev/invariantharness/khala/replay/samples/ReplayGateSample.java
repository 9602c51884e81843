package dev.invariantharness.khala.replay.samples;

import static dev.invariantharness.khala.replay.ReplayAssertions.assertThat;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.khala.replay.FrameLog;
import dev.invariantharness.khala.replay.GapPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A gate suite as a user writes it: check the frame log a client run recorded. Runs nested. */
@InvariantTest(lane = "khala")
public class ReplayGateSample {

  @Test
  @Verifies("INV-07")
  void clientAppliesEachFrameOnceInOrder(HarnessConfiguration config) {
    FrameLog recorded = FrameLog.of(Path.of(config.require("sample.frame-log")));

    assertThat(recorded)
        .usingGapPolicy(GapPolicy.of(config.get("sample.gap-policy").orElse("khala")))
        .hasNoReplayViolations();
  }
}
