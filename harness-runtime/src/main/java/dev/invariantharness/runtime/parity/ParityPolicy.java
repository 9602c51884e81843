package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * When the shadow parity gate blocks: on any critical diff (unless {@code blockOnCritical} is
 * off), when the warnings outnumber {@code maxWarnings}, or when the share of compared units
 * (exchanges, for traffic parity) with at least one warning exceeds {@code maxWarningRate}.
 *
 * <pre>{@code
 * ParityPolicy strict = ParityPolicy.artifactDefaults();                 // block on critical, 0 warnings
 * ParityPolicy lenient = ParityPolicy.trafficDefaults().withMaxWarningRate(0.01); // 1 % of exchanges
 * }</pre>
 *
 * @param blockOnCritical whether one critical diff blocks (the runbook's default: yes)
 * @param maxWarnings most warnings tolerated; {@link Integer#MAX_VALUE} for no count limit
 * @param maxWarningRate largest tolerated share (0..1) of units with a warning; 1 for no limit
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ParityPolicy(boolean blockOnCritical, int maxWarnings, double maxWarningRate) {

  /** Validates the thresholds. */
  public ParityPolicy {
    if (maxWarnings < 0) {
      throw new IllegalArgumentException("maxWarnings must be >= 0, was " + maxWarnings);
    }
    if (!(maxWarningRate >= 0 && maxWarningRate <= 1)) {
      throw new IllegalArgumentException("maxWarningRate must be within 0..1, was " + maxWarningRate);
    }
  }

  /** The wire format's defaults for artifact parity: block on critical, {@code max_warnings} 0. */
  public static ParityPolicy artifactDefaults() {
    return new ParityPolicy(true, 0, 1.0);
  }

  /**
   * Defaults for traffic parity: block on critical and on any warning that survives
   * normalisation and noise learning (warning rate 0, no separate count limit).
   */
  public static ParityPolicy trafficDefaults() {
    return new ParityPolicy(true, Integer.MAX_VALUE, 0.0);
  }

  /** This policy with {@code blockOnCritical} changed. */
  public ParityPolicy withBlockOnCritical(boolean block) {
    return new ParityPolicy(block, maxWarnings, maxWarningRate);
  }

  /** This policy with {@code maxWarnings} changed. */
  public ParityPolicy withMaxWarnings(int max) {
    return new ParityPolicy(blockOnCritical, max, maxWarningRate);
  }

  /** This policy with {@code maxWarningRate} changed. */
  public ParityPolicy withMaxWarningRate(double rate) {
    return new ParityPolicy(blockOnCritical, maxWarnings, rate);
  }

  /**
   * Decides over {@code diffs}.
   *
   * @param diffs every diff found
   * @param units how many units were compared (exchanges; 1 for an artifact pair)
   * @param unitsWithWarnings how many of them had at least one warning
   */
  public ParityGate decide(List<ParityDiff> diffs, int units, int unitsWithWarnings) {
    ParityTotals totals = ParityTotals.of(diffs);
    List<String> reasons = new ArrayList<>();
    if (blockOnCritical && totals.critical() > 0) {
      Set<String> fields = new LinkedHashSet<>();
      diffs.stream().filter(ParityDiff::isCritical).forEach(d -> fields.add(d.field()));
      reasons.add(totals.critical() + " critical diff(s): " + abbreviate(fields));
    }
    if (totals.warning() > maxWarnings) {
      reasons.add(totals.warning() + " warning(s) exceed max_warnings " + maxWarnings);
    }
    double rate = units == 0 ? 0 : (double) unitsWithWarnings / units;
    if (rate > maxWarningRate) {
      reasons.add(String.format(Locale.ROOT, "warning rate %.2f%% (%d of %d) exceeds max_warning_rate %.2f%%",
          rate * 100, unitsWithWarnings, units, maxWarningRate * 100));
    }
    if (!reasons.isEmpty()) {
      return new ParityGate(ParityDecision.BLOCK, String.join("; ", reasons));
    }
    String criticalPart = totals.critical() == 0 ? "no critical diffs"
        : totals.critical() + " critical diff(s) tolerated (block_on_critical off)";
    String warningPart = maxWarnings == Integer.MAX_VALUE
        ? String.format(Locale.ROOT, "warning rate %.2f%% within %.2f%%", rate * 100, maxWarningRate * 100)
        : totals.warning() + " warning(s) within max_warnings " + maxWarnings;
    return new ParityGate(ParityDecision.ALLOW, criticalPart + "; " + warningPart);
  }

  private static String abbreviate(Set<String> fields) {
    List<String> list = new ArrayList<>(fields);
    int shown = Math.min(list.size(), 5);
    String head = String.join(", ", list.subList(0, shown));
    return list.size() > shown ? head + " and " + (list.size() - shown) + " more" : head;
  }
}
