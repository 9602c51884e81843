package dev.invariantharness.examples.runtime.parity;

import static dev.invariantharness.runtime.parity.ParityAssertions.assertThat;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.runtime.parity.ArtifactParity;
import dev.invariantharness.runtime.parity.ParityReport;
import dev.invariantharness.runtime.parity.TrafficParity;
import dev.invariantharness.runtime.parity.TrafficParityResult;
import dev.invariantharness.runtime.parity.TrafficRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime authority cutover's shadow parity gate, in both forms, against the example run
 * services: the Rust run's artifacts match the legacy run's, and recorded traffic replayed to
 * legacy, a second legacy instance and the candidate shows no regression once noise is learned.
 * Both evidence INV-10: legacy removal only after the parity gate allows.
 */
@InvariantTest(lane = "runtime")
class ShadowParityGates {

  /** Volatile fields are learned as noise, except generated_at, whose type differs by design. */
  static final String RULES = """
      normalise:
        - pointer: /generated_at
          action: ignore
      classify:
        - pointer: /run/status
          severity: critical
        - pointer: /run/last_seq
          severity: critical
        - route: "POST /api/runs"
          pointer: /run/id
          severity: critical
      default_severity: warning
      status_severity: critical
      """;

  @Test
  @Verifies("INV-10")
  void artifactShadowParityAllowsTheCutover(@TempDir Path dir, HarnessConfiguration config) throws Exception {
    boolean drift = config.get(ParityServices.ARTIFACTS).map("critical-drift"::equals).orElse(false);
    Path legacy = RunArtifacts.write(dir.resolve("legacy"), false);
    Path rust = RunArtifacts.write(dir.resolve("rust"), drift);
    ParityReport report = ArtifactParity.defaults().compare(legacy, rust);
    report.write(dir.resolve("shadow-parity.json"));
    Evidence.text("shadow parity report (artifacts)", report.toJson());
    assertThat(report).allows();
  }

  @Test
  @Verifies("INV-10")
  void trafficShadowParityAllowsTheCutover(@TempDir Path dir, HarnessConfiguration config) throws Exception {
    Path recordings = StagedTraffic.writeWireMockMappings(dir.resolve("recordings"), 30);
    Path rules = Files.writeString(dir.resolve("parity-rules.yaml"), RULES);
    try (ParityServices services = ParityServices.start(ParityServices.behaviour(config.get(ParityServices.CANDIDATE).orElse(null)))) {
      TrafficParityResult result = TrafficParity.builder()
          .legacy(services.legacy()).secondLegacy(services.legacy2()).candidate(services.candidate())
          .rules(TrafficRules.read(rules))
          .timeout(config.timeout("http"))
          .concurrency(8)
          .build()
          .run(recordings);
      result.report().write(dir.resolve("shadow-parity.json"));
      Evidence.text("shadow parity report (traffic)", result.report().toJson());
      Evidence.text("learned noise", result.noise().toString());
      assertThat(result.report()).allows();
    }
  }
}
