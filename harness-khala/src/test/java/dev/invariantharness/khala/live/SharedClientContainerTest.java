package dev.invariantharness.khala.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.khala.fake.FakeSyncServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connections share one Tyrus client container. Tyrus shuts a container's executors down when its
 * last session closes; a connection opened in that moment used to fail its first send with a
 * {@code RejectedExecutionException} — a false INV-07 finding against a correct service.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedClientContainerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void aConnectionOpenedWhileTheLastOtherOneClosesCanStillSend() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 3).start()) {
      for (int round = 0; round < 50; round++) {
        KhalaConnection closing = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT));
        closing.join();
        CountDownLatch go = new CountDownLatch(1);
        Future<?> close = pool.submit(() -> {
          go.await();
          closing.close();
          return null;
        });
        Future<Long> opened = pool.submit(() -> {
          go.await();
          try (KhalaConnection fresh = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT))) {
            fresh.join();
            fresh.subscribe(List.of("a"), Map.of());
            return fresh.highestSeq("a", 0);
          }
        });
        go.countDown();
        close.get(10, TimeUnit.SECONDS);
        assertThat(opened.get(10, TimeUnit.SECONDS)).as("round %d: frames replayed to the fresh connection", round).isEqualTo(3L);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closingTheLastConnectionLeavesTheExecutorsOthersAlreadyHoldRunning() throws Exception {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 3).start()) {
      KhalaConnection last = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT));
      last.join();
      // what a connection being opened at this moment has already taken from the shared container
      ScheduledExecutorService taken = last.container().getScheduledExecutorService();
      last.close();
      // Tyrus shut the executors down as the last session ended: a second is ample for that to show
      assertThat(taken.awaitTermination(1, TimeUnit.SECONDS)).as("executor shut down under a connection being opened").isFalse();
      assertThat(taken.isShutdown()).isFalse();
    }
  }

  @Test
  void theSharedContainersThreadsEndOnceIdle() throws Exception {
    List<Thread> before = new ArrayList<>(Thread.getAllStackTraces().keySet());
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 3).start();
        KhalaConnection c = KhalaConnection.open(khala.channelUri(), ConnectionOptions.channel(WAIT))) {
      c.join();
      c.subscribe(List.of("a"), Map.of());
    }
    long deadline = System.nanoTime() + Duration.ofMillis(IdlingClientManager.IDLE_MILLIS * 5).toNanos();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.getName().startsWith("khala-client-")) {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        assertThat(t.isAlive()).as("%s still alive after the connection closed", t.getName()).isFalse();
      }
    }
  }
}
