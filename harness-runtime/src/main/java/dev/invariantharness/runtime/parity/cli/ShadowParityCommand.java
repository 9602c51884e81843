package dev.invariantharness.runtime.parity.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.ParityDiff;
import dev.invariantharness.runtime.parity.ParityReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The shadow parity gate as a command, for scripts and runbooks:
 *
 * <pre>
 * java -cp harness-runtime.jar:... dev.invariantharness.runtime.parity.cli.ShadowParityCommand \
 *     artifacts --legacy-manifest legacy/manifest.json --rust-manifest rust/manifest.json \
 *     --out shadow-parity.json [--max-warnings N] [--no-block-on-critical]
 *
 * ... ShadowParityCommand traffic --recordings recordings/ --legacy http://127.0.0.1:8081 \
 *     --legacy-2 http://127.0.0.1:8082 --candidate http://127.0.0.1:9090 \
 *     --rules parity-rules.yaml --out shadow-parity.json [--timeout 5s] [--concurrency 16]
 * </pre>
 *
 * <p>Both write the {@code openagents.runtime.shadow_parity.v1} report and exit <b>0</b> when the
 * gate allows, <b>1</b> when it blocks, <b>2</b> on bad input (unknown option, missing or
 * malformed manifest, artifact, recording or rules file — the message names the file and the
 * problem) and <b>3</b> on any other failure (e.g. the report cannot be written).
 *
 * <p>In-process (tests, other tools): {@code ShadowParityCommand.commandLine().execute(args)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(name = "shadow-parity", mixinStandardHelpOptions = true, version = "shadow-parity 0.1",
    description = "Compares a legacy and a Rust runtime and writes an allow/block shadow parity report.",
    subcommands = {ArtifactsCommand.class, TrafficCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the gate allows", "1:the gate blocks", "2:bad input", "3:unexpected failure"})
public final class ShadowParityCommand implements Runnable {

  /** Exit code when the gate allows. */
  public static final int ALLOW = 0;
  /** Exit code when the gate blocks. */
  public static final int BLOCK = 1;
  /** Exit code for bad input. */
  public static final int BAD_INPUT = 2;
  /** Exit code for any other failure. */
  public static final int FAILURE = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: exit codes as documented, input errors to stderr. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ShadowParityCommand());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      PrintWriter err = line.getErr();
      if (e instanceof CommandLine.ParameterException bad) {
        // an option value the command itself rejected, e.g. a URL that is not http(s)
        err.println("shadow-parity: " + bad.getMessage());
        bad.getCommandLine().usage(err);
        err.flush();
        return BAD_INPUT;
      }
      if (e instanceof HarnessInputException) {
        err.println("shadow-parity: bad input: " + e.getMessage());
        err.flush();
        return BAD_INPUT;
      }
      err.println("shadow-parity: failed: " + e);
      err.flush();
      return FAILURE;
    });
    return cl;
  }

  /** Without a subcommand: usage, and bad input. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: artifacts or traffic");
  }

  /** Writes the report, prints the decision and diffs, and returns the exit code. */
  static int finish(ParityReport report, Path out, PrintWriter stdout) {
    report.write(out);
    stdout.printf("shadow parity: %s (%s)%n", report.gate().decision().wireName(), report.gate().reason());
    stdout.printf("diffs: %d critical, %d warning; report: %s%n", report.totals().critical(), report.totals().warning(), out);
    int shown = 0;
    for (ParityDiff d : report.diffs()) {
      if (shown++ == 20) {
        stdout.printf("  ... and %d more in the report%n", report.diffs().size() - 20);
        break;
      }
      stdout.println("  " + d);
    }
    stdout.flush();
    return report.allows() ? ALLOW : BLOCK;
  }
}
