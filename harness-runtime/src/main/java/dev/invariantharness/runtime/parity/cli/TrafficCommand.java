package dev.invariantharness.runtime.parity.cli;

import dev.invariantharness.runtime.parity.ParityPolicy;
import dev.invariantharness.runtime.parity.RecordedExchange;
import dev.invariantharness.runtime.parity.Recordings;
import dev.invariantharness.runtime.parity.TrafficParity;
import dev.invariantharness.runtime.parity.TrafficParityResult;
import dev.invariantharness.runtime.parity.TrafficRules;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shadow-parity traffic}: Diffy-style traffic parity over recorded requests. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
    description = "Replays recorded requests to legacy, a second legacy and the candidate, learns noise, and compares.")
final class TrafficCommand implements Callable<Integer> {

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)", Pattern.CASE_INSENSITIVE);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--recordings", required = true, paramLabel = "PATH",
      description = "WireMock mappings (*.json, or a WireMock root with mappings/) or JSONL exchanges (*.jsonl); repeatable.")
  List<Path> recordings;

  @Option(names = "--legacy", required = true, paramLabel = "URL", description = "Legacy base URL.")
  String legacy;

  @Option(names = "--legacy-2", paramLabel = "URL", description = "A second legacy instance; what differs between the two is noise.")
  String legacy2;

  @Option(names = "--candidate", required = true, paramLabel = "URL", description = "Candidate (new service) base URL.")
  String candidate;

  @Option(names = "--rules", paramLabel = "FILE", description = "Normalisation and classification rules (YAML or JSON).")
  Path rules;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report.")
  Path out;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", description = "Per-request deadline, e.g. 500ms, 5s, PT5S (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16", description = "Exchanges in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--max-warnings", paramLabel = "N", description = "Warnings tolerated (default: no count limit).")
  Integer maxWarnings;

  @Option(names = "--max-warning-rate", paramLabel = "RATE", defaultValue = "0", description = "Largest share (0..1) of exchanges with a warning (default: ${DEFAULT-VALUE}).")
  double maxWarningRate;

  @Option(names = "--no-block-on-critical", description = "Allow despite critical diffs (baseline capture only).")
  boolean noBlockOnCritical;

  @Option(names = "--legacy-run-id", paramLabel = "ID", description = "legacy_run_id in the report (default: the legacy URL).")
  String legacyRunId;

  @Option(names = "--rust-run-id", paramLabel = "ID", description = "rust_run_id in the report (default: the candidate URL).")
  String rustRunId;

  @Override
  public Integer call() {
    if (concurrency < 1 || concurrency > 256) {
      throw bad("--concurrency must be within 1..256, was " + concurrency);
    }
    if (!(maxWarningRate >= 0 && maxWarningRate <= 1)) {
      throw bad("--max-warning-rate must be within 0..1, was " + maxWarningRate);
    }
    if (maxWarnings != null && maxWarnings < 0) {
      throw bad("--max-warnings must be >= 0, was " + maxWarnings);
    }
    ParityPolicy policy = ParityPolicy.trafficDefaults().withBlockOnCritical(!noBlockOnCritical).withMaxWarningRate(maxWarningRate);
    if (maxWarnings != null) {
      policy = policy.withMaxWarnings(maxWarnings);
    }
    List<RecordedExchange> exchanges = new ArrayList<>();
    recordings.forEach(p -> exchanges.addAll(Recordings.load(p)));
    TrafficParityResult result = TrafficParity.builder()
        .legacy(url("--legacy", legacy))
        .secondLegacy(legacy2 == null ? null : url("--legacy-2", legacy2))
        .candidate(url("--candidate", candidate))
        .rules(rules == null ? TrafficRules.defaults() : TrafficRules.read(rules))
        .policy(policy)
        .timeout(duration(timeout))
        .concurrency(concurrency)
        .runIds(legacyRunId, rustRunId)
        .build()
        .run(exchanges);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("replayed %d exchange(s) in %d ms; %d with a side that did not answer; %d diff(s) learned as noise on %d route(s)%n",
        result.exchanges(), result.elapsed().toMillis(), result.failedExchanges(), result.suppressedAsNoise(), result.noise().size());
    return ShadowParityCommand.finish(result.report(), out, stdout);
  }

  private URI url(String option, String value) {
    try {
      URI uri = new URI(value.trim());
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw bad(option + " must be an absolute http(s) URL with a host, was '" + value + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw bad(option + " is not a URL: " + e.getMessage());
    }
  }

  private Duration duration(String value) {
    Matcher m = SIMPLE_DURATION.matcher(value.trim());
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMinutes(n);
      };
    } else {
      try {
        d = Duration.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw bad("--timeout '" + value + "' is not a duration; use e.g. 500ms, 5s, 1m or PT5S");
      }
    }
    if (d.isZero() || d.isNegative()) {
      throw bad("--timeout must be positive, was " + value);
    }
    return d;
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
