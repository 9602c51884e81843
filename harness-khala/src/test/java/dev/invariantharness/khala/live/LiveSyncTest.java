package dev.invariantharness.khala.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.khala.fake.FaultSchedule;
import dev.invariantharness.khala.fake.HttpRoute;
import dev.invariantharness.khala.wire.ClientCommand;
import dev.invariantharness.khala.wire.SyncCodec;
import dev.invariantharness.khala.wire.SyncEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveSyncTest {

  private static final List<String> TOPICS = List.of("run:1:events", "worker:w1:lifecycle");
  private static final List<String> PROBES = List.of("/sync/socket/websocket", "/api/sync/stream", "/internal/v1/khala/topics/run:1:events/messages");

  @Test
  void orderedDeliveryFromACorrectPeerPasses() {
    try (FakeSyncServer khala = server(FaultSchedule.none()); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertDeliveryIsOrdered(TOPICS)).doesNotThrowAnyException();
    }
  }

  @Test
  void aSubscriptionThatDeliversNothingDoesNotPassVacuously() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("empty", 0).start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertDeliveryIsOrdered(List.of("empty"))).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("no frames delivered for [empty]; nothing to check");
    }
    try (FakeSyncServer khala = server(FaultSchedule.none().staleOnFirstSubscribe()); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertDeliveryIsOrdered(TOPICS)).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("a subscribe without resume point was answered stale_cursor (run:1:events: retention_floor_breach");
    }
  }

  @Test
  void duplicatedFramesFailInv07NamingTheFrame() {
    try (FakeSyncServer khala = server(FaultSchedule.none().duplicates(0.2)); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertDeliveryIsOrdered(TOPICS)).isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining(DeliveryLogAssert.ORDER_RULE)
          .hasMessageMatching("(?s).*frame #\\d+ \\(\\S+ seq \\d+\\): duplicate of seq \\d+.*");
    }
  }

  @Test
  void aGapFailsInv07NamingTheMissingSeqs() {
    try (FakeSyncServer khala = server(FaultSchedule.none().gaps(0.1)); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertDeliveryIsOrdered(TOPICS)).isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-07 violated").hasMessageMatching("(?s).*gap: seq \\d+ follows \\d+, missing \\d+.*");
    }
  }

  @Test
  void reorderedFramesFailInv07() {
    try (FakeSyncServer khala = server(FaultSchedule.none().reorderWindow(5)); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertDeliveryIsOrdered(TOPICS)).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("seq went back from");
    }
  }

  @Test
  void resumeFromACorrectPeerRedeliversExactlyTheRest() {
    try (FakeSyncServer khala = server(FaultSchedule.none()); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertResumeRedeliversExactlyTheFramesAfter("run:1:events", 17)).doesNotThrowAnyException();
    }
  }

  @Test
  void aPeerThatResendsTheWatermarkOnResumeFailsInv07() {
    try (FakeSyncServer khala = server(FaultSchedule.none().resendWatermarkOnResume()); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertResumeRedeliversExactlyTheFramesAfter("run:1:events", 17))
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("resume after a watermark redelivers exactly the frames after it")
          .hasMessageContaining("run:1:events: re-sent seq 17 although the client resumed after 17");
    }
  }

  @Test
  void aPeerThatSkipsAFrameOnResumeFailsInv07() {
    try (FakeSyncServer khala = server(FaultSchedule.none().skipFirstOnResume()); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertResumeRedeliversExactlyTheFramesAfter("run:1:events", 17))
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("resumed after 17 but never delivered [18]");
    }
  }

  @Test
  void theInternalLaneResumesExactly() {
    try (FakeSyncServer khala = server(FaultSchedule.none()); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertLaneResumeRedeliversExactlyTheFramesAfter("run:1:events", 33)).doesNotThrowAnyException();
    }
  }

  @Test
  void aLaneThatSkipsOnResumeFailsInv07() {
    try (FakeSyncServer khala = server(FaultSchedule.none().skipFirstOnResume()); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertLaneResumeRedeliversExactlyTheFramesAfter("run:1:events", 33))
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("first frame after resuming at 33 has seq 35, expected 34");
    }
  }

  @Test
  void aLaneThatDuplicatesFailsInv07() {
    try (FakeSyncServer khala = server(FaultSchedule.none().duplicates(0.3)); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertLaneResumeRedeliversExactlyTheFramesAfter("run:1:events", 10))
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("duplicate of seq");
    }
  }

  @Test
  void theInternalLaneAnswersAStaleCursorAndSilentLossOnTheLaneFails() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 50).retentionFloor("a", 20).start(); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertLaneStaleCursorIsAnswered("a", 3)).doesNotThrowAnyException();
    }
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 50).start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertLaneStaleCursorIsAnswered("a", 3)).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("/internal/v1/khala/topics/a/ws a: resuming after 3 got no stale_cursor but 47 frame(s) starting at seq 4");
    }
  }

  @Test
  void aResumeBelowRetentionIsAnsweredStale() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 80).retentionFloor("a", 40).start(); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertStaleCursorIsAnswered("a", 5)).doesNotThrowAnyException();
    }
  }

  @Test
  void silentLossBelowRetentionFailsInv07() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 80).start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertStaleCursorIsAnswered("a", 5)).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("resuming after 5 got no stale_cursor but 75 frame(s) starting at seq 6 and reply status ok");
    }
  }

  @Test
  void aPeerWithoutEventStreamsIsWebSocketOnly() {
    try (FakeSyncServer khala = server(FaultSchedule.none()); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertLiveSyncIsWebSocketOnly(PROBES, Set.of())).doesNotThrowAnyException();
    }
  }

  @Test
  void anSseLaneFailsInv03UnlessAllowlisted() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 1)
        .http("GET", "/api/sync/stream", call -> new HttpRoute.Answer(200, "text/event-stream", "data: {}\n\n")).start();
        LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertLiveSyncIsWebSocketOnly(PROBES, Set.of())).hasMessageStartingWith("INV-03 violated")
          .hasMessageContaining("GET /api/sync/stream: answered 200 text/event-stream to Accept: text/event-stream");
      assertThatCode(() -> live.assertLiveSyncIsWebSocketOnly(PROBES, Set.of("/api/sync/stream"))).doesNotThrowAnyException();
    }
  }

  @Test
  void aRefusedMutationOverWsPasses() {
    try (FakeSyncServer khala = server(FaultSchedule.none()); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertMutationOverWsChangesNothing("runs:create", "{\"name\":\"x\"}", () -> "runs=0"))
          .doesNotThrowAnyException();
      assertThat(khala.commandsReceived()).containsExactly("runs:create");
    }
  }

  @Test
  void anAcceptedMutationOverWsFailsInv02() {
    AtomicInteger runs = new AtomicInteger();
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 1)
        .onCommand(c -> Optional.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", runs.incrementAndGet())))
        .start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertMutationOverWsChangesNothing("runs:create", "{\"name\":\"x\"}", () -> "runs=" + runs.get()))
          .hasMessageStartingWith("INV-02 violated")
          .hasMessageContaining("runs:create: a mutation-shaped event over WS was accepted: reply ok {\"id\":1}");
    }
  }

  @Test
  void aSilentPeerFailsWithinTheTimeout() {
    assertHostile(FaultSchedule.none().silent(), "no reply to phx_join (ref 1) within PT0.5S");
  }

  @Test
  void malformedJsonFailsNamingTheMessage() {
    assertHostile(FaultSchedule.none().malformedAfter(3), "sent a malformed message after 3 frame(s): Phoenix channel message '{\"this is\": not json'");
  }

  @Test
  void anOversizedFrameFailsTheConnection() {
    assertHostile(FaultSchedule.none().oversizedFrameAfter(2, 256 * 1024), "after 2 frame(s) — a message exceeded the 65536-byte limit");
  }

  @Test
  void aFrameForAnUnsubscribedTopicFails() {
    assertHostile(FaultSchedule.none().foreignTopicFrameAfter(4),
        "sent a frame for topic 'foreign.unsubscribed_topic' (seq 1), which this connection did not subscribe to");
  }

  @Test
  void aCloseMidStreamFails() {
    assertHostile(FaultSchedule.none().closeAfter(5), "connection closed (code 1001: fake server dropped the connection after 5 frames) after 5 frame(s)");
  }

  @Test
  void aPeerTooSlowForTheTimeoutFailsInsteadOfHanging() {
    assertHostile(FaultSchedule.none().slow(Duration.ofMillis(100)), "no reply to sync:subscribe (ref 2) within PT0.5S");
  }

  @Test
  void aSlowPeerWithinTheTimeoutPasses() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 10).faults(FaultSchedule.none().slow(Duration.ofMillis(10))).start();
        LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertDeliveryIsOrdered(List.of("a"))).doesNotThrowAnyException();
    }
  }

  @Test
  void aRefusedTokenFailsAtTheUpgradeWithoutShowingTheToken() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 3).requireToken("the-right-token").start()) {
      try (LiveSync right = LiveSync.of(khala.baseUri(), Optional.of("the-right-token"), ConnectionOptions.channel(Duration.ofSeconds(2)))) {
        assertThatCode(() -> right.assertDeliveryIsOrdered(List.of("a"))).doesNotThrowAnyException();
      }
      try (LiveSync wrong = LiveSync.of(khala.baseUri(), Optional.of("a-wrong-token"), ConnectionOptions.channel(Duration.ofSeconds(2)))) {
        assertThatThrownBy(() -> wrong.assertDeliveryIsOrdered(List.of("a"))).hasMessageStartingWith("INV-07 violated")
            .hasMessageContaining("/sync/socket/websocket: WebSocket upgrade failed within PT2S")
            .hasMessageContaining("403")
            .hasMessageNotContaining("a-wrong-token");
      }
    }
  }

  @Test
  void aTokenInAPeerMessageIsScrubbed() {
    assertThat(new PeerFailure("handshake to ws://h/sync?vsn=2.0.0&token=abc.def-ghi failed")).hasMessage("handshake to ws://h/sync?vsn=2.0.0&token=*** failed");
  }

  @Test
  void aNeverAnsweredSubscribeFails() {
    assertHostile(FaultSchedule.none().neverAnswerSubscribe(), "no reply to sync:subscribe (ref 2) within PT0.5S");
  }

  @Test
  void aHalfOpenSocketFailsTheUpgradeWithinTheTimeout() throws Exception {
    try (java.net.ServerSocket halfOpen = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      // accepts the TCP connection (the kernel backlog does) and never answers the upgrade
      LiveSync live = LiveSync.of(java.net.URI.create("http://127.0.0.1:" + halfOpen.getLocalPort()), Optional.empty(),
          ConnectionOptions.channel(Duration.ofMillis(500)));
      long start = System.nanoTime();
      assertThatThrownBy(() -> live.assertDeliveryIsOrdered(TOPICS)).isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("WebSocket upgrade failed within PT0.5S");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      live.close();
    }
  }

  private static void assertHostile(FaultSchedule faults, String expected) {
    try (FakeSyncServer khala = server(faults);
        LiveSync live = LiveSync.of(khala.baseUri(), Optional.empty(), ConnectionOptions.channel(Duration.ofMillis(500)).withMaxMessageBytes(64 * 1024))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> live.assertDeliveryIsOrdered(TOPICS)).isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining(expected)
          .hasMessageNotContaining("token=");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the ws timeout").isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aPluggedInCodecIsTheOneOnTheWire() {
    AtomicInteger decoded = new AtomicInteger();
    SyncCodec counting = new SyncCodec() {
      private final SyncCodec channel = SyncCodec.phoenixChannel();
      @Override public String surface() { return "counting " + channel.surface(); }
      @Override public List<SyncEvent> decode(String message) { decoded.incrementAndGet(); return channel.decode(message); }
      @Override public ClientCommand decodeClient(String message) { return channel.decodeClient(message); }
      @Override public String encode(ClientCommand command) { return channel.encode(command); }
      @Override public String encode(SyncEvent event) { return channel.encode(event); }
    };
    try (FakeSyncServer khala = server(FaultSchedule.none());
         LiveSync live = LiveSync.of(khala.baseUri(), Optional.empty(), ConnectionOptions.channel(Duration.ofSeconds(3)).withCodec(counting))) {
      live.assertDeliveryIsOrdered(TOPICS);
    }
    assertThat(decoded.get()).as("messages decoded by the plugged-in codec").isGreaterThan(1);
  }

  private static FakeSyncServer server(FaultSchedule faults) {
    return FakeSyncServer.builder().topic(TOPICS.get(0), 60).topic(TOPICS.get(1), 25).faults(faults).start();
  }

  private static LiveSync live(FakeSyncServer khala) {
    return LiveSync.of(khala.baseUri(), Optional.of("secret-token-value"), ConnectionOptions.channel(Duration.ofSeconds(3)));
  }
}
