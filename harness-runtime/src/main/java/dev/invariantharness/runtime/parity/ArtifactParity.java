package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.internal.JsonValues;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Artifact parity: compares the artifacts of a legacy run and of the Rust runtime's shadow run
 * of the same work, field by field, and decides allow or block — the runtime authority cutover
 * runbook's first precondition ("shadow parity gate passes, decision=allow").
 *
 * <pre>{@code
 * ParityReport report = ArtifactParity.builder()
 *     .policy(ParityPolicy.artifactDefaults().withMaxWarnings(2))
 *     .build()
 *     .compare(Path.of("legacy/manifest.json"), Path.of("rust/manifest.json"));
 * report.write(Path.of("target/shadow-parity.json"));
 * ParityAssertions.assertThat(report).allows();
 * }</pre>
 *
 * <p>Each field named in the critical or warning set is derived from both runs by the
 * {@link ArtifactFields} extractor ({@link ArtifactFields#standard()} by default) and compared
 * as JSON values (numbers by value, so {@code 7} equals {@code 7.0}); every difference is one
 * diff row of that field's severity. A field in both sets counts as critical.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ArtifactParity {

  /** The wire format's default critical fields. */
  public static final List<String> DEFAULT_CRITICAL_FIELDS = List.of(
      "run_id", "session_id", "trajectory_hash", "summary_status", "summary_last_seq", "checkpoint_last_seq");

  /** The wire format's default warning fields. */
  public static final List<String> DEFAULT_WARNING_FIELDS = List.of(
      "replay_hash", "replay_runtime_event_count", "receipt_event_count", "receipt_last_seq",
      "summary_event_count", "summary_projection_hash", "checkpoint_last_event_type");

  private final List<String> criticalFields;
  private final List<String> warningFields;
  private final ParityPolicy policy;
  private final ArtifactFields fields;
  private final Clock clock;

  private ArtifactParity(Builder b) {
    Set<String> critical = new LinkedHashSet<>(b.criticalFields);
    Set<String> warning = new LinkedHashSet<>(b.warningFields);
    warning.removeAll(critical);
    if (critical.isEmpty() && warning.isEmpty()) {
      throw new HarnessInputException("parity fields", "no critical and no warning fields: parity over no field proves nothing");
    }
    this.criticalFields = List.copyOf(critical);
    this.warningFields = List.copyOf(warning);
    this.policy = b.policy;
    this.fields = b.fields;
    this.clock = b.clock;
  }

  /** Artifact parity with the wire format's defaults. */
  public static ArtifactParity defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads both manifests and compares the runs.
   *
   * @throws HarnessInputException when a manifest or artifact is missing or malformed (naming the
   *     file and the problem), or when a configured field is one the extractor does not derive
   */
  public ParityReport compare(Path legacyManifest, Path rustManifest) {
    return compare(RunManifest.read(legacyManifest), RunManifest.read(rustManifest));
  }

  /** Compares two runs whose manifests are already read. */
  public ParityReport compare(RunManifest legacy, RunManifest rust) {
    Map<String, JsonNode> legacyFields = fields.extract(legacy);
    Map<String, JsonNode> rustFields = fields.extract(rust);
    List<ParityDiff> diffs = new ArrayList<>();
    compare(criticalFields, Severity.CRITICAL, legacy, legacyFields, rust, rustFields, diffs);
    compare(warningFields, Severity.WARNING, legacy, legacyFields, rust, rustFields, diffs);
    int warned = diffs.stream().anyMatch(d -> !d.isCritical()) ? 1 : 0;
    return ParityReport.of(clock.instant(), legacy.runId(), rust.runId(), diffs, policy.decide(diffs, 1, warned));
  }

  private static void compare(List<String> names, Severity severity, RunManifest legacy, Map<String, JsonNode> legacyFields,
      RunManifest rust, Map<String, JsonNode> rustFields, List<ParityDiff> diffs) {
    for (String name : names) {
      JsonNode l = known(name, legacy, legacyFields);
      JsonNode r = known(name, rust, rustFields);
      if (!JsonValues.same(l, r)) {
        diffs.add(new ParityDiff(severity, name, l, r,
            name + " differs: legacy run " + legacy.runId() + " has " + l + ", rust run " + rust.runId() + " has " + r));
      }
    }
  }

  private static JsonNode known(String name, RunManifest manifest, Map<String, JsonNode> values) {
    if (!values.containsKey(name)) {
      throw new HarnessInputException("parity field " + name,
          "the artifact extractor derives no such field from " + manifest.file() + "; it derives " + values.keySet());
    }
    return values.get(name);
  }

  /** Configures an {@link ArtifactParity}; every setting starts at the wire format's default. */
  public static final class Builder {
    private List<String> criticalFields = DEFAULT_CRITICAL_FIELDS;
    private List<String> warningFields = DEFAULT_WARNING_FIELDS;
    private ParityPolicy policy = ParityPolicy.artifactDefaults();
    private ArtifactFields fields = ArtifactFields.standard();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The fields whose difference is critical. */
    public Builder criticalFields(List<String> names) {
      this.criticalFields = List.copyOf(names);
      return this;
    }

    /** The fields whose difference is a warning. */
    public Builder warningFields(List<String> names) {
      this.warningFields = List.copyOf(names);
      return this;
    }

    /** When to block; default {@link ParityPolicy#artifactDefaults()}. */
    public Builder policy(ParityPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How fields are derived from artifacts; default {@link ArtifactFields#standard()}. */
    public Builder fields(ArtifactFields fields) {
      this.fields = Objects.requireNonNull(fields, "fields");
      return this;
    }

    /** The clock for {@code generated_at}; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The configured comparison. */
    public ArtifactParity build() {
      return new ArtifactParity(this);
    }
  }
}
