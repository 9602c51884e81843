package dev.invariantharness.khala.live;

import dev.invariantharness.finding.Findings;
import dev.invariantharness.finding.InvariantViolation;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.MultipleFailuresError;

/**
 * Fails once for findings of several invariants: one {@link InvariantViolation} when a single
 * invariant has findings, else a {@link MultipleFailuresError} carrying one violation per
 * invariant — so an INV-06 finding is never dropped because INV-02 failed first.
 */
final class SoftFindings {

  private SoftFindings() {}

  static void assertNone(String heading, Findings... all) {
    List<Throwable> failures = new ArrayList<>();
    for (Findings findings : all) {
      try {
        findings.assertNone();
      } catch (InvariantViolation v) {
        failures.add(v);
      }
    }
    if (failures.size() == 1) {
      throw (InvariantViolation) failures.get(0);
    }
    if (!failures.isEmpty()) {
      throw new MultipleFailuresError(heading, failures);
    }
  }
}
