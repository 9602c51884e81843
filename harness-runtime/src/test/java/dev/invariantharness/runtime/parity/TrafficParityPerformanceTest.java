package dev.invariantharness.runtime.parity;

import static dev.invariantharness.runtime.parity.ParityAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 recorded exchanges replayed to three local services (30,000 real HTTP requests, noise
 * learned from the second legacy instance) are all compared, with every volatile field learned as
 * noise, within a hang guard. How fast is a claim for {@code TrafficParityBenchmark} (JMH), not
 * for a timed unit test on a shared machine; the figure is printed so a run's log shows it.
 */
class TrafficParityPerformanceTest {

  static final int EXCHANGES = 10_000;

  @TempDir Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void tenThousandExchangesAgainstThreeServicesAreAllComparedWithTheirNoiseLearned() throws Exception {
    AtomicLong tick = new AtomicLong();
    TestService.Handler service = r -> new TestService.Reply(200, """
        {"run":{"id":"%s","status":"completed","last_seq":%d},"request_id":"%s","generated_at":%d}
        """.formatted(r.target(), r.target().length(), UUID.randomUUID(), tick.incrementAndGet()));
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < EXCHANGES; i++) {
      jsonl.append("{\"method\":\"GET\",\"path\":\"/api/runs/").append(i).append("?view=full\",\"headers\":{\"Accept\":\"application/json\"}}\n");
    }
    Path recordings = Files.writeString(dir.resolve("traffic.jsonl"), jsonl);
    try (TestService legacy = TestService.start(service);
        TestService legacy2 = TestService.start(service);
        TestService candidate = TestService.start(service)) {
      List<RecordedExchange> exchanges = Recordings.load(recordings);
      TrafficParityResult result = TrafficParity.builder()
          .legacy(legacy.uri()).secondLegacy(legacy2.uri()).candidate(candidate.uri())
          .timeout(Duration.ofSeconds(10)).concurrency(16)
          .build().run(exchanges);
      System.out.printf("shadow parity traffic: %d exchanges (%d requests) against 3 local services in %d ms (%.0f exchanges/s, %d cores)%n",
          result.exchanges(), result.exchanges() * 3, result.elapsed().toMillis(),
          result.exchanges() / (result.elapsed().toNanos() / 1e9), Runtime.getRuntime().availableProcessors());
      assertThat(result.exchanges()).isEqualTo(EXCHANGES);
      assertThat(result.failedExchanges()).isZero();
      assertThat(result.report()).allows();
      assertThat(result.suppressedAsNoise()).isEqualTo(2 * EXCHANGES);
    }
  }
}
