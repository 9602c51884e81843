package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Entry point for INV-07 replay assertions, in AssertJ style.
 *
 * <pre>{@code
 * import static dev.invariantharness.khala.replay.ReplayAssertions.assertThat;
 *
 * assertThat(FrameLog.of(Path.of("target/khala/frames.jsonl"))).hasNoReplayViolations();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReplayAssertions {

  private ReplayAssertions() {}

  /** Assertions on {@code log}, checked under the {@code khala} gap policy by default. */
  public static ReplayAssert assertThat(FrameLog log) {
    return new ReplayAssert(log);
  }
}
