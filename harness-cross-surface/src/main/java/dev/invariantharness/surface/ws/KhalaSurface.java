package dev.invariantharness.surface.ws;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import dev.invariantharness.surface.Answer;
import dev.invariantharness.surface.Operation;
import dev.invariantharness.surface.Surface;
import dev.invariantharness.surface.SurfaceCall;
import dev.invariantharness.surface.compare.JsonPointers;
import dev.invariantharness.khala.live.ConnectionOptions;
import dev.invariantharness.khala.live.KhalaConnection;
import dev.invariantharness.khala.live.PeerFailure;
import dev.invariantharness.khala.wire.SyncEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The WebSocket surface: answers that arrive as Khala frames — the update a mutation caused, seen
 * by a live subscriber. An operation is bound to a topic and a JSON pointer; asking it waits, up
 * to the step's deadline, for a frame on the topic whose payload has the same value at the pointer
 * as the request, and answers with that payload (parsed into the operation's answer type, or the
 * bound payload type). The connection is a real Tyrus WebSocket speaking harness-khala's codecs
 * (the Phoenix channel by default), subscribed when the scenario starts so no frame is missed.
 *
 * <pre>{@code
 * KhalaSurface ws = KhalaSurface.channel("ws", khala.channelUri(), Duration.ofSeconds(2))
 *     .await("GetNote", "notes.updates", "/noteId");   // the note's frame, matched on its id
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KhalaSurface implements Surface {

  private static final ObjectMapper JSON = Json.mapper();

  private record Binding(String topic, String pointer, Descriptor payloadType) {}

  private record Seen(String topic, long seq, String text) {}

  /** Where frames are looked up: a topic and the pointer an operation matches them on. */
  private record Key(String topic, String pointer) {}

  private final String name;
  private final URI uri;
  private final ConnectionOptions options;
  private final Map<String, Binding> bindings = new LinkedHashMap<>();
  // the latest frame per (topic, pointer) and value at the pointer: a step finds its frame in one
  // look-up however many frames came before (a scan of every frame seen made long scenarios quadratic)
  private final Map<Key, Map<String, Seen>> latest = new HashMap<>();
  private final Map<String, Integer> framesPerTopic = new HashMap<>();
  private KhalaConnection connection;
  private String openFailure;

  private KhalaSurface(String name, URI uri, ConnectionOptions options) {
    this.name = Objects.requireNonNull(name, "name");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A surface over the Phoenix channel at {@code channelUri}; {@code timeout} bounds connecting. */
  public static KhalaSurface channel(String name, URI channelUri, Duration timeout) {
    return new KhalaSurface(name, channelUri, ConnectionOptions.channel(timeout));
  }

  /** A surface at {@code uri} with harness-khala connection options (another codec, message limit, ...). */
  public static KhalaSurface of(String name, URI uri, ConnectionOptions options) {
    return new KhalaSurface(name, uri, options);
  }

  /**
   * Binds {@code operation}: its answer is the payload of the latest frame on {@code topic}
   * whose value at {@code pointer} equals the request's value at {@code pointer}. Returns {@code this}.
   */
  public KhalaSurface await(String operation, String topic, String pointer) {
    return await(operation, topic, pointer, null);
  }

  /** As {@link #await(String, String, String)}, parsing payloads as {@code payloadType}. Returns {@code this}. */
  public KhalaSurface await(String operation, String topic, String pointer, Descriptor payloadType) {
    JsonPointers.segments(pointer);
    bindings.put(operation, new Binding(topic, pointer, payloadType));
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> cannotServe(Operation operation) {
    if (operation.serverStreaming()) {
      return Optional.of("WebSocket surface '" + name + "' cannot answer " + operation + ": it streams, and a topic's frames have no"
          + " end of stream to compare; run the step on gRPC and HTTP");
    }
    return binding(operation) == null
        ? Optional.of("no topic is bound to operation '" + operation.name() + "' on WebSocket surface '" + name + "' (bound: "
            + bindings.keySet() + ")")
        : Optional.empty();
  }

  @Override
  public Descriptor answerType(Operation operation) {
    Binding b = binding(operation);
    return b != null && b.payloadType() != null ? b.payloadType() : operation.outputType();
  }

  @Override
  public synchronized void open(Duration deadline) {
    if (connection != null || openFailure != null) {
      return;
    }
    List<String> topics = new ArrayList<>(new LinkedHashSet<>(bindings.values().stream().map(Binding::topic).toList()));
    try {
      connection = KhalaConnection.open(uri, options);
      connection.join();
      connection.subscribe(topics, Map.of());
    } catch (PeerFailure e) {
      openFailure = "cannot subscribe to " + topics + ": " + e.detail();
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
  }

  @Override
  public synchronized Answer call(SurfaceCall call) {
    long start = System.nanoTime();
    Binding b = binding(call.operation());
    open(call.deadline());
    if (connection == null) {
      return Answer.none(name, openFailure, Duration.ofNanos(System.nanoTime() - start));
    }
    JsonNode wanted = JsonPointers.at(call.input(), b.pointer());
    if (wanted == null) {
      return Answer.none(name, "the request has no value at " + b.pointer() + " to match frames on " + b.topic() + " with",
          Duration.ZERO);
    }
    long deadline = start + call.deadline().toNanos();
    Map<String, Seen> frames = latest.computeIfAbsent(new Key(b.topic(), b.pointer()), k -> new HashMap<>());
    try {
      drain(Duration.ZERO);
      while (true) {
        Seen match = frames.get(wanted.asText());
        if (match != null) {
          return Answer.okJson(name, -1, match.text(), Duration.ofNanos(System.nanoTime() - start));
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        drain(Duration.ofNanos(left));
      }
    } catch (PeerFailure e) {
      return Answer.none(name, e.detail(), Duration.ofNanos(System.nanoTime() - start));
    }
    return Answer.none(name, "no frame on topic " + b.topic() + " with " + b.pointer() + " = " + wanted + " arrived within "
        + call.deadline() + " (" + framesPerTopic.getOrDefault(b.topic(), 0) + " other frame(s) on the topic)",
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Takes the next event, waiting up to {@code wait}, then everything already queued. */
  private void drain(Duration wait) {
    Optional<SyncEvent> e = connection.next(wait);
    while (e.isPresent()) {
      if (e.get() instanceof SyncEvent.Frame f) {
        record(f);
      }
      e = connection.next(Duration.ZERO);
    }
  }

  private void record(SyncEvent.Frame f) {
    framesPerTopic.merge(f.topic(), 1, Integer::sum);
    JsonNode payload;
    try {
      payload = f.payload() == null || f.payload().isBlank() ? null : JSON.readTree(f.payload());
    } catch (JsonProcessingException ex) {
      return;
    }
    if (payload == null) {
      return;
    }
    Seen seen = new Seen(f.topic(), f.seq(), f.payload());
    for (Binding b : bindings.values()) {
      if (b.topic().equals(f.topic())) {
        JsonNode v = JsonPointers.at(payload, b.pointer());
        if (v != null) {
          latest.computeIfAbsent(new Key(b.topic(), b.pointer()), k -> new HashMap<>()).put(v.asText(), seen);
        }
      }
    }
  }

  private Binding binding(Operation operation) {
    Binding b = bindings.get(operation.name());
    if (b == null) {
      b = bindings.get(operation.fullMethodName());
    }
    if (b == null) {
      b = bindings.get(operation.method().getName());
    }
    return b;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  @Override
  public String toString() {
    return name + " (WebSocket " + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getPath() + ")";
  }
}
