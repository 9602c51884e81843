package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Collects findings softly, like AssertJ's soft assertions, and fails once at the end with all
 * of them, so one run shows every violated route or frame, not only the first.
 *
 * <pre>{@code
 * Findings findings = Findings.of("INV-03", "live sync is WS-only");
 * for (String route : routes) {
 *   if (servesEventStream(route)) findings.add(route, "answers 200 text/event-stream");
 * }
 * findings.assertNone();
 * }</pre>
 *
 * <p>Thread-safe: a check may add findings from callback threads.
 */
@API(status = STABLE, since = "0.1")
public final class Findings {

  private final String invariant;
  private final String rule;
  private final List<Finding> findings = new ArrayList<>();

  private Findings(String invariant, String rule) {
    this.invariant = invariant;
    this.rule = rule;
  }

  /** A collector for violations of {@code invariant}, summarised by {@code rule}. */
  public static Findings of(String invariant, String rule) {
    return new Findings(invariant, rule);
  }

  /** Records a finding at {@code location}. Returns {@code this}. */
  public Findings add(String location, String message) {
    synchronized (findings) {
      findings.add(new Finding(invariant, location, message));
    }
    return this;
  }

  /** Everything collected so far. */
  public List<Finding> list() {
    synchronized (findings) {
      return List.copyOf(findings);
    }
  }

  /** Whether nothing was found. */
  public boolean isEmpty() {
    synchronized (findings) {
      return findings.isEmpty();
    }
  }

  /**
   * Passes when nothing was found; otherwise throws one {@link InvariantViolation} with every
   * finding.
   */
  public void assertNone() {
    List<Finding> all = list();
    if (!all.isEmpty()) {
      throw new InvariantViolation(invariant, rule, all);
    }
  }
}
