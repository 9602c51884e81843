package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.evidence.EvidenceRef;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One observed violation of an invariant, in a reviewer's words: the unit the gate judges. A
 * failing check's findings travel as data from the {@link InvariantViolation} it throws to its
 * report row, and the gate blames exactly the invariants its findings name.
 *
 * <pre>{@code
 * Finding f = new Finding("INV-03", "GET /sync/stream", "answers 200 text/event-stream",
 *     List.of(Evidence.http(exchange)));
 * }</pre>
 *
 * @param invariant the violated invariant id, e.g. {@code INV-12}; blank only for a part of a
 *     failure that names no invariant (a plain assertion beside findings), which the gate blames
 *     on every invariant the check verifies
 * @param location where it was seen: {@code path:line}, a route, a topic and seq; may be empty
 * @param message what was expected and what was seen
 * @param evidence evidence files that show it, as attached to the running check; may be empty
 */
@API(status = STABLE, since = "0.1")
public record Finding(String invariant, String location, String message, List<EvidenceRef> evidence) {

  public Finding {
    Objects.requireNonNull(invariant, "invariant");
    location = location == null ? "" : location;
    Objects.requireNonNull(message, "message");
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** A finding without evidence. */
  public Finding(String invariant, String location, String message) {
    this(invariant, location, message, List.of());
  }

  /** Whether this finding names the invariant it violates. */
  public boolean attributed() {
    return !invariant.isBlank();
  }

  @Override
  public String toString() {
    return location.isEmpty() ? message : location + ": " + message;
  }
}
