package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a {@link CutoverDrill} saw: one {@link ProbeRow} per write route and step, and every
 * violation found.
 *
 * <pre>{@code
 * DrillReport report = CutoverDrill.of(runtime, legacy, modeSwitch).run();
 * report.assertSafe();     // attaches cutover-drill.tsv, fails listing every violation
 * }</pre>
 *
 * @param steps the steps the drill ran, in order
 * @param rows one row per route and step, steps in order, runtime routes before legacy routes
 * @param findings every violation, in the order seen
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DrillReport(List<CutoverStep> steps, List<ProbeRow> rows, List<Finding> findings) {

  public DrillReport {
    steps = List.copyOf(steps);
    rows = List.copyOf(rows);
    findings = List.copyOf(findings);
  }

  /** The rows as a TSV table (header {@link ProbeRow#TSV_HEADER}). */
  public String tsv() {
    return ProbeRow.tsv(rows);
  }

  /** Whether the drill found nothing wrong. */
  public boolean isSafe() {
    return findings.isEmpty();
  }

  /**
   * Attaches the table as evidence {@code cutover-drill.tsv} of the running check, then passes
   * when nothing was found, or throws one {@link InvariantViolation} listing every finding:
   * of {@value FreezeAssertions#INVARIANT} when any write went to the wrong side, else of
   * {@value CutoverDrill#ROLLBACK_INVARIANT}.
   */
  public DrillReport assertSafe() {
    Evidence.text("cutover-drill.tsv", tsv());
    if (!findings.isEmpty()) {
      throw violation("the cutover runbook must leave exactly one authority writer after every step", findings);
    }
    return this;
  }

  /** One violation for mixed findings: the first invariant wins, findings of another name theirs. */
  static InvariantViolation violation(String rule, List<Finding> findings) {
    String invariant = findings.stream().anyMatch(f -> f.invariant().equals(FreezeAssertions.INVARIANT))
        ? FreezeAssertions.INVARIANT : findings.get(0).invariant();
    List<Finding> listed = new ArrayList<>();
    for (Finding f : findings) {
      listed.add(f.invariant().equals(invariant) ? f : new Finding(invariant, f.location(), "[" + f.invariant() + "] " + f.message()));
    }
    return new InvariantViolation(invariant, rule, listed);
  }
}
