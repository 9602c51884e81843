package dev.invariantharness.internal;

import dev.invariantharness.evidence.internal.AtomicFiles;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The parts of one run, {@code .parts/<run>/}: every test JVM's rows ({@code <part>.json}), its
 * running marker, and which report the run last wrote ({@code report.txt}). Joining takes the
 * parts of this build only — parts an earlier build left under a reused run id are removed, and
 * that build's report is left alone — plus a failed row for each test JVM that died. Callers hold
 * the report root's lock.
 */
final class RunParts {

  private static final String POINTER = "report.txt";

  private final Path dir;
  private final String ownPart;

  RunParts(Path dir, String ownPart) {
    this.dir = dir;
    this.ownPart = ownPart;
  }

  /** The rows of the other JVMs of this build, and a failed row per JVM that died before reporting. */
  Joined join() throws IOException {
    Files.createDirectories(dir);
    List<Path> others;
    try (Stream<Path> files = Files.list(dir)) {
      others = files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals(ownPart + ".json"))
          .sorted().toList();
    }
    String build = RunIdentity.build();
    List<CheckResult> rows = new ArrayList<>();
    int joined = 0;
    for (Path part : others) {
      GateReport other = GateReportJson.read(part);
      if (!build.equals(other.environment().get(RunIdentity.BUILD_KEY))) {
        Files.deleteIfExists(part);
        Files.deleteIfExists(dir.resolve(POINTER));
        continue;
      }
      rows.addAll(other.results());
      joined++;
    }
    rows.addAll(ForkMarkers.deadForks(dir, ownPart));
    return new Joined(rows, joined);
  }

  /**
   * What the other parts hold.
   *
   * @param rows their rows, and a failed row per dead JVM
   * @param parts how many parts of this build were joined; 0 when this JVM is alone in its run
   */
  record Joined(List<CheckResult> rows, int parts) {}

  /** Writes this JVM's part and removes its running marker: its rows are published. */
  void writeOwn(String json) throws IOException {
    AtomicFiles.write(dir.resolve(ownPart + ".json"), json.getBytes(StandardCharsets.UTF_8));
    ForkMarkers.finished(dir, ownPart);
  }

  /** The report directory this run wrote last, relative to {@code root}, if any. */
  Optional<Path> previousReport(Path root) throws IOException {
    Path pointer = dir.resolve(POINTER);
    if (!Files.exists(pointer)) {
      return Optional.empty();
    }
    Path old = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim()).normalize();
    return old.startsWith(root) ? Optional.of(old) : Optional.empty();
  }

  /** Records {@code written} as the run's report. */
  void recordReport(Path root, Path written) throws IOException {
    AtomicFiles.write(dir.resolve(POINTER), root.relativize(written).toString().getBytes(StandardCharsets.UTF_8));
  }
}
