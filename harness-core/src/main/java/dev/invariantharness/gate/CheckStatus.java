package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The status of one check row. The first three are the validation matrix script's statuses;
 * tools that parse its {@code results.tsv} keep working on the rows that use them.
 */
@API(status = STABLE, since = "0.1")
public enum CheckStatus {
  PASSED("passed"),
  FAILED("failed"),
  /** Skipped, aborted or disabled. A required skipped check blocks in gating mode. */
  SKIPPED("skipped"),
  /** Declared not applicable with a reason ({@code @NotApplicable}). */
  NOT_APPLICABLE("n/a"),
  /** Failed, but covered by an approved, unexpired mitigation: a warning, not a blocker. */
  MITIGATED("mitigated"),
  /** A test in an invariant suite that maps to no invariant. */
  UNMAPPED("unmapped");

  private final String label;

  CheckStatus(String label) {
    this.label = label;
  }

  /** The label written to reports, e.g. {@code n/a}. */
  public String label() {
    return label;
  }

  /** Parses a report label. */
  public static CheckStatus fromLabel(String label) {
    for (CheckStatus s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown check status '" + label + "'");
  }

  @Override
  public String toString() {
    return label;
  }
}
