package dev.invariantharness.khala;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.khala.live.DeliveryLog;
import dev.invariantharness.khala.live.DeliveryLogAssert;
import dev.invariantharness.khala.replay.FrameLog;
import dev.invariantharness.khala.replay.ReplayAssert;
import dev.invariantharness.khala.replay.ReplayAssertions;
import org.apiguardian.api.API;

/**
 * One static import for the Khala assertions, AssertJ style: what one live subscription
 * received, and recorded frame logs checked against the INV-07 replay contract.
 *
 * <pre>{@code
 * import static dev.invariantharness.khala.KhalaAssertions.assertThat;
 *
 * assertThat(live.subscribe(List.of("run:1:events"), Map.of())).deliveredEveryFrameUpToTheHeads();
 * assertThat(FrameLog.of(Path.of("target/frames.jsonl"))).hasNoReplayViolations();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KhalaAssertions {

  private KhalaAssertions() {}

  /** Assertions on what one subscription received on one connection. */
  public static DeliveryLogAssert assertThat(DeliveryLog log) {
    return new DeliveryLogAssert(log);
  }

  /** Assertions on a recorded frame log; see {@link ReplayAssertions#assertThat(FrameLog)}. */
  public static ReplayAssert assertThat(FrameLog log) {
    return ReplayAssertions.assertThat(log);
  }
}
