package dev.invariantharness.khala.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.khala.wire.ClientCommand;
import dev.invariantharness.khala.wire.PhoenixChannelCodec;
import dev.invariantharness.khala.wire.StaleTopic;
import dev.invariantharness.khala.wire.SyncCodec;
import dev.invariantharness.khala.wire.SyncCodecException;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client on the Phoenix channel surface ({@code sync:v1}). */
final class ChannelConnection extends Connection {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  ChannelConnection(SyncHub hub, Session session) {
    super(hub, session, SyncCodec.phoenixChannel());
  }

  void onMessage(String text) {
    run(() -> handle(text));
  }

  private void handle(String text) {
    if (hub.faults().silent()) {
      return;
    }
    ClientCommand command;
    try {
      command = codec.decodeClient(text);
    } catch (SyncCodecException e) {
      send(new SyncEvent.Error("bad_message", e.getMessage(), WireForm.CHANNEL_ERROR));
      return;
    }
    if (command instanceof ClientCommand.Join j) {
      ObjectNode response = JSON.objectNode();
      response.put("subscription_id", "sub-" + index);
      response.set("allowed_topics", JSON.arrayNode().addAll(hub.topicNames().stream().map(JSON::textNode).toList()));
      response.putArray("current_watermarks");
      send(new SyncEvent.Reply(j.ref(), "ok", response, WireForm.CHANNEL_REPLY));
    } else if (command instanceof ClientCommand.Subscribe s) {
      subscribe(s);
    } else if (command instanceof ClientCommand.Heartbeat h) {
      hub.acknowledge(h.watermarks());
      send(new SyncEvent.Reply(h.ref(), "ok", JSON.objectNode(), WireForm.CHANNEL_REPLY));
    } else if (command instanceof ClientCommand.Unsubscribe u) {
      u.topics().forEach(topics::remove);
      send(new SyncEvent.Reply(u.ref(), "ok", JSON.objectNode(), WireForm.CHANNEL_REPLY));
    } else if (command instanceof ClientCommand.Other o) {
      Optional<JsonNode> accepted = hub.command(o);
      if (accepted.isPresent()) {
        send(new SyncEvent.Reply(o.ref(), "ok", accepted.get(), WireForm.CHANNEL_REPLY));
      } else {
        ObjectNode response = JSON.objectNode();
        response.put("reason", "unsupported_event");
        response.put("event", o.event());
        response.put("message", "the sync channel delivers projections only; mutations go through the HTTP API");
        send(new SyncEvent.Reply(o.ref(), "error", response, WireForm.CHANNEL_REPLY));
      }
    }
  }

  private void subscribe(ClientCommand.Subscribe s) {
    int number = hub.nextSubscribeIndex();
    Faults f = hub.faults();
    if (f.neverAnswerSubscribe()) {
      return;
    }
    List<String> unknown = s.topics().stream().filter(t -> hub.log(t) == null).toList();
    if (!unknown.isEmpty()) {
      send(new SyncEvent.Error("forbidden_topic", "not allowed: " + unknown, WireForm.CHANNEL_ERROR));
      ObjectNode response = JSON.objectNode();
      response.put("code", "forbidden_topic");
      response.set("forbidden_topics", JSON.arrayNode().addAll(unknown.stream().map(JSON::textNode).toList()));
      send(new SyncEvent.Reply(s.ref(), "error", response, WireForm.CHANNEL_REPLY));
      return;
    }
    List<StaleTopic> stale = new ArrayList<>();
    for (String t : s.topics()) {
      TopicLog log = hub.log(t);
      Long w = s.resumeAfter().get(t);
      boolean forced = faulty && f.staleFirst() && number == 0;
      if (forced || !f.silentStaleCursor() && w != null && w < log.floor()) {
        stale.add(new StaleTopic(t, "retention_floor_breach", w == null ? 0 : w, log.floor(), log.head()));
      } else if (!f.silentStaleCursor() && w != null && log.head() - w > log.replayBudget()) {
        // wire-formats.md: budgets apply even to a healthy service, within retention
        stale.add(new StaleTopic(t, "replay_budget_exceeded", w, log.floor(), log.head()));
      }
    }
    if (!stale.isEmpty()) {
      String message = stale.stream().allMatch(st -> st.reason().equals("replay_budget_exceeded"))
          ? "resume point is further behind the head than the replay budget; reset the local watermark and rebootstrap"
          : "resume point is older than the retention floor; reset the local watermark and rebootstrap";
      send(new SyncEvent.StaleCursor(stale, message, WireForm.CHANNEL_ERROR));
      send(new SyncEvent.StaleCursor(stale, message, WireForm.CHANNEL_FRAME));
      ObjectNode response = JSON.objectNode();
      response.put("code", "stale_cursor");
      response.put("full_resync_required", true);
      send(new SyncEvent.Reply(s.ref(), "error", response, WireForm.CHANNEL_REPLY));
      return;
    }
    Map<String, List<TopicLog.Entry>> replay = new LinkedHashMap<>();
    Map<String, Long> heads = new LinkedHashMap<>();
    for (String t : s.topics()) {
      TopicLog log = hub.log(t);
      long head = hub.register(this, log);
      heads.put(t, head);
      replay.put(t, log.after(s.resumeAfter().getOrDefault(t, 0L), head));
    }
    List<TopicLog.Entry> planned = DeliveryPlan.plan(replay, s.resumeAfter(), hub.logs(), f, faulty, random);
    if (!f.replyBeforeReplay()) {
      sendFrames(planned, frameForm(), PhoenixChannelCodec.KIND_UPDATE_BATCH);
      if (isClosed()) {
        return;
      }
    }
    ObjectNode response = JSON.objectNode();
    response.put("subscription_id", "sub-" + index);
    response.set("topics", JSON.arrayNode().addAll(s.topics().stream().map(JSON::textNode).toList()));
    var marks = response.putArray("current_watermarks");
    heads.forEach((t, h) -> marks.addObject().put("topic", t).put("watermark", h));
    send(new SyncEvent.Reply(s.ref(), "ok", response, WireForm.CHANNEL_REPLY));
    if (f.replyBeforeReplay()) {
      sendFrames(planned, frameForm(), PhoenixChannelCodec.KIND_UPDATE_BATCH);
    }
  }

