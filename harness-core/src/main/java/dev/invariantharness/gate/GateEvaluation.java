package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What {@link GatePolicy} concluded from a run's results.
 *
 * @param results the final rows (failures covered by a mitigation become {@code mitigated})
 * @param decision the go/no-go decision
 * @param coverageGaps active catalogue invariants no check covers or declares N/A
 * @param mitigationsInForce accepted mitigations that covered a failure of this run
 */
@API(status = STABLE, since = "0.1")
public record GateEvaluation(
    List<CheckResult> results, GateDecision decision, List<String> coverageGaps, List<Mitigation> mitigationsInForce) {

  public GateEvaluation {
    results = List.copyOf(results);
    coverageGaps = List.copyOf(coverageGaps);
    mitigationsInForce = List.copyOf(mitigationsInForce);
  }
}
