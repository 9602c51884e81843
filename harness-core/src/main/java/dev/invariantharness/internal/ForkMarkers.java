package dev.invariantharness.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.evidence.internal.AtomicFiles;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Marks each JVM of a run while it executes invariant suites: {@code .parts/<run>/<part>.running}
 * names its process and the classes it is running, and goes away once its rows are published. A
 * marker left behind by a process that is no longer alive is a fork that was killed or crashed:
 * the report is incomplete, and the classes it held must not silently vanish from the gate.
 */
public final class ForkMarkers {

  /** The row id of a fork that ended without reporting. */
  public static final String INCOMPLETE_CHECK = "harness-incomplete-run";

  private static final ObjectMapper JSON = Json.strict();
  private static final String SUFFIX = ".running";

  private ForkMarkers() {}

  /** Marks {@code partName} as running {@code classes}. */
  static void started(Path partsDir, String partName, Collection<String> classes) throws IOException {
    Files.createDirectories(partsDir);
    ObjectNode node = JSON.createObjectNode();
    node.put("pid", ProcessHandle.current().pid());
    node.put("build", RunIdentity.build());
    classes.forEach(node.putArray("classes")::add);
    AtomicFiles.write(partsDir.resolve(partName + SUFFIX), JSON.writeValueAsBytes(node));
  }

  /** Removes the marker of {@code partName}: its rows are published. */
  static void finished(Path partsDir, String partName) throws IOException {
    Files.deleteIfExists(partsDir.resolve(partName + SUFFIX));
  }

  /**
   * A failed required row per fork of this build whose marker outlived its process, naming the
   * classes it did not report.
   */
  static List<CheckResult> deadForks(Path partsDir, String ownPart) throws IOException {
    List<CheckResult> rows = new ArrayList<>();
    for (Marker m : markers(partsDir)) {
      if (m.file().getFileName().toString().equals(ownPart + SUFFIX) || !m.build().equals(RunIdentity.build())) {
        continue;
      }
      if (!m.alive()) {
        rows.add(m.row());
      }
    }
    return rows;
  }

  /**
   * Every fork marker under {@code partsDir}: after the test phase, any marker left means a fork
   * ended without reporting.
   */
  public static List<Marker> markers(Path partsDir) throws IOException {
    if (!Files.isDirectory(partsDir)) {
      return List.of();
    }
    List<Marker> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(partsDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
        JsonNode node;
        try {
          node = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
          // Written atomically; unreadable means it vanished or was damaged: nothing to name.
          continue;
        }
        List<String> classes = new ArrayList<>();
        node.path("classes").forEach(c -> classes.add(c.asText()));
        out.add(new Marker(f, node.path("pid").asLong(-1), node.path("build").asText(""), List.copyOf(classes)));
      }
    }
    return out;
  }

  /**
   * One fork's marker.
   *
   * @param file the marker file
   * @param pid the fork's process id
   * @param build the build it belonged to
   * @param classes the invariant suites it was running
   */
  public record Marker(Path file, long pid, String build, List<String> classes) {

    /** Whether the fork's process is still running. */
    public boolean alive() {
      return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** What a reader is told: which fork and which classes are missing from the report. */
    public String describe() {
      return "test JVM pid " + pid + " ended without reporting (killed or crashed) while running "
          + (classes.isEmpty() ? "its suites" : String.join(", ", classes))
          + "; the report is incomplete";
    }

    /** The failed required row that stands for this JVM's missing rows. */
    public CheckResult row() {
      return new CheckResult(INCOMPLETE_CHECK + "-" + pid, true, CheckStatus.FAILED, "every test JVM of the run reported", "harness",
          List.of(), 0, describe(), "", List.of(), null);
    }
  }
}
