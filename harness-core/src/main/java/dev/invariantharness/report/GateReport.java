package dev.invariantharness.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateDecision;
import dev.invariantharness.gate.GateEvaluation;
import dev.invariantharness.gate.Mitigation;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Everything a report view needs, computed once at the end of a run: one immutable record that
 * every view ({@code results.tsv}, {@code SUMMARY.md}, {@code summary.json}, {@code index.html})
 * renders as a pure function.
 *
 * @param schemaVersion version of the {@code summary.json} schema this report follows
 * @param runId id shared by every fork of the run
 * @param generatedAt when the report was computed
 * @param environment configuration that shaped the run (already redacted), in key order
 * @param results one row per check, in execution order, with the gate's statuses applied
 * @param decision the go/no-go decision
 * @param catalogue the invariants the run was judged against
 * @param coverageGaps ids of active catalogue invariants no check verifies or declares N/A
 * @param mitigations accepted mitigations that are in force
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GateReport(
    int schemaVersion,
    String runId,
    Instant generatedAt,
    Map<String, String> environment,
    List<CheckResult> results,
    GateDecision decision,
    List<Invariant> catalogue,
    List<String> coverageGaps,
    List<Mitigation> mitigations) {

  /** The {@code summary.json} schema this version of the harness writes. */
  public static final int SCHEMA_VERSION = 1;

  /** The report of a judged run. */
  public static GateReport of(String runId, Instant generatedAt, Map<String, String> environment,
      InvariantCatalogue catalogue, GateEvaluation evaluation) {
    return new GateReport(SCHEMA_VERSION, runId, generatedAt, environment, evaluation.results(),
        evaluation.decision(), catalogue.all(), evaluation.coverageGaps(), evaluation.mitigationsInForce());
  }

  public GateReport {
    environment = Map.copyOf(new TreeMap<>(environment));
    results = List.copyOf(results);
    catalogue = List.copyOf(catalogue);
    coverageGaps = List.copyOf(coverageGaps);
    mitigations = List.copyOf(mitigations);
  }

  /** The environment in key order. */
  public Map<String, String> sortedEnvironment() {
    return new TreeMap<>(environment);
  }

  /** Number of rows per status; every status is present. */
  public Map<CheckStatus, Integer> counts() {
    return countsOf(results);
  }

  /** Number of rows per status for each lane, lanes in name order. */
  public Map<String, Map<CheckStatus, Integer>> countsByLane() {
    Map<String, Map<CheckStatus, Integer>> byLane = new TreeMap<>();
    for (CheckResult r : results) {
      byLane.computeIfAbsent(r.lane(), l -> zeroCounts()).merge(r.status(), 1, Integer::sum);
    }
    return byLane;
  }

  /** Required rows with the given status. */
  public long requiredWith(CheckStatus status) {
    return results.stream().filter(r -> r.required() && r.status() == status).count();
  }

  /** Optional rows with the given status. */
  public long optionalWith(CheckStatus status) {
    return results.stream().filter(r -> !r.required() && r.status() == status).count();
  }

  private static Map<CheckStatus, Integer> countsOf(List<CheckResult> rows) {
    Map<CheckStatus, Integer> counts = zeroCounts();
    for (CheckResult r : rows) {
      counts.merge(r.status(), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<CheckStatus, Integer> zeroCounts() {
    Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
    for (CheckStatus s : CheckStatus.values()) {
      counts.put(s, 0);
    }
    return counts;
  }
}
