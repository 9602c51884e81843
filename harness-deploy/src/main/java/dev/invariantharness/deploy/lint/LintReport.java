package dev.invariantharness.deploy.lint;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.deploy.lint.internal.Rules;
import dev.invariantharness.finding.Findings;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Lint violations of a set of files, and the overlap-window rule over them.
 *
 * @param violations every violation, file by file, in squawk's order
 * @param overlapWindowOpen whether a mixed-version window is open
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LintReport(List<LintViolation> violations, boolean overlapWindowOpen) {

  public LintReport {
    violations = List.copyOf(violations);
  }

  /** The same violations judged for an open (or closed) mixed-version window. */
  public LintReport duringOverlap(boolean open) {
    return new LintReport(violations, open);
  }

  /** Whether {@code rule} destroys or renames something the other version still reads. */
  public static boolean destructive(String rule) {
    return Rules.DESTRUCTIVE.contains(rule);
  }

  /**
   * The INV-09 findings: destructive statements while the window is open, and files PostgreSQL
   * cannot parse. Locking rules (index creation, foreign keys) stay lint warnings.
   */
  public Findings blocking() {
    Findings f = Findings.of("INV-09", "no destructive schema change during the mixed-version overlap");
    for (LintViolation v : violations) {
      String where = v.file() + ":" + (v.line() + 1) + ":" + (v.column() + 1);
      if (v.ruleName().equals("syntax-error")) {
        f.add(where, "syntax-error: " + v.message());
      } else if (overlapWindowOpen && destructive(v.ruleName())) {
        f.add(where, v.ruleName() + " while a mixed-version window is open: " + v.message());
      }
    }
    return f;
  }

  /** Passes unless {@link #blocking()} found something. Returns {@code this}. */
  public LintReport assertNoBlocking() {
    blocking().assertNone();
    return this;
  }
}
