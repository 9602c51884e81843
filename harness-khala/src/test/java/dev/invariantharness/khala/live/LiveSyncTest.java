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
  void duplicatesAreAtLeastOnceDeliveryNotAViolation() {
    try (FakeSyncServer khala = server(FaultSchedule.none().duplicates(0.2)); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertEveryFrameArrivesAtLeastOnce(TOPICS)).doesNotThrowAnyException();
    }
  }

  @Test
  void crossNodeReorderingIsNotAViolation() {
    try (FakeSyncServer khala = server(FaultSchedule.none().reorderWindow(5)); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertEveryFrameArrivesAtLeastOnce(TOPICS)).doesNotThrowAnyException();
    }
  }

  @Test
  void bothWireFormsBatchesOfFiveAndAReplyBeforeTheReplayAreLegal() {
    for (FaultSchedule legal : List.of(FaultSchedule.none().bothWireForms(), FaultSchedule.none().batchesOf(5),
        FaultSchedule.none().replyBeforeReplay(), FaultSchedule.none().bothWireForms().batchesOf(5).replyBeforeReplay())) {
      try (FakeSyncServer khala = server(legal); LiveSync live = live(khala)) {
        assertThatCode(() -> live.assertEveryFrameArrivesAtLeastOnce(TOPICS, khala.publisher(TOPICS.get(0), 12)))
            .as(legal.toString()).doesNotThrowAnyException();
        assertThatCode(() -> live.assertResumeRedeliversExactlyTheFramesAfter("run:1:events", 17))
            .as(legal.toString()).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void aHoleInTheReplayFailsInv07NamingTheMissingSeqs() {
    try (FakeSyncServer khala = server(FaultSchedule.none().gaps(0.1)); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertEveryFrameArrivesAtLeastOnce(TOPICS)).isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("frame never delivered")
          .hasMessageMatching("(?s).*\\d+ seq\\(s\\) never arrived: seqs? \\d+.*");
    }
  }

  @Test
  void framesPublishedDuringTheCheckAreCoveredAndADroppedLiveFrameFails() {
    try (FakeSyncServer khala = server(FaultSchedule.none().duplicates(0.2)); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertEveryFrameArrivesAtLeastOnce(TOPICS, khala.publisher(TOPICS.get(1), 30)))
          .doesNotThrowAnyException();
    }
    try (FakeSyncServer khala = server(FaultSchedule.none().dropLiveFrame(7)); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertEveryFrameArrivesAtLeastOnce(TOPICS, khala.publisher(TOPICS.get(1), 30)))
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("worker:w1:lifecycle: frame never delivered")
          .hasMessageContaining("1 seq(s) never arrived: seq 32");
      // without publishing, the replay alone cannot show the defect
      assertThatCode(() -> live.assertEveryFrameArrivesAtLeastOnce(TOPICS)).doesNotThrowAnyException();
    }
  }

  @Test
  void aLiveFrameDroppedAtTheTailIsFoundWithinTheBoundedWait() {
    try (FakeSyncServer khala = server(FaultSchedule.none().dropLiveFrame(5));
        LiveSync live = LiveSync.of(khala.baseUri(), Optional.empty(), ConnectionOptions.channel(Duration.ofMillis(800)))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> live.assertEveryFrameArrivesAtLeastOnce(List.of("run:1:events"), khala.publisher("run:1:events", 5)))
          .hasMessageContaining("1 seq(s) never arrived: seq 65 (the tail up to the head)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aFailingPublishHookIsAHarnessProblemNotAFinding() {
    try (FakeSyncServer khala = server(FaultSchedule.none()); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertEveryFrameArrivesAtLeastOnce(TOPICS, () -> {
        throw new java.io.IOException("runtime unreachable");
      })).isInstanceOf(IllegalStateException.class).hasMessageContaining("the publish hook failed")
          .hasMessageContaining("runtime unreachable");
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
          .hasMessageContaining("re-sent seq 17 although the client resumed after 17");
    }
  }

  @Test
  void aPeerThatSkipsAFrameOnResumeFailsInv07() {
    try (FakeSyncServer khala = server(FaultSchedule.none().skipFirstOnResume()); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertResumeRedeliversExactlyTheFramesAfter("run:1:events", 17))
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("resume skipped frames: resumed after 17")
          .hasMessageContaining("1 seq(s) never arrived: seq 18");
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
          .hasMessageStartingWith("INV-07 violated").hasMessageContaining("resumed after 33").hasMessageContaining("seq 34");
    }
  }

  @Test
  void aLaneThatDuplicatesAboveTheWatermarkDeliversAtLeastOnce() {
    try (FakeSyncServer khala = server(FaultSchedule.none().duplicates(0.3)); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertLaneResumeRedeliversExactlyTheFramesAfter("run:1:events", 10)).doesNotThrowAnyException();
    }
  }

  @Test
  void theLaneHeadComesFromTheProtocolOrAHeadSourceNeverFromAnUnservedPollEndpoint() {
    try (FakeSyncServer khala = server(FaultSchedule.none());
        LiveSync live = live(khala).withChannelPath("/no/channel/here")) {
      assertThatThrownBy(() -> live.assertLaneResumeRedeliversExactlyTheFramesAfter("run:1:events", 33))
          .isInstanceOf(dev.invariantharness.HarnessInputException.class)
          .hasMessageContaining("the head of topic 'run:1:events'").hasMessageContaining("withHeadSource");
      LiveSync withSource = live.withHeadSource(topic -> java.util.OptionalLong.of(khala.head(topic)));
      assertThatCode(() -> withSource.assertLaneResumeRedeliversExactlyTheFramesAfter("run:1:events", 33)).doesNotThrowAnyException();
      withSource.close();
    }
  }

  @Test
  void theInternalLaneAnswersAStaleCursorAndSilentLossOnTheLaneFails() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 50).retentionFloor("a", 20).start(); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertLaneStaleCursorIsAnswered("a", 3)).doesNotThrowAnyException();
    }
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 50).retentionFloor("a", 20).faults(FaultSchedule.none().silentStaleCursor())
        .start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertLaneStaleCursorIsAnswered("a", 3)).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("/internal/v1/khala/topics/a/ws a: resuming after 3 got no stale_cursor but 30 frame(s) starting at seq 21");
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
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 80).retentionFloor("a", 40)
        .faults(FaultSchedule.none().silentStaleCursor()).start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertStaleCursorIsAnswered("a", 5)).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("resuming after 5 got no stale_cursor but 40 frame(s) starting at seq 41 and reply status ok: silent loss");
      assertThatThrownBy(() -> live.assertStaleCursorIsAnswered("a")).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("resuming after 39 got no stale_cursor but 40 frame(s) starting at seq 41");
    }
  }

  @Test
  void theStaleResumeIsLearnedFromTheProtocol() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 80).retentionFloor("a", 40).start(); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertStaleCursorIsAnswered("a")).doesNotThrowAnyException();
    }
  }

  @Test
  void aResumeOverTheReplayBudgetIsAnsweredStaleEvenWithinRetention() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 600).replayBudget("a", 500).start(); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertStaleCursorIsAnswered("a")).doesNotThrowAnyException();
      assertThatCode(() -> live.assertStaleCursorIsAnswered("a", 50)).doesNotThrowAnyException();
    }
  }

  @Test
  void aReplayOverTheBudgetWithoutStaleCursorFailsInv07() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 600).replayBudget("a", 500)
        .faults(FaultSchedule.none().silentStaleCursor()).start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertStaleCursorIsAnswered("a")).hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("resuming after 0 is 600 events behind head 600, over the replay budget of 500,"
              + " yet no stale_cursor (replay_budget_exceeded) came");
    }
  }

  @Test
  void aResumeCheckOverTheReplayBudgetIsAConfigurationErrorNotAFinding() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 300).replayBudget("a", 100).start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertResumeRedeliversExactlyTheFramesAfter("a", 5))
          .isInstanceOf(dev.invariantharness.HarnessInputException.class)
          .hasMessageContaining("the resume check of topic 'a' after 5 frame(s)")
          .hasMessageContaining("replay_budget_exceeded")
          .hasMessageContaining("choose a topic whose history after the first 5 frame(s) fits within its replay budget");
    }
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 300).replayBudget("a", 400).start(); LiveSync live = live(khala)) {
      assertThatCode(() -> live.assertResumeRedeliversExactlyTheFramesAfter("a", 5)).doesNotThrowAnyException();
    }
  }

  @Test
  void aWatermarkThatIsNotStaleIsAConfigurationErrorNotAFinding() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 80).start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertStaleCursorIsAnswered("a", 5)).isInstanceOf(dev.invariantharness.HarnessInputException.class)
          .hasMessageContaining("redelivered every frame 6..80 within the replay budget of 500")
          .hasMessageContaining("pass a watermark below the floor");
      assertThatThrownBy(() -> live.assertStaleCursorIsAnswered("a")).isInstanceOf(dev.invariantharness.HarnessInputException.class)
          .hasMessageContaining("no stale resume point can be made");
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
  void anAcceptedMutationOverWsFailsInv02AndItsWriteInv06Together() {
    AtomicInteger runs = new AtomicInteger();
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 1)
        .onCommand(c -> Optional.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", runs.incrementAndGet())))
        .start(); LiveSync live = live(khala)) {
      assertThatThrownBy(() -> live.assertMutationOverWsChangesNothing("runs:create", "{\"name\":\"x\"}", () -> "runs=" + runs.get()))
          .isInstanceOfSatisfying(InvariantViolation.class, e -> assertThat(e.invariants()).containsExactly("INV-02", "INV-06"))
          .hasMessageContaining("runs:create: a mutation-shaped event over WS was accepted: reply ok {\"id\":1}")
          .hasMessageContaining("state read back over HTTP changed after the WS message: before runs=0, after runs=1");
    }
  }

  @Test
  void aRefusedMutationPassesUnder200And1000FramesPerSecondOfBackgroundAppends() throws Exception {
    for (int perSecond : new int[] {200, 1000}) {
      AtomicInteger runs = new AtomicInteger();
      try (FakeSyncServer khala = FakeSyncServer.builder().topic("runtime.run_summaries", 5).start(); LiveSync live = live(khala);
          Appender load = new Appender(khala, "runtime.run_summaries", perSecond)) {
        String readBack = "{\"runs\":%d,\"summaries_head\":%d}";
        assertThatCode(() -> live.mutationOverWs("runs:create", "{\"name\":\"probe-7f3a\"}")
            .readBack(() -> String.format(readBack, runs.get(), khala.head("runtime.run_summaries")), "/runs")
            .watching(List.of("runtime.run_summaries"), "probe-7f3a")
            .assertRefusedAndChangesNothing()).as("%d frames/s", perSecond).doesNotThrowAnyException();
        load.close();
        assertThat(load.rate()).as("background appends per second achieved").isGreaterThanOrEqualTo(perSecond * 0.8);
      }
    }
  }

  @Test
  void aMutationThatReachesTheProjectionFailsInv06EvenUnderLoad() throws Exception {
    java.util.concurrent.atomic.AtomicReference<FakeSyncServer> self = new java.util.concurrent.atomic.AtomicReference<>();
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("runtime.run_summaries", 5)
        .onCommand(c -> {
          long seq = self.get().append("runtime.run_summaries", "{\"run\":" + c.payload().toString() + "}");
          return Optional.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("seq", seq));
        }).start(); LiveSync live = live(khala); Appender load = new Appender(khala, "runtime.run_summaries", 1000)) {
      self.set(khala);
      assertThatThrownBy(() -> live.mutationOverWs("runs:create", "{\"name\":\"probe-7f3a\"}")
          .watching(List.of("runtime.run_summaries"), "probe-7f3a")
          .assertRefusedAndChangesNothing())
          .isInstanceOfSatisfying(InvariantViolation.class, e -> assertThat(e.invariants()).containsExactly("INV-02", "INV-06"))
          .hasMessageContaining("the projection published the WS mutation: frame(s) carrying 'probe-7f3a'");
    }
  }

  /** Appends to a topic of the fake at a steady rate on its own thread, until closed. */
  private static final class Appender implements AutoCloseable {
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicLong appended = new java.util.concurrent.atomic.AtomicLong();
    private final long start = System.nanoTime();
    private volatile boolean running = true;
    private volatile long stoppedAt;

    Appender(FakeSyncServer khala, String topic, int perSecond) {
      long every = 1_000_000_000L / perSecond;
      thread = new Thread(() -> {
        long next = System.nanoTime();
        while (running) {
          khala.append(topic, "{\"background\":" + appended.incrementAndGet() + "}");
          next += every;
          // deliberate pacing to a rate, not a wait for a condition
          java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
      }, "background-appends");
      thread.setDaemon(true);
      thread.start();
    }

    double rate() {
      return appended.get() / ((stoppedAt - start) / 1e9);
    }

    @Override
    public void close() throws InterruptedException {
      if (running) {
        running = false;
        thread.join(5_000);
        stoppedAt = System.nanoTime();
      }
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
    PeerFailure failure = new PeerFailure("handshake to ws://h/sync?vsn=2.0.0&token=abc.def-ghi failed");
    assertThat(failure.detail()).isEqualTo("handshake to ws://h/sync?vsn=2.0.0&token=*** failed");
    assertThat(failure).hasMessageStartingWith("INV-07 violated").hasMessageNotContaining("abc.def");
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
