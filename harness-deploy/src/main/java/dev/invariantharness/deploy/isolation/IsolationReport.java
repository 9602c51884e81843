package dev.invariantharness.deploy.isolation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What {@link PlaneIsolation#check} saw.
 *
 * @param findings every cross-plane write path, sorted
 * @param tablesChecked foreign tables examined
 * @param attempts real write attempts made (all rolled back)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IsolationReport(List<WriteFinding> findings, int tablesChecked, int attempts) {

  public IsolationReport {
    findings = List.copyOf(findings);
  }

  /** Only the findings of {@code invariant}, e.g. {@code INV-04} for writes into the control plane. */
  public IsolationReport forInvariant(String invariant) {
    return new IsolationReport(findings.stream().filter(f -> f.invariant().equals(invariant)).toList(), tablesChecked, attempts);
  }

  /** Passes when no role can write outside its plane; else throws one violation with every finding. */
  public IsolationReport assertIsolated() {
    if (!findings.isEmpty()) {
      List<Finding> all = findings.stream().map(WriteFinding::toFinding).toList();
      throw new InvariantViolation(all.get(0).invariant(), "each plane's role writes only its own schema", all);
    }
    return this;
  }
}
