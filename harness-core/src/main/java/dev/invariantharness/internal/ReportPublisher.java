package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import dev.invariantharness.report.ReportWriter;
import dev.invariantharness.report.internal.FileTrees;
import dev.invariantharness.report.internal.SummaryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the rows of one JVM into the run's gate report, in three steps under a file lock on the
 * report root: join the parts of the run's other JVMs ({@link RunParts}), judge all rows once
 * ({@link RunJudge}), write the views ({@link ReportWriter}). The JVM that finishes last
 * therefore writes the complete report, and earlier partial reports of the same run are removed.
 */
public final class ReportPublisher {

  private static final Duration LOCK_WAIT = Duration.ofMinutes(2);
  private static final Duration STALE = Duration.ofHours(6);

  private static final String SUMMARY_JSON = new SummaryJson().fileName();

  private ReportPublisher() {}

  /** Stable name of the configuration problem row. */
  public static final String CONFIGURATION_CHECK = RunJudge.CONFIGURATION_CHECK;

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
    RunParts parts = new RunParts(root.resolve(".parts").resolve(runId), partName);
    try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = lock(channel, root)) {
      removeStale(root.resolve(".parts"), runId);
      removeStale(root.resolve(".staging"), runId);
      // join
      RunParts.Joined others = parts.join();
      List<CheckResult> all = new ArrayList<>(rows);
      all.addAll(others.rows());
      // judge
      GateReport run = RunJudge.judge(config, runId, all, redactor);
      // write: the part first, then the report that includes it. Rows were redacted in full when
      // recorded; the part and the rendered files get the configured secrets and patterns once
      // more as a last line of defence. Alone in its run (one fork, the IDE) this JVM's part is the
      // run's summary.json: it is rendered once, with the other views, and written twice.
      boolean alone = others.parts() == 0 && others.rows().isEmpty();
      UnaryOperator<String> clean = redactor.configuredOnly()::redact;
      String ownPart = alone ? null : clean.apply(GateReportJson.write(RunJudge.judge(config, runId, rows, redactor)));
      Path staging = root.resolve(".staging").resolve(runId);
      Path written = new ReportWriter().write(run, root, Files.isDirectory(staging) ? staging : null, clean,
          views -> parts.writeOwn(alone ? views.get(SUMMARY_JSON) : ownPart));
      Optional<Path> previous = parts.previousReport(root);
      if (previous.isPresent() && !previous.get().equals(written)) {
        FileTrees.delete(previous.get());
      }
      parts.recordReport(root, written);
      String summary = written.resolve("SUMMARY.md").toString();
      System.out.println("[invariant-harness] " + run.decision().headline() + " — "
          + run.results().size() + " checks; report: " + summary);
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the gate report under " + root + " failed", e);
    }
  }

  /** Where the parts of {@code config}'s run are joined. */
  static Path partsDirectory(HarnessConfiguration config) {
    return config.reportDirectory().toAbsolutePath().resolve(".parts").resolve(RunIdentity.of(config));
  }

  /**
   * The redactor for this configuration: defaults, configured patterns, configured secrets, and
   * every secret the configuration's run learns ({@link HarnessConfiguration#knownSecrets()}).
   */
  public static Redactor redactor(HarnessConfiguration config) {
    Redactor r = Redactor.defaults().withKnownSecrets(config.knownSecrets());
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
