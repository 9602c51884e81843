package dev.invariantharness.deploy.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.deploy.cli.internal.BackfillCommands;
import dev.invariantharness.deploy.cli.internal.LintCommand;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code harness-deploy} command line. Exit 0 when everything holds, 1 on findings, 2 on bad input.
 *
 * <pre>{@code
 * java -jar harness-deploy-0.1.0-cli.jar run-harness manifest.json --out evidence --sign-key key.pem
 * java -jar harness-deploy-0.1.0-cli.jar verify-evidence evidence/20260222T100000Z --public-key key.pub.pem
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(name = "harness-deploy", mixinStandardHelpOptions = true, version = "harness-deploy 0.1",
    description = "Mixed-version deploy safety: backfill manifest verify, rollback drill, signed evidence, migration lint.",
    subcommands = {BackfillCommands.Verify.class, BackfillCommands.Drill.class, BackfillCommands.Rollback.class,
        BackfillCommands.RunHarness.class, BackfillCommands.VerifyEvidence.class, BackfillCommands.Keygen.class,
        LintCommand.class})
public final class DeployCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  /** The configured picocli command line (bad input exits 2 with one clear message). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new DeployCommand());
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof HarnessInputException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException) {
        line.getErr().println("harness-deploy: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cl;
  }

  /** Entry point of the runnable jar. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
