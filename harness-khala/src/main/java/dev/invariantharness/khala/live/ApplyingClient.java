package dev.invariantharness.khala.live;

import dev.invariantharness.khala.replay.ApplyModel;
import dev.invariantharness.khala.replay.Frame;
import dev.invariantharness.khala.replay.GapPolicy;
import dev.invariantharness.khala.replay.Watermark;
import dev.invariantharness.khala.wire.StaleTopic;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reference sync client over the channel surface that follows the apply rule: keep
 * {@code last_applied_seq} per topic, discard {@code seq <= last_applied}, apply
 * {@code last_applied + 1}, resume from the watermark on a gap or a dropped connection, and on a
 * stale cursor reset to the retention floor (the snapshot) and rebootstrap. It stops when every
 * topic reached the head the peer announced, and reports its watermarks in heartbeats.
 *
 * <p>Use it to exercise a sync server (the {@code FakeSyncServer}'s fault modes, a staging
 * Khala), and as the shape to compare a product client against.
 *
 * <pre>{@code
 * ApplyingClient.Result r = ApplyingClient.to(khala.channelUri())
 *     .topics(List.of("run:1:events"))
 *     .timeout(Duration.ofSeconds(10))
 *     .run();
 * khala.verdict(r.applied()).assertCorrect();
 * }</pre>
 */
public final class ApplyingClient {

  /**
   * What the client ended with.
   *
   * @param applied topic to the seqs applied, in application order
   * @param connections how many connections it opened
   * @param resumes how many times it resumed after a gap or a dropped connection
   * @param staleResets how many stale-cursor answers made it reset and rebootstrap
   * @param duplicatesDiscarded how many frames it discarded as duplicates
   */
  public record Result(Map<String, List<Long>> applied, int connections, int resumes, int staleResets, long duplicatesDiscarded) {}

  private final URI uri;
  private List<String> topics = List.of();
  private Duration timeout = Duration.ofSeconds(10);
  private Duration messageTimeout = Duration.ofSeconds(2);
  private Duration heartbeatEvery = Duration.ofSeconds(20);
  private boolean applyDuplicates;
  private int maxConnections = 1000;
  private WireForm resumeForm = WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP;

  private ApplyingClient(URI uri) {
    this.uri = uri;
  }

  /** A client of the channel socket at {@code uri}. */
  public static ApplyingClient to(URI uri) {
    return new ApplyingClient(uri);
  }

  /** The topics to sync. */
  public ApplyingClient topics(List<String> topics) {
    this.topics = List.copyOf(topics);
    return this;
  }

  /** The bound on the whole run. */
  public ApplyingClient timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** The bound on one wait for a message (silence longer than this is a failure or a resume). */
  public ApplyingClient messageTimeout(Duration timeout) {
    this.messageTimeout = timeout;
    return this;
  }

  /** How often it sends {@code sync:heartbeat} with its watermarks. */
  public ApplyingClient heartbeatEvery(Duration every) {
    this.heartbeatEvery = every;
    return this;
  }

  /** Sends {@code resume_after} in list form instead of map form. */
  public ApplyingClient resumeAsList() {
    this.resumeForm = WireForm.CHANNEL_SUBSCRIBE_RESUME_LIST;
    return this;
  }

  /** A deliberately broken client that applies duplicates instead of discarding them. */
  public ApplyingClient applyDuplicates(boolean on) {
    this.applyDuplicates = on;
    return this;
  }

  /** Gives up after this many connections. */
  public ApplyingClient maxConnections(int connections) {
    this.maxConnections = connections;
    return this;
  }

