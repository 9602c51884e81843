package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The go/no-go decision of one run, computed once from results, catalogue and mitigations.
 *
 * @param verdict GO or NO-GO
 * @param blocked what the NO-GO blocks ({@link BlockedScope#NOTHING} for GO)
 * @param mode gating or baseline
 * @param blockers every reason for NO-GO
 * @param warnings what does not block but a reviewer must see (mitigations, optional failures,
 *     coverage gaps, baseline mode)
 * @param rejectedMitigations mitigation entries that were refused, with the reason
 * @param gate the gate the run was asked to decide; the build fails when the decision blocks it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GateDecision(
    Verdict verdict,
    BlockedScope blocked,
    GateMode mode,
    List<Blocker> blockers,
    List<String> warnings,
    List<String> rejectedMitigations,
    Gate gate) {

  /** A decision of the merge gate. */
  public GateDecision(Verdict verdict, BlockedScope blocked, GateMode mode, List<Blocker> blockers, List<String> warnings,
      List<String> rejectedMitigations) {
    this(verdict, blocked, mode, blockers, warnings, rejectedMitigations, Gate.MERGE);
  }

  public GateDecision {
    gate = gate == null ? Gate.MERGE : gate;
    blockers = List.copyOf(blockers);
    warnings = List.copyOf(warnings);
    rejectedMitigations = List.copyOf(rejectedMitigations);
  }

  /**
   * Whether the build should fail: in gating mode, exactly when the decision blocks the gate
   * asked for (a release-only blocker does not fail a merge-gate build); never in baseline mode.
   */
  public boolean failsBuild() {
    return mode == GateMode.GATING && verdict == Verdict.NO_GO && gate.blockedBy(blocked);
  }

  /** One line for consoles and logs, e.g. {@code NO-GO (merge blocked: 2 blockers)}. */
  public String headline() {
    if (verdict == Verdict.GO) {
      return warnings.isEmpty() ? "GO" : "GO with " + warnings.size() + " warning(s)";
    }
    return "NO-GO (" + blocked.label() + " blocked: " + blockers.size() + " blocker(s))";
  }
}
