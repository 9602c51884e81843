package dev.invariantharness.khala.fake.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.khala.wire.ClientCommand;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The fake sync server's state and its two WebSocket surfaces over one set of topic logs: the
 * channel at {@code /sync/socket/websocket}, the lane at
 * {@code /internal/v1/khala/topics/{topic}/ws}, plain HTTP on the same port.
 */
public final class SyncHub {

  /** The channel socket path. */
  public static final String CHANNEL_PATH = "/sync/socket/websocket";
  /** The lane socket path template. */
  public static final String LANE_PATH = "/internal/v1/khala/topics/{topic}/ws";

  private final String name;
  private final Map<String, TopicLog> logs;
  private final Faults faults;
  private final Duration heartbeatEvery;
  private final boolean updateBatchForm;
  private final Function<ClientCommand.Other, Optional<JsonNode>> commands;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<Connection>> subscribers = new ConcurrentHashMap<>();
  private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
  private final List<String> commandLog = Collections.synchronizedList(new ArrayList<>());
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger subscribes = new AtomicInteger();
  private final AtomicLong frames = new AtomicLong();
  private final LoopbackWebSocketServer server;
  private final String token;
  private ScheduledExecutorService ticker;

  public SyncHub(String name, Map<String, TopicLog> logs, Faults faults, Duration heartbeatEvery, boolean updateBatchForm,
      Function<ClientCommand.Other, Optional<JsonNode>> commands, int maxMessageBytes, String token) {
    this.token = token;
    this.name = name;
    this.logs = new LinkedHashMap<>(logs);
    this.faults = faults;
    this.heartbeatEvery = heartbeatEvery;
    this.updateBatchForm = updateBatchForm;
    this.commands = commands;
    this.server = new LoopbackWebSocketServer(name, maxMessageBytes, 4);
  }

  /** Starts listening on 127.0.0.1 with an ephemeral port; returns the port. */
  public int start(HttpSide http) throws IOException, DeploymentException {
    ServerEndpointConfig channel = ServerEndpointConfig.Builder.create(ChannelEndpoint.class, CHANNEL_PATH)
        .configurator(configurator(() -> new ChannelEndpoint(this))).build();
    ServerEndpointConfig lane = ServerEndpointConfig.Builder.create(LaneEndpoint.class, LANE_PATH)
        .configurator(configurator(() -> new LaneEndpoint(this))).build();
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name + "-heartbeat");
      t.setDaemon(true);
      return t;
    });
    try {
      server.start(List.of(channel, lane), http,
          token == null ? List.of() : List.of(new TokenGate(CHANNEL_PATH, token::equals)));
    } catch (IOException | DeploymentException | RuntimeException e) {
      ticker.shutdownNow();
      server.stop(500);
      throw e;
    }
    long every = heartbeatEvery.toMillis();
    ticker.scheduleAtFixedRate(() -> open.forEach(Connection::heartbeat), every, every, TimeUnit.MILLISECONDS);
    return server.getPort();
  }

  /** Closes every connection and stops; bounded by {@code limit}. */
  public void stop(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    if (ticker != null) {
      ticker.shutdownNow();
    }
    List<Connection> all = new ArrayList<>(open);
    for (Connection c : all) {
      c.close(CloseReason.CloseCodes.GOING_AWAY, "fake server stopping");
    }
    for (Connection c : all) {
      try {
        c.awaitStopped(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      if (ticker != null) {
        ticker.awaitTermination(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(Math.max(100, (deadline - System.nanoTime()) / 1_000_000));
  }

  public String name() {
    return name;
  }

  public Faults faults() {
    return faults;
  }

  boolean updateBatchForm() {
    return updateBatchForm;
  }

  public TopicLog log(String topic) {
    return logs.get(topic);
  }

  public Map<String, TopicLog> logs() {
    return logs;
  }

  List<String> topicNames() {
    return List.copyOf(logs.keySet());
  }

  /** Appends to {@code topic} and pushes the frame to its subscribers; returns the seq. */
  public long append(String topic, String payload) {
    TopicLog log = logs.get(topic);
    if (log == null) {
      throw new IllegalArgumentException("no topic '" + topic + "'; topics are " + logs.keySet());
    }
    synchronized (log) {
      long seq = log.append(payload);
      for (Connection c : subscribers.getOrDefault(topic, Set.of())) {
        c.live(new TopicLog.Entry(topic, seq, payload));
      }
      return seq;
    }
  }

  /** Subscribes {@code c} to live frames of {@code log}; returns the head the replay runs up to. */
  long register(Connection c, TopicLog log) {
    synchronized (log) {
      c.topics.put(log.topic(), Boolean.TRUE);
      subscribers.computeIfAbsent(log.topic(), t -> ConcurrentHashMap.newKeySet()).add(c);
      return log.head();
    }
  }

  void remove(Connection c) {
    open.remove(c);
    subscribers.values().forEach(s -> s.remove(c));
    synchronized (open) {
      open.notifyAll();
    }
  }

  /** Waits until no connection is open; false when {@code limit} passed first. */
  public boolean awaitNoOpenConnections(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (open) {
      while (!open.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        open.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  int nextConnectionIndex() {
    return connections.getAndIncrement();
  }

  int nextSubscribeIndex() {
    return subscribes.getAndIncrement();
  }

  void countFrame() {
    frames.incrementAndGet();
  }

  void acknowledge(Map<String, Long> watermarks) {
    watermarks.forEach((t, w) -> acknowledged.merge(t, w, Math::max));
  }

  Optional<JsonNode> command(ClientCommand.Other command) {
    commandLog.add(command.event());
    return commands.apply(command);
  }

  void problem(Connection c, RuntimeException e) {
    problems.add("connection " + c.index + ": " + e);
  }

  public Map<String, Long> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  public List<String> commands() {
    return List.copyOf(commandLog);
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public int connectionCount() {
    return connections.get();
  }

  public int openConnections() {
    return open.size();
  }

  public long framesSent() {
    return frames.get();
  }

  private static ServerEndpointConfig.Configurator configurator(java.util.function.Supplier<Endpoint> factory) {
    return new ServerEndpointConfig.Configurator() {
      @Override
      public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(factory.get());
      }
    };
  }

  public static final class ChannelEndpoint extends Endpoint {
    private final SyncHub hub;
    private ChannelConnection connection;

    ChannelEndpoint(SyncHub hub) {
      this.hub = hub;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      connection = new ChannelConnection(hub, session);
      hub.open.add(connection);
      session.addMessageHandler(String.class, (MessageHandler.Whole<String>) connection::onMessage);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
      if (connection != null) {
        connection.closedByPeer();
      }
    }
  }

  public static final class LaneEndpoint extends Endpoint {
    private final SyncHub hub;
    private LaneConnection connection;

    LaneEndpoint(SyncHub hub) {
      this.hub = hub;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      Map<String, List<String>> q = session.getRequestParameterMap();
      long after = number(q, "after_seq", 0);
      long limit = number(q, "limit", 500);
      connection = new LaneConnection(hub, session, session.getPathParameters().get("topic"), after, limit);
      hub.open.add(connection);
      session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> { });
      connection.start();
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
      if (connection != null) {
        connection.closedByPeer();
      }
    }

    private long number(Map<String, List<String>> q, String key, long otherwise) {
      List<String> v = q.get(key);
      try {
        return v == null || v.isEmpty() ? otherwise : Long.parseLong(v.get(0));
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }
  }
}
