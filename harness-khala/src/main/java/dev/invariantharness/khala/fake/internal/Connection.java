package dev.invariantharness.khala.fake.internal;

import dev.invariantharness.khala.wire.SyncCodec;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection of the fake server. Everything a connection does (answering, replaying,
 * pushing live frames, heartbeats) runs on its own single thread, so its messages go out in the
 * order they were decided and a replay always precedes the live frames after it.
 */
abstract class Connection {

  final SyncHub hub;
  final Session session;
  final int index;
  final boolean faulty;
  final Random random;
  final SyncCodec codec;
  /** Subscribed topics. */
  final Map<String, Boolean> topics = new ConcurrentHashMap<>();
  private final ExecutorService worker;
  private final AtomicBoolean closed = new AtomicBoolean();
  private long framesSent;

  Connection(SyncHub hub, Session session, SyncCodec codec) {
    this.hub = hub;
    this.session = session;
    this.codec = codec;
    this.index = hub.nextConnectionIndex();
    this.faulty = hub.faults().deliveryFaultsApplyTo(index);
    this.random = new Random(hub.faults().seed() * 31 + index);
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, hub.name() + "-conn-" + index);
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs {@code task} on this connection's thread; dropped once the connection is closed. */
  final void run(Runnable task) {
    if (closed.get()) {
      return;
    }
    try {
      worker.execute(() -> {
        if (!closed.get()) {
          try {
            task.run();
          } catch (RuntimeException e) {
            hub.problem(this, e);
          }
        }
      });
    } catch (RejectedExecutionException e) {
      // closed concurrently: nothing left to do for this connection
    }
  }

  final void sendText(String text) {
    if (closed.get() || !session.isOpen()) {
      return;
    }
    try {
      session.getBasicRemote().sendText(text);
    } catch (IOException | IllegalStateException e) {
      close(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed");
    }
  }

  final void send(SyncEvent event) {
    sendText(codec.encode(event));
  }

  /**
   * Sends frames with this connection's faults: slow pacing, and the protocol faults that fire
   * after a number of frames (malformed, oversized, foreign topic, close).
   */
  final void sendFrames(List<TopicLog.Entry> frames, WireForm form, String kind) {
    Faults f = hub.faults();
    int batch = Math.max(1, batchSize());
    int i = 0;
    while (i < frames.size()) {
      if (!beforeFrame(f)) {
        return;
      }
      // one message carries consecutive updates of one topic, up to the batch size
      int j = i + 1;
      while (j < frames.size() && j - i < batch && frames.get(j).topic().equals(frames.get(i).topic())) {
        j++;
      }
      List<TopicLog.Entry> group = frames.subList(i, j);
      emit(group, form, kind);
      framesSent += group.size();
      for (int k = 0; k < group.size(); k++) {
        hub.countFrame();
      }
      i = j;
    }
  }

  /** Updates per message; 1 unless a surface batches. */
  int batchSize() {
    return 1;
  }

  /** Sends one message's updates; one frame each unless a surface batches. */
  void emit(List<TopicLog.Entry> group, WireForm form, String kind) {
    for (TopicLog.Entry e : group) {
      send(new SyncEvent.Frame(e.topic(), e.seq(), kind, e.payload(), form));
    }
  }

  /** Applies the faults due before the next frame; false when the connection was closed. */
  private boolean beforeFrame(Faults f) {
    if (closed.get()) {
      return false;
    }
    if (faulty && f.closeAfter() >= 0 && framesSent >= f.closeAfter()) {
      close(CloseReason.CloseCodes.GOING_AWAY, "fake server dropped the connection after " + framesSent + " frames");
      return false;
    }
    if (f.malformedAfter() >= 0 && framesSent == f.malformedAfter()) {
      sendText("{\"this is\": not json");
    }
    if (f.oversizedAfter() >= 0 && framesSent == f.oversizedAfter()) {
      send(new SyncEvent.Frame(topics.keySet().stream().findFirst().orElse("topic"), framesSent + 1, null,
          "\"" + "x".repeat(Math.max(1, f.oversizedBytes())) + "\"", frameForm()));
    }
    if (f.foreignTopicAfter() >= 0 && framesSent == f.foreignTopicAfter()) {
      send(new SyncEvent.Frame("foreign.unsubscribed_topic", 1, null, "{}", frameForm()));
    }
    if (faulty && !f.slow().isZero()) {
      try {
        // deliberate pacing of a slow peer, not a wait for a condition
        Thread.sleep(f.slow().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  abstract WireForm frameForm();

  /** A live frame appended after this connection subscribed. */
  abstract void live(TopicLog.Entry entry);

  /** The server's periodic heartbeat. */
  void heartbeat() {}

  final boolean isClosed() {
    return closed.get();
  }

  final void close(CloseReason.CloseCode code, String reason) {
    if (closed.compareAndSet(false, true)) {
      try {
        if (session.isOpen()) {
          session.close(new CloseReason(code, reason));
        }
      } catch (IOException | IllegalStateException e) {
        // already gone
      }
      worker.shutdown();
      hub.remove(this);
    }
  }

  /** Marks the connection closed by the peer. */
  final void closedByPeer() {
    if (closed.compareAndSet(false, true)) {
      worker.shutdown();
      hub.remove(this);
    }
  }

  final boolean awaitStopped(long millis) throws InterruptedException {
    worker.shutdownNow();
    return worker.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }
}
