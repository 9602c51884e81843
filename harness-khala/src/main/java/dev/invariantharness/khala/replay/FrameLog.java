package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A recorded history of Khala frames to check against INV-07: a JSON-lines file (format in
 * {@code docs/frame-log-format.md}) or a list of events held in memory. A file is streamed when
 * checked, never loaded whole.
 *
 * <pre>{@code
 * FrameLog recorded = FrameLog.of(Path.of("target/khala/frames.jsonl"));
 * assertThat(recorded).hasNoReplayViolations();           // ReplayAssertions.assertThat
 *
 * FrameLog history = FrameLog.of("duplicate redelivery",
 *     List.of(ReplayEvent.applied("a", 1), ReplayEvent.discarded("a", 1)));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FrameLog {

  private final String name;
  private final Path file;
  private final List<ReplayEvent> events;

  private FrameLog(String name, Path file, List<ReplayEvent> events) {
    this.name = name;
    this.file = file;
    this.events = events;
  }

  /** The JSON-lines log at {@code file}; it is read when checked. */
  public static FrameLog of(Path file) {
    Objects.requireNonNull(file, "file");
    return new FrameLog(file.toString(), file, null);
  }

  /** An in-memory log called {@code name}; an event's "line" is its 1-based position. */
  public static FrameLog of(String name, List<ReplayEvent> events) {
    Objects.requireNonNull(name, "name");
    return new FrameLog(name, null, List.copyOf(events));
  }

  /** An in-memory log of {@code events}, called {@code in-memory frame log}. */
  public static FrameLog of(ReplayEvent... events) {
    return of("in-memory frame log", List.of(events));
  }

  /** The log's name in reports: the file path, or the name given. */
  public String name() {
    return name;
  }

  /** The file, when the log is one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The events, when the log is held in memory. */
  public Optional<List<ReplayEvent>> events() {
    return Optional.ofNullable(events);
  }

  @Override
  public String toString() {
    return name;
  }
}
