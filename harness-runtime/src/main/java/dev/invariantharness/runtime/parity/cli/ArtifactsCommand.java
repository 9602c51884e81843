package dev.invariantharness.runtime.parity.cli;

import dev.invariantharness.runtime.parity.ArtifactParity;
import dev.invariantharness.runtime.parity.ParityPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shadow-parity artifacts}: artifact parity over two run manifests. */
@Command(name = "artifacts", mixinStandardHelpOptions = true,
    description = "Compares the artifacts (receipt, replay, summary, checkpoint) of a legacy and a Rust run.")
final class ArtifactsCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--legacy-manifest", required = true, paramLabel = "FILE", description = "The legacy run's manifest (JSON).")
  Path legacyManifest;

  @Option(names = "--rust-manifest", required = true, paramLabel = "FILE", description = "The Rust run's manifest (JSON).")
  Path rustManifest;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report.")
  Path out;

  @Option(names = "--max-warnings", paramLabel = "N", defaultValue = "0", description = "Warnings tolerated (default: ${DEFAULT-VALUE}).")
  int maxWarnings;

  @Option(names = "--no-block-on-critical", description = "Allow despite critical diffs (baseline capture only).")
  boolean noBlockOnCritical;

  @Option(names = "--critical-fields", split = ",", paramLabel = "FIELD", description = "Critical fields (default: the wire format's).")
  List<String> criticalFields;

  @Option(names = "--warning-fields", split = ",", paramLabel = "FIELD", description = "Warning fields (default: the wire format's).")
  List<String> warningFields;

  @Override
  public Integer call() {
    if (maxWarnings < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-warnings must be >= 0, was " + maxWarnings);
    }
    ArtifactParity.Builder builder = ArtifactParity.builder()
        .policy(ParityPolicy.artifactDefaults().withBlockOnCritical(!noBlockOnCritical).withMaxWarnings(maxWarnings));
    if (criticalFields != null) {
      builder.criticalFields(criticalFields);
    }
    if (warningFields != null) {
      builder.warningFields(warningFields);
    }
    return ShadowParityCommand.finish(builder.build().compare(legacyManifest, rustManifest), out, spec.commandLine().getOut());
  }
}
