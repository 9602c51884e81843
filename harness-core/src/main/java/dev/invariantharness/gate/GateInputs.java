package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.config.HarnessConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Everything the gate judges with, assembled in one place from the configuration: the catalogue
 * (default, extended or replaced), the mitigation file, gating or baseline mode, the gate asked
 * for (merge or release) and the coverage rule. The extension, the report publisher, the merge
 * and the Maven plugin all take their inputs from here, so a module's decision and a merged
 * decision cannot differ in how they were configured.
 *
 * <pre>{@code
 * GateInputs inputs = GateInputs.from(HarnessConfiguration.of(Map.of(), Map.of(), System.getenv()));
 * GateEvaluation evaluation = inputs.policy().evaluate(results);
 * }</pre>
 *
 * @param catalogue the invariants and their escalation classes
 * @param mitigations the mitigation file's entries
 * @param mitigationFile where the mitigations came from, if anywhere
 * @param mode gating ({@code FAIL_ON_REQUIRED_FAILURE=1}, default) or baseline
 * @param gate the gate asked for ({@code invariant.harness.gate}, default merge)
 * @param requireCoverage whether an invariant no check covers and none declares N/A blocks merge:
 *     by default in gating mode, as the gates document says ("violated or unaddressed"); a
 *     warning in baseline mode
 * @param today the date mitigations' expiry is judged against (UTC)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GateInputs(
    InvariantCatalogue catalogue,
    MitigationFile mitigations,
    Optional<Path> mitigationFile,
    GateMode mode,
    Gate gate,
    boolean requireCoverage,
    LocalDate today) {

  /** The conventional mitigation file, looked up in the working directory when none is configured. */
  public static final String CONVENTIONAL_MITIGATIONS = "invariant-mitigations.yaml";

  public GateInputs {
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(mitigations, "mitigations");
    Objects.requireNonNull(mitigationFile, "mitigationFile");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(today, "today");
  }

  /**
   * The inputs {@code config} names.
   *
   * @throws HarnessInputException naming the key or file when a value is malformed (a typo in
   *     {@code FAIL_ON_REQUIRED_FAILURE}, an unreadable catalogue or mitigation file, an unknown
   *     gate): a gate that cannot be judged must fail loudly, never pass
   */
  public static GateInputs from(HarnessConfiguration config) {
    GateMode mode = modeOf(config);
    Gate gate = config.get(HarnessConfiguration.GATE).map(g -> {
      try {
        return Gate.fromLabel(g);
      } catch (IllegalArgumentException e) {
        throw new HarnessInputException(config.describe(HarnessConfiguration.GATE), e.getMessage());
      }
    }).orElse(Gate.MERGE);
    boolean coverage = config.flag(HarnessConfiguration.REQUIRE_COVERAGE, mode == GateMode.GATING);
    InvariantCatalogue catalogue = InvariantCatalogue.defaults();
    Optional<String> extension = config.get(HarnessConfiguration.CATALOGUE);
    if (extension.isPresent()) {
      catalogue = catalogue.extendedWith(Path.of(extension.get()));
    }
    Optional<Path> file = mitigationFileOf(config);
    MitigationFile mitigations = file.map(MitigationFile::load).orElse(MitigationFile.none());
    return new GateInputs(catalogue, mitigations, file, mode, gate, coverage, LocalDate.now(ZoneOffset.UTC));
  }

  /**
   * Gating unless {@code FAIL_ON_REQUIRED_FAILURE} is {@code 0} (or false, no, off).
   *
   * @throws HarnessInputException naming the key when the value is not a boolean
   */
  public static GateMode modeOf(HarnessConfiguration config) {
    return config.flag(HarnessConfiguration.FAIL_ON_REQUIRED_FAILURE, true) ? GateMode.GATING : GateMode.BASELINE;
  }

  /** The configured mitigation file, else {@value #CONVENTIONAL_MITIGATIONS} if it exists. */
  static Optional<Path> mitigationFileOf(HarnessConfiguration config) {
    Optional<String> configured = config.get(HarnessConfiguration.MITIGATIONS);
    if (configured.isPresent()) {
      return configured.map(Path::of);
    }
    Path conventional = Path.of(CONVENTIONAL_MITIGATIONS);
    return Files.exists(conventional) ? Optional.of(conventional) : Optional.empty();
  }

  /** The policy these inputs make. */
  public GatePolicy policy() {
    return new GatePolicy(catalogue, mitigations, mode, today, requireCoverage, gate);
  }

  /** These inputs with {@code more} mitigations beside the file's, e.g. those a merged shard accepted. */
  public GateInputs withMitigations(MitigationFile more) {
    return new GateInputs(catalogue, mitigations.plus(more), mitigationFile, mode, gate, requireCoverage, today);
  }

  /** These inputs judging coverage or not, e.g. for a run of a few suites. */
  public GateInputs withRequireCoverage(boolean required) {
    return new GateInputs(catalogue, mitigations, mitigationFile, mode, gate, required, today);
  }
}
