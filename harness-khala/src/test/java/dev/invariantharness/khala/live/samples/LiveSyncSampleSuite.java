package dev.invariantharness.khala.live.samples;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.khala.live.LiveSync;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A user's suite with the injected fixture; run only nested, by {@code LiveSyncInjectionTest}. */
@InvariantTest(lane = "khala")
public class LiveSyncSampleSuite {

  @Test
  @Verifies("INV-07")
  void deliveryIsOrdered(LiveSync khala) {
    khala.assertDeliveryIsOrdered(List.of("run:1:events"));
  }

  @Test
  @Verifies("INV-03")
  void liveSyncIsWebSocketOnly(LiveSync khala) {
    khala.assertLiveSyncIsWebSocketOnly(List.of("/api/sync/stream"), Set.of());
  }
}
