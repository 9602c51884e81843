package dev.invariantharness.khala.live;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.finding.SoftFindings;
import dev.invariantharness.khala.wire.ClientCommand;
import dev.invariantharness.khala.wire.PhoenixChannelCodec;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;

/**
 * INV-02 and INV-06 for one mutation-shaped channel event: it must be refused (an error reply or
 * a closed socket), and it must change nothing the attempt could have touched — judged on the
 * fields named here and on the watched topics, so a service taking ordinary live appends during
 * the check does not fail it. Obtain one with {@link LiveSync#mutationOverWs}.
 *
 * <pre>{@code
 * live.mutationOverWs("runs:create", "{\"name\":\"probe-7f3a\"}")
 *     .readBack(() -> http.get("/api/runs/summary"), "/count", "/latest/name")  // only these fields
 *     .watching(List.of("runtime.run_summaries"), "probe-7f3a")               // no frame may carry it
 *     .assertRefusedAndChangesNothing();
 * }</pre>
 *
 * <p>INV-02 and INV-06 findings are reported together: when both fail, the failure is a
 * single {@code InvariantViolation} that carries the findings of both invariants.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MutationOverWs {

  static final String INV02_RULE = "authority mutations are HTTP API only (no command RPC over WS)";
  static final String INV06_RULE = "Khala is projection/replay delivery only, not an authority write path";

  private static final ObjectMapper JSON = Json.mapper();

  private final LiveSync live;
  private final String event;
  private final JsonNode payload;
  private Callable<String> readBack;
  private List<String> pointers = List.of();
  private List<String> topics = List.of();
  private String marker;

  MutationOverWs(LiveSync live, String event, String payloadJson) {
    this.live = live;
    this.event = Objects.requireNonNull(event, "event");
    try {
      this.payload = JSON.readTree(payloadJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("the payload of " + event + " is not JSON: " + payloadJson, e);
    }
  }

  /**
   * Reads the state the mutation would change, over HTTP, before and after the attempt, and
   * compares only the fields at {@code jsonPointers} (RFC 6901, e.g. {@code /count}); no pointer
   * compares the whole read-back as text.
   */
  public MutationOverWs readBack(Callable<String> readBack, String... jsonPointers) {
    this.readBack = Objects.requireNonNull(readBack, "readBack");
    this.pointers = List.of(jsonPointers);
    return this;
  }

  /**
   * Listens on {@code topics} during the attempt: a frame whose payload contains {@code marker}
   * (a value unique to this attempt's payload) shows the mutation reached the projection. Other
   * frames — ordinary live appends — are ignored.
   */
  public MutationOverWs watching(List<String> topics, String marker) {
    this.topics = List.copyOf(topics);
    this.marker = Objects.requireNonNull(marker, "marker");
    if (marker.isBlank()) {
      throw new IllegalArgumentException("the marker must be a non-blank value unique to the attempt's payload");
    }
    return this;
  }

  /** Sends the event and judges it; fails with every INV-02 and INV-06 finding at once. */
  public void assertRefusedAndChangesNothing() {
    if (readBack == null && topics.isEmpty()) {
      throw new IllegalStateException("say what the mutation could change: readBack(...) and/or watching(...)");
    }
    SoftFindings soft = new SoftFindings();
    Findings inv02 = soft.of("INV-02", INV02_RULE);
    Findings inv06 = soft.of("INV-06", INV06_RULE);
    Optional<String> before = readBack == null ? Optional.empty() : Optional.of(read());
    KhalaConnection watcher = null;
    if (!topics.isEmpty()) {
      watcher = live.connect();
      watcher.subscribe(topics, Map.of());
    }
    KhalaConnection c;
    try {
      c = live.connect();
    } catch (PeerFailure e) {
      inv02.add("live subscription", e.detail());
      soft.assertAll();
      return;
    }
    String ref = c.nextRef();
    c.send(new ClientCommand.Other(ref, PhoenixChannelCodec.CHANNEL, event, payload));
    Optional<SyncEvent.Reply> reply;
    try {
      reply = Optional.of(c.awaitReply(ref, event));
    } catch (PeerFailure refusedByClosing) {
      reply = Optional.empty();
    }
    if (reply.isPresent() && reply.get().ok()) {
      inv02.add(c.peer() + " " + event, "a mutation-shaped event over WS was accepted: reply ok " + reply.get().response());
    }
    if (watcher != null) {
      drain(watcher, inv06);
    }
    if (before.isPresent()) {
      compare(before.get(), read(), c.peer(), inv06);
    }
    soft.assertAll();
  }

  /** Reads the watcher's frames for a short settle time (bounded), flagging the marker. */
  private void drain(KhalaConnection watcher, Findings inv06) {
    long settle = Math.min(live.timeout().toMillis(), 500);
    long deadline = System.nanoTime() + Duration.ofMillis(settle).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<SyncEvent> next;
      try {
        next = watcher.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      } catch (PeerFailure e) {
        break;
      }
      if (next.isEmpty()) {
        break;
      }
    }
    List<String> carrying = new ArrayList<>();
    for (SyncEvent.Frame f : watcher.frames()) {
      if (f.payload() != null && f.payload().contains(marker)) {
        carrying.add(f.topic() + " seq " + f.seq() + (f.form() == WireForm.CHANNEL_UPDATE_BATCH ? " (update_batch)" : ""));
      }
    }
    if (!carrying.isEmpty()) {
      Evidence.frames("khala-frames-carrying-the-mutation", carrying);
      inv06.add(watcher.peer() + " " + event, "the projection published the WS mutation: frame(s) carrying '" + marker + "': " + carrying);
    }
  }

  private void compare(String before, String after, String peer, Findings inv06) {
    if (pointers.isEmpty()) {
      if (!before.equals(after)) {
        Evidence.diff("read-back", before, after);
        inv06.add(peer + " " + event, "state read back over HTTP changed after the WS message: before " + shorten(before)
            + ", after " + shorten(after));
      }
      return;
    }
    JsonNode b = parse(before, "before");
    JsonNode a = parse(after, "after");
    Map<String, String> changed = new LinkedHashMap<>();
    for (String pointer : pointers) {
      JsonNode x = b.at(pointer);
      JsonNode y = a.at(pointer);
      if (!x.equals(y)) {
        changed.put(pointer, (x.isMissingNode() ? "(absent)" : x.toString()) + " -> " + (y.isMissingNode() ? "(absent)" : y.toString()));
      }
    }
    if (!changed.isEmpty()) {
      Evidence.diff("read-back", before, after);
      inv06.add(peer + " " + event, "fields the mutation could touch changed after the WS message: " + changed);
    }
  }

  private JsonNode parse(String text, String when) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("the read-back " + when + " the attempt is not JSON, so fields " + pointers
          + " cannot be compared: " + shorten(text), e);
    }
  }

  private String read() {
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
