package dev.invariantharness.examples.khala;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.khala.fake.FaultSchedule;
import dev.invariantharness.khala.live.ApplyingClient;
import dev.invariantharness.khala.live.LiveSync;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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

  /** Where an SSE or polling live lane could hide; none may answer 2xx text/event-stream. */
  static final List<String> LIVE_ROUTES = List.of("/sync/socket/websocket", "/api/sync/stream", "/api/sync/events",
      "/internal/v1/khala/topics/run:1:events/ws", "/internal/v1/khala/topics/run:1:events/messages");

  @Test
  @Verifies("INV-07")
  void deliveryIsOrderedPerTopic(ReferenceKhalaService khala, HarnessConfiguration config) {
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      live.assertDeliveryIsOrdered(khala.topics());
    }
  }

  @Test
  @Verifies("INV-07")
  void resumeRedeliversExactlyTheFramesAfterTheWatermark(ReferenceKhalaService khala, HarnessConfiguration config) {
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      live.assertResumeRedeliversExactlyTheFramesAfter(ReferenceKhalaService.RUN_EVENTS, 40);
    }
  }

  @Test
  @Verifies("INV-07")
  void resumeBelowRetentionIsAnsweredStaleNotSilentlyLost(ReferenceKhalaService khala, HarnessConfiguration config) {
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      live.assertStaleCursorIsAnswered(ReferenceKhalaService.NOTIFICATIONS, ReferenceKhalaService.NOTIFICATIONS_FLOOR - 5);
    }
  }

  @Test
  @Verifies("INV-03")
  void liveSyncIsWebSocketOnly(ReferenceKhalaService khala, HarnessConfiguration config) {
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      live.assertLiveSyncIsWebSocketOnly(LIVE_ROUTES, Set.of());
    }
  }

  @Test
  @Verifies("INV-02")
  @Verifies("INV-06")
  void mutationOverTheSyncSocketIsRefusedAndChangesNothing(ReferenceKhalaService khala, HarnessConfiguration config) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(config.timeout("http")).build();
    URI runs = khala.baseUrl().resolve("/api/runs");
    try (LiveSync live = khala.liveSync(config.timeout("ws"))) {
      live.assertMutationOverWsChangesNothing("runs:create", "{\"name\":\"over-ws\"}",
          () -> http.send(HttpRequest.newBuilder(runs).timeout(config.timeout("http")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
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
