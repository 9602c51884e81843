package dev.invariantharness.khala.fake;

import dev.invariantharness.khala.replay.EventKind;
import dev.invariantharness.khala.replay.GapPolicy;
import dev.invariantharness.khala.replay.ReplayReport;
import dev.invariantharness.khala.replay.ReplayViolation;
import dev.invariantharness.khala.replay.internal.ReplayEngine;
import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.khala.fake.internal.Faults;
import dev.invariantharness.khala.fake.internal.HttpSide;
import dev.invariantharness.khala.fake.internal.SyncHub;
import dev.invariantharness.khala.fake.internal.TopicLog;
import dev.invariantharness.khala.wire.ClientCommand;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An embeddable Khala: a real WebSocket server (Tyrus) on 127.0.0.1 and an ephemeral port,
 * speaking both surfaces — the Phoenix channel {@code sync:v1} at
 * {@code /sync/socket/websocket} and the per-topic internal lane at
 * {@code /internal/v1/khala/topics/{topic}/ws} — over an in-memory event log per topic with a
 * retention floor, with the faults of a {@link FaultSchedule}. It records what clients report
 * as applied (watermarks in their {@code sync:heartbeat}) and judges a client's applied state
 * against the reference model ({@link #verdict(Map)}).
 *
 * <pre>{@code
 * try (FakeSyncServer khala = FakeSyncServer.builder()
 *     .topic("run:1:events", 500)
 *     .retentionFloor("run:1:events", 0)
 *     .faults(FaultSchedule.seed(42L))
 *     .start()) {
 *   Map<String, List<Long>> applied = myClient.syncFrom(khala.channelUri());
 *   khala.verdict(applied).assertCorrect();     // INV-07 violated ... (replay with FaultSchedule.seed(42L))
 * }
 * }</pre>
 *
 * <p>Closing stops every connection and thread the server started, bounded by
 * {@link Builder#stopTimeout(Duration)}.
 */
public final class FakeSyncServer implements AutoCloseable {

  private final SyncHub hub;
  private final FaultSchedule schedule;
  private final Duration stopTimeout;
  private final int port;

  private FakeSyncServer(SyncHub hub, FaultSchedule schedule, Duration stopTimeout, int port) {
    this.hub = hub;
    this.schedule = schedule;
    this.stopTimeout = stopTimeout;
    this.port = port;
  }

  /** A builder for a server with no topics and no faults. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** {@code ws://127.0.0.1:PORT/sync/socket/websocket?vsn=2.0.0}. */
  public URI channelUri() {
    return URI.create("ws://127.0.0.1:" + port + SyncHub.CHANNEL_PATH + "?vsn=2.0.0");
  }

  /** The lane socket of {@code topic}, resuming after {@code afterSeq}. */
  public URI laneUri(String topic, long afterSeq) {
    return URI.create("ws://127.0.0.1:" + port + "/internal/v1/khala/topics/" + URLEncoder.encode(topic, StandardCharsets.UTF_8)
        + "/ws?after_seq=" + afterSeq + "&limit=500");
  }

  /** {@code http://127.0.0.1:PORT} + {@code path}. */
  public URI httpUri(String path) {
    return baseUri().resolve(path);
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** Appends an event to {@code topic} and pushes it to live subscribers; returns its seq. */
  public long append(String topic, String payload) {
    return hub.append(topic, payload);
  }

  /**
   * A publish hook for the live delivery check: appends {@code frames} events to {@code topic}
   * when called and reports the new head.
   */
  public dev.invariantharness.khala.live.PublishHook publisher(String topic, int frames) {
    return () -> {
      long head = 0;
      for (int i = 0; i < frames; i++) {
        head = append(topic, "{\"topic\":\"" + topic.replace("\"", "") + "\",\"live\":" + i + "}");
      }
      return Map.of(topic, head);
    };
  }

  /** The head watermark of {@code topic}. */
  public long head(String topic) {
    return log(topic).head();
  }

  /** The retention floor of {@code topic}: resuming below it is a stale cursor. */
  public long retentionFloor(String topic) {
    return log(topic).floor();
  }

  /** Moves the retention floor of {@code topic}. */
  public void retentionFloor(String topic, long floor) {
    log(topic).floor(floor);
  }

  /** The highest watermark per topic clients reported in {@code sync:heartbeat}. */
  public Map<String, Long> acknowledged() {
    return hub.acknowledged();
  }

  /** Names of the non-sync events clients sent over the channel (mutation attempts), in order. */
  public List<String> commandsReceived() {
    return hub.commands();
  }

  /** How many connections were accepted so far. */
  public int connectionsAccepted() {
    return hub.connectionCount();
  }

  /** How many connections are open now. */
  public int openConnections() {
    return hub.openConnections();
  }

  /**
   * Waits until every client connection has been closed (by either side).
   *
   * @return false when {@code limit} passed with connections still open
   */
  public boolean awaitNoOpenConnections(Duration limit) throws InterruptedException {
    return hub.awaitNoOpenConnections(limit);
  }

  /** How many data frames were sent so far, over all connections. */
  public long framesSent() {
    return hub.framesSent();
  }

  /** Exceptions the server's connection threads caught (for diagnosing a fake that misbehaves itself). */
  public List<String> problems() {
    return hub.problems();
  }

  /** The schedule this server runs. */
  public FaultSchedule faults() {
    return schedule;
  }

  /**
   * Judges a client's applied state with the INV-07 replay engine under the strict gap policy:
   * per topic the client starts from the retention floor (its snapshot), and the seqs it applied,
   * in the order it applied them, must be exactly {@code floor+1 .. head} — no duplicate apply, no
   * gap applied, no silent hole at the end.
   *
   * @param applied topic to the seqs applied, in application order
   */
  public ClientVerdict verdict(Map<String, List<Long>> applied) {
    ReplayEngine engine = new ReplayEngine(GapPolicy.STRICT, "client of " + hub.name(), 100, 3);
    List<Finding> findings = new ArrayList<>();
    long line = 0;
    for (Map.Entry<String, TopicLog> e : hub.logs().entrySet()) {
      String topic = e.getKey();
      long head = e.getValue().head();
      engine.reset(EventKind.SNAPSHOT, topic, e.getValue().floor(), ++line);
      List<Long> seqs = applied.getOrDefault(topic, List.of());
      for (long seq : seqs) {
        engine.applied(topic, seq, ++line);
      }
      engine.announceHead(topic, head, ++line);
      if (seqs.stream().anyMatch(s -> s > head)) {
        findings.add(new Finding("INV-07", topic, "applied seqs beyond the head " + head));
      }
    }
    for (String topic : applied.keySet()) {
      if (!hub.logs().containsKey(topic)) {
        findings.add(new Finding("INV-07", topic, "applied frames of a topic the server does not have"));
      }
    }
    ReplayReport report = engine.finish();
    for (ReplayViolation v : report.violations()) {
      findings.add(new Finding("INV-07", v.topic() + " (event " + v.line() + ")", v.kind().label() + ": " + v.message()));
    }
    return new ClientVerdict(schedule, List.copyOf(findings));
  }

  /** Closes every connection and stops the server, bounded by the stop timeout. */
  @Override
  public void close() {
    hub.stop(stopTimeout);
  }

  private TopicLog log(String topic) {
    TopicLog log = hub.log(topic);
    if (log == null) {
      throw new IllegalArgumentException("no topic '" + topic + "'; topics are " + hub.logs().keySet());
    }
    return log;
  }

  /** Configures and starts a {@link FakeSyncServer}. */
  public static final class Builder {

    private final Map<String, TopicLog> logs = new LinkedHashMap<>();
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
    private FaultSchedule faults = FaultSchedule.none();
    private Duration heartbeatEvery = Duration.ofSeconds(15);
    private Duration stopTimeout = Duration.ofSeconds(5);
    private boolean updateBatchForm;
    private int maxMessageBytes = 1 << 20;
    private Function<ClientCommand.Other, Optional<JsonNode>> commands = c -> Optional.empty();
    private String name = "khala-fake";
    private String token;

    private Builder() {}

    /** Adds {@code topic} with {@code frames} generated events (seq 1..frames). */
    public Builder topic(String topic, int frames) {
      TopicLog log = logs.computeIfAbsent(topic, TopicLog::new);
      for (int i = 0; i < frames; i++) {
        long seq = log.head() + 1;
        log.append("{\"topic\":\"" + topic.replace("\"", "") + "\",\"seq\":" + seq + ",\"body\":\"event " + seq + "\"}");
      }
      return this;
    }

    /** Adds {@code topic} with the given JSON payloads (seq 1..n). */
    public Builder topic(String topic, List<String> payloads) {
      TopicLog log = logs.computeIfAbsent(topic, TopicLog::new);
      payloads.forEach(log::append);
      return this;
    }

    /** Resuming {@code topic} below {@code floor} gets {@code stale_cursor}; frames above it are retained. */
    public Builder retentionFloor(String topic, long floor) {
      TopicLog log = logs.get(topic);
      if (log == null) {
        throw new IllegalArgumentException("add topic '" + topic + "' before its retention floor");
      }
      log.floor(floor);
      return this;
    }

    /**
     * Resuming {@code topic} more than {@code events} behind its head gets {@code stale_cursor}
     * with reason {@code replay_budget_exceeded}, even within retention; unlimited by default.
     */
    public Builder replayBudget(String topic, long events) {
      TopicLog log = logs.get(topic);
      if (log == null) {
        throw new IllegalArgumentException("add topic '" + topic + "' before its replay budget");
      }
      if (events < 0) {
        throw new IllegalArgumentException("the replay budget of '" + topic + "' must not be negative, was " + events);
      }
      log.replayBudget(events);
      return this;
    }

    /** The faults to inject; {@link FaultSchedule#none()} by default. */
    public Builder faults(FaultSchedule faults) {
      this.faults = faults;
      return this;
    }

    /** How often the server sends {@code sync:heartbeat} with head watermarks; 15 s as the real service. */
    public Builder heartbeatEvery(Duration every) {
      this.heartbeatEvery = every;
      return this;
    }

    /** Sends data as {@code sync:update_batch} (the compatibility form) instead of {@code sync:frame}. */
    public Builder updateBatchForm(boolean on) {
      this.updateBatchForm = on;
      return this;
    }

    /** The largest client message the server accepts. */
    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = bytes;
      return this;
    }

    /** The bound on {@link FakeSyncServer#close()}. */
    public Builder stopTimeout(Duration timeout) {
      this.stopTimeout = timeout;
      return this;
    }

    /**
     * Decides non-sync channel events (e.g. a mutation-shaped command): return a response to
     * accept (reply ok), empty to refuse (reply error). Refuses everything by default, as a
     * projection-only sync service must (INV-02, INV-06).
     */
    public Builder onCommand(Function<ClientCommand.Other, Optional<JsonNode>> handler) {
      this.commands = handler;
      return this;
    }

    /** Adds a plain-HTTP route on the server's port; user routes take precedence over built-in ones. */
    public Builder http(String method, String path, HttpRoute route) {
      routes.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, route);
      return this;
    }

    /**
     * Refuses a channel-socket upgrade without this {@code token} query parameter with 403, as the
     * real channel does; by default any token (or none) is accepted.
     */
    public Builder requireToken(String token) {
      this.token = token;
      return this;
    }

    /** Thread-name prefix, to tell servers apart in thread dumps. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Starts the server on 127.0.0.1 and an ephemeral port. */
    public FakeSyncServer start() {
      HttpSide http = new HttpSide(routes);
      SyncHub hub = new SyncHub(name, logs, internal(faults), heartbeatEvery, updateBatchForm, commands, maxMessageBytes, token);
      http.bind(hub);
      try {
        int port = hub.start(http);
        return new FakeSyncServer(hub, faults, stopTimeout, port);
      } catch (IOException e) {
        throw new UncheckedIOException("fake sync server could not start on 127.0.0.1", e);
      } catch (DeploymentException e) {
        throw new IllegalStateException("fake sync server endpoints could not be deployed", e);
      }
    }

    private static Faults internal(FaultSchedule s) {
      return new Faults(s.seedValue().orElse(0L), s.toString(), s.duplicateProbability(), s.reorderWindowSize(), s.gapProbability(),
          s.closeAfterFrames(), s.slowPerFrame(), s.staleFirst(), s.faultyConnectionCount(),
          s.subscribeUnanswered(), s.isSilent(), s.malformedAfterFrames(), s.oversizedAfterFrames(), s.oversizedFrameBytes(),
          s.foreignTopicAfterFrames(), s.resendsWatermark(), s.skipsFirst(), s.sendsBothWireForms(), s.batchSizeValue(),
          s.repliesBeforeReplay(), s.dropsLiveFrame(), s.answersStaleSilently());
    }
  }
}
