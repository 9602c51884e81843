package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One INV-07 violation found in a frame log, with the events of its topic just before it.
 *
 * <p>{@link #toString()} reads as one finding:
 *
 * <pre>
 * line 7, topic "a": duplicate apply: applied seq 2 again: it is at or below last_applied_seq 3
 *   and was applied before; expected it to be discarded
 *   (before it: line 4: applied a#2 | line 5: sent a#3 | line 6: applied a#3)
 * </pre>
 *
 * @param kind what kind of violation
 * @param topic the topic it is on
 * @param line the 1-based line (event number, for an in-memory log) where it was seen; for a
 *     violation found at the end of the log, the log's last line
 * @param message what was expected and what happened
 * @param context the topic's previous events (and connects/disconnects among them), oldest
 *     first, each as {@code line N: event}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReplayViolation(
    ViolationKind kind, String topic, long line, String message, List<String> context) {

  public ReplayViolation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(message, "message");
    context = List.copyOf(context);
  }

  /** The violation without its location: kind, message and context. */
  public String description() {
    String text = kind.label() + ": " + message;
    return context.isEmpty() ? text : text + " (before it: " + String.join(" | ", context) + ")";
  }

  @Override
  public String toString() {
    return "line " + line + ", topic \"" + topic + "\": " + description();
  }
}
