package dev.invariantharness.khala.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.khala.live.ApplyingClient;
import dev.invariantharness.khala.live.ConnectionOptions;
import dev.invariantharness.khala.live.KhalaConnection;
import dev.invariantharness.khala.live.PeerFailure;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FakeSyncServerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final List<String> TOPICS = List.of("run:1:events", "runtime.notifications");

  @Test
  void replaysEveryFrameInOrderBeforeTheSubscribeReply() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("run:1:events", 20).start();
        KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT))) {
      c.join();
      SyncEvent.Reply reply = c.subscribe(List.of("run:1:events"), Map.of());
      assertThat(reply.ok()).isTrue();
      assertThat(reply.currentWatermarks()).containsEntry("run:1:events", 20L);
      assertThat(c.frames()).extracting(SyncEvent.Frame::seq).containsExactlyElementsOf(range(1, 20));
      assertThat(c.frames()).allSatisfy(f -> assertThat(f.form()).isEqualTo(WireForm.CHANNEL_FRAME));
    }
  }

  @Test
  void resumeRedeliversExactlyTheFramesAfterTheWatermarkInBothResumeForms() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 30).start()) {
      for (WireForm form : List.of(WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP, WireForm.CHANNEL_SUBSCRIBE_RESUME_LIST)) {
        try (KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT))) {
          c.join();
          c.awaitReply(c.sendSubscribe(List.of("a"), Map.of("a", 25L), form), "sync:subscribe");
          assertThat(c.frames()).extracting(SyncEvent.Frame::seq).containsExactly(26L, 27L, 28L, 29L, 30L);
        }
      }
    }
  }

  @Test
  void liveAppendsFollowTheReplay() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 3).start();
        KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT))) {
      c.join();
      c.subscribe(List.of("a"), Map.of());
      assertThat(khala.append("a", "{\"n\":4}")).isEqualTo(4);
      assertThat(c.next(WAIT)).get().isEqualTo(new SyncEvent.Frame("a", 4, "KHALA_FRAME_KIND_UPDATE_BATCH", "{\"n\":4}", WireForm.CHANNEL_FRAME));
    }
  }

  @Test
  void aFrameThatHasArrivedIsReturnedByAZeroWait() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 3).start();
        KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT))) {
      c.join();
      c.subscribe(List.of("a"), Map.of());
      khala.append("a", "{\"n\":4}");

      Optional<SyncEvent> seen = Optional.empty();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        seen = c.next(Duration.ZERO);
        Thread.onSpinWait();
      }

      assertThat(seen).as("the appended frame, once it has arrived, through next(Duration.ZERO)")
          .get().isEqualTo(new SyncEvent.Frame("a", 4, "KHALA_FRAME_KIND_UPDATE_BATCH", "{\"n\":4}", WireForm.CHANNEL_FRAME));
    }
  }

  @Test
  void resumeBelowTheRetentionFloorIsAnsweredWithStaleCursor() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 100).retentionFloor("a", 60).start();
        KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT))) {
      c.join();
      SyncEvent.Reply reply = c.subscribe(List.of("a"), Map.of("a", 10L));
      assertThat(reply.ok()).isFalse();
      assertThat(reply.response().path("code").asText()).isEqualTo("stale_cursor");
      assertThat(c.frames()).isEmpty();
    }
  }

  @Test
  void aCorrectClientConvergesUnderEveryGeneratedSchedule() {
    for (long seed = 1; seed <= 12; seed++) {
      try (FakeSyncServer khala = FakeSyncServer.builder().topic(TOPICS.get(0), 150).topic(TOPICS.get(1), 60)
          .faults(FaultSchedule.seed(seed)).heartbeatEvery(Duration.ofMillis(200)).start()) {
        ApplyingClient.Result r = ApplyingClient.to(khala.channelUri()).topics(TOPICS).timeout(Duration.ofSeconds(10))
            .messageTimeout(Duration.ofSeconds(2)).run();
        khala.verdict(r.applied()).assertCorrect();
      }
    }
  }

  @Test
  void aClientThatAppliesDuplicatesIsCaughtNamingTheReplayableSchedule() {
    FaultSchedule duplicates = FaultSchedule.none().duplicates(0.3);
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 50).faults(duplicates).start()) {
      ApplyingClient.Result r = ApplyingClient.to(khala.channelUri()).topics(List.of("a")).timeout(WAIT).applyDuplicates(true).run();
      ClientVerdict verdict = khala.verdict(r.applied());
      assertThat(verdict.passed()).isFalse();
      assertThatThrownBy(verdict::assertCorrect).isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-07 violated")
          .hasMessageContaining("(replay with FaultSchedule.none().duplicates(0.300))")
          .hasMessageContaining("a (event ")
          .hasMessageContaining("duplicate apply: applied seq").hasMessageContaining("again: it is at or below last_applied_seq");
    }
  }

  @Test
  void aClientThatStopsEarlyIsCaughtAsASilentHole() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 10).faults(FaultSchedule.seed(3L)).start()) {
      assertThatThrownBy(() -> khala.verdict(Map.of("a", List.of(1L, 2L, 3L, 5L))).assertCorrect())
          .hasMessageContaining("(replay with FaultSchedule.seed(3L))")
          .hasMessageContaining("gap applied: applied seq 5 with last_applied_seq 3 under the strict gap policy");
      assertThatThrownBy(() -> khala.verdict(Map.of("a", range(1, 8))).assertCorrect())
          .hasMessageContaining("silent hole at end").hasMessageContaining("the server sent up to seq 10 but last_applied_seq is 8: seqs 9..10 never applied");
    }
  }

  @Test
  void aStaleCursorResetsTheClientToTheFloorAndItRebootstraps() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 40).retentionFloor("a", 0)
        .faults(FaultSchedule.none().staleOnFirstSubscribe().faultyConnections(1)).start()) {
      ApplyingClient.Result r = ApplyingClient.to(khala.channelUri()).topics(List.of("a")).timeout(WAIT).run();
      assertThat(r.staleResets()).isEqualTo(1);
      khala.verdict(r.applied()).assertCorrect();
    }
  }

  @Test
  void theSameSeedDeliversTheSameFrames() {
    List<Long> first = deliveredOnce(FaultSchedule.seed(11L));
    assertThat(deliveredOnce(FaultSchedule.seed(11L))).isEqualTo(first);
    assertThat(FaultSchedule.seed(11L)).hasToString("FaultSchedule.seed(11L)");
    assertThat(FaultSchedule.seed(11L).duplicates(0.2).closeAfter(9)).hasToString("FaultSchedule.seed(11L).duplicates(0.200).closeAfter(9)");
    assertThat(FaultSchedule.none().reorderWindow(3).slow(Duration.ofMillis(5)))
        .hasToString("FaultSchedule.none().reorderWindow(3).slow(Duration.ofMillis(5))");
  }

  @Test
  void heartbeatsCarryingWatermarksAreRecordedAsAcknowledged() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 5).start();
        KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT).withWatermarks(() -> Map.of("a", 5L)))) {
      c.join();
      c.subscribe(List.of("a"), Map.of());
      c.heartbeat();
      c.next(Duration.ofMillis(500));
      assertThat(khala.acknowledged()).containsEntry("a", 5L);
    }
  }

  @Test
  void aSubscribeThatIsNeverAnsweredFailsTheWaitNotTheBuild() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 5).faults(FaultSchedule.none().neverAnswerSubscribe()).start();
        KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(Duration.ofMillis(400)))) {
      c.join();
      assertThatThrownBy(() -> c.subscribe(List.of("a"), Map.of()))
          .isInstanceOf(PeerFailure.class)
          .hasMessageStartingWith("INV-07 violated")
          .hasMessageMatching("(?s).*ws://127\\.0\\.0\\.1:\\d+/sync/socket/websocket: no reply to sync:subscribe \\(ref 2\\) within PT0\\.4S; 0 frame\\(s\\) received before");
    }
  }

  @Test
  void theInternalLaneSendsHelloThenTheFramesAfterTheCursor() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 10).retentionFloor("a", 2).start()) {
      try (KhalaConnection lane = KhalaConnection.open(khala.laneUri("a", 7), ConnectionOptions.lane(WAIT))) {
        assertThat(lane.next(WAIT)).get().isEqualTo(new SyncEvent.Hello("a", 7, 500, WireForm.LANE_HELLO));
        assertThat(List.of(lane.next(WAIT).orElseThrow(), lane.next(WAIT).orElseThrow(), lane.next(WAIT).orElseThrow()))
            .extracting(e -> ((SyncEvent.Frame) e).seq()).containsExactly(8L, 9L, 10L);
      }
      try (KhalaConnection lane = KhalaConnection.open(khala.laneUri("a", 1), ConnectionOptions.lane(WAIT))) {
        lane.next(WAIT);
        assertThat(lane.next(WAIT)).get().isInstanceOfSatisfying(SyncEvent.StaleCursor.class,
            s -> assertThat(s.topics().get(0).retentionFloor()).isEqualTo(2));
      }
    }
  }

  @Test
  void plainHttpAnswersLikeTheRealService() throws Exception {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 10).retentionFloor("a", 3)
        .http("GET", "/api/extra", call -> HttpRoute.Answer.json(200, "{\"extra\":true}")).start()) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
      assertThat(get(http, khala.httpUri("/sync/socket/websocket")).statusCode()).isEqualTo(400);
      assertThat(get(http, khala.httpUri("/internal/v1/khala/topics/a/ws")).statusCode()).isEqualTo(426);
      HttpResponse<String> page = get(http, khala.httpUri("/internal/v1/khala/topics/a/messages?after_seq=8&limit=5"));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("\"sequence\":9").contains("\"sequence\":10").contains("\"replay_complete\":true");
      HttpResponse<String> stale = get(http, khala.httpUri("/internal/v1/khala/topics/a/messages?after_seq=1"));
      assertThat(stale.statusCode()).isEqualTo(410);
      assertThat(stale.body()).contains("\"error\":\"stale_cursor\"").contains("reset_local_watermark_and_replay_bootstrap");
      assertThat(get(http, khala.httpUri("/api/extra")).body()).isEqualTo("{\"extra\":true}");
    }
  }

  @Test
  void closingStopsEveryThreadTheServerAndItsClientsStarted() throws InterruptedException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (FakeSyncServer khala = FakeSyncServer.builder().name("khala-leakcheck").topic("a", 50).heartbeatEvery(Duration.ofMillis(50)).start()) {
      ApplyingClient.Result r = ApplyingClient.to(khala.channelUri()).topics(List.of("a")).timeout(WAIT).run();
      khala.verdict(r.applied()).assertCorrect();
      assertThat(threadNames()).anyMatch(n -> n.startsWith("khala-leakcheck"));
      assertThat(khala.awaitNoOpenConnections(WAIT)).isTrue();
    }
    assertThat(ThreadLeaks.aliveAfter(before, Duration.ofSeconds(5))).as("threads started and not stopped").isEmpty();
  }

  private static List<Long> deliveredOnce(FaultSchedule schedule) {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 80).faults(schedule.faultyConnections(5)).start();
        KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT))) {
      c.join();
      c.sendSubscribe(List.of("a"), Map.of(), WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP);
      while (true) {
        Optional<SyncEvent> e;
        try {
          e = c.next(Duration.ofMillis(300));
        } catch (PeerFailure closed) {
          break;
        }
        if (e.isEmpty() || e.get() instanceof SyncEvent.Reply) {
          break;
        }
      }
      return c.frames().stream().map(SyncEvent.Frame::seq).toList();
    }
  }

  static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<Long> range(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
  }
}
