package dev.invariantharness.report;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.GateEvaluation;
import dev.invariantharness.gate.Gate;
import dev.invariantharness.gate.GateInputs;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.GatePolicy;
import dev.invariantharness.gate.MitigationFile;
import dev.invariantharness.report.internal.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Joins the gate reports of several modules or CI shards into one decision: rows are
 * concatenated, evidence is copied under {@code evidence/<shard>/}, and the gate policy judges the
 * whole again (so a check mitigated in one shard and failed in another is judged once, with
 * today's mitigations).
 *
 * <pre>{@code
 * Path merged = ReportMerge.merge(
 *     List.of(Path.of("control/target/invariant-reports"), Path.of("khala/target/invariant-reports")),
 *     policy, Path.of("target/invariant-reports-merged"), UnaryOperator.identity());
 * }</pre>
 *
 * <p>From a shell: {@code java -cp <harness-core and its dependencies>
 * dev.invariantharness.report.ReportMerge --out DIR [--mitigations FILE] [--catalogue FILE]
 * [--baseline] [--gate merge|release] [--allow-coverage-gaps] REPORT...}; each REPORT is a {@code summary.json}, a report directory, or a report
 * root with a {@code latest} pointer. Exit status: 0 when the build may pass (GO, baseline, or a
 * NO-GO that does not block the gate asked for), 1 when it must fail, 2 bad input. Mode, gate and
 * coverage rule come from {@code FAIL_ON_REQUIRED_FAILURE}, {@code invariant.harness.gate} and
 * {@code invariant.harness.require-coverage} as for a module's run; each shard's accepted
 * mitigations keep covering its checks; a check id found in two shards is an error.
 */
@API(status = STABLE, since = "0.1")
public final class ReportMerge {

  private ReportMerge() {}

  /**
   * Merges {@code inputs} into a new report under {@code outRoot}. The policy's catalogue is
   * extended with any invariant a shard's report knows and the policy does not.
   *
   * @return the written report directory
   * @throws HarnessInputException for a missing input, a malformed report, or a report from
   *     another {@code schemaVersion}, naming the file
   */
  public static Path merge(List<Path> inputs, GatePolicy policy, Path outRoot, UnaryOperator<String> sanitizer) {
    if (inputs.isEmpty()) {
      throw new HarnessInputException("merge", "no reports to merge");
    }
    Path staging;
    try {
      Files.createDirectories(outRoot);
      staging = Files.createTempDirectory(outRoot, ".merge-");
    } catch (IOException e) {
      throw new HarnessInputException(outRoot.toString(), -1, "cannot create the merged report directory: " + e, e);
    }
    try {
      List<CheckResult> rows = new ArrayList<>();
      Map<String, String> sourceOfCheck = new LinkedHashMap<>();
      MitigationFile shardMitigations = MitigationFile.none();
      Map<String, Invariant> extra = new LinkedHashMap<>();
      Map<String, String> environment = new TreeMap<>();
      List<String> runIds = new ArrayList<>();
      int shard = 0;
      for (Path input : inputs) {
        shard++;
        Path summary = summaryOf(input);
        GateReport report = GateReportJson.read(summary);
        String prefix = "shard-" + shard;
        copyEvidence(summary.getParent(), staging.resolve("evidence").resolve(prefix));
        for (CheckResult r : report.results()) {
          String first = sourceOfCheck.putIfAbsent(r.checkId(), summary.toString());
          if (first != null) {
            throw new HarnessInputException(summary.toString(), "check id '" + r.checkId() + "' is also in " + first
                + ": the same shard given twice, or two checks with one id; merged rows must be unique");
          }
          List<Finding> findings = r.findings().stream()
              .map(f -> new Finding(f.invariant(), f.location(), f.message(), moved(f.evidence(), prefix)))
              .toList();
          rows.add(new CheckResult(r.checkId(), r.required(), r.status(), r.description(), r.lane(), r.invariants(),
              r.notApplicable(), r.durationMillis(), r.reason(), r.command(), moved(r.evidence(), prefix), findings,
              Map.of(), r.mitigation()));
        }
        for (Invariant i : report.catalogue()) {
          if (!policy.catalogue().contains(i.id())) {
            extra.putIfAbsent(i.id(), i);
          }
        }
        // A module's accepted mitigations keep covering its checks: the merged decision must not
        // differ from the modules' because the merge did not see their mitigation files.
        shardMitigations = shardMitigations.plus(MitigationFile.accepted(report.mitigations(), summary.toString()));
        report.environment().forEach((k, v) -> environment.put(prefix + "." + k, v));
        environment.put(prefix + ".source", summary.toString());
        runIds.add(report.runId());
      }
      InvariantCatalogue catalogue = policy.catalogue();
      if (!extra.isEmpty()) {
        List<Invariant> all = new ArrayList<>(catalogue.all());
        all.addAll(extra.values());
        catalogue = InvariantCatalogue.of(all);
      }
      GatePolicy merged = new GatePolicy(catalogue, policy.mitigations().plus(shardMitigations), policy.mode(), policy.today(),
          policy.requireCoverage(), policy.gate());
      rows.sort(CheckResult.REPORT_ORDER);
      GateEvaluation evaluation = merged.evaluate(rows);
      GateReport report = GateReport.of("merged:" + String.join("+", runIds), Instant.now(), environment, catalogue, evaluation);
      return new ReportWriter().write(report, outRoot, staging, sanitizer);
    } finally {
      FileTrees.deleteQuietly(staging, null);
    }
  }

  /** The {@code summary.json} an input names. */
  static Path summaryOf(Path input) {
    if (Files.isRegularFile(input)) {
      return input;
    }
    for (Path candidate : List.of(input.resolve("summary.json"), input.resolve("latest").resolve("summary.json"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new HarnessInputException(input.toString(),
        Files.exists(input) ? "holds no summary.json (neither directly nor under latest/)" : "does not exist");
  }

  /** Evidence paths of a shard, under the shard's folder of the merged report. */
  private static List<EvidenceRef> moved(List<EvidenceRef> refs, String prefix) {
    return refs.stream()
        .map(e -> new EvidenceRef(e.name(), e.kind(), e.path().replaceFirst("^evidence/", "evidence/" + prefix + "/")))
        .toList();
  }

  private static void copyEvidence(Path reportDir, Path target) {
    Path evidence = reportDir.resolve("evidence");
    if (Files.isDirectory(evidence)) {
      try {
        FileTrees.copy(evidence, target);
      } catch (IOException e) {
        throw new UncheckedIOException("copying evidence from " + evidence + " failed", e);
      }
    }
  }

  /** Command line entry point; see the class documentation. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * The command line without {@code System.exit}, for embedding; relative paths resolve against
   * the process's working directory.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, Path.of("").toAbsolutePath(), out, err);
  }

  /**
   * The command line without {@code System.exit}, relative paths ({@code --out}, {@code
   * --mitigations}, {@code --catalogue}, every REPORT) resolved against {@code workingDirectory}:
   * a test or a build tool passes its own directory, so nothing lands in the process's.
   */
  public static int run(String[] args, Path workingDirectory, PrintStream out, PrintStream err) {
    Path outDir = null;
    Path mitigations = null;
    Path catalogueFile = null;
    boolean baseline = false;
    Gate gate = null;
    boolean allowGaps = false;
    List<Path> inputs = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> outDir = workingDirectory.resolve(value(args, ++i, "--out"));
          case "--mitigations" -> mitigations = workingDirectory.resolve(value(args, ++i, "--mitigations"));
          case "--catalogue" -> catalogueFile = workingDirectory.resolve(value(args, ++i, "--catalogue"));
          case "--baseline" -> baseline = true;
          case "--allow-coverage-gaps" -> allowGaps = true;
          case "--gate" -> {
            String g = value(args, ++i, "--gate");
            try {
              gate = Gate.fromLabel(g);
            } catch (IllegalArgumentException e) {
              throw new HarnessInputException("argument '--gate'", e.getMessage());
            }
          }
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> {
            if (args[i].startsWith("--")) {
              throw new HarnessInputException("argument '" + args[i] + "'", "unknown option\n" + USAGE);
            }
            inputs.add(workingDirectory.resolve(args[i]));
          }
        }
      }
      if (outDir == null || inputs.isEmpty()) {
        throw new HarnessInputException("arguments", "--out and at least one REPORT are required\n" + USAGE);
      }
      // The same inputs as a module's run: FAIL_ON_REQUIRED_FAILURE, invariant.harness.gate and the
      // coverage rule from system properties and the environment; options override.
      Map<String, String> props = new LinkedHashMap<>();
      System.getProperties().stringPropertyNames().forEach(k -> props.put(k, System.getProperty(k)));
      GateInputs configured = GateInputs.from(HarnessConfiguration.of(Map.of(), props, System.getenv()));
      InvariantCatalogue catalogue = catalogueFile == null ? configured.catalogue() : configured.catalogue().extendedWith(catalogueFile);
      MitigationFile file = mitigations == null ? configured.mitigations() : configured.mitigations().plus(MitigationFile.load(mitigations));
      GateMode mode = baseline ? GateMode.BASELINE : configured.mode();
      GatePolicy policy = new GatePolicy(catalogue, file, mode, configured.today(),
          !baseline && !allowGaps && configured.requireCoverage(), gate == null ? configured.gate() : gate);
      Path written = merge(inputs, policy, outDir, UnaryOperator.identity());
      GateReport report = GateReportJson.read(written.resolve("summary.json"));
      out.println("[invariant-harness] merged " + inputs.size() + " report(s): " + report.decision().headline()
          + " — " + written.resolve("SUMMARY.md"));
      report.decision().blockers().forEach(b -> out.println("  blocked: " + b.checkId() + " " + b.invariant() + ": " + b.reason()));
      return report.decision().failsBuild() ? 1 : 0;
    } catch (HarnessInputException e) {
      err.println("[invariant-harness] " + e.getMessage());
      return 2;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new HarnessInputException("argument '" + option + "'", "needs a value");
    }
    return args[i];
  }

  private static final String USAGE =
      "usage: ReportMerge --out DIR [--mitigations FILE] [--catalogue FILE] [--baseline] [--gate merge|release] [--allow-coverage-gaps] REPORT...";
}
