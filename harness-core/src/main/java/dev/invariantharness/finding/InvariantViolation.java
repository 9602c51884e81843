package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The failure a check throws when it found violations: an {@link AssertionError}, so every test
 * framework and IDE shows it as a failed assertion, carrying the invariant and every finding.
 *
 * <p>The message reads like a reviewer's note:
 *
 * <pre>
 * INV-12 violated: 2 finding(s) — the repository must not contain GitHub workflow automation
 *   .github/workflows/ci.yml:1: workflow file present
 *   .github/workflows/release.yml:1: workflow file present
 * </pre>
 */
@API(status = STABLE, since = "0.1")
public class InvariantViolation extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** Findings listed in the message; the rest are counted, the full list stays on the object. */
  static final int MAX_LISTED = 50;

  private final String invariant;
  private final transient List<Finding> findings;

  /** A violation of {@code invariant}, summarised by {@code rule}, with its findings. */
  public InvariantViolation(String invariant, String rule, List<Finding> findings) {
    super(message(invariant, rule, findings));
    this.invariant = invariant;
    this.findings = List.copyOf(findings);
  }

  private static String message(String invariant, String rule, List<Finding> findings) {
    StringBuilder sb = new StringBuilder()
        .append(invariant).append(" violated: ").append(findings.size()).append(" finding(s)");
    if (rule != null && !rule.isBlank()) {
      sb.append(" — ").append(rule);
    }
    int listed = 0;
    for (Finding f : findings) {
      if (listed++ == MAX_LISTED) {
        sb.append("\n  … and ").append(findings.size() - MAX_LISTED).append(" more");
        break;
      }
      sb.append("\n  ").append(f);
    }
    return sb.toString();
  }

  /** The violated invariant id. */
  public String invariant() {
    return invariant;
  }

  /** Every finding, in the order observed. */
  public List<Finding> findings() {
    return findings;
  }
}
