package dev.invariantharness.khala.live;

import dev.invariantharness.khala.wire.SyncCodec;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a {@link KhalaConnection} talks to its peer.
 *
 * @param timeout the bound on the handshake and on every wait for a message
 * @param maxMessageBytes the largest message accepted; a larger one fails the connection (1009)
 * @param heartbeatEvery how often {@code sync:heartbeat} is sent while waiting (the channel wants 20 s)
 * @param codec the wire surface
 * @param watermarks what to report in heartbeats (empty map: the plain {@code {}} heartbeat)
 * @param recordFrames whether {@link KhalaConnection#frames()} keeps every frame (off for long streams)
 */
public record ConnectionOptions(Duration timeout, int maxMessageBytes, Duration heartbeatEvery, SyncCodec codec,
    Supplier<Map<String, Long>> watermarks, boolean recordFrames) {

  /** Validates. */
  public ConnectionOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(heartbeatEvery, "heartbeatEvery");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(watermarks, "watermarks");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** Channel surface, {@code timeout}, 1 MiB messages, 20 s heartbeats. */
  public static ConnectionOptions channel(Duration timeout) {
    return new ConnectionOptions(timeout, 1 << 20, Duration.ofSeconds(20), SyncCodec.phoenixChannel(), Map::of, true);
  }

  /** Internal-lane surface, {@code timeout}, 1 MiB messages. */
  public static ConnectionOptions lane(Duration timeout) {
    return new ConnectionOptions(timeout, 1 << 20, Duration.ofSeconds(20), SyncCodec.internalLane(), Map::of, true);
  }

  /** A copy with another message size limit. */
  public ConnectionOptions withMaxMessageBytes(int bytes) {
    return new ConnectionOptions(timeout, bytes, heartbeatEvery, codec, watermarks, recordFrames);
  }

  /** A copy with another heartbeat interval. */
  public ConnectionOptions withHeartbeatEvery(Duration every) {
    return new ConnectionOptions(timeout, maxMessageBytes, every, codec, watermarks, recordFrames);
  }

  /** A copy reporting {@code watermarks} in heartbeats. */
  public ConnectionOptions withWatermarks(Supplier<Map<String, Long>> watermarks) {
    return new ConnectionOptions(timeout, maxMessageBytes, heartbeatEvery, codec, watermarks, recordFrames);
  }

  /**
   * A copy speaking another wire format: a team whose service drifted from the documented
   * protocol plugs its own {@link SyncCodec} in here (or wraps a built-in one).
   */
  public ConnectionOptions withCodec(SyncCodec codec) {
    return new ConnectionOptions(timeout, maxMessageBytes, heartbeatEvery, codec, watermarks, recordFrames);
  }

  /** A copy that does not keep frames (the caller consumes events as they come). */
  public ConnectionOptions withoutRecording() {
    return new ConnectionOptions(timeout, maxMessageBytes, heartbeatEvery, codec, watermarks, false);
  }
}
