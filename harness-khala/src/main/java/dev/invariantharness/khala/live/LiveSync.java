package dev.invariantharness.khala.live;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.http.HttpProber;
import dev.invariantharness.http.ProbeRequest;
import dev.invariantharness.http.ProbeResponse;
import dev.invariantharness.khala.wire.StaleTopic;
import dev.invariantharness.khala.wire.SyncCodec;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A live Khala target, injected into {@code @InvariantTest} methods: it connects over a real
 * WebSocket, joins {@code sync:v1}, subscribes with {@code resume_after}, keeps heartbeats up,
 * collects frames from the moment the subscribe is sent, and runs the live-sync checks. Every
 * wait is bounded by {@code timeout("ws")}; a hostile or broken peer fails the check naming the
 * invariant, never hangs it. The token travels only in the socket URL (and the bearer header of
 * HTTP probes) and is never logged. HTTP goes through the harness's bounded prober, over HTTP/1.1.
 *
 * <pre>{@code
 * @InvariantTest(lane = "khala")
 * class KhalaGates {
 *   @Test @Verifies("INV-07")
 *   void everyFrameArrives(LiveSync khala) {
 *     khala.assertEveryFrameArrivesAtLeastOnce(List.of("run:1:events"), () -> runtime.appendEvents(20));
 *   }
 *
 *   @Test @Verifies("INV-03")
 *   void liveSyncIsWebSocketOnly(LiveSync khala) {
 *     khala.withOpenApi(Path.of("openapi.yaml")).assertLiveSyncIsWebSocketOnly();
 *   }
 * }
 * }</pre>
 *
 * <p>Delivery is judged as the protocol promises it: at least once — duplicates and reordering
 * across nodes are allowed (and counted in evidence), a {@code sync:update_batch} and a
 * {@code sync:frame} carrying the same update are one delivery, and only a seq that never
 * arrives is an INV-07 violation. The verdicts come from the same replay engine that checks
 * recorded frame logs.
 *
 * <p>Configuration (see {@link LiveSyncProvider}): the target's base URL
 * ({@code invariant.harness.target.khala.base-url}), its token
 * ({@code invariant.harness.target.khala.access-token}), {@code invariant.harness.timeout.ws}.
 */
public final class LiveSync implements AutoCloseable {

  /**
   * Paths where a live lane over Server-Sent Events is commonly served; every one is probed by
   * {@link #assertLiveSyncIsWebSocketOnly()} with {@code Accept: text/event-stream}, together
   * with the GET routes of the OpenAPI document when one is given.
   */
  public static final List<String> LIKELY_LIVE_PATHS = List.of(
      "/sync/socket/websocket", "/sync/stream", "/sync/events", "/sync/sse", "/sync/live",
      "/api/sync/stream", "/api/sync/events", "/api/sync/sse", "/api/sync/live", "/api/sync",
      "/api/v1/sync/stream", "/api/v1/sync/events", "/api/stream", "/api/events", "/api/sse",
      "/stream", "/events", "/sse", "/live", "/khala/stream", "/khala/events",
      "/internal/v1/khala/stream", "/internal/v1/khala/events", "/internal/v1/khala/sse");

  /** Replay budgets per topic class, in events (wire-formats: run events, worker lifecycle, codex worker events, other). */
  private static final long BUDGET_RUN_EVENTS = 20_000;
  private static final long BUDGET_WORKER_LIFECYCLE = 10_000;
  private static final long BUDGET_CODEX_WORKER_EVENTS = 3_000;
  private static final long BUDGET_OTHER = 500;

  private static final ObjectMapper JSON = Json.mapper();

  private final URI base;
  private final Optional<String> token;
  private final ConnectionOptions options;
  private final String channelPath;
  private final Optional<HeadSource> headSource;
  private final boolean pollForHeads;
  private final Optional<Path> openApi;
  private final List<KhalaConnection> open = new ArrayList<>();
  private HttpProber prober;

  private LiveSync(URI base, Optional<String> token, ConnectionOptions options, String channelPath,
      Optional<HeadSource> headSource, boolean pollForHeads, Optional<Path> openApi) {
    this.base = base;
    this.token = token;
    this.options = options;
    this.channelPath = channelPath;
    this.headSource = headSource;
    this.pollForHeads = pollForHeads;
    this.openApi = openApi;
  }

