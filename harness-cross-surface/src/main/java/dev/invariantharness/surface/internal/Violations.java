package dev.invariantharness.surface.internal;

import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns findings of possibly several invariants into one failure. */
public final class Violations {

  /** The rule the undeclared-field findings are reported with. */
  public static final String UNDECLARED_RULE = "every field a surface answers is declared by the proto contract";

  private Violations() {}

  /**
   * Throws one {@link InvariantViolation} for the first invariant in {@code findings}, with the
   * others' violations suppressed on it; does nothing when there are none. The undeclared-field
   * invariant gets its own rule text when it is not the first.
   */
  public static void throwIfAny(String rule, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    Map<String, List<Finding>> byInvariant = new LinkedHashMap<>();
    for (Finding f : findings) {
      byInvariant.computeIfAbsent(f.invariant(), k -> new ArrayList<>()).add(f);
    }
    InvariantViolation first = null;
    for (Map.Entry<String, List<Finding>> e : byInvariant.entrySet()) {
      boolean onlyUndeclared = e.getValue().stream().allMatch(f -> f.message().contains("not declared"));
      InvariantViolation v = new InvariantViolation(e.getKey(), first != null && onlyUndeclared ? UNDECLARED_RULE : rule, e.getValue());
      if (first == null) {
        first = v;
      } else {
        first.addSuppressed(v);
      }
    }
    throw first;
  }
}
