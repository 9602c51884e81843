package dev.invariantharness.khala.wire;

/**
 * Which documented form a decoded message arrived in, so a check can say what it saw (real
 * services drift between forms, and a harness that silently normalises hides the drift).
 */
public enum WireForm {
  /** Channel {@code sync:frame} (canonical), payload in base64 {@code payload_bytes}. */
  CHANNEL_FRAME,
  /** Channel {@code sync:update_batch} (compatibility form). */
  CHANNEL_UPDATE_BATCH,
  /** Channel {@code sync:heartbeat}. */
  CHANNEL_HEARTBEAT,
  /** Channel {@code sync:error}. */
  CHANNEL_ERROR,
  /** Channel {@code phx_reply}. */
  CHANNEL_REPLY,
  /** Channel {@code sync:subscribed} (declared, not sent by the real channel). */
  CHANNEL_SUBSCRIBED,
  /** Channel {@code phx_join} (client to server). */
  CHANNEL_JOIN,
  /** Channel {@code sync:subscribe} with {@code resume_after} as a map {@code {topic: watermark}}. */
  CHANNEL_SUBSCRIBE_RESUME_MAP,
  /** Channel {@code sync:subscribe} with {@code resume_after} as a list of {@code {topic, watermark}}. */
  CHANNEL_SUBSCRIBE_RESUME_LIST,
  /** Channel {@code sync:unsubscribe}. */
  CHANNEL_UNSUBSCRIBE,
  /** Any other channel event (e.g. a mutation-shaped command). */
  CHANNEL_OTHER_EVENT,
  /** Internal lane {@code hello}. */
  LANE_HELLO,
  /** Internal lane {@code message}. */
  LANE_MESSAGE,
  /** Internal lane {@code stale_cursor}. */
  LANE_STALE_CURSOR,
  /** Internal lane {@code error}. */
  LANE_ERROR
}
