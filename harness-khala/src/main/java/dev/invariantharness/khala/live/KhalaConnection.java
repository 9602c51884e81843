package dev.invariantharness.khala.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.invariantharness.khala.wire.ClientCommand;
import dev.invariantharness.khala.wire.SyncCodecException;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/**
 * One real WebSocket connection (Tyrus client) to a Khala peer, read on the caller's thread:
 * every wait is bounded by {@link ConnectionOptions#timeout()}, heartbeats go out while waiting,
 * and whatever goes wrong — silence, a close mid-stream, a malformed or oversized message, a frame
 * for a topic not subscribed to — ends in a {@link PeerFailure} that says so, never a hang.
 *
 * <pre>{@code
 * try (KhalaConnection c = KhalaConnection.open(uri, ConnectionOptions.channel(Duration.ofSeconds(5)))) {
 *   c.join();
 *   SyncEvent.Reply reply = c.subscribe(List.of("run:1:events"), Map.of("run:1:events", 40L));
 *   List<SyncEvent.Frame> replayed = c.frames();   // replay frames arrive before the reply
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader.
 */
public final class KhalaConnection implements AutoCloseable {

  private sealed interface Item {}

  private record Text(String text) implements Item {}

  private record Closed(CloseReason reason) implements Item {}

  private record Failed(Throwable error) implements Item {}

  private final URI uri;
  private final ConnectionOptions options;
  private final ClientManager client;
  private final LinkedBlockingQueue<Item> inbox;
  private final Deque<SyncEvent> pending = new ArrayDeque<>();
  private final List<SyncEvent.Frame> frames = new ArrayList<>();
  /** The highest seq received per topic, kept as frames arrive so waiting for a head costs nothing per frame. */
  private final Map<String, Long> highestSeqs = new HashMap<>();
  private final Set<String> subscribed = new LinkedHashSet<>();
  private final AtomicInteger refs = new AtomicInteger(1);
  private Session session;
  /** The session the upgrade opened, as the endpoint saw it (guarded by this). */
  private Session opened;
  /** Whether the upgrade threw and this attempt was given up (guarded by this). */
  private boolean abandoned;
  private PeerFailure terminal;
  private boolean closedByPeer;
  private long framesReceived;
  private long nextHeartbeat;

  private KhalaConnection(URI uri, ConnectionOptions options, ClientManager client, LinkedBlockingQueue<Item> inbox) {
    this.uri = uri;
    this.options = options;
    this.client = client;
    this.inbox = inbox;
    this.nextHeartbeat = System.nanoTime() + options.heartbeatEvery().toNanos();
  }

  /**
   * Opens a WebSocket to {@code uri}, bounded by the options' timeout.
   *
   * @throws PeerFailure when the upgrade is refused or does not complete in time
   */
  public static KhalaConnection open(URI uri, ConnectionOptions options) {
    return open(uri, options, Map.of());
  }

  /**
   * Opens a WebSocket to {@code uri} sending {@code headers} with the upgrade request (the internal
   * lane wants {@code Authorization: Bearer}), bounded by the options' timeout.
   *
   * <p>An upgrade that fails inside the WebSocket client itself — an unchecked exception, never
   * the peer's refusal, a refused connection or a timeout — is tried once more if it failed within
   * half the timeout: Tyrus's Grizzly transport has a rare race in which a connect it completed
   * hands back no connection, and a correct service must not be reported for the client's fault.
   * So an upgrade takes at most one and a half times the timeout.
   *
   * @throws PeerFailure when the upgrade is refused or does not complete in time
   */
  public static KhalaConnection open(URI uri, ConnectionOptions options, Map<String, String> headers) {
    return open(uri, options, headers, clientFor(options)::connectToServer);
  }

  /** How an upgrade is made: the shared Tyrus container, or a stand-in that fails on purpose in tests. */
  @FunctionalInterface
  interface Upgrade {
    Session connect(Endpoint endpoint, ClientEndpointConfig config, URI uri) throws DeploymentException, IOException;
  }

  static KhalaConnection open(URI uri, ConnectionOptions options, Map<String, String> headers, Upgrade upgrade) {
    long start = System.nanoTime();
    Exception first;
    try {
      return attempt(uri, options, headers, upgrade);
    } catch (DeploymentException | IOException | RuntimeException e) {
      first = e;
    }
    boolean fast = System.nanoTime() - start < options.timeout().toNanos() / 2;
    if (!(rootCause(first) instanceof RuntimeException) || !fast) {
      throw new PeerFailure(upgradeFailed(uri, options, first), first);
    }
    try {
      return attempt(uri, options, headers, upgrade);
    } catch (DeploymentException | IOException | RuntimeException e) {
      e.addSuppressed(first);
      throw new PeerFailure(upgradeFailed(uri, options, e) + " (tried twice: the first attempt failed inside the WebSocket client: "
          + rootMessage(first) + ")", e);
    }
  }

  private static String upgradeFailed(URI uri, ConnectionOptions options, Exception e) {
    return describe(uri) + ": WebSocket upgrade failed within " + options.timeout() + ": " + rootMessage(e);
  }