  /**
   * A live target at {@code base} ({@code http(s)://} or {@code ws(s)://} host and port).
   *
   * @param base the target's base URL
   * @param token the bearer token for the socket, if the target wants one
   * @param options timeouts, message size, heartbeats
   */
  public static LiveSync of(URI base, Optional<String> token, ConnectionOptions options) {
    return new LiveSync(base, token, options, "/sync/socket/websocket", Optional.empty(), false, Optional.empty());
  }

  /** A copy whose channel socket is at {@code path} instead of {@code /sync/socket/websocket}. */
  public LiveSync withChannelPath(String path) {
    return new LiveSync(base, token, options, path, headSource, pollForHeads, openApi);
  }

  /** A copy that asks {@code source} for a topic's head when the protocol did not announce it. */
  public LiveSync withHeadSource(HeadSource source) {
    return new LiveSync(base, token, options, channelPath, Optional.of(source), pollForHeads, openApi);
  }

  /**
   * A copy that may read a lane's head from the internal poll endpoint
   * ({@code GET /internal/v1/khala/topics/{topic}/messages}) — only where the service serves it;
   * by default the harness never depends on it.
   */
  public LiveSync withPollEndpointForHeads() {
    return new LiveSync(base, token, options, channelPath, headSource, true, openApi);
  }

  /** A copy whose SSE discovery also probes every GET route of the OpenAPI document at {@code document}. */
  public LiveSync withOpenApi(Path document) {
    return new LiveSync(base, token, options, channelPath, headSource, pollForHeads, Optional.of(document));
  }

