package dev.invariantharness.deploy.cli.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.deploy.lint.LintReport;
import dev.invariantharness.deploy.lint.LintViolation;
import dev.invariantharness.deploy.lint.MigrationLinter;
import dev.invariantharness.deploy.migration.DeployDescriptor;
import dev.invariantharness.finding.Finding;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lint-migrations FILE...}: a stand-in for {@code squawk} in scripts — the same JSON
 * reporter shape and exit codes (0 clean, 1 violations or unmatched files).
 */
@Command(name = "lint-migrations", mixinStandardHelpOptions = true,
    description = "Lint migration files with squawk's default rules; squawk's JSON reporter format and exit codes.")
public final class LintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "migration files")
  List<Path> files;

  @Option(names = {"-e", "--exclude"}, split = ",", description = "rules to turn off")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--pg-version", description = "target PostgreSQL version, e.g. 13.0 (default 15.0.0), as squawk's option")
  String pgVersion;

  @Option(names = "--assume-in-transaction", description = "each file runs inside a transaction")
  boolean assumeInTransaction;

  @Option(names = "--reporter", description = "tty (default) or json")
  String reporter = "tty";

  @Option(names = "--overlap-window-open", description = "a mixed-version window is open: destructive statements block INV-09")
  boolean overlapOpen;

  @Option(names = "--deploy-descriptor", description = "deploy descriptor JSON; its overlap_window.open decides the window")
  Path descriptor;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MigrationLinter linter = MigrationLinter.squawkDefaults();
    if (pgVersion != null) {
      try {
        linter.pgVersion(pgVersion);
      } catch (HarnessInputException e) {
        err.println("error: invalid value '" + pgVersion + "' for '--pg-version <PG_VERSION>': " + e.getMessage());
        return 2;
      }
    }
    List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
    if (!missing.isEmpty()) {
      err.println("Failed to find files for provided patterns: " + missing);
      return 1;
    }
    boolean open = overlapOpen || (descriptor != null && DeployDescriptor.read(descriptor).overlapWindowOpen());
    LintReport report = linter.exclude(exclude.toArray(String[]::new))
        .assumeInTransaction(assumeInTransaction).lint(files).duringOverlap(open);
    if (reporter.equals("json")) {
      ObjectMapper json = Json.mapper();
      ArrayNode arr = json.createArrayNode();
      for (LintViolation v : report.violations()) {
        ObjectNode o = arr.addObject();
        o.put("file", v.file());
        o.put("line", v.line());
        o.put("column", v.column());
        o.put("level", v.level());
        o.put("message", v.message());
        if (v.help() == null) {
          o.putNull("help");
        } else {
          o.put("help", v.help());
        }
        o.put("rule_name", v.ruleName());
        o.put("column_end", v.columnEnd());
        o.put("line_end", v.lineEnd());
      }
      out.println(json.writeValueAsString(arr));
    } else if (!reporter.equals("tty")) {
      err.println("error: reporter '" + reporter + "' is not supported; use tty or json");
      return 2;
    } else {
      for (LintViolation v : report.violations()) {
        out.println(v.file() + ":" + (v.line() + 1) + ":" + (v.column() + 1) + ": " + v.level().toLowerCase() + "["
            + v.ruleName() + "]: " + v.message());
      }
      out.println(report.violations().isEmpty() ? "Found 0 issues" : "Found " + report.violations().size() + " issues");
    }
    for (Finding f : report.blocking().list()) {
      err.println(f.invariant() + " " + f.location() + ": " + f.message());
    }
    return report.violations().isEmpty() ? 0 : 1;
  }
}
