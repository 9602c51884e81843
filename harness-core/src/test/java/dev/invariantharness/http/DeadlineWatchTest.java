package dev.invariantharness.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deadline of a probe that runs on its caller's thread. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DeadlineWatchTest {

  @Test
  void anExpiredDeadlineInterruptsTheCallerNotBeforeItIsDueAndFinishClearsTheInterrupt() {
    try (DeadlineWatch watch = new DeadlineWatch("test-watch", Duration.ofMillis(10))) {
      CallerDeadline deadline = new CallerDeadline(Thread.currentThread());
      long start = System.nanoTime();
      watch.watch(deadline, Duration.ofMillis(150));
      try {
        // nothing counts this down: the wait ends by the deadline's interrupt, or fails after 10 s
        new CountDownLatch(1).await(10, TimeUnit.SECONDS);
        fail("the deadline never interrupted the caller");
      } catch (InterruptedException expected) {
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
      }
      Thread.currentThread().interrupt();
      assertThat(deadline.finish()).as("expired").isTrue();
      assertThat(Thread.currentThread().isInterrupted()).as("the deadline's interrupt is cleared").isFalse();
    }
  }

  @Test
  void anExchangeThatEndsInTimeIsNeverInterrupted() throws InterruptedException {
    try (DeadlineWatch watch = new DeadlineWatch("test-watch", Duration.ofMillis(5))) {
      for (int i = 0; i < 200; i++) {
        CallerDeadline deadline = new CallerDeadline(Thread.currentThread());
        DeadlineWatch.Watched w = watch.watch(deadline, Duration.ofMillis(30));
        watch.done(w);
        assertThat(deadline.finish()).isFalse();
      }
      // longer than every deadline above and many ticks: an interrupt would end this wait early
      assertThat(new CountDownLatch(1).await(100, TimeUnit.MILLISECONDS)).as("nothing counts it down").isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
  }

  @Test
  void closingExpiresWhatIsInFlightAndEndsTheThread() throws InterruptedException {
    DeadlineWatch watch = new DeadlineWatch("test-watch-closing", Duration.ofMillis(50));
    Thread watcher = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("test-watch-closing"))
        .findFirst().orElseThrow();
    CallerDeadline deadline = new CallerDeadline(Thread.currentThread());
    watch.watch(deadline, Duration.ofHours(1));

    watch.close();

    assertThat(deadline.finish()).as("expired by close").isTrue();
    watcher.join(5_000);
    assertThat(watcher.isAlive()).isFalse();
  }

  @Test
  void theTickIsATenthOfTheDeadlineBetweenOneAndFiftyMilliseconds() {
    assertThat(DeadlineWatch.tickFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(50));
    assertThat(DeadlineWatch.tickFor(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(20));
    assertThat(DeadlineWatch.tickFor(Duration.ofMillis(3))).isEqualTo(Duration.ofMillis(1));
  }
}
