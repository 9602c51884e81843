package dev.invariantharness.khala.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A client-to-server message on the channel surface, with the {@link WireForm} it arrived in. */
public sealed interface ClientCommand {

  /** The message reference the server's {@code phx_reply} answers. */
  String ref();

  /** The documented form this command was decoded from. */
  WireForm form();

  /**
   * {@code phx_join} of {@code sync:v1}.
   *
   * @param ref the message reference
   * @param metadata join metadata (client, client_build_id, protocol_version, ...); empty when none
   */
  record Join(String ref, JsonNode metadata) implements ClientCommand {
    @Override
    public WireForm form() {
      return WireForm.CHANNEL_JOIN;
    }
  }

  /**
   * {@code sync:subscribe}.
   *
   * @param ref the message reference
   * @param topics the topics
   * @param resumeAfter topic to watermark; topics absent here start from the beginning
   * @param replayBatchSize the requested replay batch size, or 0 when absent
   * @param form {@link WireForm#CHANNEL_SUBSCRIBE_RESUME_MAP} or {@link WireForm#CHANNEL_SUBSCRIBE_RESUME_LIST}
   */
  record Subscribe(String ref, List<String> topics, Map<String, Long> resumeAfter, int replayBatchSize, WireForm form)
      implements ClientCommand {}

  /**
   * {@code sync:heartbeat}. The payload is {@code {}} on the real channel; a client under test may
   * report what it applied as {@code {"watermarks":[{topic, watermark}]}} (map form accepted too),
   * which the fake server records.
   *
   * @param ref the message reference
   * @param watermarks the reported watermarks; empty for the plain heartbeat
   */
  record Heartbeat(String ref, Map<String, Long> watermarks) implements ClientCommand {
    @Override
    public WireForm form() {
      return WireForm.CHANNEL_HEARTBEAT;
    }
  }

  /**
   * {@code sync:unsubscribe}.
   *
   * @param ref the message reference
   * @param topics the topics
   */
  record Unsubscribe(String ref, List<String> topics) implements ClientCommand {
    @Override
    public WireForm form() {
      return WireForm.CHANNEL_UNSUBSCRIBE;
    }
  }

  /**
   * Any other event, e.g. a mutation-shaped command a sync channel must refuse (INV-02).
   *
   * @param ref the message reference
   * @param topic the channel topic
   * @param event the event name
   * @param payload the payload
   */
  record Other(String ref, String topic, String event, JsonNode payload) implements ClientCommand {
    @Override
    public WireForm form() {
      return WireForm.CHANNEL_OTHER_EVENT;
    }
  }
}
