package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Records a frame log in the JSON-lines format {@link ReplayCheck} reads: one event per line,
 * e.g. {@code {"event":"applied","topic":"a","seq":3}}. Use it from a test client or a proxy
 * that watches a Khala connection, then check the file.
 *
 * <pre>{@code
 * Path log = tempDir.resolve("frames.jsonl");
 * try (FrameLogWriter recorder = FrameLogWriter.create(log)) {
 *   recorder.connect();
 *   recorder.resume(new Watermark("runtime.notifications", 0));
 *   recorder.sent(new Frame("runtime.notifications", 1));
 *   recorder.applied(new Frame("runtime.notifications", 1));
 * }
 * ReplayCheck.khala().check(log).assertNoViolations();
 * }</pre>
 *
 * <p>Thread-safe: socket callbacks may record concurrently; each event is written whole. Events
 * are buffered; {@link #flush()} or {@link #close()} writes them out.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FrameLogWriter implements AutoCloseable {

  private static final JsonFactory JSON = new JsonFactory();
  // pre-encoded names: a recorder writes millions of lines with a handful of distinct strings
  private static final SerializedString EVENT = new SerializedString("event");
  private static final SerializedString TOPIC = new SerializedString("topic");
  private static final SerializedString SEQ = new SerializedString("seq");
  private static final SerializedString WATERMARK = new SerializedString("watermark");
  private static final SerializedString[] KIND_NAMES = new SerializedString[EventKind.values().length];

  static {
    for (EventKind kind : EventKind.values()) {
      KIND_NAMES[kind.ordinal()] = new SerializedString(kind.wireName());
    }
  }

  private final JsonGenerator json;
  private final Map<String, SerializedString> topics = new HashMap<>();

  private FrameLogWriter(OutputStream out) throws IOException {
    this.json = JSON.createGenerator(out);
    // one event per line: the newline is written explicitly, not as a root separator
    this.json.setRootValueSeparator(null);
  }

  /** A writer to {@code file}, created or truncated. */
  public static FrameLogWriter create(Path file) {
    try {
      return new FrameLogWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the frame log " + file, e);
    }
  }

  /** A writer to {@code out}, which it closes when closed. */
  public static FrameLogWriter to(OutputStream out) {
    try {
      return new FrameLogWriter(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a frame log", e);
    }
  }

  /** Writes {@code event} as one line. Returns {@code this}. */
  public synchronized FrameLogWriter write(ReplayEvent event) {
    try {
      EventKind kind = event.kind();
      json.writeStartObject();
      json.writeFieldName(EVENT);
      json.writeString(KIND_NAMES[kind.ordinal()]);
      if (kind.hasTopic()) {
        json.writeFieldName(TOPIC);
        json.writeString(topics.computeIfAbsent(event.topic(), SerializedString::new));
        json.writeFieldName(kind.carriesSeq() ? SEQ : WATERMARK);
        json.writeNumber(event.value());
      }
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + event + " to the frame log", e);
    }
    return this;
  }

  /** Records that the server sent {@code frame}. Returns {@code this}. */
  public FrameLogWriter sent(Frame frame) {
    return write(ReplayEvent.sent(frame.topic(), frame.seq()));
  }

  /** Records that the client applied {@code frame}. Returns {@code this}. */
  public FrameLogWriter applied(Frame frame) {
    return write(ReplayEvent.applied(frame.topic(), frame.seq()));
  }

  /** Records that the client discarded {@code frame}. Returns {@code this}. */
  public FrameLogWriter discarded(Frame frame) {
    return write(ReplayEvent.discarded(frame.topic(), frame.seq()));
  }

  /** Records a connection opening. Returns {@code this}. */
  public FrameLogWriter connect() {
    return write(ReplayEvent.connect());
  }

  /** Records the connection closing. Returns {@code this}. */
  public FrameLogWriter disconnect() {
    return write(ReplayEvent.disconnect());
  }

  /** Records a subscribe resuming after {@code watermark}. Returns {@code this}. */
  public FrameLogWriter resume(Watermark watermark) {
    return write(ReplayEvent.resume(watermark.topic(), watermark.seq()));
  }

  /** Records a reset to {@code watermark} after a full resync. Returns {@code this}. */
  public FrameLogWriter reset(Watermark watermark) {
    return write(ReplayEvent.reset(watermark.topic(), watermark.seq()));
  }

  /** Records a snapshot loaded at {@code watermark}. Returns {@code this}. */
  public FrameLogWriter snapshot(Watermark watermark) {
    return write(ReplayEvent.snapshot(watermark.topic(), watermark.seq()));
  }

  /** Writes buffered events out. */
  public synchronized void flush() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush the frame log", e);
    }
  }

  /** Writes buffered events out and closes the file or stream. */
  @Override
  public synchronized void close() {
    try {
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the frame log", e);
    }
  }
}
