package dev.invariantharness.khala.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Khala internal lane: per-topic WebSocket
 * ({@code /internal/v1/khala/topics/{topic}/ws?after_seq=N&limit=M}) with JSON frames tagged by
 * {@code "type"}: {@code hello}, {@code message}, {@code stale_cursor} (fields at the top level or
 * under {@code details}, as the poll endpoint's 410 body has them) and {@code error}. The client
 * sends nothing: its resume point is in the URL.
 *
 * <p>Use through {@link SyncCodec#internalLane()}.
 */
public final class InternalLaneCodec implements SyncCodec {

  static final InternalLaneCodec INSTANCE = new InternalLaneCodec();
  private static final String SURFACE = "Khala internal lane";

  private InternalLaneCodec() {}

  @Override
  public String surface() {
    return SURFACE;
  }

  @Override
  public List<SyncEvent> decode(String message) {
    JsonNode root = JsonText.parse(SURFACE, message);
    if (!root.isObject()) {
      throw new SyncCodecException(SURFACE, message, "expected a JSON object tagged by \"type\"");
    }
    String type = JsonText.text(SURFACE, message, root, "type");
    switch (type) {
      case "hello":
        return List.of(new SyncEvent.Hello(JsonText.text(SURFACE, message, root, "topic"),
            JsonText.number(SURFACE, message, root, "after_seq"), JsonText.optionalNumber(root, "limit"), WireForm.LANE_HELLO));
      case "message": {
        JsonNode m = root.get("message");
        if (m == null || !m.isObject()) {
          throw new SyncCodecException(SURFACE, message, "message frame without a 'message' object");
        }
        return List.of(new SyncEvent.Frame(JsonText.text(SURFACE, message, m, "topic"), JsonText.number(SURFACE, message, m, "sequence"),
            m.path("kind").asText(""), JsonText.payloadText(m.get("payload")), WireForm.LANE_MESSAGE));
      }
      case "stale_cursor": {
        JsonNode d = root.path("details").isObject() ? root.get("details") : root;
        String reason = d.path("reason_codes").isArray() && d.get("reason_codes").size() > 0
            ? d.get("reason_codes").get(0).asText() : "retention_floor_breach";
        StaleTopic t = new StaleTopic(d.path("topic").asText(""), reason, JsonText.optionalNumber(d, "requested_cursor"),
            JsonText.optionalNumber(d, "oldest_available_cursor"), JsonText.optionalNumber(d, "head_cursor"));
        return List.of(new SyncEvent.StaleCursor(List.of(t), root.path("message").asText(d.path("recovery").asText("")), WireForm.LANE_STALE_CURSOR));
      }
      case "error":
        return List.of(new SyncEvent.Error(JsonText.text(SURFACE, message, root, "code"), root.path("message").asText(""), WireForm.LANE_ERROR));
      default:
        throw new SyncCodecException(SURFACE, message, "unknown frame type '" + type + "' (expected hello, message, stale_cursor or error)");
    }
  }

  @Override
  public ClientCommand decodeClient(String message) {
    throw new UnsupportedOperationException(SURFACE + " clients send no messages; the resume point is the after_seq query parameter");
  }

  @Override
  public String encode(ClientCommand command) {
    throw new UnsupportedOperationException(SURFACE + " clients send no messages; the resume point is the after_seq query parameter");
  }

  @Override
  public String encode(SyncEvent event) {
    ObjectNode o = JsonText.object();
    if (event instanceof SyncEvent.Hello h) {
      o.put("type", "hello").put("topic", h.topic()).put("after_seq", h.afterSeq()).put("limit", h.limit())
          .put("recommended_reconnect_backoff_ms", 250);
    } else if (event instanceof SyncEvent.Frame f) {
      o.put("type", "message");
      ObjectNode m = o.putObject("message");
      m.put("topic", f.topic()).put("sequence", f.seq()).put("kind", f.kind() == null ? "update" : f.kind());
      m.set("payload", payload(f.payload()));
      m.put("published_at", "1970-01-01T00:00:00Z");
    } else if (event instanceof SyncEvent.StaleCursor s) {
      o.put("type", "stale_cursor");
      StaleTopic t = s.topics().isEmpty() ? new StaleTopic("", "retention_floor_breach", -1, -1, -1) : s.topics().get(0);
      ObjectNode d = o.putObject("details");
      d.put("topic", t.topic()).put("requested_cursor", t.resumeAfter()).put("oldest_available_cursor", t.retentionFloor())
          .put("head_cursor", t.headWatermark()).put("recovery", "reset_local_watermark_and_replay_bootstrap");
      d.putArray("reason_codes").add(t.reason());
      o.put("message", s.message());
    } else if (event instanceof SyncEvent.Error e) {
      o.put("type", "error").put("code", e.code()).put("message", e.message());
    } else {
      throw new UnsupportedOperationException(SURFACE + " has no encoding for " + event.getClass().getSimpleName());
    }
    return JsonText.write(o);
  }

  private static JsonNode payload(String payload) {
    if (payload == null || payload.isBlank()) {
      return JsonText.object();
    }
    try {
      return JsonText.MAPPER.readTree(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return JsonText.MAPPER.getNodeFactory().textNode(payload);
    }
  }
}
