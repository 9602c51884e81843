package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.surface.internal.Violations;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Every row of one scenario run, in step order.
 *
 * <pre>{@code
 * ParityReport report = SurfaceParity.of(scenario, contract, http, grpc, ws).run();
 * report.rows().forEach(r -> System.out.println(r.name() + (r.passed() ? " ok" : " " + r.findings())));
 * report.assertNone();
 * }</pre>
 *
 * @param scenario the scenario's name
 * @param rows the rows
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ParityReport(String scenario, List<ParityRow> rows) {

  public ParityReport {
    rows = List.copyOf(rows);
  }

  /** Every finding of every row. */
  public List<Finding> findings() {
    return rows.stream().flatMap(r -> r.findings().stream()).toList();
  }

  /** Whether every row passed. */
  public boolean passed() {
    return rows.stream().allMatch(ParityRow::passed);
  }

  /**
   * Passes when every row passed; otherwise throws one {@link InvariantViolation} for the first
   * violated invariant with every one of its findings, the other invariants' violations attached
   * as suppressed.
   */
  public void assertNone() {
    Violations.throwIfAny("scenario '" + scenario + "': every surface answers every step alike and as expected", findings());
  }
}
