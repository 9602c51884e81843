package dev.invariantharness.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures the harness recorded instead of letting them fail the build, because they do not
 * block the gate asked for (a mitigated finding, a failed optional check, baseline mode, a
 * release-only finding in a merge-gate build). The exception handler puts a failure here, under
 * its run and test, before it returns normally; the report listener, in the same JVM, takes it
 * back when the test finishes and records the row as failed. Entries live for one test only.
 */
final class DeferredFailures {

  private static final Map<String, Throwable> PENDING = new ConcurrentHashMap<>();

  private DeferredFailures() {}

  static void put(String runId, String uniqueId, Throwable failure) {
    PENDING.merge(runId + "\u0000" + uniqueId, failure, (first, later) -> {
      first.addSuppressed(later);
      return first;
    });
  }

  /**
   * Whether any failure waits to be taken: asked for every passing test, where almost always
   * nothing does, so the test's id is not even formatted.
   */
  static boolean pending() {
    return !PENDING.isEmpty();
  }

  /** The failure deferred for this test, removed; null when none. */
  static Throwable take(String runId, String uniqueId) {
    return PENDING.remove(runId + "\u0000" + uniqueId);
  }
}