  @Override
  int batchSize() {
    return hub.faults().batchSize();
  }

  @Override
  void emit(List<TopicLog.Entry> group, WireForm form, String kind) {
    Faults f = hub.faults();
    if (group.size() == 1 && !f.bothWireForms()) {
      super.emit(group, form, kind);
      return;
    }
    if (f.bothWireForms()) {
      sendText(batch(group, WireForm.CHANNEL_UPDATE_BATCH, kind));
      sendText(batch(group, WireForm.CHANNEL_FRAME, kind));
    } else {
      sendText(batch(group, form, kind));
    }
  }

  /** One channel message carrying {@code group}: a frame's seq is the batch's highest watermark. */
  private static String batch(List<TopicLog.Entry> group, WireForm form, String kind) {
    ObjectNode body = JSON.objectNode();
    var updates = body.putArray("updates");
    long highest = 0;
    for (TopicLog.Entry e : group) {
      ObjectNode u = updates.addObject();
      u.put("topic", e.topic());
      u.put("doc_key", e.topic() + ":" + e.seq());
      u.put("doc_version", e.seq());
      u.set("payload", payload(e.payload()));
      u.put("watermark", e.seq());
      u.put("hydration_required", false);
      highest = Math.max(highest, e.seq());
    }
    var message = JSON.arrayNode();
    message.addNull();
    message.addNull();
    message.add(PhoenixChannelCodec.CHANNEL);
    if (form == WireForm.CHANNEL_UPDATE_BATCH) {
      body.put("replay_complete", false);
      body.putArray("head_watermarks");
      message.add("sync:update_batch");
      message.add(body);
    } else {
      ObjectNode frame = JSON.objectNode();
      frame.put("topic", group.get(0).topic());
      frame.put("seq", highest);
      frame.put("kind", kind);
      frame.put("payload_bytes", java.util.Base64.getEncoder().encodeToString(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      frame.put("schema_version", 1);
      message.add("sync:frame");
      message.add(frame);
    }
    return message.toString();
  }

  private static JsonNode payload(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      return JSON.textNode(text);
    }
  }

  @Override
  WireForm frameForm() {
    return hub.updateBatchForm() ? WireForm.CHANNEL_UPDATE_BATCH : WireForm.CHANNEL_FRAME;
  }

  @Override
  void live(TopicLog.Entry entry) {
    int n = ++livePushed;
    Faults f = hub.faults();
    if (f.dropLiveFrame() == n) {
      return;
    }
    boolean twice = faulty && f.duplicates() > 0 && random.nextDouble() < f.duplicates();
    run(() -> sendFrames(twice ? List.of(entry, entry) : List.of(entry), frameForm(), PhoenixChannelCodec.KIND_UPDATE_BATCH));
  }

  /** Live frames pushed to this connection so far (the drop fault counts them). */
  private int livePushed;

  @Override
  void heartbeat() {
    if (topics.isEmpty() || hub.faults().silent()) {
      return;
    }
    run(() -> {
      Map<String, Long> marks = new LinkedHashMap<>();
      for (String t : topics.keySet()) {
        marks.put(t, hub.log(t).head());
      }
      send(new SyncEvent.Heartbeat(marks, WireForm.CHANNEL_HEARTBEAT));
    });
  }
}
