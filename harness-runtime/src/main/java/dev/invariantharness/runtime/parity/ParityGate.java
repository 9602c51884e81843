package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The report's {@code gate}: the decision and why.
 *
 * @param decision allow or block
 * @param reason why, as prose, e.g. {@code 1 critical diff(s): summary_status}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ParityGate(ParityDecision decision, String reason) {

  /** Both parts are required. */
  public ParityGate {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether the gate allows the cutover. */
  public boolean allows() {
    return decision == ParityDecision.ALLOW;
  }
}
