package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

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
 */
@API(status = STABLE, since = "0.1")
public record GateDecision(
    Verdict verdict,
    BlockedScope blocked,
    GateMode mode,
    List<Blocker> blockers,
    List<String> warnings,
    List<String> rejectedMitigations) {

  public GateDecision {
    blockers = List.copyOf(blockers);
    warnings = List.copyOf(warnings);
    rejectedMitigations = List.copyOf(rejectedMitigations);
  }

  /** Whether the build should fail: NO-GO in gating mode. */
  public boolean failsBuild() {
    return verdict == Verdict.NO_GO && mode == GateMode.GATING;
  }

  /** One line for consoles and logs, e.g. {@code NO-GO (merge blocked: 2 blockers)}. */
  public String headline() {
    if (verdict == Verdict.GO) {
      return warnings.isEmpty() ? "GO" : "GO with " + warnings.size() + " warning(s)";
    }
    return "NO-GO (" + blocked.label() + " blocked: " + blockers.size() + " blocker(s))";
  }
}
