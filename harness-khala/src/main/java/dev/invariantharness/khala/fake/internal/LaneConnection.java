package dev.invariantharness.khala.fake.internal;

import dev.invariantharness.khala.wire.StaleTopic;
import dev.invariantharness.khala.wire.SyncCodec;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Map;

/** A client on the per-topic internal lane: the resume point is in the URL, the client sends nothing. */
final class LaneConnection extends Connection {

  private final String topic;
  private final long afterSeq;
  private final long limit;

  LaneConnection(SyncHub hub, Session session, String topic, long afterSeq, long limit) {
    super(hub, session, SyncCodec.internalLane());
    this.topic = topic;
    this.afterSeq = afterSeq;
    this.limit = limit;
  }

  void start() {
    run(() -> {
      if (hub.faults().silent()) {
        return;
      }
      TopicLog log = hub.log(topic);
      if (log == null) {
        send(new SyncEvent.Error("unknown_topic", "no topic " + topic, WireForm.LANE_ERROR));
        close(CloseReason.CloseCodes.CANNOT_ACCEPT, "unknown topic");
        return;
      }
      send(new SyncEvent.Hello(topic, afterSeq, limit, WireForm.LANE_HELLO));
      if (afterSeq < log.floor() && !hub.faults().silentStaleCursor()) {
        send(new SyncEvent.StaleCursor(List.of(new StaleTopic(topic, "retention_floor_breach", afterSeq, log.floor(), log.head())),
            "reset_local_watermark_and_replay_bootstrap", WireForm.LANE_STALE_CURSOR));
        close(CloseReason.CloseCodes.NORMAL_CLOSURE, "stale cursor");
        return;
      }
      if (hub.faults().neverAnswerSubscribe()) {
        return;
      }
      long head = hub.register(this, log);
      sendFrames(DeliveryPlan.plan(Map.of(topic, log.after(afterSeq, head)), Map.of(topic, afterSeq), hub.logs(),
          hub.faults(), faulty, random), frameForm(), "update");
    });
  }

  @Override
  WireForm frameForm() {
    return WireForm.LANE_MESSAGE;
  }

  @Override
  void live(TopicLog.Entry entry) {
    run(() -> sendFrames(List.of(entry), frameForm(), "update"));
  }
}
