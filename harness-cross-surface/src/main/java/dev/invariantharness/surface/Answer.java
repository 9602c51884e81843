package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.protobuf.Message;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one surface answered to one step: a success carrying the answer (JSON text from HTTP and
 * WebSocket, a message from gRPC), an error with its code, or no answer at all (unreachable, past
 * the deadline, not JSON) with the reason.
 *
 * @param surface the surface's name
 * @param kind success, error or no answer
 * @param code the canonical code: {@code OK} on success; on an error the code the surface stated
 *     (gRPC status, or an HTTP body's {@code code}/{@code status}), or null when an HTTP answer
 *     stated none and only its status line says what happened
 * @param httpStatus the HTTP status, or {@code -1} when the surface is not HTTP
 * @param json the answer as JSON text (HTTP body, WebSocket payload), or null
 * @param message the answer as a message (gRPC), or null
 * @param messages a server stream's messages as received (gRPC), in order; empty otherwise (an
 *     HTTP or WebSocket stream is {@code json}: a JSON array of the messages)
 * @param detail a human-readable account: an error's message, or why there was no answer
 * @param elapsed how long the call took
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Answer(String surface, Kind kind, Status.Code code, int httpStatus, String json, Message message,
    List<Message> messages, String detail, Duration elapsed) {

  /** The outcome class of an answer. */
  public enum Kind {
    /** The surface answered success. */
    OK,
    /** The surface answered an error. */
    ERROR,
    /** The surface gave no usable answer (unreachable, deadline, not JSON, no frame). */
    NO_ANSWER
  }

  public Answer {
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(kind, "kind");
    messages = messages == null ? List.of() : List.copyOf(messages);
    detail = detail == null ? "" : detail;
    elapsed = elapsed == null ? Duration.ZERO : elapsed;
  }

  /** A success carrying JSON text (HTTP body or WebSocket payload). */
  public static Answer okJson(String surface, int httpStatus, String json, Duration elapsed) {
    return new Answer(surface, Kind.OK, Status.Code.OK, httpStatus, json, null, List.of(), "", elapsed);
  }

  /** A success carrying a message (gRPC). */
  public static Answer okMessage(String surface, Message message, Duration elapsed) {
    return new Answer(surface, Kind.OK, Status.Code.OK, -1, null, message, List.of(), "", elapsed);
  }

  /** A complete server stream of messages (gRPC), in the order received; the stream may be empty. */
  public static Answer okStream(String surface, List<? extends Message> messages, Duration elapsed) {
    return new Answer(surface, Kind.OK, Status.Code.OK, -1, null, null, List.copyOf(messages), "", elapsed);
  }

  /** An error; {@code code} may be null for an HTTP answer that stated none. */
  public static Answer error(String surface, Status.Code code, int httpStatus, String detail, Duration elapsed) {
    return new Answer(surface, Kind.ERROR, code, httpStatus, null, null, List.of(), detail, elapsed);
  }

  /** No usable answer, and why. */
  public static Answer none(String surface, String why, Duration elapsed) {
    return new Answer(surface, Kind.NO_ANSWER, null, -1, null, null, List.of(), why, elapsed);
  }

  /** One phrase: {@code "ok (HTTP 200)"}, {@code "error NOT_FOUND (HTTP 404): no note n-9"}, {@code "no answer: ..."}. */
  public String describe() {
    String http = httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "";
    return switch (kind) {
      case OK -> "ok" + http + (messages.isEmpty() ? "" : ", " + messages.size() + " streamed message(s)");
      case ERROR -> "error " + (code == null ? "without a stated code" : code) + http + (detail.isEmpty() ? "" : ": " + detail);
      case NO_ANSWER -> "no answer: " + detail;
    };
  }
}