  /**
   * Syncs until every topic reached the announced head.
   *
   * @throws PeerFailure when the peer misbehaves in a way no resume fixes, or time runs out
   */
  public Result run() {
    ApplyModel model = ApplyModel.with(GapPolicy.STRICT);
    Map<String, List<Long>> applied = new LinkedHashMap<>();
    topics.forEach(t -> applied.put(t, new ArrayList<>()));
    Map<String, Long> heads = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    int connections = 0;
    int resumes = 0;
    int stale = 0;
    long discarded = 0;
    String lastProblem = "none";
    while (System.nanoTime() < deadline) {
      if (connections++ >= maxConnections) {
        throw new PeerFailure(KhalaConnection.describe(uri) + ": gave up after " + maxConnections + " connections; last: " + lastProblem);
      }
      Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
      ConnectionOptions options = ConnectionOptions.channel(min(left, messageTimeout)).withoutRecording()
          .withHeartbeatEvery(heartbeatEvery).withWatermarks(() -> watermarks(model));
      try (KhalaConnection c = KhalaConnection.open(uri, options)) {
        c.join();
        Map<String, Long> resume = new HashMap<>();
        for (String t : topics) {
          if (model.watermark(t) > 0) {
            resume.put(t, model.watermark(t));
          }
        }
        String ref = c.sendSubscribe(topics, resume, resumeForm);
        boolean replied = false;
        reading:
        while (System.nanoTime() < deadline) {
          if (replied && reached(model, heads)) {
            return new Result(copy(applied), connections, resumes, stale, discarded);
          }
          Optional<SyncEvent> next = c.next(min(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), messageTimeout));
          if (next.isEmpty()) {
            if (!replied) {
              throw new PeerFailure(c.peer() + ": no reply to sync:subscribe (ref " + ref + ") within " + messageTimeout);
            }
            lastProblem = "silence after the reply";
            resumes++;
            break;
          }
          SyncEvent e = next.get();
          if (e instanceof SyncEvent.Frame f) {
            switch (model.offer(new Frame(f.topic(), f.seq()))) {
              case APPLY -> applied.computeIfAbsent(f.topic(), t -> new ArrayList<>()).add(f.seq());
              case DISCARD -> {
                if (applyDuplicates) {
                  applied.computeIfAbsent(f.topic(), t -> new ArrayList<>()).add(f.seq());
                } else {
                  discarded++;
                }
              }
              case RESYNC_REQUIRED -> {
                lastProblem = "gap: " + f.topic() + " seq " + f.seq() + " after " + model.watermark(f.topic());
                resumes++;
                break reading;
              }
            }
          } else if (e instanceof SyncEvent.Reply r && ref.equals(r.ref())) {
            if (r.ok()) {
              r.currentWatermarks().forEach((t, w) -> heads.merge(t, w, Math::max));
              replied = true;
            } else if (!"stale_cursor".equals(r.response().path("code").asText())) {
              throw new PeerFailure(c.peer() + ": sync:subscribe was refused: " + r.response());
            }
          } else if (e instanceof SyncEvent.Heartbeat h) {
            h.watermarks().forEach((t, w) -> heads.merge(t, w, Math::max));
          } else if (e instanceof SyncEvent.StaleCursor s) {
            for (StaleTopic t : s.topics()) {
              // rebootstrap: the snapshot stands for everything up to the retention floor
              model.reset(new Watermark(t.topic(), Math.max(0, t.retentionFloor())));
            }
            stale++;
            lastProblem = "stale cursor";
            break;
          } else if (e instanceof SyncEvent.Error err) {
            throw new PeerFailure(c.peer() + ": sync:error " + err.code() + ": " + err.message());
          }
        }
      } catch (PeerFailure f) {
        if (!f.closedByPeer()) {
          throw f;
        }
        lastProblem = f.getMessage();
        resumes++;
      }
    }
    throw new PeerFailure(KhalaConnection.describe(uri) + ": not synced within " + timeout + " after " + connections
        + " connection(s); watermarks " + model.watermarks() + ", heads " + heads + "; last: " + lastProblem);
  }

  private Map<String, Long> watermarks(ApplyModel model) {
    Map<String, Long> out = new LinkedHashMap<>();
    topics.forEach(t -> out.put(t, model.watermark(t)));
    return out;
  }

  private boolean reached(ApplyModel model, Map<String, Long> heads) {
    for (String t : topics) {
      Long head = heads.get(t);
      if (head == null || model.watermark(t) < head) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, List<Long>> copy(Map<String, List<Long>> applied) {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    applied.forEach((t, l) -> out.put(t, List.copyOf(l)));
    return out;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
