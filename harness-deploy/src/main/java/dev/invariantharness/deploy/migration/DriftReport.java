package dev.invariantharness.deploy.migration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of {@link MigrationDrift#check}.
 *
 * @param tool {@code sqlx} or {@code flyway}
 * @param files migration files found
 * @param applied history rows read
 * @param findings every disagreement, in version order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DriftReport(String tool, int files, int applied, List<DriftFinding> findings) {

  public DriftReport {
    findings = List.copyOf(findings);
  }

  /** The findings of one kind. */
  public List<DriftFinding> of(DriftKind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** Passes when files and history agree; else one INV-09 violation with every finding. */
  public DriftReport assertNoDrift() {
    if (!findings.isEmpty()) {
      List<Finding> all = findings.stream().map(DriftFinding::toFinding).toList();
      throw new InvariantViolation("INV-09", "applied migrations match the migration files (" + tool + ")", all);
    }
    return this;
  }
}
