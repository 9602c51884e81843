package dev.invariantharness.khala.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Khala client surface: Phoenix channel {@code sync:v1}, every message a 5-element array
 * {@code [join_ref, ref, topic, event, payload]}. Accepts {@code sync:frame} (its base64
 * {@code payload_bytes} holding an update batch or a single payload), {@code sync:update_batch},
 * {@code sync:heartbeat}, {@code sync:error} (stale cursor and other codes), {@code phx_reply},
 * {@code sync:subscribed}, {@code phx_error} and {@code phx_close}; and from clients
 * {@code phx_join}, {@code sync:subscribe} ({@code resume_after} as map or list),
 * {@code sync:heartbeat}, {@code sync:unsubscribe} and any other event.
 *
 * <p>Use through {@link SyncCodec#phoenixChannel()}.
 */
public final class PhoenixChannelCodec implements SyncCodec {

  /** The channel topic. */
  public static final String CHANNEL = "sync:v1";
  /** The frame kind of a data frame. */
  public static final String KIND_UPDATE_BATCH = "KHALA_FRAME_KIND_UPDATE_BATCH";
  /** The frame kind of an error frame (stale cursor: seq 0). */
  public static final String KIND_ERROR = "KHALA_FRAME_KIND_ERROR";

  static final PhoenixChannelCodec INSTANCE = new PhoenixChannelCodec();
  private static final String SURFACE = "Phoenix channel";

  private PhoenixChannelCodec() {}

  @Override
  public String surface() {
    return SURFACE;
  }

  @Override
  public List<SyncEvent> decode(String message) {
    List<SyncEvent> frames = ChannelFrameReader.read(message);
    return frames != null ? frames : decodeTree(message);
  }

  /** Decodes through a JSON tree: every message shape, and the error messages for malformed ones. */
  List<SyncEvent> decodeTree(String message) {
    JsonNode[] m = envelope(message);
    String ref = m[1].isNull() ? null : m[1].asText();
    String event = m[3].asText();
    JsonNode payload = m[4];
    try {
      return switch (event) {
        case "phx_reply" -> List.of(new SyncEvent.Reply(ref, JsonText.text(SURFACE, message, payload, "status"),
            payload.path("response").isObject() ? payload.get("response") : JsonText.object(), WireForm.CHANNEL_REPLY));
        case "sync:subscribed" -> List.of(new SyncEvent.Reply(ref, "ok", payload, WireForm.CHANNEL_SUBSCRIBED));
        case "sync:frame" -> frame(message, payload);
        case "sync:update_batch" -> updateBatch(message, payload);
        case "sync:heartbeat" -> List.of(new SyncEvent.Heartbeat(Watermarks.read(payload.get("watermarks")), WireForm.CHANNEL_HEARTBEAT));
        case "sync:error" -> List.of(error(message, payload, WireForm.CHANNEL_ERROR));
        case "phx_error", "phx_close" -> List.of(new SyncEvent.Error(event, payload.path("reason").asText(event), WireForm.CHANNEL_ERROR));
        default -> throw new SyncCodecException(SURFACE, message, "unknown server event '" + event
            + "' (expected phx_reply, sync:frame, sync:update_batch, sync:heartbeat, sync:error, sync:subscribed, phx_error or phx_close)");
      };
    } catch (IllegalArgumentException e) {
      throw new SyncCodecException(SURFACE, message, e.getMessage(), e);
    }
  }

  @Override
  public ClientCommand decodeClient(String message) {
    JsonNode[] m = envelope(message);
    String ref = m[1].isNull() ? null : m[1].asText();
    String event = m[3].asText();
    JsonNode payload = m[4];
    try {
      switch (event) {
        case "phx_join":
          return new ClientCommand.Join(ref, payload);
        case "sync:subscribe": {
          JsonNode topics = payload.get("topics");
          if (topics == null || !topics.isArray()) {
            throw new SyncCodecException(SURFACE, message, "sync:subscribe has no 'topics' list");
          }
          List<String> names = new ArrayList<>();
          topics.forEach(t -> names.add(t.asText()));
          JsonNode resume = payload.get("resume_after");
          WireForm form = resume != null && resume.isArray() ? WireForm.CHANNEL_SUBSCRIBE_RESUME_LIST : WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP;
          return new ClientCommand.Subscribe(ref, List.copyOf(names), Map.copyOf(Watermarks.read(resume)),
              payload.path("replay_batch_size").asInt(0), form);
        }
        case "sync:heartbeat":
          return new ClientCommand.Heartbeat(ref, Map.copyOf(Watermarks.read(payload.get("watermarks"))));
        case "sync:unsubscribe": {
          List<String> names = new ArrayList<>();
          payload.path("topics").forEach(t -> names.add(t.asText()));
          return new ClientCommand.Unsubscribe(ref, List.copyOf(names));
        }
        default:
          return new ClientCommand.Other(ref, m[2].asText(), event, payload);
      }
    } catch (IllegalArgumentException e) {
      throw new SyncCodecException(SURFACE, message, e.getMessage(), e);
    }
  }

  @Override
  public String encode(ClientCommand command) {
    ObjectNode payload = JsonText.object();
    String event;
    if (command instanceof ClientCommand.Join j) {
      event = "phx_join";
      if (j.metadata() != null && j.metadata().isObject()) {
        payload.setAll((ObjectNode) j.metadata());
      }
    } else if (command instanceof ClientCommand.Subscribe s) {
      event = "sync:subscribe";
      ArrayNode topics = payload.putArray("topics");
      s.topics().forEach(topics::add);
      if (s.form() == WireForm.CHANNEL_SUBSCRIBE_RESUME_LIST) {
        payload.set("resume_after", list(s.resumeAfter()));
      } else {
        ObjectNode resume = payload.putObject("resume_after");
        s.resumeAfter().forEach(resume::put);
      }
      if (s.replayBatchSize() > 0) {
        payload.put("replay_batch_size", s.replayBatchSize());
      }
    } else if (command instanceof ClientCommand.Heartbeat h) {
      event = "sync:heartbeat";
      if (!h.watermarks().isEmpty()) {
        payload.set("watermarks", list(h.watermarks()));
      }
    } else if (command instanceof ClientCommand.Unsubscribe u) {
      event = "sync:unsubscribe";
      ArrayNode topics = payload.putArray("topics");
      u.topics().forEach(topics::add);
    } else {
      ClientCommand.Other o = (ClientCommand.Other) command;
      event = o.event();
      if (o.payload() != null && o.payload().isObject()) {
        payload.setAll((ObjectNode) o.payload());
      }
      return array("1", o.ref(), o.topic(), event, payload);
    }
    // the join's own ref becomes the join_ref of every later message
    return array(command instanceof ClientCommand.Join ? command.ref() : "1", command.ref(), CHANNEL, event, payload);
  }

  @Override
  public String encode(SyncEvent event) {
    if (event instanceof SyncEvent.Frame f) {
      ObjectNode update = JsonText.object();
      update.put("topic", f.topic());
      update.put("doc_key", f.topic() + ":" + f.seq());
      update.put("doc_version", f.seq());
      update.set("payload", payloadNode(f.payload()));
      update.put("watermark", f.seq());
      update.put("hydration_required", false);
      ObjectNode batch = JsonText.object();
      batch.putArray("updates").add(update);
      if (f.form() == WireForm.CHANNEL_UPDATE_BATCH) {
        batch.put("replay_complete", false);
        batch.putArray("head_watermarks");
        return array(null, null, CHANNEL, "sync:update_batch", batch);
      }
      return array(null, null, CHANNEL, "sync:frame", framePayload(f.topic(), f.seq(), f.kind() == null ? KIND_UPDATE_BATCH : f.kind(), batch));
    }
    if (event instanceof SyncEvent.Reply r) {
      ObjectNode payload = JsonText.object();
      payload.put("status", r.status());
      payload.set("response", r.response() == null ? JsonText.object() : r.response());
      return array(null, r.ref(), CHANNEL, "phx_reply", payload);
    }
    if (event instanceof SyncEvent.Heartbeat h) {
      ObjectNode payload = JsonText.object();
      payload.set("watermarks", list(h.watermarks()));
      return array(null, null, CHANNEL, "sync:heartbeat", payload);
    }
    if (event instanceof SyncEvent.StaleCursor s) {
      ObjectNode body = staleBody(s);
      if (s.form() == WireForm.CHANNEL_FRAME) {
        String topic = s.topics().isEmpty() ? "" : s.topics().get(0).topic();
        return array(null, null, CHANNEL, "sync:frame", framePayload(topic, 0, KIND_ERROR, body));
      }
      return array(null, null, CHANNEL, "sync:error", body);
    }
    if (event instanceof SyncEvent.Error e) {
      ObjectNode body = JsonText.object();
      body.put("code", e.code());
      body.put("message", e.message());
      return array(null, null, CHANNEL, "sync:error", body);
    }
    throw new UnsupportedOperationException(SURFACE + " has no encoding for " + event.getClass().getSimpleName());
  }

  private static ObjectNode framePayload(String topic, long seq, String kind, JsonNode body) {
    ObjectNode p = JsonText.object();
    p.put("topic", topic);
    p.put("seq", seq);
    p.put("kind", kind);
    p.put("payload_bytes", Base64.getEncoder().encodeToString(JsonText.write(body).getBytes(StandardCharsets.UTF_8)));
    p.put("schema_version", 1);
    return p;
  }

  private static ObjectNode staleBody(SyncEvent.StaleCursor s) {
    ObjectNode body = JsonText.object();
    body.put("code", "stale_cursor");
    body.put("message", s.message());
    body.put("full_resync_required", true);
    ArrayNode reasons = body.putArray("reason_codes");
    s.topics().stream().map(StaleTopic::reason).distinct().forEach(reasons::add);
    ArrayNode topics = body.putArray("stale_topics");
    for (StaleTopic t : s.topics()) {
      ObjectNode o = topics.addObject();
      o.put("topic", t.topic());
      o.put("reason", t.reason());
      o.put("resume_after", t.resumeAfter());
      o.put("retention_floor", t.retentionFloor());
      o.put("head_watermark", t.headWatermark());
    }
    body.putObject("snapshot_plan");
    return body;
  }

  private List<SyncEvent> frame(String message, JsonNode payload) {
    String topic = JsonText.text(SURFACE, message, payload, "topic");
    long seq = JsonText.number(SURFACE, message, payload, "seq");
    String kind = payload.path("kind").asText(KIND_UPDATE_BATCH);
    JsonNode bytes = payload.get("payload_bytes");
    String body = "";
    if (bytes != null && !bytes.isNull()) {
      if (!bytes.isTextual()) {
        throw new SyncCodecException(SURFACE, message, "payload_bytes is not a base64 string");
      }
      try {
        body = new String(Base64.getDecoder().decode(bytes.asText()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new SyncCodecException(SURFACE, message, "payload_bytes is not valid base64: " + e.getMessage(), e);
      }
    }
    JsonNode decoded = body.isBlank() ? null : JsonText.parse(SURFACE + " payload_bytes of", body);
    if (kind.endsWith("HEARTBEAT")) {
      // declared by the protocol, not sent by the real channel: heads, not data
      JsonNode marks = decoded == null ? null : decoded.get("watermarks");
      return List.of(new SyncEvent.Heartbeat(marks == null ? Map.of(topic, seq) : Watermarks.read(marks), WireForm.CHANNEL_FRAME));
    }
    if (kind.endsWith("SUBSCRIBED")) {
      return List.of(new SyncEvent.Reply(null, "ok", decoded == null ? JsonText.object() : decoded, WireForm.CHANNEL_SUBSCRIBED));
    }
    if (kind.endsWith("ERROR")) {
      return List.of(error(message, decoded == null ? JsonText.object() : decoded, WireForm.CHANNEL_FRAME));
    }
    if (decoded != null && decoded.path("updates").isArray()) {
      return updates(message, decoded, decoded.get("updates"), kind, WireForm.CHANNEL_FRAME);
    }
    return List.of(new SyncEvent.Frame(topic, seq, kind, body, WireForm.CHANNEL_FRAME));
  }

  private List<SyncEvent> updateBatch(String message, JsonNode payload) {
    List<SyncEvent> out = new ArrayList<>(updates(message, payload, payload.get("updates"), "update_batch", WireForm.CHANNEL_UPDATE_BATCH));
    Map<String, Long> heads = Watermarks.read(payload.get("head_watermarks"));
    if (!heads.isEmpty()) {
      out.add(new SyncEvent.Heartbeat(heads, WireForm.CHANNEL_UPDATE_BATCH));
    }
    return out;
  }

  private List<SyncEvent> updates(String message, JsonNode container, JsonNode updates, String kind, WireForm form) {
    if (updates == null || !updates.isArray()) {
      throw new SyncCodecException(SURFACE, message, "no 'updates' list in " + (container == null ? "payload" : "the batch"));
    }
    List<SyncEvent> out = new ArrayList<>(updates.size());
    for (JsonNode u : updates) {
      out.add(new SyncEvent.Frame(JsonText.text(SURFACE, message, u, "topic"), JsonText.number(SURFACE, message, u, "watermark"),
          kind, JsonText.payloadText(u.get("payload")), form));
    }
    return out;
  }

  private SyncEvent error(String message, JsonNode body, WireForm form) {
    String code = body.path("code").asText("");
    if (code.isEmpty()) {
      throw new SyncCodecException(SURFACE, message, "error without a 'code'");
    }
    if (!"stale_cursor".equals(code)) {
      return new SyncEvent.Error(code, body.path("message").asText(""), form);
    }
    List<StaleTopic> topics = new ArrayList<>();
    for (JsonNode t : body.path("stale_topics")) {
      topics.add(new StaleTopic(t.path("topic").asText(), t.path("reason").asText(""), JsonText.optionalNumber(t, "resume_after"),
          JsonText.optionalNumber(t, "retention_floor"), JsonText.optionalNumber(t, "head_watermark")));
    }
    return new SyncEvent.StaleCursor(List.copyOf(topics), body.path("message").asText(""), form);
  }

  private static JsonNode[] envelope(String message) {
    JsonNode root = JsonText.parse(SURFACE, message);
    if (!root.isArray()) {
      throw new SyncCodecException(SURFACE, message, "expected a 5-element array [join_ref, ref, topic, event, payload], got a JSON "
          + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (root.size() != 5) {
      throw new SyncCodecException(SURFACE, message,
          "expected a 5-element array [join_ref, ref, topic, event, payload], got " + root.size() + " elements");
    }
    JsonNode[] m = new JsonNode[5];
    for (int i = 0; i < 5; i++) {
      m[i] = root.get(i);
    }
    if (!m[2].isTextual() || !m[3].isTextual()) {
      throw new SyncCodecException(SURFACE, message, "topic and event (elements 3 and 4) must be strings");
    }
    if (m[4].isNull()) {
      m[4] = JsonText.object();
    } else if (!m[4].isObject()) {
      throw new SyncCodecException(SURFACE, message, "payload (element 5) must be an object");
    }
    return m;
  }

  private static ArrayNode list(Map<String, Long> watermarks) {
    ArrayNode out = JsonText.MAPPER.createArrayNode();
    watermarks.forEach((t, w) -> out.addObject().put("topic", t).put("watermark", w));
    return out;
  }

  private static JsonNode payloadNode(String payload) {
    if (payload == null || payload.isBlank()) {
      return JsonText.object();
    }
    try {
      return JsonText.MAPPER.readTree(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return JsonText.MAPPER.getNodeFactory().textNode(payload);
    }
  }

  private static String array(String joinRef, String ref, String topic, String event, JsonNode payload) {
    ArrayNode a = JsonText.MAPPER.createArrayNode();
    a.add(joinRef);
    a.add(ref);
    a.add(topic);
    a.add(event);
    a.add(payload);
    return JsonText.write(a);
  }
}
