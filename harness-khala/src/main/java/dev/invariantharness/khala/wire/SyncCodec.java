package dev.invariantharness.khala.wire;

import java.util.List;

/**
 * One Khala wire surface: decodes what a peer sends and encodes what the harness sends. The
 * harness speaks only through this interface, so a team whose service drifted to a form of its
 * own plugs in a codec instead of patching checks.
 *
 * <pre>{@code
 * SyncCodec codec = SyncCodec.phoenixChannel();
 * String join = codec.encode(new ClientCommand.Join("1", JsonNodeFactory.instance.objectNode()));
 * for (SyncEvent e : codec.decode(text)) {
 *   if (e instanceof SyncEvent.Frame f) apply(f.topic(), f.seq(), f.payload());
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe and stateless.
 */
public interface SyncCodec {

  /** The client surface: Phoenix channel {@code sync:v1} over WebSocket. */
  static SyncCodec phoenixChannel() {
    return PhoenixChannelCodec.INSTANCE;
  }

  /** The per-topic internal lane: typed JSON frames tagged by {@code "type"}. */
  static SyncCodec internalLane() {
    return InternalLaneCodec.INSTANCE;
  }

  /** A human name of the surface, used in messages. */
  String surface();

  /**
   * Decodes one server-to-client message.
   *
   * @throws SyncCodecException when the message is in no documented form
   */
  List<SyncEvent> decode(String message);

  /**
   * Decodes one client-to-server message.
   *
   * @throws SyncCodecException when the message is in no documented form
   * @throws UnsupportedOperationException when the surface has no client messages (the lane)
   */
  ClientCommand decodeClient(String message);

  /** Encodes one client-to-server message. */
  String encode(ClientCommand command);

  /** Encodes one server-to-client message (the fake server uses this). */
  String encode(SyncEvent event);
}
