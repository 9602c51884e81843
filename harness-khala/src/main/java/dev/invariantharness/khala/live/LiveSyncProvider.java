package dev.invariantharness.khala.live;

import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.config.Target;
import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;

/**
 * Injects a {@link LiveSync} for the configured Khala target, one per test method. Registered
 * in {@code META-INF/services/dev.invariantharness.fixture.FixtureProvider}.
 *
 * <ul>
 *   <li>{@code invariant.harness.target.khala[.<environment>].base-url}: the target (http, https, ws or wss);
 *   <li>{@code invariant.harness.target.khala.access-token} (env {@code <ENV>_KHALA_ACCESS_TOKEN}):
 *       the socket token, optional, sent as the {@code token} query parameter and never logged;
 *   <li>{@code invariant.harness.timeout.ws}: the bound on every wait (default: the default timeout);
 *   <li>{@code invariant.harness.khala.max-message-bytes}: the largest message accepted (default 1 MiB);
 *   <li>{@code invariant.harness.khala.channel-path}: the channel socket path (default {@code /sync/socket/websocket}).
 * </ul>
 */
public final class LiveSyncProvider implements FixtureProvider<LiveSync> {

  /** The token key. */
  public static final String TOKEN = HarnessConfiguration.PREFIX + "target.khala.access-token";
  /** The message size key. */
  public static final String MAX_MESSAGE_BYTES = HarnessConfiguration.PREFIX + "khala.max-message-bytes";
  /** The channel path key. */
  public static final String CHANNEL_PATH = HarnessConfiguration.PREFIX + "khala.channel-path";

  @Override
  public Class<LiveSync> type() {
    return LiveSync.class;
  }

  @Override
  public LiveSync create(FixtureContext context) {
    HarnessConfiguration config = context.configuration();
    Target khala = config.target("khala");
    int max = config.intNumber(MAX_MESSAGE_BYTES, 1 << 20, 1024);
    LiveSync live = LiveSync.of(khala.baseUrl(), khala.accessToken(), ConnectionOptions.channel(khala.timeout("ws")).withMaxMessageBytes(max));
    return config.get(CHANNEL_PATH).map(live::withChannelPath).orElse(live);
  }
}
