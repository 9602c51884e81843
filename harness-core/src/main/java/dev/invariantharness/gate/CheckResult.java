package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param invariants invariant ids the check verifies or declares N/A
 * @param notApplicable the ids among {@code invariants} the check declares N/A
 * @param durationMillis wall time of the test
 * @param reason failure message, skip reason or N/A reason; empty when passed
 * @param command how to run the check again (for a skipped check: the reason, as the script does)
 * @param evidence evidence files attached while the check ran
 * @param findings what a failed check found, as data; the gate blames exactly the invariants they
 *     name, and every invariant the check verifies when the failure carries none
 * @param outcomes what the row means for each of its invariants ({@code passed}, {@code failed},
 *     {@code mitigated}, {@code skipped}, {@code n/a}), filled in by the gate; empty before
 * @param mitigation the approved mitigation that turned a failure into {@link CheckStatus#MITIGATED}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CheckResult(
    String checkId,
    boolean required,
    CheckStatus status,
    String description,
    String lane,
    List<String> invariants,
    List<String> notApplicable,
    long durationMillis,
    String reason,
    String command,
    List<EvidenceRef> evidence,
    List<Finding> findings,
    Map<String, CheckStatus> outcomes,
    Mitigation mitigation) {

  /** A row recorded before judgement: no N/A declarations, no findings, no outcomes. */
  public CheckResult(String checkId, boolean required, CheckStatus status, String description, String lane,
      List<String> invariants, long durationMillis, String reason, String command, List<EvidenceRef> evidence,
      Mitigation mitigation) {
    this(checkId, required, status, description, lane, invariants, List.of(), durationMillis, reason, command, evidence,
        List.of(), Map.of(), mitigation);
  }

  /**
   * The order rows appear in reports: by lane, then check id, so parallel runs diff cleanly.
   * Numbers inside ids compare by value, so {@code drill[2]} comes before {@code drill[10]}.
   */
  public static final Comparator<CheckResult> REPORT_ORDER =
      Comparator.comparing(CheckResult::lane).thenComparing(CheckResult::checkId, CheckResult::compareNatural);

  private static int compareNatural(String a, String b) {
    // Ids of one suite share long prefixes (the class name): skip the common prefix first, back to
    // the start of a number it ends inside, so sorting a large suite compares only the tails.
    int common = 0;
    int shorter = Math.min(a.length(), b.length());
    while (common < shorter && a.charAt(common) == b.charAt(common)) {
      common++;
    }
    while (common > 0 && isDigit(a.charAt(common - 1))) {
      common--;
    }
    int i = common;
    int j = common;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (isDigit(x) && isDigit(y)) {
        int si = i;
        int sj = j;
        while (si < a.length() && a.charAt(si) == '0') {
          si++;
        }
        while (sj < b.length() && b.charAt(sj) == '0') {
          sj++;
        }
        int ei = si;
        int ej = sj;
        while (ei < a.length() && isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && isDigit(b.charAt(ej))) {
          ej++;
        }
        int byLength = Integer.compare(ei - si, ej - sj);
        if (byLength != 0) {
          return byLength;
        }
        for (int k = 0; k < ei - si; k++) {
          int byDigit = Character.compare(a.charAt(si + k), b.charAt(sj + k));
          if (byDigit != 0) {
            return byDigit;
          }
        }
        i = ei;
        j = ej;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    int byRest = Integer.compare(a.length() - i, b.length() - j);
    return byRest != 0 ? byRest : a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  public CheckResult {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(status, "status");
    description = description == null ? "" : description;
    lane = lane == null ? "default" : lane;
    invariants = invariants == null ? List.of() : List.copyOf(invariants);
    notApplicable = notApplicable == null ? List.of() : List.copyOf(notApplicable);
    findings = findings == null ? List.of() : List.copyOf(findings);
    outcomes = outcomes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    reason = reason == null ? "" : reason;
    command = command == null ? "" : command;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** This row with another status and reason, e.g. after the gate applied a mitigation. */
  public CheckResult withStatus(CheckStatus newStatus, String newReason, Mitigation newMitigation) {
    return new CheckResult(checkId, required, newStatus, description, lane, invariants, notApplicable, durationMillis,
        newReason, command, evidence, findings, outcomes, newMitigation);
  }

  /** This row with the gate's outcome per invariant. */
  public CheckResult withOutcomes(Map<String, CheckStatus> newOutcomes) {
    return new CheckResult(checkId, required, status, description, lane, invariants, notApplicable, durationMillis,
        reason, command, evidence, findings, newOutcomes, mitigation);
  }

  /** This row with the N/A declarations and findings the check recorded. */
  public CheckResult withFindings(List<String> newNotApplicable, List<Finding> newFindings) {
    return new CheckResult(checkId, required, status, description, lane, invariants, newNotApplicable, durationMillis,
        reason, command, evidence, newFindings, outcomes, mitigation);
  }

  /** The invariants the check verifies: {@link #invariants()} without the N/A declarations. */
  public List<String> verified() {
    return invariants.stream().filter(id -> !notApplicable.contains(id)).toList();
  }
}
