package dev.invariantharness.evidence;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.evidence.internal.CurrentEvidence;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Attaches evidence to the test that is running, from anywhere in its call stack, without passing
 * an {@link EvidenceLog} around. Everything is redacted before it is written, and the report row
 * of the check links to each file.
 *
 * <pre>{@code
 * HttpExchange exchange = client.post("/internal/v1/runs", body);
 * Evidence.http(exchange);
 * if (exchange.status() != 503) {
 *   Evidence.text("runtime write mode", modeDump);
 *   findings.add("POST /internal/v1/runs", "expected 503 write_path_frozen, got " + exchange.status());
 * }
 * }</pre>
 *
 * <p><b>Outside a harness test</b> (no {@code @InvariantTest}, or on a thread the test did not
 * run on) every method is a no-op: the attaching methods return {@code null}, {@link #current()}
 * is empty, and nothing throws. Evidence code can therefore stay in shared helpers that also run
 * in plain unit tests.
 *
 * <p><b>Threads</b>: the current log is bound to the thread running the test. Callbacks on other
 * threads (socket listeners, executors) should capture the log on the test thread and use it:
 * <pre>{@code
 * Optional<EvidenceLog> log = Evidence.current();
 * socket.onMessage(frame -> log.ifPresent(l -> l.text("late frame", frame)));
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Evidence {

  private Evidence() {}

  /** Attaches text to the current test; {@code null} outside a harness test. */
  public static EvidenceRef text(String name, String content) {
    return CurrentEvidence.get().map(log -> log.text(name, content)).orElse(null);
  }

  /** Attaches an HTTP exchange to the current test; {@code null} outside a harness test. */
  public static EvidenceRef http(HttpExchange exchange) {
    return CurrentEvidence.get().map(log -> log.http(exchange)).orElse(null);
  }

  /** Attaches frames, one per line, to the current test; {@code null} outside a harness test. */
  public static EvidenceRef frames(String name, List<String> frames) {
    return CurrentEvidence.get().map(log -> log.frames(name, frames)).orElse(null);
  }

  /** Attaches a unified diff to the current test; {@code null} outside a harness test. */
  public static EvidenceRef diff(String name, String expected, String actual) {
    return CurrentEvidence.get().map(log -> log.diff(name, expected, actual)).orElse(null);
  }

  /** The current test's evidence log; empty outside a harness test. */
  public static Optional<EvidenceLog> current() {
    return CurrentEvidence.get();
  }

  /** Whether evidence attached now would be written. */
  public static boolean isActive() {
    return CurrentEvidence.get().isPresent();
  }
}
