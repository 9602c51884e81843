package dev.invariantharness.examples.khala;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.khala.fake.FaultSchedule;
import dev.invariantharness.khala.fake.HttpRoute;
import dev.invariantharness.khala.live.ConnectionOptions;
import dev.invariantharness.khala.live.LiveSync;
import dev.invariantharness.khala.live.PublishHook;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Khala-like reference service on a loopback port: the channel socket and the internal lane
 * over in-memory topic logs (the harness's fake sync server, without faults), plus a small HTTP
 * side — {@code POST /api/runs} creates a run (the authority write, over HTTP), {@code GET /api/runs}
 * reads them back. Each {@link Variant} but {@code CORRECT} carries one defect the gates must
 * catch.
 */
public final class ReferenceKhalaService implements AutoCloseable {

  /** The service's defects. */
  public enum Variant {
    /** No defect. */
    CORRECT,
    /** Re-sends the watermark frame on resume (a duplicate across connections). */
    RESEND_AFTER_RESUME,
    /** Leaves out the first frame after the watermark on resume (silent loss). */
    SKIP_ON_RESUME,
    /** Serves the live lane as Server-Sent Events at {@code /sync/events}. */
    SSE_ENDPOINT,
    /** Accepts {@code runs:create} over the sync socket and writes the run. */
    MUTATION_OVER_WS,
    /** Never answers {@code sync:subscribe}. */
    SILENT_SUBSCRIBE,
    /** Drops the 5th live frame pushed on each connection (silent loss during live streaming). */
    DROPPED_LIVE_FRAME,
    /** Answers a resume below the retention floor with a replay from the floor, not stale_cursor. */
    SILENT_STALE,
    /** Legal: every update sent as both {@code sync:update_batch} and {@code sync:frame}. */
    BOTH_WIRE_FORMS,
    /** Legal: updates packed five to a message, the frame seq being the batch's highest watermark. */
    BATCHES_OF_FIVE,
    /** Legal: the subscribe reply comes before the replay. */
    REPLY_BEFORE_REPLAY,
    /** Legal: at-least-once duplicates, in replay and live. */
    DUPLICATES,
    /** Legal: cross-node reordering within windows of five. */
    REORDERING
  }

  /** Run events: the resume check disconnects within them. */
  public static final String RUN_EVENTS = "run:1:events";
  /** Worker lifecycle events. */
  public static final String WORKER_LIFECYCLE = "worker:w1:lifecycle";
  /** Notifications, retained from seq 10 on: resuming below is a stale cursor. */
  public static final String NOTIFICATIONS = "runtime.notifications";
  /** The retention floor of {@link #NOTIFICATIONS}. */
  public static final long NOTIFICATIONS_FLOOR = 10;

  private final FakeSyncServer server;
  private final AtomicInteger runs;

  private ReferenceKhalaService(FakeSyncServer server, AtomicInteger runs) {
    this.server = server;
    this.runs = runs;
  }

  /** Starts the service with {@code variant}'s defect. */
  public static ReferenceKhalaService start(Variant variant) {
    AtomicInteger runs = new AtomicInteger();
    FaultSchedule faults = switch (variant) {
      case RESEND_AFTER_RESUME -> FaultSchedule.none().resendWatermarkOnResume();
      case SKIP_ON_RESUME -> FaultSchedule.none().skipFirstOnResume();
      case SILENT_SUBSCRIBE -> FaultSchedule.none().neverAnswerSubscribe();
      case DROPPED_LIVE_FRAME -> FaultSchedule.none().dropLiveFrame(5);
      case SILENT_STALE -> FaultSchedule.none().silentStaleCursor();
      case BOTH_WIRE_FORMS -> FaultSchedule.none().bothWireForms();
      case BATCHES_OF_FIVE -> FaultSchedule.none().batchesOf(5);
      case REPLY_BEFORE_REPLAY -> FaultSchedule.none().replyBeforeReplay();
      case DUPLICATES -> FaultSchedule.none().duplicates(0.2);
      case REORDERING -> FaultSchedule.none().reorderWindow(5);
      default -> FaultSchedule.none();
    };
    FakeSyncServer.Builder builder = FakeSyncServer.builder()
        .name("reference-khala")
        .topic(RUN_EVENTS, 120)
        .topic(WORKER_LIFECYCLE, 40)
        .topic(NOTIFICATIONS, 30)
        .retentionFloor(NOTIFICATIONS, NOTIFICATIONS_FLOOR)
        .faults(faults)
        .http("POST", "/api/runs", call -> HttpRoute.Answer.json(201, "{\"id\":" + runs.incrementAndGet() + "}"))
        .http("GET", "/api/runs", call -> HttpRoute.Answer.json(200, "{\"count\":" + runs.get() + "}"));
    // the SSE variant serves its lane where real services often do, not on a path the caller guessed
    if (variant == Variant.SSE_ENDPOINT) {
      builder.http("GET", "/sync/events", call -> new HttpRoute.Answer(200, "text/event-stream", "event: frame\ndata: {}\n\n"));
    }
    if (variant == Variant.MUTATION_OVER_WS) {
      builder.onCommand(command -> command.event().equals("runs:create")
          ? Optional.of(JsonNodeFactory.instance.objectNode().put("id", runs.incrementAndGet()))
          : Optional.empty());
    }
    return new ReferenceKhalaService(builder.start(), runs);
  }

  /** The HTTP base of the service. */
  public URI baseUrl() {
    return server.baseUri();
  }

  /** The channel socket. */
  public URI channelUri() {
    return server.channelUri();
  }

  /** The live-sync fixture for this service, every wait bounded by {@code timeout}. */
  public LiveSync liveSync(Duration timeout) {
    return LiveSync.of(baseUrl(), Optional.empty(), ConnectionOptions.channel(timeout));
  }

  /** A hook that publishes {@code frames} live events to {@code topic} and reports the head. */
  public PublishHook publisher(String topic, int frames) {
    return server.publisher(topic, frames);
  }

  /** The topics the service publishes. */
  public List<String> topics() {
    return List.of(RUN_EVENTS, WORKER_LIFECYCLE, NOTIFICATIONS);
  }

  /** How many runs exist (what {@code GET /api/runs} reads back). */
  public int runs() {
    return runs.get();
  }

  @Override
  public void close() {
    server.close();
  }
}
