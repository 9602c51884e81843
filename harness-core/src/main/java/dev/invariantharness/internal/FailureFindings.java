package dev.invariantharness.internal;

import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opentest4j.MultipleFailuresError;

/**
 * Reads the findings a failed test carries. This is how findings travel from a check to its
 * report row: the report listener receives the very error the test threw (the launcher runs in
 * the test's JVM), so no message is parsed. {@link InvariantViolation}s are found wherever JUnit
 * and AssertJ put failures: the error itself, the parts of an opentest4j
 * {@link MultipleFailuresError} (AssertJ's soft assertion errors are ones), causes and suppressed
 * exceptions. A failure with violations beside a plain assertion gets one unattributed finding for
 * the plain part, so the gate blames it on every invariant the check verifies, as it does a plain
 * failure.
 */
final class FailureFindings {

  /** Findings kept per row: a replay check can find millions; the gate needs each invariant once. */
  static final int MAX_PER_ROW = 200;

  private FailureFindings() {}

  /** The findings {@code failure} carries; empty for a failure without any. */
  static List<Finding> of(Throwable failure) {
    List<Finding> found = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    walk(failure, found, plain, Collections.newSetFromMap(new IdentityHashMap<>()));
    if (found.isEmpty()) {
      return List.of();
    }
    for (String message : plain) {
      found.add(new Finding("", "", message));
    }
    return capped(found);
  }

  private static void walk(Throwable t, List<Finding> found, List<String> plain, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    if (t instanceof InvariantViolation v) {
      found.addAll(v.findings());
    } else if (t instanceof MultipleFailuresError m) {
      for (Throwable part : m.getFailures()) {
        walk(part, found, plain, seen);
      }
    } else if (t.getCause() != null && containsViolation(t.getCause(), Collections.newSetFromMap(new IdentityHashMap<>()))) {
      walk(t.getCause(), found, plain, seen);
    } else {
      String message = t.getMessage();
      plain.add(message == null || message.isBlank() ? t.getClass().getName() : message);
    }
    for (Throwable s : t.getSuppressed()) {
      walk(s, found, plain, seen);
    }
  }

  private static boolean containsViolation(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return false;
    }
    if (t instanceof InvariantViolation) {
      return true;
    }
    if (t instanceof MultipleFailuresError m && m.getFailures().stream().anyMatch(p -> containsViolation(p, seen))) {
      return true;
    }
    return containsViolation(t.getCause(), seen);
  }

  /** The first {@value #MAX_PER_ROW} findings, plus the first of every invariant beyond them. */
  private static List<Finding> capped(List<Finding> all) {
    if (all.size() <= MAX_PER_ROW) {
      return List.copyOf(all);
    }
    List<Finding> kept = new ArrayList<>(all.subList(0, MAX_PER_ROW));
    Set<String> seen = new LinkedHashSet<>();
    kept.forEach(f -> seen.add(f.invariant()));
    for (Finding f : all.subList(MAX_PER_ROW, all.size())) {
      if (seen.add(f.invariant())) {
        kept.add(f);
      }
    }
    return List.copyOf(kept);
  }
}
