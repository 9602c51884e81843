package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.evidence.EvidenceRef;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One check row: what a single test proved, as the report shows it.
 *
 * @param checkId stable id ({@code results.tsv} column {@code check_id})
 * @param required whether the check gates the decision
 * @param status what happened
 * @param description the test's display name
 * @param lane the suite's lane
 * @param invariants invariant ids the check verifies (or declares N/A)
 * @param durationMillis wall time of the test
 * @param reason failure message, skip reason or N/A reason; empty when passed
 * @param command how to run the check again (for a skipped check: the reason, as the script does)
 * @param evidence evidence files attached while the check ran
 * @param mitigation the approved mitigation that turned a failure into {@link CheckStatus#MITIGATED}
 */
@API(status = STABLE, since = "0.1")
public record CheckResult(
    String checkId,
    boolean required,
    CheckStatus status,
    String description,
    String lane,
    List<String> invariants,
    long durationMillis,
    String reason,
    String command,
    List<EvidenceRef> evidence,
    Mitigation mitigation) {

  /** The order rows appear in reports: by lane, then check id, so parallel runs diff cleanly. */
  public static final Comparator<CheckResult> REPORT_ORDER =
      Comparator.comparing(CheckResult::lane).thenComparing(CheckResult::checkId);

  public CheckResult {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(status, "status");
    description = description == null ? "" : description;
    lane = lane == null ? "default" : lane;
    invariants = invariants == null ? List.of() : List.copyOf(invariants);
    reason = reason == null ? "" : reason;
    command = command == null ? "" : command;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** This row with another status and reason, e.g. after the gate applied a mitigation. */
  public CheckResult withStatus(CheckStatus newStatus, String newReason, Mitigation newMitigation) {
    return new CheckResult(
        checkId, required, newStatus, description, lane, invariants, durationMillis, newReason,
        command, evidence, newMitigation);
  }
}