  private static KhalaConnection attempt(URI uri, ConnectionOptions options, Map<String, String> headers, Upgrade upgrade)
      throws DeploymentException, IOException {
    LinkedBlockingQueue<Item> inbox = new LinkedBlockingQueue<>();
    KhalaConnection c = new KhalaConnection(uri, options, clientFor(options), inbox);
    Endpoint endpoint = new Endpoint() {
      @Override
      public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(options.maxMessageBytes());
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> inbox.add(new Text(text)));
        c.opened(session);
      }

      @Override
      public void onClose(Session session, CloseReason reason) {
        inbox.add(new Closed(reason));
      }

      @Override
      public void onError(Session session, Throwable error) {
        inbox.add(new Failed(error));
      }
    };
    ClientEndpointConfig config = ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
      @Override
      public void beforeRequest(Map<String, List<String>> request) {
        headers.forEach((name, value) -> request.put(name, List.of(value)));
      }
    }).build();
    try {
      c.session = upgrade.connect(endpoint, config, uri);
      return c;
    } catch (DeploymentException | IOException | RuntimeException e) {
      c.abandon();
      throw e;
    }
  }

  /** Notes the session an upgrade opened; one opened for an attempt already given up is closed at once. */
  private synchronized void opened(Session s) {
    opened = s;
    if (abandoned) {
      closeQuietly(s);
    }
  }

  /**
   * Gives up an attempt whose upgrade threw: if the client still completed the handshake (its race
   * does), the session it opened is closed rather than left holding the peer and the client's threads.
   */
  private synchronized void abandon() {
    abandoned = true;
    if (opened != null) {
      closeQuietly(opened);
    }
  }

  private static void closeQuietly(Session s) {
    try {
      s.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "upgrade abandoned"));
    } catch (IOException | IllegalStateException | RejectedExecutionException e) {
      // closing a connection nobody uses is best effort
    }
  }

  /** The client container this connection runs in (shared; tests look at its executors). */
  ClientManager container() {
    return client;
  }

  /** The peer as messages name it: scheme, host, port and path (never the query: it may hold a token). */
  public String peer() {
    return describe(uri);
  }

  /** A fresh message reference. */
  public String nextRef() {
    return Integer.toString(refs.getAndIncrement());
  }

  /** Sends one message. */
  public void send(ClientCommand command) {
    if (command instanceof ClientCommand.Subscribe s) {
      subscribed.addAll(s.topics());
    }
    sendText(options.codec().encode(command));
  }

  /** Sends raw text (e.g. a hand-made hostile message). */
  public void sendText(String text) {
    failIfTerminal();
    try {
      session.getBasicRemote().sendText(text);
    } catch (IOException | IllegalStateException | RejectedExecutionException e) {
      // The containers' executors are never shut down (IdlingClientManager); a rejection could
      // only come from a Tyrus that shuts them anyway: for the check, a connection that failed.
      throw new PeerFailure(peer() + ": sending failed: " + rootMessage(e), e);
    }
  }

  /** Joins {@code sync:v1}; returns the ok reply. */
  public SyncEvent.Reply join() {
    String ref = nextRef();
    send(new ClientCommand.Join(ref, JsonNodeFactory.instance.objectNode().put("client", "invariant-harness")));
    SyncEvent.Reply reply = awaitReply(ref, "phx_join");
    if (!reply.ok()) {
      throw new PeerFailure(peer() + ": phx_join was refused: " + reply.response());
    }
    return reply;
  }

  /**
   * Subscribes to {@code topics} resuming after {@code resumeAfter} (map form) and waits for the
   * reply; the replay frames that came before it are in {@link #frames()}.
   */
  public SyncEvent.Reply subscribe(List<String> topics, Map<String, Long> resumeAfter) {
    String ref = sendSubscribe(topics, resumeAfter, WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP);
    return awaitReply(ref, "sync:subscribe");
  }

  /** Sends {@code sync:subscribe} without waiting; returns its ref. */
  public String sendSubscribe(List<String> topics, Map<String, Long> resumeAfter, WireForm form) {
    String ref = nextRef();
    send(new ClientCommand.Subscribe(ref, List.copyOf(topics), Map.copyOf(resumeAfter), 200, form));
    return ref;
  }

  /**
   * Waits for the {@code phx_reply} to {@code ref}, collecting everything before it.
   *
   * @throws PeerFailure when none comes within the timeout or the peer fails first
   */
  public SyncEvent.Reply awaitReply(String ref, String what) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    while (true) {
      Optional<SyncEvent> e = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (e.isEmpty()) {
        throw new PeerFailure(peer() + ": no reply to " + what + " (ref " + ref + ") within " + options.timeout()
            + "; " + framesReceived + " frame(s) received before");
      }
      if (e.get() instanceof SyncEvent.Reply r && ref.equals(r.ref())) {
        return r;
      }
    }
  }

  /**
   * The next event, or empty when none arrives within {@code wait}.
   *
   * @throws PeerFailure when the peer closed, failed, sent something malformed, or a frame for a
   *     topic not subscribed to
   */
  public Optional<SyncEvent> next(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (!pending.isEmpty()) {
        return Optional.of(pending.poll());
      }
      failIfTerminal();
      long now = System.nanoTime();
      if (now >= nextHeartbeat) {
        heartbeat();
      }
      long left = deadline - now;
      if (left <= 0) {
        // out of time to wait, not to look: what has arrived already is still taken
        Item arrived = inbox.poll();
        if (arrived == null) {
          return Optional.empty();
        }
        take(arrived);
        continue;
      }
      Item item;
      try {
        item = inbox.poll(Math.min(left, Math.max(1, nextHeartbeat - now)), TimeUnit.NANOSECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new PeerFailure(peer() + ": interrupted while waiting", ex);
      }
      if (item != null) {
        take(item);
      }
    }
  }

  /** Sends {@code sync:heartbeat}, with the configured watermarks when there are any. */
  public void heartbeat() {
    nextHeartbeat = System.nanoTime() + options.heartbeatEvery().toNanos();
    if (terminal != null || !session.isOpen()) {
      return;
    }
    String text;
    try {
      text = options.codec().encode(new ClientCommand.Heartbeat(nextRef(), Map.copyOf(options.watermarks().get())));
    } catch (UnsupportedOperationException laneHasNoClientMessages) {
      return;
    }
    sendText(text);
  }

  /** Every frame received so far, in arrival order (when recording). */
  public List<SyncEvent.Frame> frames() {
    return Collections.unmodifiableList(frames);
  }

  /** The highest seq received so far of {@code topic}, or {@code fallback} when none arrived. */
  public long highestSeq(String topic, long fallback) {
    Long seq = highestSeqs.get(topic);
    return seq == null ? fallback : seq;
  }

  /** How many frames arrived so far. */
  public long framesReceived() {
    return framesReceived;
  }

  /** Whether the peer closed the connection (as opposed to sending something wrong). */
  public boolean closedByPeer() {
    return closedByPeer;
  }

  /** Whether the peer has closed or failed the connection. */
  public boolean isOpen() {
    return terminal == null && session.isOpen();
  }

  /**
   * Client containers, one per handshake bound and buffer size, shared by every connection and
   * never shut down: their executors idle out instead (see {@link IdlingClientManager}).
   */
  private static final Map<List<Integer>, ClientManager> CLIENTS = new ConcurrentHashMap<>();

  static ClientManager clientFor(ConnectionOptions options) {
    int handshake = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
    int buffer = options.maxMessageBytes() + 1024;
    return CLIENTS.computeIfAbsent(List.of(handshake, buffer), k -> {
      ClientManager client = new IdlingClientManager();
      client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, handshake);
      client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, buffer);
      return client;
    });
  }

  /** Closes the connection (the shared client container stays). */
  @Override
  public void close() {
    try {
      if (session != null && session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
      }
    } catch (IOException | IllegalStateException | RejectedExecutionException e) {
      // the peer is gone already; closing is best effort
    }
  }

  private void take(Item item) {
    if (item instanceof Text t) {
      List<SyncEvent> events;
      try {
        events = options.codec().decode(t.text());
      } catch (SyncCodecException e) {
        terminal = new PeerFailure(peer() + ": sent a malformed message after " + framesReceived + " frame(s): " + e.getMessage(), e);
        throw terminal;
      }
      for (SyncEvent e : events) {
        if (e instanceof SyncEvent.Frame f) {
          if (!subscribed.isEmpty() && !subscribed.contains(f.topic())) {
            terminal = new PeerFailure(peer() + ": sent a frame for topic '" + f.topic() + "' (seq " + f.seq()
                + "), which this connection did not subscribe to (subscribed: " + subscribed + ")");
            throw terminal;
          }
          framesReceived++;
          highestSeqs.merge(f.topic(), f.seq(), Math::max);
          if (options.recordFrames()) {
            frames.add(f);
          }
        }
        pending.add(e);
      }
    } else if (item instanceof Closed c) {
      closedByPeer = true;
      CloseReason r = c.reason();
      String code = r.getCloseCode().getCode() + (r.getCloseCode().getCode() == 1009 ? " (message too big)" : "");
      String phrase = r.getReasonPhrase() == null ? "" : r.getReasonPhrase();
      boolean tooBig = r.getCloseCode().getCode() == 1009 || phrase.toLowerCase(java.util.Locale.ROOT).contains("overflow");
      terminal = new PeerFailure(peer() + ": connection closed (code " + code + (phrase.isEmpty() ? "" : ": " + phrase)
          + ") after " + framesReceived + " frame(s)" + (tooBig ? " — a message exceeded the " + options.maxMessageBytes() + "-byte limit" : ""),
          null, true);
    } else if (item instanceof Failed f) {
      terminal = new PeerFailure(peer() + ": connection failed after " + framesReceived + " frame(s): " + rootMessage(f.error()), f.error());
    }
  }

  private void failIfTerminal() {
    if (terminal != null) {
      throw terminal;
    }
  }

  static String describe(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = rootCause(e);
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
