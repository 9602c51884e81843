package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.runtime.parity.internal.ParityReportJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The shadow parity report, {@code openagents.runtime.shadow_parity.v1}, exactly as the runtime's
 * shadow harness writes it:
 *
 * <pre>{@code
 * {"schema":"openagents.runtime.shadow_parity.v1","generated_at":"2026-11-30T01:00:00Z",
 *  "legacy_run_id":"run-1","rust_run_id":"run-1",
 *  "diffs":[{"severity":"critical","field":"summary_status","legacy":"completed","rust":"failed",
 *            "message":"summary_status differs"}],
 *  "totals":{"critical":1,"warning":0},
 *  "gate":{"decision":"block","reason":"1 critical diff(s): summary_status"}}
 * }</pre>
 *
 * <p>Produced by {@link ArtifactParity} and {@link TrafficParity}, written with {@link #write},
 * read back with {@link #read} (a report written by another tool reads as well), and asserted
 * with {@link ParityAssertions#assertThat(ParityReport)}.
 *
 * @param schema always {@link #SCHEMA}
 * @param generatedAt when the report was made
 * @param legacyRunId the legacy side's run id (traffic parity: the legacy base URL)
 * @param rustRunId the new side's run id (traffic parity: the candidate base URL)
 * @param diffs every diff, in the order found
 * @param totals diffs counted by severity
 * @param gate the decision and its reason
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ParityReport(
    String schema, Instant generatedAt, String legacyRunId, String rustRunId,
    List<ParityDiff> diffs, ParityTotals totals, ParityGate gate) {

  /** The schema id every report carries. */
  public static final String SCHEMA = "openagents.runtime.shadow_parity.v1";

  /** Copies the diffs; every part is required. */
  public ParityReport {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(totals, "totals");
    diffs = List.copyOf(diffs);
    legacyRunId = legacyRunId == null ? "" : legacyRunId;
    rustRunId = rustRunId == null ? "" : rustRunId;
  }

  /** A report over {@code diffs}, with totals counted and the gate given. */
  public static ParityReport of(Instant generatedAt, String legacyRunId, String rustRunId, List<ParityDiff> diffs, ParityGate gate) {
    return new ParityReport(SCHEMA, generatedAt, legacyRunId, rustRunId, diffs, ParityTotals.of(diffs), gate);
  }

  /** Whether the gate allows the cutover. */
  public boolean allows() {
    return gate.allows();
  }

  /** The report as its JSON document (pretty-printed, keys in the wire format's order). */
  public String toJson() {
    return ParityReportJson.write(this);
  }

  /** Writes the JSON document to {@code file} atomically, creating parent directories. */
  public void write(Path file) {
    ParityReportJson.write(this, file);
  }

  /**
   * Reads a report.
   *
   * @throws dev.invariantharness.HarnessInputException naming the file and what was wrong: not
   *     JSON, another schema, a missing or mistyped key
   */
  public static ParityReport read(Path file) {
    return ParityReportJson.read(file);
  }

  /** Parses a report from its JSON text; {@code source} names it in error messages. */
  public static ParityReport parse(String json, String source) {
    return ParityReportJson.parse(json, source);
  }
}
