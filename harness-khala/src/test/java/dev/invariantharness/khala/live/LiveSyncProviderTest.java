package dev.invariantharness.khala.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.khala.fake.FaultSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LiveSyncProviderTest {

  private static final String SECRET = "tok-3f9a-very-secret";

  @Test
  void theProviderIsRegisteredForTheFixtureType() {
    assertThat(ServiceLoader.load(FixtureProvider.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(p -> assertThat(p.type()).isEqualTo(LiveSync.class));
  }

  @Test
  void theTargetComesFromConfigurationAndTheTokenOnlyFromTheSocketUrl() {
    try (LiveSync live = create(Map.of("invariant.harness.target.khala.base-url", "https://khala.example:8443",
        LiveSyncProvider.TOKEN, SECRET, "invariant.harness.timeout.ws", "750ms"))) {
      assertThat(live.channelUri()).hasToString("wss://khala.example:8443/sync/socket/websocket?vsn=2.0.0&token=" + SECRET);
      assertThat(live.httpBase()).hasToString("https://khala.example:8443");
      assertThat(live.timeout()).isEqualTo(Duration.ofMillis(750));
    }
  }

  @Test
  void failuresNeverShowTheToken() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 3).faults(FaultSchedule.none().silent()).start();
        LiveSync live = create(Map.of("invariant.harness.target.khala.base-url", khala.baseUri().toString(),
            LiveSyncProvider.TOKEN, SECRET, "invariant.harness.timeout.ws", "300ms"))) {
      assertThatThrownBy(() -> live.assertDeliveryIsOrdered(List.of("a")))
          .hasMessageContaining("ws://127.0.0.1:" + khala.port() + "/sync/socket/websocket: no reply to phx_join")
          .hasMessageNotContaining(SECRET).hasMessageNotContaining("token");
    }
  }

  @Test
  void aBadMessageSizeIsAConfigurationError() {
    assertThatThrownBy(() -> create(Map.of("invariant.harness.target.khala.base-url", "http://127.0.0.1:1",
        LiveSyncProvider.MAX_MESSAGE_BYTES, "lots")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("configuration key 'invariant.harness.khala.max-message-bytes'")
        .hasMessageContaining("INVARIANT_HARNESS_KHALA_MAX_MESSAGE_BYTES")
        .hasMessageEndingWith("'lots' is not a whole number");
  }

  private static LiveSync create(Map<String, String> params) {
    HarnessConfiguration config = HarnessConfiguration.of(params, Map.of(), Map.of());
    return new LiveSyncProvider().create(new FixtureContext(config, Duration.ofSeconds(5), "khala", "LiveSyncProviderTest"));
  }
}