  /** The channel socket URI, with the token when there is one (never print it). */
  URI channelUri() {
    String scheme = base.getScheme().equals("https") || base.getScheme().equals("wss") ? "wss" : "ws";
    String query = "vsn=2.0.0" + token.map(t -> "&token=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
    return URI.create(scheme + "://" + base.getHost() + (base.getPort() >= 0 ? ":" + base.getPort() : "") + channelPath + "?" + query);
  }

  /** The HTTP base of the target. */
  public URI httpBase() {
    String scheme = base.getScheme().equals("https") || base.getScheme().equals("wss") ? "https" : "http";
    return URI.create(scheme + "://" + base.getHost() + (base.getPort() >= 0 ? ":" + base.getPort() : ""));
  }

  /** The wait bound. */
  public Duration timeout() {
    return options.timeout();
  }

  /** Opens a channel connection and joins {@code sync:v1}; closed with this fixture. */
  public KhalaConnection connect() {
    KhalaConnection c = KhalaConnection.open(channelUri(), options);
    open.add(c);
    c.join();
    return c;
  }

  /**
   * Subscribes on a fresh connection and collects until the reply came and every topic reached
   * the announced head (or a stale-cursor answer came).
   *
   * @throws PeerFailure when the peer misbehaves
   */
  public DeliveryLog subscribe(List<String> topics, Map<String, Long> resumeAfter) {
    KhalaConnection c = connect();
    String ref = c.sendSubscribe(topics, resumeAfter, WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP);
    return collect(c, ref, topics, resumeAfter, Integer.MAX_VALUE);
  }

  // ---- INV-07: delivery ----

  /** INV-07 at least once, on what the subscription replays; see {@link #assertEveryFrameArrivesAtLeastOnce(List, PublishHook)}. */
  public void assertEveryFrameArrivesAtLeastOnce(List<String> topics) {
    assertEveryFrameArrivesAtLeastOnce(topics, null);
  }

  /**
   * INV-07, the server's side: subscribed to {@code topics}, every seq from where the server
   * started up to the head arrives at least once — the replay and the frames {@code publisher}
   * causes while the check listens (waiting for the tail at most the ws timeout). Duplicates,
   * cross-node reordering and the second wire form of a delivery are allowed and counted in the
   * evidence; a seq that never arrives is a violation.
   *
   * <p>Without a resume point the server chooses where to start (its retention floor), so the
   * check owes from the first seq it sent; resume checks cover the start.
   *
   * @param publisher causes publishes during the check; {@code null} for none
   */
  public void assertEveryFrameArrivesAtLeastOnce(List<String> topics, PublishHook publisher) {
    String rule = "delivery is at least once: every seq up to the head arrives, duplicates and reordering allowed, no silent hole";
    Findings vacuous = Findings.of("INV-07", rule);
    KhalaConnection c = underInvariant("INV-07", rule, this::connect);
    String ref = c.sendSubscribe(topics, Map.of(), WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP);
    DeliveryLog replayed = underInvariant("INV-07", rule, () -> collect(c, ref, topics, Map.of(), Integer.MAX_VALUE));
    if (replayed.staleCursor().isPresent()) {
      vacuous.add(replayed.peer(), "a subscribe without resume point was answered stale_cursor" + reasons(replayed.staleCursor().get())
          + "; no frames to check (choose topics within the replay budget)").assertNone();
    }
    Map<String, Long> heads = new LinkedHashMap<>(replayed.heads());
    if (publisher != null) {
      Map<String, Long> published;
      try {
        published = publisher.publish();
      } catch (Exception e) {
        throw new IllegalStateException("the publish hook failed, so the check could not cover live frames: " + e, e);
      }
      if (published != null) {
        published.forEach((t, h) -> {
          if (topics.contains(t)) {
            heads.merge(t, h, Math::max);
          }
        });
      }
      underInvariant("INV-07", rule, () -> awaitTail(c, topics, heads));
    }
    DeliveryLog log = new DeliveryLog(c.peer(), List.copyOf(topics), Map.of(), List.copyOf(c.frames()), Map.copyOf(heads),
        replayed.reply(), replayed.staleCursor());
    Map<String, Long> starts = new LinkedHashMap<>();
    for (String topic : topics) {
      OptionalLong first = log.seqs(topic).stream().mapToLong(Long::longValue).min();
      if (first.isPresent()) {
        starts.put(topic, first.getAsLong() - 1);
      } else if (heads.getOrDefault(topic, 0L) > 0) {
        // the peer announced frames it never sent: all of them are owed
        starts.put(topic, 0L);
      }
    }
    if (starts.isEmpty()) {
      vacuous.add(log.peer(), "no frames delivered for " + topics + "; nothing to check (choose topics with history, or pass a publisher)")
          .assertNone();
    }
    DeliveryJudge.Verdict verdict = DeliveryJudge.judge(log.peer(), log.frames(), starts, heads, false);
    Evidence.text("khala-delivery-counts", verdict.statsText());
    DeliveryJudge.assertClean(verdict, rule, log);
  }

  /**
   * INV-07 at least once on what the subscription replays: the former name of
   * {@link #assertEveryFrameArrivesAtLeastOnce(List)}; "ordered" is logical {@code (topic, seq)}
   * order, which at-least-once delivery keeps without arriving in it.
   */
  public void assertDeliveryIsOrdered(List<String> topics) {
    assertEveryFrameArrivesAtLeastOnce(topics);
  }

  // ---- INV-07: resume ----

  /**
   * INV-07: disconnect after {@code afterFrames} distinct frames of {@code topic}, reconnect
   * resuming from the highest seq among them, and exactly the frames after it are redelivered:
   * nothing at or below the watermark, nothing after it skipped. Deliveries are counted once per
   * seq and wire form, so both forms of one update, duplicates and reordering above the watermark
   * are no violation.
   */
  public void assertResumeRedeliversExactlyTheFramesAfter(String topic, int afterFrames) {
    String rule = "resume after a watermark redelivers exactly the frames after it";
    long watermark = underInvariant("INV-07", rule, () -> {
      KhalaConnection first = connect();
      String ref = first.sendSubscribe(List.of(topic), Map.of(), WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP);
      DeliveryLog partial = collectDistinct(first, ref, topic, afterFrames);
      first.close();
      List<Long> distinct = partial.seqs(topic).stream().distinct().toList();
      if (distinct.size() < afterFrames) {
        throw new PeerFailure(partial.peer() + ": only " + distinct.size() + " distinct frame(s) of " + topic
            + " within the timeout; need " + afterFrames);
      }
      return distinct.subList(0, afterFrames).stream().mapToLong(Long::longValue).max().orElseThrow();
    });
    DeliveryLog resumed = underInvariant("INV-07", rule, () -> subscribe(List.of(topic), Map.of(topic, watermark)));
    if (resumed.staleCursor().isPresent()) {
      SyncEvent.StaleCursor stale = resumed.staleCursor().get();
      long head = resumed.heads().getOrDefault(topic, stale.topics().stream().filter(t -> t.topic().equals(topic))
          .mapToLong(StaleTopic::headWatermark).max().orElse(-1));
      boolean overBudget = !stale.topics().isEmpty()
          && stale.topics().stream().allMatch(t -> "replay_budget_exceeded".equals(t.reason()))
          || head - watermark > replayBudget(topic);
      if (overBudget) {
        // wire-formats.md: replay budgets apply even to a healthy service; refusing is its right
        throw new HarnessInputException("the resume check of topic '" + topic + "' after " + afterFrames + " frame(s)",
            "resuming after " + watermark + " is over the topic's replay budget" + reasons(stale)
                + ", so a correct service answers stale_cursor; choose a topic whose history after the first "
                + afterFrames + " frame(s) fits within its replay budget of " + replayBudget(topic));
      }
      Findings.of("INV-07", rule).add(topic, "resuming after " + watermark + ", within retention, was answered stale_cursor"
          + reasons(stale)).assertNone();
    }
    DeliveryJudge.assertClean(DeliveryJudge.judge(resumed.peer(), resumed.frames(), Map.of(topic, watermark),
        resumed.heads(), true), rule, resumed);
  }

  // ---- INV-07: stale cursor ----

  /**
   * INV-07: a resume of {@code topic} the harness makes genuinely stale — below the retention
   * floor, or over the topic's replay budget — is answered {@code stale_cursor}, never silently
   * skipped. The floor and head are learned from the protocol (the subscribe reply's
   * {@code current_watermarks}, where a plain subscribe starts, heartbeats) or from the
   * {@link #withHeadSource head source}.
   *
   * @throws HarnessInputException when the protocol shows no floor above 0 and the head is
   *     within the replay budget: no stale resume can be made; pass a watermark below the floor
   *     to {@link #assertStaleCursorIsAnswered(String, long)}
   */
  public void assertStaleCursorIsAnswered(String topic) {
    String rule = "a resume point older than retention is answered stale_cursor, never silently skipped";
    DeliveryLog plain = underInvariant("INV-07", rule, () -> subscribe(List.of(topic), Map.of()));
    if (plain.staleCursor().isPresent()) {
      return;
    }
    long head = knownHead(topic, plain).orElse(-1);
    long floor = plain.seqs(topic).stream().mapToLong(Long::longValue).min().orElse(1) - 1;
    long budget = replayBudget(topic);
    long stale;
    if (floor > 0) {
      stale = floor - 1;
    } else if (head > budget) {
      stale = 0;
    } else {
      throw new HarnessInputException("the stale-cursor check of topic '" + topic + "'",
          "no stale resume point can be made: the protocol shows retention from seq 1 and head " + (head < 0 ? "unknown" : head)
              + " within the replay budget of " + budget + "; pass a watermark below the retention floor to "
              + "assertStaleCursorIsAnswered(topic, watermark), or choose a topic whose history exceeds its budget");
    }
    assertStaleCursorIsAnswered(topic, stale);
  }

  /**
   * INV-07: resuming {@code topic} from {@code staleWatermark} gets {@code stale_cursor}, not
   * silent loss. Without a stale answer, frames after the watermark that never arrive are the
   * violation; a resume that is over the topic's replay budget and answered with a replay is one
   * too. A watermark that turns out not to be stale (every frame after it redelivered within the
   * budget) is a configuration error, not a finding.
   */
  public void assertStaleCursorIsAnswered(String topic, long staleWatermark) {
    String rule = "a resume point older than retention is answered stale_cursor, never silently skipped";
    DeliveryLog log = underInvariant("INV-07", rule, () -> subscribe(List.of(topic), Map.of(topic, staleWatermark)));
    judgeStale(topic, staleWatermark, log, rule);
  }

  private void judgeStale(String topic, long staleWatermark, DeliveryLog log, String rule) {
    if (log.staleCursor().isPresent()) {
      return;
    }
    Map<String, Long> heads = new LinkedHashMap<>(log.heads());
    knownHead(topic, log).ifPresent(h -> heads.merge(topic, h, Math::max));
    if (!heads.containsKey(topic) && log.frames().isEmpty()) {
      throw unknownHead(topic);
    }
    DeliveryJudge.Verdict verdict = DeliveryJudge.judge(log.peer(), log.frames(), Map.of(topic, staleWatermark), heads, true);
    Findings findings = verdict.findings(rule);
    if (!findings.isEmpty()) {
      Evidence.frames("khala-frames", log.lines());
      List<Long> seqs = log.seqs(topic);
      Findings.of("INV-07", rule).add(log.peer() + " " + topic, "resuming after " + staleWatermark + " got no stale_cursor but "
          + seqs.size() + " frame(s)" + (seqs.isEmpty() ? "" : " starting at seq " + seqs.get(0))
          + log.reply().map(r -> " and reply status " + r.status()).orElse("") + ": silent loss").assertNone();
    }
    long head = heads.getOrDefault(topic, log.seqs(topic).stream().mapToLong(Long::longValue).max().orElse(staleWatermark));
    long budget = replayBudget(topic);
    if (head - staleWatermark > budget) {
      Evidence.frames("khala-frames", log.lines());
      Findings.of("INV-07", rule).add(log.peer() + " " + topic, "resuming after " + staleWatermark + " is " + (head - staleWatermark)
          + " events behind head " + head + ", over the replay budget of " + budget + ", yet no stale_cursor (replay_budget_exceeded) came")
          .assertNone();
    }
    throw new HarnessInputException("the stale-cursor check of topic '" + topic + "' at watermark " + staleWatermark,
        "the peer redelivered every frame " + (staleWatermark + 1) + ".." + head + " within the replay budget of " + budget
            + ", so " + staleWatermark + " is not below the retention floor; pass a watermark below the floor");
  }

  // ---- INV-07: the internal lane ----

  /**
   * Reads the internal lane of {@code topic} from {@code afterSeq}: the lane socket
   * ({@code /internal/v1/khala/topics/{topic}/ws?after_seq=N}, {@code Authorization: Bearer}) up
   * to the topic's head, or a stale-cursor answer. The head comes from the channel's subscribe
   * reply, the {@link #withHeadSource head source}, or — only when
   * {@link #withPollEndpointForHeads() configured} — the poll endpoint.
   *
   * @throws HarnessInputException when no source knows the head, naming what to set
   */
  public DeliveryLog laneSubscribe(String topic, long afterSeq) {
    String path = "/internal/v1/khala/topics/" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
    long head = laneHead(topic, path, afterSeq);
    URI ws = URI.create(channelUri().getScheme() + "://" + channelUri().getRawAuthority() + path + "/ws?after_seq=" + afterSeq + "&limit=500");
    Map<String, String> headers = token.map(t -> Map.of("Authorization", "Bearer " + t)).orElse(Map.of());
    KhalaConnection c = KhalaConnection.open(ws, new ConnectionOptions(timeout(), options.maxMessageBytes(), options.heartbeatEvery(),
        SyncCodec.internalLane(), Map::of, true), headers);
    open.add(c);
    long deadline = System.nanoTime() + timeout().toNanos();
    Optional<SyncEvent.StaleCursor> stale = Optional.empty();
    long reached = afterSeq;
    while (reached < head && stale.isEmpty()) {
      Optional<SyncEvent> next = c.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (next.isEmpty()) {
        break;
      }
      if (next.get() instanceof SyncEvent.Frame f && f.topic().equals(topic)) {
        reached = Math.max(reached, f.seq());
      } else if (next.get() instanceof SyncEvent.StaleCursor s) {
        stale = Optional.of(s);
      }
    }
    return new DeliveryLog(c.peer(), List.of(topic), Map.of(topic, afterSeq), List.copyOf(c.frames()), Map.of(topic, head), Optional.empty(), stale);
  }

  /** INV-07 on the internal lane: resuming after {@code watermark} delivers exactly the frames after it. */
  public void assertLaneResumeRedeliversExactlyTheFramesAfter(String topic, long watermark) {
    String rule = "resume after a watermark redelivers exactly the frames after it";
    DeliveryLog log = underInvariant("INV-07", rule, () -> laneSubscribe(topic, watermark));
    if (log.staleCursor().isPresent()) {
      Findings.of("INV-07", rule).add(log.peer(), "resuming after " + watermark + " was answered stale_cursor").assertNone();
    }
    DeliveryJudge.assertClean(DeliveryJudge.judge(log.peer(), log.frames(), Map.of(topic, watermark), log.heads(), true), rule, log);
  }

  /** INV-07 on the internal lane: resuming {@code topic} below retention is answered {@code stale_cursor}, not silently skipped. */
  public void assertLaneStaleCursorIsAnswered(String topic, long staleWatermark) {
    String rule = "a resume point older than retention is answered stale_cursor, never silently skipped";
    DeliveryLog log = underInvariant("INV-07", rule, () -> laneSubscribe(topic, staleWatermark));
    judgeStale(topic, staleWatermark, log, rule);
  }

  private long laneHead(String topic, String path, long afterSeq) {
    if (headSource.isPresent()) {
      try {
        OptionalLong h = headSource.get().head(topic);
        if (h.isPresent()) {
          return h.getAsLong();
        }
      } catch (Exception e) {
        throw new IllegalStateException("the head source failed for topic '" + topic + "': " + e, e);
      }
    }
    try {
      DeliveryLog channel = subscribeWithoutReplayWait(topic);
      if (channel.heads().containsKey(topic)) {
        return channel.heads().get(topic);
      }
      if (channel.staleCursor().isPresent()) {
        for (StaleTopic t : channel.staleCursor().get().topics()) {
          if (t.topic().equals(topic) && t.headWatermark() >= 0) {
            return t.headWatermark();
          }
        }
      }
    } catch (PeerFailure noChannel) {
      // the channel is not served here: the remaining sources decide
    }
    if (pollForHeads) {
      return pollHead(path, afterSeq);
    }
    throw unknownHead(topic);
  }

  private DeliveryLog subscribeWithoutReplayWait(String topic) {
    KhalaConnection c = connect();
    try {
      String ref = c.sendSubscribe(List.of(topic), Map.of(), WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP);
      return collect(c, ref, List.of(topic), Map.of(), Integer.MAX_VALUE);
    } finally {
      c.close();
    }
  }

  private long pollHead(String path, long afterSeq) {
    URI uri = httpBase().resolve(path + "/messages?after_seq=" + afterSeq + "&limit=1");
    ProbeResponse r = prober().send(ProbeRequest.get(uri).withHeader("Accept", "application/json"));
    if (!r.answered()) {
      throw new HarnessInputException("the poll endpoint " + KhalaConnection.describe(uri) + " (withPollEndpointForHeads)",
          "gave no answer: " + r.problem());
    }
    try {
      JsonNode body = JSON.readTree(r.body());
      JsonNode head = r.status() == 410 ? body.path("details").path("head_cursor") : body.path("head_cursor");
      if (head.canConvertToLong()) {
        return head.asLong();
      }
    } catch (IOException notJson) {
      // reported below
    }
    throw new HarnessInputException("the poll endpoint " + KhalaConnection.describe(uri) + " (withPollEndpointForHeads)",
        "answered " + r.summary() + " without a head_cursor; configure a head source instead");
  }

  private OptionalLong knownHead(String topic, DeliveryLog log) {
    if (log.heads().containsKey(topic)) {
      return OptionalLong.of(log.heads().get(topic));
    }
    if (headSource.isPresent()) {
      try {
        return headSource.get().head(topic);
      } catch (Exception e) {
        throw new IllegalStateException("the head source failed for topic '" + topic + "': " + e, e);
      }
    }
    return OptionalLong.empty();
  }

  private static HarnessInputException unknownHead(String topic) {
    return new HarnessInputException("the head of topic '" + topic + "'",
        "unknown: the peer announced none (no current_watermarks in the subscribe reply, no heartbeat, no stale_cursor head_watermark)"
            + "; set one with LiveSync.withHeadSource(...), or, where the internal poll endpoint is served, withPollEndpointForHeads()");
  }

  /** The replay budget of {@code topic}'s class, per wire-formats. */
  static long replayBudget(String topic) {
    if (topic.startsWith("run:") && topic.endsWith(":events")) {
      return BUDGET_RUN_EVENTS;
    }
    if (topic.startsWith("worker:") && topic.endsWith(":lifecycle")) {
      return BUDGET_WORKER_LIFECYCLE;
    }
    if (topic.equals("runtime.codex_worker_events")) {
      return BUDGET_CODEX_WORKER_EVENTS;
    }
    return BUDGET_OTHER;
  }

  // ---- INV-03 ----

  /**
   * INV-03 over {@link #LIKELY_LIVE_PATHS} and the OpenAPI document's GET routes; see
   * {@link #assertLiveSyncIsWebSocketOnly(List, Set)}.
   */
  public void assertLiveSyncIsWebSocketOnly() {
    assertLiveSyncIsWebSocketOnly(List.of(), Set.of());
  }

  /**
   * INV-03: the live subscription upgrades to WebSocket, and no probed path answers 2xx
   * {@code text/event-stream} to a GET with {@code Accept: text/event-stream}, except
   * {@code allowlist} (presentation adapters). Probed: {@code extraPaths}, the documented
   * {@link #LIKELY_LIVE_PATHS}, and every GET route of the {@link #withOpenApi OpenAPI document}
   * (path parameters filled with {@code probe}). Any other answer — 400, 404, 426, no answer —
   * is "no SSE lane". Requests go over HTTP/1.1, so a server with a WebSocket upgrade listener
   * answers them as requests.
   */
  public void assertLiveSyncIsWebSocketOnly(List<String> extraPaths, Set<String> allowlist) {
    Findings findings = Findings.of("INV-03", "Khala live sync is WS-only: no 2xx text/event-stream answer outside allowlisted presentation adapters");
    try {
      KhalaConnection c = connect();
      c.close();
    } catch (PeerFailure e) {
      findings.add(KhalaConnection.describe(channelUri()), "the live subscription does not upgrade to WebSocket: " + e.detail());
    }
    Set<String> paths = new LinkedHashSet<>(extraPaths);
    paths.addAll(LIKELY_LIVE_PATHS);
    openApi.ifPresent(doc -> paths.addAll(OpenApiGetRoutes.read(doc)));
    List<ProbeRequest> requests = new ArrayList<>();
    for (String path : paths) {
      if (!allowlist.contains(path)) {
        requests.add(ProbeRequest.get(httpBase().resolve(path)).withHeader("Accept", "text/event-stream").withBodyLimit(0));
      }
    }
    for (ProbeResponse r : prober().sendAll(requests)) {
      if (r.is2xx() && r.mediaType().equals("text/event-stream")) {
        findings.add("GET " + r.request().uri().getRawPath(), "answered " + r.status() + " " + r.header("Content-Type").orElse("")
            + " to Accept: text/event-stream");
        Evidence.http(r.toExchange());
      }
    }
    findings.assertNone();
  }

  // ---- INV-02 and INV-06 ----

  /**
   * A mutation-shaped channel {@code event} to judge for INV-02 and INV-06; say what it could
   * change ({@link MutationOverWs#readBack}, {@link MutationOverWs#watching}) and assert.
   */
  public MutationOverWs mutationOverWs(String event, String payloadJson) {
    return new MutationOverWs(this, event, payloadJson);
  }

  /**
   * INV-02 and INV-06: a mutation-shaped {@code event} sent over the channel is refused (an error
   * reply or a closed socket) and {@code readBack} (an HTTP read of exactly the state the mutation
   * would change) answers the same before and after. Findings of both invariants are reported
   * together. Where that state also changes legitimately during the check, use
   * {@link #mutationOverWs} and compare only the fields the mutation could touch.
   */
  public void assertMutationOverWsChangesNothing(String event, String payloadJson, Callable<String> readBack) {
    mutationOverWs(event, payloadJson).readBack(readBack).assertRefusedAndChangesNothing();
  }

  /** Closes every connection this fixture opened. */
  @Override
  public void close() {
    for (KhalaConnection c : open) {
      c.close();
    }
    open.clear();
    if (prober != null) {
      prober.close();
      prober = null;
    }
  }

  private HttpProber prober() {
    if (prober == null) {
      HttpProber.Builder b = HttpProber.builder().deadline(timeout()).connectTimeout(timeout()).bodyLimit(64 * 1024);
      token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
      prober = b.build();
    }
    return prober;
  }

  /** Reads until every topic reached its known head, or the tail wait (the ws timeout) ends. */
  private Void awaitTail(KhalaConnection c, List<String> topics, Map<String, Long> heads) {
    long deadline = System.nanoTime() + timeout().toNanos();
    while (!reachedAll(c, topics, heads)) {
      Optional<SyncEvent> next = c.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (next.isEmpty()) {
        break;
      }
      if (next.get() instanceof SyncEvent.Heartbeat h) {
        h.watermarks().forEach((t, w) -> {
          if (topics.contains(t)) {
            heads.merge(t, w, Math::max);
          }
        });
      }
    }
    return null;
  }

  private static boolean reachedAll(KhalaConnection c, List<String> topics, Map<String, Long> heads) {
    for (String t : topics) {
      Long head = heads.get(t);
      if (head != null && c.highestSeq(t, 0) < head) {
        return false;
      }
    }
    return true;
  }


  /** Collects until {@code wanted} distinct seqs of {@code topic} arrived (or the reply and the head). */
  private DeliveryLog collectDistinct(KhalaConnection c, String ref, String topic, int wanted) {
    long deadline = System.nanoTime() + timeout().toNanos();
    Set<Long> distinct = new HashSet<>();
    Optional<SyncEvent.Reply> reply = Optional.empty();
    Map<String, Long> heads = new LinkedHashMap<>();
    while (distinct.size() < wanted) {
      Optional<SyncEvent> next = c.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (next.isEmpty()) {
        break;
      }
      SyncEvent e = next.get();
      if (e instanceof SyncEvent.Frame f && f.topic().equals(topic)) {
        distinct.add(f.seq());
      } else if (e instanceof SyncEvent.Reply r && ref.equals(r.ref())) {
        reply = Optional.of(r);
        heads.putAll(r.currentWatermarks());
        if (!r.ok()) {
          break;
        }
        if (heads.containsKey(topic) && distinct.stream().mapToLong(Long::longValue).max().orElse(0) >= heads.get(topic)) {
          break;
        }
      }
    }
    return new DeliveryLog(c.peer(), List.of(topic), Map.of(), List.copyOf(c.frames()), Map.copyOf(heads), reply, Optional.empty());
  }

  private DeliveryLog collect(KhalaConnection c, String ref, List<String> topics, Map<String, Long> resumeAfter, int stopAfterFrames) {
    long deadline = System.nanoTime() + timeout().toNanos();
    Map<String, Long> heads = new LinkedHashMap<>();
    Optional<SyncEvent.Reply> reply = Optional.empty();
    Optional<SyncEvent.StaleCursor> stale = Optional.empty();
    while (true) {
      if (c.framesReceived() >= stopAfterFrames || stale.isPresent()
          || reply.isPresent() && (!reply.get().ok() || reached(c, heads, resumeAfter))) {
        break;
      }
      Optional<SyncEvent> next = c.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (next.isEmpty()) {
        if (reply.isEmpty()) {
          throw new PeerFailure(c.peer() + ": no reply to sync:subscribe (ref " + ref + ") within " + timeout() + "; "
              + c.framesReceived() + " frame(s) received before");
        }
        break;
      }
      SyncEvent e = next.get();
      if (e instanceof SyncEvent.Reply r && ref.equals(r.ref())) {
        reply = Optional.of(r);
        r.currentWatermarks().forEach((t, w) -> heads.merge(t, w, Math::max));
        if (!r.ok() && "stale_cursor".equals(r.response().path("code").asText())) {
          stale = stale.or(() -> Optional.of(new SyncEvent.StaleCursor(List.of(), "stale_cursor reply", WireForm.CHANNEL_REPLY)));
        }
      } else if (e instanceof SyncEvent.StaleCursor s) {
        stale = Optional.of(s);
      } else if (e instanceof SyncEvent.Heartbeat h) {
        h.watermarks().forEach((t, w) -> {
          if (topics.contains(t)) {
            heads.merge(t, w, Math::max);
          }
        });
      }
    }
    return new DeliveryLog(c.peer(), List.copyOf(topics), Map.copyOf(resumeAfter), List.copyOf(c.frames()), Map.copyOf(heads), reply, stale);
  }

  private static boolean reached(KhalaConnection c, Map<String, Long> heads, Map<String, Long> resumeAfter) {
    for (Map.Entry<String, Long> h : heads.entrySet()) {
      if (c.highestSeq(h.getKey(), resumeAfter.getOrDefault(h.getKey(), 0L)) < h.getValue()) {
        return false;
      }
    }
    return true;
  }


  private static String reasons(SyncEvent.StaleCursor stale) {
    List<String> reasons = stale.topics().stream().map(t -> t.topic() + ": " + t.reason()).toList();
    return reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")";
  }

  private static <T> T underInvariant(String invariant, String rule, Callable<T> action) {
    try {
      return action.call();
    } catch (PeerFailure e) {
      if (!invariant.equals("INV-07")) {
        Findings.of(invariant, rule).add("live subscription", e.detail()).assertNone();
      }
      throw e;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
