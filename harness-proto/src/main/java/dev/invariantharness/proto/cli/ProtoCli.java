package dev.invariantharness.proto.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.proto.CheckFinding;
import dev.invariantharness.proto.ProtoChecks;
import dev.invariantharness.proto.ProtoCompileException;
import dev.invariantharness.proto.ProtoImage;
import dev.invariantharness.proto.ProtoInput;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A stand-in for {@code buf lint} and {@code buf breaking} in scripts: same arguments, same
 * output formats, same exit codes (0 clean, 100 findings, 1 failure).
 *
 * <pre>
 * java -jar harness-proto-cli.jar lint proto --error-format json
 * java -jar harness-proto-cli.jar breaking proto --against ../baseline/proto
 * java -jar harness-proto-cli.jar breaking proto --against '.git#branch=main,subdir=proto'
 * </pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(name = "proto-check", mixinStandardHelpOptions = true,
    description = "buf-compatible lint and breaking-change detection for .proto files (INV-01).",
    subcommands = {ProtoCli.Lint.class, ProtoCli.Breaking.class})
public final class ProtoCli implements Callable<Integer> {

  /** Exit status when the input could not be checked. */
  public static final int FAILURE = 1;
  /** Exit status when the check found something. */
  public static final int FINDINGS = 100;

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return FAILURE;
  }

  public static void main(String[] args) {
    // JGit logs through SLF4J; the jar has no binding, and buf prints nothing of the kind
    System.setProperty("slf4j.provider", System.getProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider"));
    System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "WARN"));
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with {@code args}, writing to {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ProtoCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ProtoCompileException compile && commandLine.getCommand() instanceof Common common) {
        // buf reports compiler errors as COMPILE findings, exit 100
        return common.print(compile.findings(), out);
      }
      if (e instanceof HarnessInputException) {
        err.println("Failure: " + e.getMessage());
      } else {
        err.println("Failure: " + e);
      }
      err.flush();
      return FAILURE;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("Failure: " + e.getMessage());
      err.flush();
      return FAILURE;
    });
    return cli.execute(args);
  }

  abstract static class Common {
    @Option(names = "--error-format", defaultValue = "text", description = "text or json")
    String errorFormat;

    @Option(names = "--config", description = "a buf.yaml file or its YAML text, used instead of the input's")
    String config;

    int print(List<CheckFinding> findings, PrintWriter out) {
      if (!errorFormat.equals("text") && !errorFormat.equals("json")) {
        throw new HarnessInputException("--error-format", "unknown format \"" + errorFormat + "\" (text or json)");
      }
      for (CheckFinding f : findings) {
        out.println(errorFormat.equals("json") ? f.json() : f.text());
      }
      out.flush();
      return findings.isEmpty() ? 0 : FINDINGS;
    }

    ProtoInput input(String location) {
      Path path = Path.of(location);
      ProtoInput input = Files.isRegularFile(path) ? ProtoInput.descriptorSet(path) : ProtoInput.directory(path);
      return config == null ? input : input.withConfig(config);
    }
  }

  @Command(name = "lint", description = "Lint the module at INPUT (default .) with buf's rules.")
  static final class Lint extends Common implements Callable<Integer> {
    @Parameters(arity = "0..1", defaultValue = ".", paramLabel = "INPUT")
    String input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      return print(ProtoChecks.lint(input(input).load()), spec.commandLine().getOut());
    }
  }

  @Command(name = "breaking", description = "Breaking changes of INPUT (default .) against a baseline.")
  static final class Breaking extends Common implements Callable<Integer> {
    @Parameters(arity = "0..1", defaultValue = ".", paramLabel = "INPUT")
    String input;

    @Option(names = "--against", required = true,
        description = "the baseline: a directory, a descriptor set, a git ref of the repository INPUT is in, "
            + "or buf's '.git#branch=NAME[,subdir=DIR]' / '.git#ref=REF'")
    String against;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ProtoImage current = input(input).load();
      ProtoImage baseline = baseline().load();
      return print(ProtoChecks.breaking(current, baseline), spec.commandLine().getOut());
    }

    private ProtoInput baseline() {
      int hash = against.indexOf('#');
      if (hash >= 0 && against.substring(0, hash).endsWith(".git")) {
        Path repo = Path.of(against.substring(0, hash)).toAbsolutePath().getParent();
        String ref = null;
        String subdir = ".";
        for (String part : against.substring(hash + 1).split(",")) {
          String[] kv = part.split("=", 2);
          if (kv.length != 2) {
            throw new HarnessInputException(against, "expected key=value after '#', found \"" + part + "\"");
          }
          switch (kv[0]) {
            case "branch", "tag", "ref", "commit" -> ref = kv[1];
            case "subdir" -> subdir = kv[1];
            default -> throw new HarnessInputException(against, "unknown git input option \"" + kv[0] + "\"");
          }
        }
        if (ref == null) {
          throw new HarnessInputException(against, "names no branch, tag or ref");
        }
        return ProtoInput.gitRef(repo, ref, subdir);
      }
      Path path = Path.of(against);
      if (Files.exists(path)) {
        return input(against);
      }
      String[] location = dev.invariantharness.proto.internal.GitTree.locate(Path.of(input).toAbsolutePath().normalize());
      return ProtoInput.gitRef(Path.of(location[0]), against, location[1]);
    }
  }
}
