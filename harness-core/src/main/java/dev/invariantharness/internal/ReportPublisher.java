package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.evidence.internal.AtomicFiles;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Gate;
import dev.invariantharness.gate.GateEvaluation;
import dev.invariantharness.gate.GateInputs;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.MitigationFile;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import dev.invariantharness.report.ReportView;
import dev.invariantharness.report.ReportWriter;
import dev.invariantharness.report.internal.FileTrees;
import dev.invariantharness.report.internal.SummaryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the rows of one JVM into the run's gate report. Every fork writes its rows as a part
 * ({@code .parts/<run>/<pid>.json}), then, holding a file lock on the report root, joins the parts
 * of its run, judges them and writes the report; the fork that finishes last therefore writes the
 * complete report, and earlier partial reports of the same run are removed.
 */
public final class ReportPublisher {

  private static final Duration LOCK_WAIT = Duration.ofMinutes(2);
  private static final Duration STALE = Duration.ofHours(6);

  private ReportPublisher() {}

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Stable name of the configuration problem row. */
  public static final String CONFIGURATION_CHECK = "harness-configuration";

  /**
   * Publishes {@code rows} as the part {@code partName} of the run and writes the run's report;
   * returns the path of the report's SUMMARY.md.
   */
  public static String publish(HarnessConfiguration config, String partName, List<CheckResult> rows) {
    Path root = config.reportDirectory().toAbsolutePath();
    String runId = RunIdentity.of(config);
    Redactor redactor = redactor(config);
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new HarnessInputException(root.toString(), -1, "report directory cannot be created: " + e, e);
    }
    Path parts = root.resolve(".parts").resolve(runId);
    try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = lock(channel, root)) {
      removeStale(root.resolve(".parts"), runId);
      removeStale(root.resolve(".staging"), runId);
      Files.createDirectories(parts);
      Path ownPart = parts.resolve(partName + ".json");
      List<Path> others;
      try (Stream<Path> files = Files.list(parts)) {
        others = files.filter(p -> p.toString().endsWith(".json") && !p.equals(ownPart)).sorted().toList();
      }
      List<CheckResult> all = new ArrayList<>(rows);
      String build = RunIdentity.build();
      List<Path> joined = new ArrayList<>();
      for (Path part : others) {
        GateReport other = GateReportJson.read(part);
        if (!build.equals(other.environment().get(RunIdentity.BUILD_KEY))) {
          // An earlier build that reused this run id: its rows are not this build's, and its
          // report is its own — start a new one rather than replace it.
          Files.deleteIfExists(part);
          Files.deleteIfExists(parts.resolve("report.txt"));
          continue;
        }
        all.addAll(other.results());
        joined.add(part);
      }
      others = joined;
      all.addAll(ForkMarkers.deadForks(parts, partName));
      all.sort(CheckResult.REPORT_ORDER);
      GateReport run = judge(config, runId, all, redactor);
      String summaryJson = GateReportJson.write(run);
      // Rows were redacted in full when recorded: the part gets the configured secrets once more.
      // Alone in its run (one fork, the IDE) this JVM's part is the run's summary: render it once.
      String part = others.isEmpty() ? summaryJson : GateReportJson.write(judge(config, runId, rows, redactor));
      AtomicFiles.write(ownPart, utf8(redactor.configuredOnly().redact(part)));
      ForkMarkers.finished(parts, partName);

      Path staging = root.resolve(".staging").resolve(runId);
      // Every row, the environment and the evidence were redacted in full when recorded; the
      // rendered files get the configured secrets and patterns once more as a last line of defence.
      Path written = new ReportWriter(views(summaryJson)).write(run, root, Files.isDirectory(staging) ? staging : null,
          redactor.configuredOnly()::redact);
      Path previous = parts.resolve("report.txt");
      if (Files.exists(previous)) {
        Path old = root.resolve(Files.readString(previous, StandardCharsets.UTF_8).trim());
        if (!old.equals(written) && old.startsWith(root)) {
          FileTrees.delete(old);
        }
      }
      AtomicFiles.write(previous, utf8(root.relativize(written).toString()));
      String summary = written.resolve("SUMMARY.md").toString();
      System.out.println("[invariant-harness] " + run.decision().headline() + " — "
          + run.results().size() + " checks; report: " + summary);
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the gate report under " + root + " failed", e);
    }
  }

  /** The default views, with {@code summary.json} already rendered. */
  private static List<ReportView> views(String summaryJson) {
    List<ReportView> views = new ArrayList<>();
    for (ReportView view : ReportWriter.defaultViews()) {
      views.add(view instanceof SummaryJson ? new Rendered(view.fileName(), summaryJson) : view);
    }
    return views;
  }

  /** A view whose content was rendered before the writer asked for it. */
  private record Rendered(String fileName, String content) implements ReportView {
    @Override
    public String render(GateReport report) {
      return content;
    }
  }

  private static GateReport judge(HarnessConfiguration config, String runId, List<CheckResult> rows, Redactor redactor) {
    List<CheckResult> all = new ArrayList<>(rows);
    GateInputs inputs;
    try {
      inputs = GateInputs.from(config);
    } catch (HarnessInputException e) {
      // A broken configuration must block, not vanish: it becomes a failed required row, judged
      // with the defaults (gating, the default catalogue).
      all.removeIf(r -> r.checkId().equals(CONFIGURATION_CHECK));
      all.add(new CheckResult(CONFIGURATION_CHECK, true, CheckStatus.FAILED, "harness configuration is valid", "harness",
          List.of(), 0, e.getMessage(), "", List.of(), null));
      inputs = new GateInputs(InvariantCatalogue.defaults(), MitigationFile.none(), Optional.empty(), GateMode.GATING,
          Gate.MERGE, false, LocalDate.now(ZoneOffset.UTC));
    }
    GateEvaluation evaluation = inputs.policy().evaluate(all);
    Map<String, String> environment = config.describeForReport();
    environment.replaceAll((k, v) -> redactor.redact(v));
    environment.put("run", runId);
    environment.put(RunIdentity.BUILD_KEY, RunIdentity.build());
    return GateReport.of(runId, Instant.now(), environment, inputs.catalogue(), evaluation);
  }

  /** Where the parts of {@code config}'s run are joined. */
  static Path partsDirectory(HarnessConfiguration config) {
    return config.reportDirectory().toAbsolutePath().resolve(".parts").resolve(RunIdentity.of(config));
  }

  /** The redactor for this configuration: defaults, configured patterns and configured secrets. */
  public static Redactor redactor(HarnessConfiguration config) {
    Redactor r = Redactor.defaults();
    for (String p : config.get(HarnessConfiguration.REDACT_PATTERNS).map(s -> s.split(",")).orElse(new String[0])) {
      if (!p.isBlank()) {
        try {
          r = r.withPattern(Pattern.compile(p.trim()));
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new HarnessInputException("configuration key '" + HarnessConfiguration.REDACT_PATTERNS + "'",
              "'" + p.trim() + "' is not a valid regular expression: " + e.getDescription());
        }
      }
    }
    for (String secret : config.secretValues()) {
      r = r.withSecret(secret);
    }
    return r;
  }

  private static FileLock lock(FileChannel channel, Path root) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("another process held " + root.resolve(".lock") + " for more than " + LOCK_WAIT.toMinutes() + " minutes");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  private static void removeStale(Path dir, String currentRun) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Instant cutoff = Instant.now().minus(STALE);
    try (Stream<Path> runs = Files.list(dir)) {
      for (Path run : runs.toList()) {
        if (!run.getFileName().toString().equals(currentRun)
            && Files.getLastModifiedTime(run).toInstant().isBefore(cutoff)) {
          FileTrees.delete(run);
        }
      }
    }
  }
}
