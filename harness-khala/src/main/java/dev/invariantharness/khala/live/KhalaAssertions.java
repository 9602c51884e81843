package dev.invariantharness.khala.live;

/**
 * Entry point of the Khala assertions, AssertJ style.
 *
 * <pre>{@code
 * import static dev.invariantharness.khala.live.KhalaAssertions.assertThat;
 *
 * assertThat(live.subscribe(List.of("run:1:events"), Map.of())).isOrderedPerTopic();
 * }</pre>
 */
public final class KhalaAssertions {

  private KhalaAssertions() {}

  /** Assertions on what one subscription received. */
  public static FrameLogAssert assertThat(FrameLog log) {
    return new FrameLogAssert(log);
  }
}
