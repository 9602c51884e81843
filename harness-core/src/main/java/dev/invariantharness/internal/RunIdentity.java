package dev.invariantharness.internal;

import dev.invariantharness.config.HarnessConfiguration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Names the run a JVM belongs to, so the forks of one build write one report. An explicit
 * {@code invariant.harness.run-id} wins; a Surefire fork uses the Maven JVM that started every
 * fork of the build (its nearest Java ancestor) and that process's start time, so forks agree without any
 * configuration; anything else (IDE, in-process runs) is a run of its own.
 */
public final class RunIdentity {

  /** The report environment key that names the build a report came from. */
  public static final String BUILD_KEY = "build";

  private static final String THIS_JVM = "jvm-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  // A JVM's build never changes: walk the process tree once, not at every join and judgement.
  private static final String BUILD = findBuild();

  private RunIdentity() {}

  /** The run id for {@code config} in this JVM. */
  public static String of(HarnessConfiguration config) {
    return config.get(HarnessConfiguration.RUN_ID).map(RunIdentity::safe).orElseGet(RunIdentity::derived);
  }

  private static String derived() {
    return build();
  }

  /**
   * The build this JVM belongs to, whatever the run id says: the Maven JVM that started this
   * Surefire fork ({@code maven-<pid>-<start>}), else this JVM. Reports record it, so the gate
   * plugin can tell a report of this build from a stale one, and forks of two builds that reuse
   * one run id never join.
   */
  public static String build() {
    return BUILD;
  }

  private static String findBuild() {
    if (System.getProperty("surefire.test.class.path") != null || System.getProperty("surefire.real.class.path") != null) {
      Optional<ProcessHandle> maven = buildJvm();
      if (maven.isPresent()) {
        return ofMaven(maven.get());
      }
    }
    return THIS_JVM;
  }

  /** The build identity of the Maven JVM {@code maven}; what {@link #build()} says in its forks. */
  public static String ofMaven(ProcessHandle maven) {
    Optional<Instant> started = maven.info().startInstant();
    return "maven-" + maven.pid() + "-" + started.map(Instant::toEpochMilli).map(String::valueOf).orElse("0");
  }

  /**
   * The JVM that started this fork: Surefire starts forks through a shell ({@code sh -c}), so
   * the nearest ancestor that is a Java process, a few levels up at most.
   */
  private static Optional<ProcessHandle> buildJvm() {
    Optional<ProcessHandle> p = ProcessHandle.current().parent();
    for (int level = 0; level < 4 && p.isPresent(); level++) {
      String command = p.get().info().command().orElse("");
      if (command.endsWith("java") || command.endsWith("java.exe")) {
        return p;
      }
      p = p.get().parent();
    }
    return Optional.empty();
  }

  /** Run ids become directory names. */
  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
