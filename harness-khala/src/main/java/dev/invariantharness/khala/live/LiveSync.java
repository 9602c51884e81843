package dev.invariantharness.khala.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.khala.wire.ClientCommand;
import dev.invariantharness.khala.wire.PhoenixChannelCodec;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A live Khala target, injected into {@code @InvariantTest} methods: it connects over a real
 * WebSocket, joins {@code sync:v1}, subscribes with {@code resume_after}, keeps heartbeats up,
 * collects frames from the moment the subscribe is sent, and runs the live-sync checks. Every
 * wait is bounded by {@code timeout("ws")}; a hostile or broken peer fails the check naming the
 * invariant, never hangs it. The token travels only in the socket URL and is never logged.
 *
 * <pre>{@code
 * @InvariantTest(lane = "khala")
 * class KhalaGates {
 *   @Test @Verifies("INV-07")
 *   void deliveryIsOrdered(LiveSync khala) {
 *     khala.assertDeliveryIsOrdered(List.of("run:1:events"));
 *   }
 *
 *   @Test @Verifies("INV-03")
 *   void liveSyncIsWebSocketOnly(LiveSync khala) {
 *     khala.assertLiveSyncIsWebSocketOnly(List.of("/api/sync/stream", "/sync/socket/websocket"), Set.of());
 *   }
 * }
 * }</pre>
 *
 * <p>Configuration (see {@link LiveSyncProvider}): the target's base URL
 * ({@code invariant.harness.target.khala.base-url}), its token
 * ({@code invariant.harness.target.khala.access-token}), {@code invariant.harness.timeout.ws}.
 */
