package dev.invariantharness.examples.khala;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.khala.fake.FaultSchedule;
import dev.invariantharness.khala.live.ApplyingClient;
import dev.invariantharness.khala.live.LiveSync;
import java.net.URI;
import dev.invariantharness.http.HttpProber;
import dev.invariantharness.http.ProbeRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Khala gates, run against the in-process reference Khala: ordered delivery and exact resume
 * (INV-07), WS-only live sync (INV-03), no mutation over the sync socket (INV-02, INV-06), and a
 * sync client judged by the fault-injecting fake server (INV-07).
 */
@InvariantTest(lane = "khala")
class KhalaGates {

  /** Selects the client under test in {@link #syncClientAppliesEveryFrameExactlyOnce}: {@code correct} or {@code duplicate-applying}. */
  static final String CLIENT = "invariant.examples.khala.client";

  @Test
  @Verifies("INV-07")
  void everyFrameArrivesAtLeastOnceIncludingLivePublishes(ReferenceKhalaService khala, HarnessConfiguration config) {
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      live.assertEveryFrameArrivesAtLeastOnce(khala.topics(), khala.publisher(ReferenceKhalaService.RUN_EVENTS, 20));
    }
  }

  @Test
  @Verifies("INV-07")
  void resumeRedeliversExactlyTheFramesAfterTheWatermark(ReferenceKhalaService khala, HarnessConfiguration config) {
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      live.assertResumeRedeliversExactlyTheFramesAfter(ReferenceKhalaService.WORKER_LIFECYCLE, 15);
    }
  }

  @Test
  @Verifies("INV-07")
  void resumeBelowRetentionIsAnsweredStaleNotSilentlyLost(ReferenceKhalaService khala, HarnessConfiguration config) {
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      // the stale resume point is learned from the protocol: where a plain subscribe starts
      live.assertStaleCursorIsAnswered(ReferenceKhalaService.NOTIFICATIONS);
    }
  }

  @Test
  @Verifies("INV-03")
  void liveSyncIsWebSocketOnly(ReferenceKhalaService khala, HarnessConfiguration config) {
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      // the documented likely live paths, probed over HTTP/1.1 with Accept: text/event-stream
      live.assertLiveSyncIsWebSocketOnly();
    }
  }

  @Test
  @Verifies("INV-02")
  @Verifies("INV-06")
  void mutationOverTheSyncSocketIsRefusedAndChangesNothing(ReferenceKhalaService khala, HarnessConfiguration config) {
    URI runs = khala.baseUrl().resolve("/api/runs");
    try (LiveSync live = khala.liveSync(config.timeout("ws"));
        HttpProber http = HttpProber.builder().deadline(config.timeout("http")).build()) {
      live.mutationOverWs("runs:create", "{\"name\":\"over-ws-5c1d\"}")
          .readBack(() -> http.send(ProbeRequest.get(runs)).body(), "/count")
          .watching(List.of(ReferenceKhalaService.RUN_EVENTS), "over-ws-5c1d")
          .assertRefusedAndChangesNothing();
    }
  }

  @Test
  @Verifies("INV-07")
  void syncClientAppliesEveryFrameExactlyOnce(HarnessConfiguration config) {
    boolean duplicateApplying = config.get(CLIENT).orElse("correct").equals("duplicate-applying");
    FaultSchedule schedule = FaultSchedule.seed(20261130L).duplicates(0.2);
    try (FakeSyncServer fake = FakeSyncServer.builder().topic(ReferenceKhalaService.RUN_EVENTS, 200)
        .topic(ReferenceKhalaService.WORKER_LIFECYCLE, 50).faults(schedule).heartbeatEvery(Duration.ofMillis(250)).start()) {
      ApplyingClient.Result result = ApplyingClient.to(fake.channelUri())
          .topics(List.of(ReferenceKhalaService.RUN_EVENTS, ReferenceKhalaService.WORKER_LIFECYCLE))
          .timeout(config.timeout("ws")).messageTimeout(Duration.ofMillis(500)).applyDuplicates(duplicateApplying).run();
      fake.verdict(result.applied()).assertCorrect();
    }
  }
}
