package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Finding;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One comparison of a scenario run: a step on its reference surface and one other
 * ({@code http ↔ grpc}), or a step on its only surface ({@code @ ws}); a test row of its own.
 *
 * @param scenario the scenario's name
 * @param step the step's name
 * @param label {@code http ↔ grpc} or {@code @ ws}
 * @param invariant the invariant the step reports under
 * @param findings what was wrong (empty when the surfaces agreed and answered as expected)
 * @param answers one line per surface of the row: its answer as received
 * @param leftCanonical the reference surface's canonical answer, pretty-printed (empty when none)
 * @param rightCanonical the other surface's canonical answer, pretty-printed (empty when none)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ParityRow(String scenario, String step, String label, String invariant, List<Finding> findings,
    List<String> answers, String leftCanonical, String rightCanonical) {

  public ParityRow {
    findings = List.copyOf(findings);
    answers = List.copyOf(answers);
  }

  /** {@code scenario › step: http ↔ grpc}: the row's display name. */
  public String name() {
    return scenario + " › " + step + ": " + label;
  }

  /** Whether nothing was wrong. */
  public boolean passed() {
    return findings.isEmpty();
  }
}