public final class LiveSync implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Optional<String> token;
  private final ConnectionOptions options;
  private final String channelPath;
  private final List<KhalaConnection> open = new ArrayList<>();

  private LiveSync(URI base, Optional<String> token, ConnectionOptions options, String channelPath) {
    this.base = base;
    this.token = token;
    this.options = options;
    this.channelPath = channelPath;
  }

  /**
   * A live target at {@code base} ({@code http(s)://} or {@code ws(s)://} host and port).
   *
   * @param base the target's base URL
   * @param token the bearer token for the socket, if the target wants one
   * @param options timeouts, message size, heartbeats
   */
  public static LiveSync of(URI base, Optional<String> token, ConnectionOptions options) {
    return new LiveSync(base, token, options, "/sync/socket/websocket");
  }

  /** A copy whose channel socket is at {@code path} instead of {@code /sync/socket/websocket}. */
  public LiveSync withChannelPath(String path) {
    return new LiveSync(base, token, options, path);
  }

  /** The channel socket URI, with the token when there is one (never print it). */
  URI channelUri() {
    String scheme = base.getScheme().equals("https") || base.getScheme().equals("wss") ? "wss" : "ws";
    String query = "vsn=2.0.0" + token.map(t -> "&token=" + java.net.URLEncoder.encode(t, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
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

  /**
   * Reads the internal lane of {@code topic} from {@code afterSeq}: the lane socket
   * ({@code /internal/v1/khala/topics/{topic}/ws?after_seq=N}, {@code Authorization: Bearer}) up
   * to the head the poll endpoint reports ({@code head_cursor}), or a stale-cursor answer.
   */
  public DeliveryLog laneSubscribe(String topic, long afterSeq) {
    String path = "/internal/v1/khala/topics/" + java.net.URLEncoder.encode(topic, java.nio.charset.StandardCharsets.UTF_8);
    long head = laneHead(path, afterSeq);
    URI ws = URI.create(channelUri().getScheme() + "://" + channelUri().getRawAuthority() + path + "/ws?after_seq=" + afterSeq + "&limit=500");
    Map<String, String> headers = token.map(t -> Map.of("Authorization", "Bearer " + t)).orElse(Map.of());
    KhalaConnection c = KhalaConnection.open(ws, new ConnectionOptions(timeout(), options.maxMessageBytes(), options.heartbeatEvery(),
        dev.invariantharness.khala.wire.SyncCodec.internalLane(), Map::of, true), headers);
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

  /** INV-07 on the internal lane: resuming after {@code watermark} delivers exactly the frames after it, in order. */
  public void assertLaneResumeRedeliversExactlyTheFramesAfter(String topic, long watermark) {
    String rule = "resume after a watermark redelivers exactly the frames after it";
    DeliveryLog log = underInvariant("INV-07", rule, () -> laneSubscribe(topic, watermark));
    if (log.staleCursor().isPresent()) {
      Findings.of("INV-07", rule).add(log.peer(), "resuming after " + watermark + " was answered stale_cursor").assertNone();
    }
    new DeliveryLogAssert(log).isOrderedPerTopic().containsExactlyTheFramesAfter(topic, watermark);
  }

  /** INV-07 on the internal lane: resuming {@code topic} below retention is answered {@code stale_cursor}, not silently skipped. */
  public void assertLaneStaleCursorIsAnswered(String topic, long staleWatermark) {
    String rule = "a resume point older than retention is answered stale_cursor, never silently skipped";
    DeliveryLog log = underInvariant("INV-07", rule, () -> laneSubscribe(topic, staleWatermark));
    if (log.staleCursor().isEmpty()) {
      Evidence.frames("khala-frames", log.lines());
      List<Long> seqs = log.seqs(topic);
      Findings.of("INV-07", rule).add(log.peer() + " " + topic, "resuming after " + staleWatermark + " got no stale_cursor but "
          + seqs.size() + " frame(s)" + (seqs.isEmpty() ? "" : " starting at seq " + seqs.get(0))).assertNone();
    }
  }

  private long laneHead(String path, long afterSeq) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout()).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(httpBase().resolve(path + "/messages?after_seq=" + afterSeq + "&limit=1"))
        .timeout(timeout()).GET();
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(r.body());
      JsonNode head = r.statusCode() == 410 ? body.path("details").path("head_cursor") : body.path("head_cursor");
      if (!head.canConvertToLong()) {
        throw new PeerFailure(KhalaConnection.describe(httpBase().resolve(path + "/messages")) + ": answered " + r.statusCode()
            + " without a head_cursor, so the lane's head is unknown");
      }
      return head.asLong();
    } catch (IOException e) {
      throw new PeerFailure(KhalaConnection.describe(httpBase().resolve(path + "/messages")) + ": poll for the head failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerFailure("interrupted while reading the lane head", e);
    }
  }

  /** INV-07: per topic, seq monotonic, no gap, no duplicate, up to the announced head. */
  public void assertDeliveryIsOrdered(List<String> topics) {
    DeliveryLog log = underInvariant("INV-07", DeliveryLogAssert.ORDER_RULE, () -> subscribe(topics, Map.of()));
    // a check that saw nothing must not pass: say why there was nothing to check
    if (log.staleCursor().isPresent()) {
      Findings.of("INV-07", DeliveryLogAssert.ORDER_RULE).add(log.peer(), "a subscribe without resume point was answered stale_cursor"
          + reasons(log.staleCursor().get()) + "; no frames to check (choose topics within the replay budget)").assertNone();
    }
    if (log.frames().isEmpty()) {
      Findings.of("INV-07", DeliveryLogAssert.ORDER_RULE).add(log.peer(), "no frames delivered for " + topics
          + "; nothing to check (choose topics with history)").assertNone();
    }
    new DeliveryLogAssert(log).isOrderedPerTopic().reachedTheAnnouncedHeads();
  }

  private static String reasons(SyncEvent.StaleCursor stale) {
    List<String> reasons = stale.topics().stream().map(t -> t.topic() + ": " + t.reason()).toList();
    return reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")";
  }

  /**
   * INV-07: disconnect after {@code afterFrames} frames of {@code topic}, reconnect resuming from
   * the last seq seen, and exactly the frames after it are redelivered.
   */
  public void assertResumeRedeliversExactlyTheFramesAfter(String topic, int afterFrames) {
    String rule = "resume after a watermark redelivers exactly the frames after it";
    long watermark = underInvariant("INV-07", rule, () -> {
      KhalaConnection first = connect();
      String ref = first.sendSubscribe(List.of(topic), Map.of(), WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP);
      DeliveryLog partial = collect(first, ref, List.of(topic), Map.of(), afterFrames);
      first.close();
      List<Long> seqs = partial.seqs(topic);
      if (seqs.size() < afterFrames) {
        throw new PeerFailure(partial.peer() + ": only " + seqs.size() + " frame(s) of " + topic + " before the reply; need " + afterFrames);
      }
      return seqs.get(afterFrames - 1);
    });
    DeliveryLog resumed = underInvariant("INV-07", rule, () -> subscribe(List.of(topic), Map.of(topic, watermark)));
    if (resumed.staleCursor().isPresent()) {
      Findings.of("INV-07", rule).add(topic, "resuming after " + watermark + ", within retention, was answered stale_cursor"
          + reasons(resumed.staleCursor().get())).assertNone();
    }
    new DeliveryLogAssert(resumed).containsExactlyTheFramesAfter(topic, watermark);
  }

  /** INV-07: resuming {@code topic} from {@code staleWatermark} (below retention) gets {@code stale_cursor}, not silent loss. */
  public void assertStaleCursorIsAnswered(String topic, long staleWatermark) {
    String rule = "a resume point older than retention is answered stale_cursor, never silently skipped";
    DeliveryLog log = underInvariant("INV-07", rule, () -> subscribe(List.of(topic), Map.of(topic, staleWatermark)));
    if (log.staleCursor().isEmpty()) {
      Evidence.frames("khala-frames", log.lines());
      List<Long> seqs = log.seqs(topic);
      Findings.of("INV-07", rule).add(log.peer() + " " + topic, "resuming after " + staleWatermark + " got no stale_cursor but "
          + seqs.size() + " frame(s)" + (seqs.isEmpty() ? "" : " starting at seq " + seqs.get(0))
          + log.reply().map(r -> " and reply status " + r.status()).orElse("")).assertNone();
    }
  }

  /**
   * INV-03: the live subscription upgrades to WebSocket, and none of {@code probePaths} (GET with
   * {@code Accept: text/event-stream}) answers 2xx {@code text/event-stream}, except
   * {@code allowlist} (presentation adapters). Any non-2xx status (400, 404, 405, 406, 426 ...)
   * counts as "no SSE lane".
   */
  public void assertLiveSyncIsWebSocketOnly(List<String> probePaths, Set<String> allowlist) {
    Findings findings = Findings.of("INV-03", "Khala live sync is WS-only: no 2xx text/event-stream answer outside allowlisted presentation adapters");
    try {
      KhalaConnection c = connect();
      c.close();
    } catch (PeerFailure e) {
      findings.add(KhalaConnection.describe(channelUri()), "the live subscription does not upgrade to WebSocket: " + e.getMessage());
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout()).build();
    for (String path : probePaths) {
      if (allowlist.contains(path)) {
        continue;
      }
      URI uri = httpBase().resolve(path);
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout()).header("Accept", "text/event-stream").GET();
      token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
      HttpRequest r = request.build();
      try {
        // headers only: an event stream never ends, so its body is not read
        HttpResponse<InputStream> response = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() / 100 == 2 && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")) {
          findings.add("GET " + path, "answered " + response.statusCode() + " " + type + " to Accept: text/event-stream");
          Evidence.http(new HttpExchange("GET", uri.toString(), r.headers().map(), "", response.statusCode(),
              response.headers().map(), "(event stream body not read)", Duration.ZERO));
        }
      } catch (IOException e) {
        // no answer is no event stream; a refused or reset connection is not an SSE lane
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PeerFailure("interrupted while probing " + path, e);
      }
    }
    findings.assertNone();
  }

  /**
   * INV-02 and INV-06: a mutation-shaped {@code event} sent over the channel is refused (an error
   * reply or a closed socket) and changes nothing — {@code readBack} (an HTTP read of the state the
   * mutation would change) answers the same before and after.
   *
   * @param event the event name, e.g. {@code runs:create}
   * @param payloadJson its payload
   * @param readBack reads the affected state over HTTP
   */
  public void assertMutationOverWsChangesNothing(String event, String payloadJson, Callable<String> readBack) {
    String before = read(readBack);
    Optional<SyncEvent.Reply> reply;
    KhalaConnection c = underInvariant("INV-02", "authority mutations are HTTP API only (no command RPC over WS)", this::connect);
    String ref = c.nextRef();
    JsonNode payload;
    try {
      payload = JSON.readTree(payloadJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("payload is not JSON: " + payloadJson, e);
    }
    c.send(new ClientCommand.Other(ref, PhoenixChannelCodec.CHANNEL, event, payload));
    try {
      reply = Optional.of(c.awaitReply(ref, event));
    } catch (PeerFailure refusedByClosing) {
      reply = Optional.empty();
    }
    String after = read(readBack);
    Findings inv02 = Findings.of("INV-02", "authority mutations are HTTP API only (no command RPC over WS)");
    if (reply.isPresent() && reply.get().ok()) {
      inv02.add(c.peer() + " " + event, "a mutation-shaped event over WS was accepted: reply ok " + reply.get().response());
    }
    Findings inv06 = Findings.of("INV-06", "Khala is projection/replay delivery only, not an authority write path");
    if (!before.equals(after)) {
      Evidence.diff("read-back", before, after);
      inv06.add(c.peer() + " " + event, "state read back over HTTP changed after the WS message: before " + shorten(before) + ", after " + shorten(after));
    }
    inv02.assertNone();
    inv06.assertNone();
  }

  /** Closes every connection this fixture opened. */
  @Override
  public void close() {
    for (KhalaConnection c : open) {
      c.close();
    }
    open.clear();
  }

  private DeliveryLog collect(KhalaConnection c, String ref, List<String> topics, Map<String, Long> resumeAfter, int stopAfterFrames) {
    long deadline = System.nanoTime() + timeout().toNanos();
    Map<String, Long> heads = new LinkedHashMap<>();
    Optional<SyncEvent.Reply> reply = Optional.empty();
    Optional<SyncEvent.StaleCursor> stale = Optional.empty();
    while (true) {
      if (c.framesReceived() >= stopAfterFrames || stale.isPresent()
          || reply.isPresent() && (!reply.get().ok() || reached(c.frames(), heads, resumeAfter))) {
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
        h.watermarks().forEach((t, w) -> { if (topics.contains(t)) heads.merge(t, w, Math::max); });
      }
    }
    return new DeliveryLog(c.peer(), List.copyOf(topics), Map.copyOf(resumeAfter), List.copyOf(c.frames()), Map.copyOf(heads), reply, stale);
  }

  private static boolean reached(List<SyncEvent.Frame> frames, Map<String, Long> heads, Map<String, Long> resumeAfter) {
    Map<String, Long> max = new LinkedHashMap<>();
    for (SyncEvent.Frame f : frames) {
      max.merge(f.topic(), f.seq(), Math::max);
    }
    for (Map.Entry<String, Long> h : heads.entrySet()) {
      long reached = max.getOrDefault(h.getKey(), resumeAfter.getOrDefault(h.getKey(), 0L));
      if (reached < h.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static <T> T underInvariant(String invariant, String rule, Callable<T> action) {
    try {
      return action.call();
    } catch (PeerFailure e) {
      Findings.of(invariant, rule).add("live subscription", e.getMessage()).assertNone();
      throw e;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Callable<String> readBack) {
    try {
      return readBack.call();
    } catch (Exception e) {
      throw new IllegalStateException("the read-back over HTTP failed: " + e, e);
    }
  }

  private static String shorten(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
