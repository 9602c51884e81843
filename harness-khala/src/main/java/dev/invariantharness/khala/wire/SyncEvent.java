package dev.invariantharness.khala.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A server-to-client message in surface-neutral form, with the {@link WireForm} it arrived in.
 * One wire message may decode to several events (a {@code sync:update_batch} carries one
 * {@link Frame} per update).
 */
public sealed interface SyncEvent {

  /** The documented form this event was decoded from. */
  WireForm form();

  /**
   * Data at position {@code seq} of {@code topic}.
   *
   * @param topic the topic
   * @param seq the sequence number (the update's watermark)
   * @param kind the frame kind, e.g. {@code KHALA_FRAME_KIND_UPDATE_BATCH}, or the lane's {@code kind}
   * @param payload the update's payload as JSON text
   * @param form the wire form
   */
  record Frame(String topic, long seq, String kind, String payload, WireForm form) implements SyncEvent {}

  /**
   * A {@code phx_reply} to the client message with reference {@code ref}.
   *
   * @param ref the reference of the answered message
   * @param status {@code ok} or {@code error}
   * @param response the response object (never null; empty when absent)
   * @param form the wire form
   */
  record Reply(String ref, String status, JsonNode response, WireForm form) implements SyncEvent {

    /** Whether the peer accepted the message. */
    public boolean ok() {
      return "ok".equals(status);
    }

    /** The response's {@code current_watermarks} as a map (list or map form accepted). */
    public Map<String, Long> currentWatermarks() {
      return Watermarks.read(response.get("current_watermarks"));
    }
  }

  /**
   * The peer's head watermarks ({@code sync:heartbeat}).
   *
   * @param watermarks topic to watermark
   * @param form the wire form
   */
  record Heartbeat(Map<String, Long> watermarks, WireForm form) implements SyncEvent {}

  /**
   * A stale-cursor answer: reset the watermark and rebootstrap.
   *
   * @param topics the stale topics
   * @param message the peer's message
   * @param form the wire form
   */
  record StaleCursor(List<StaleTopic> topics, String message, WireForm form) implements SyncEvent {}

  /**
   * Any other error ({@code bad_subscription}, {@code forbidden_topic}, ...).
   *
   * @param code the error code
   * @param message the peer's message
   * @param form the wire form
   */
  record Error(String code, String message, WireForm form) implements SyncEvent {}

  /**
   * The internal lane's greeting.
   *
   * @param topic the topic
   * @param afterSeq the resume point the lane accepted
   * @param limit the page limit
   * @param form the wire form
   */
  record Hello(String topic, long afterSeq, long limit, WireForm form) implements SyncEvent {}
}
