package dev.invariantharness.examples.runtime.freeze;

import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.AuthorityService;
import dev.invariantharness.runtime.freeze.WriteRoute;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How long the freeze checks take on the local stack: 200 write routes probed in each of the
 * three write modes (reads before and after each round and the mode switches included) must take
 * well under 10 s with the default bounded concurrency, after one untimed round that warms the JVM. Prints the figure; the bound is generous so a slow machine
 * does not fail the build, a serial or unbounded prober would still stand out.
 */
class FreezeProbeTimingTest {

  static final int ROUTES = 200;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void twoHundredRoutesInThreeModesTakeLessThanTenSeconds() throws Exception {
    try (RuntimeCutoverStack stack = RuntimeCutoverStack.start(RuntimeVariant.CORRECT, Duration.ofSeconds(5))) {
      List<WriteRoute> routes = IntStream.rangeClosed(1, ROUTES)
          .mapToObj(n -> WriteRoute.parse("POST /internal/v1/runs/run-" + n + "/events").withBody("{\"type\":\"probe\",\"seq\":1}"))
          .toList();
      AuthorityService runtime = stack.runtime().withWriteRoutes(routes);
      assertThat(runtime.concurrency()).isEqualTo(AuthorityService.DEFAULT_CONCURRENCY);

      // One untimed round first: class loading and JIT of the first round say nothing about probing.
      long cold = System.nanoTime();
      stack.switchTo(WriteMode.READ_ONLY, false);
      assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites();
      Duration warmUp = Duration.ofNanos(System.nanoTime() - cold);

      long start = System.nanoTime();
      for (WriteMode mode : List.of(WriteMode.READ_ONLY, WriteMode.SHADOW_ONLY, WriteMode.RUST_ACTIVE)) {
        stack.switchTo(mode, mode.acceptsWrites());
        if (mode.acceptsWrites()) {
          assertThat(runtime).inWriteMode(mode).acceptsAuthorityWrites();
        } else {
          assertThat(runtime).inWriteMode(mode).rejectsAuthorityWrites();
        }
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      System.out.printf("[freeze-timing] %d routes x 3 modes = %d writes probed in %d ms (concurrency %d; untimed cold round"
          + " of %d writes: %d ms)%n", ROUTES, ROUTES * 3, took.toMillis(), runtime.concurrency(), ROUTES, warmUp.toMillis());
      assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
  }
}
