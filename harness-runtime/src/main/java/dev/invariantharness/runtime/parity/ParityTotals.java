package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The report's {@code totals}: how many diffs of each severity.
 *
 * @param critical number of critical diffs
 * @param warning number of warning diffs
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ParityTotals(int critical, int warning) {

  /** Counts {@code diffs} by severity. */
  public static ParityTotals of(List<ParityDiff> diffs) {
    int critical = (int) diffs.stream().filter(ParityDiff::isCritical).count();
    return new ParityTotals(critical, diffs.size() - critical);
  }
}
