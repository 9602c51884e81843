package dev.invariantharness.internal;

import dev.invariantharness.config.HarnessConfiguration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Names the run a JVM belongs to, so the forks of one build write one report. An explicit
 * {@code invariant.harness.run-id} wins; a Surefire fork uses its parent process (the Maven JVM
 * that started every fork of the build) and that process's start time, so forks agree without any
 * configuration; anything else (IDE, in-process runs) is a run of its own.
 */
public final class RunIdentity {

  private static final String THIS_JVM = "jvm-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

  private RunIdentity() {}

  /** The run id for {@code config} in this JVM. */
  public static String of(HarnessConfiguration config) {
    return config.get(HarnessConfiguration.RUN_ID).map(RunIdentity::safe).orElseGet(RunIdentity::derived);
  }

  private static String derived() {
    if (System.getProperty("surefire.test.class.path") != null || System.getProperty("surefire.real.class.path") != null) {
      Optional<ProcessHandle> parent = ProcessHandle.current().parent();
      if (parent.isPresent()) {
        Optional<Instant> started = parent.get().info().startInstant();
        return "maven-" + parent.get().pid() + "-" + started.map(Instant::toEpochMilli).map(String::valueOf).orElse("0");
      }
    }
    return THIS_JVM;
  }

  /** Run ids become directory names. */
  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
