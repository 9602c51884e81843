package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.evidence.EvidenceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Collects findings of one invariant softly, like AssertJ's soft assertions, and fails once at the
 * end with all of them, so one run shows every violated route or frame, not only the first.
 *
 * <pre>{@code
 * Findings findings = Findings.of("INV-03", "live sync is WS-only");
 * for (String route : routes) {
 *   if (servesEventStream(route)) findings.add(route, "answers 200 text/event-stream");
 * }
 * findings.assertNone();
 * }</pre>
 *
 * <p>A check that can violate several invariants collects one {@code Findings} per invariant in a
 * {@link SoftFindings} and fails once with all of them.
 *
 * <p>Thread-safe: a check may add findings from callback threads.
 */
@API(status = STABLE, since = "0.1")
public final class Findings {

  private final String invariant;
  private final String rule;
  private final List<Finding> findings = new ArrayList<>();

  Findings(String invariant, String rule) {
    if (invariant == null || invariant.isBlank()) {
      throw new IllegalArgumentException("a Findings collector needs the id of the invariant it collects for");
    }
    this.invariant = invariant.trim();
    this.rule = rule == null ? "" : rule;
  }

  /** A collector for violations of {@code invariant}, summarised by {@code rule}. */
  public static Findings of(String invariant, String rule) {
    return new Findings(invariant, rule);
  }

  /** The invariant this collector records findings of. */
  public String invariant() {
    return invariant;
  }

  /** The rule the findings break, as the failure's heading says it. */
  public String rule() {
    return rule;
  }

  /** Records a finding at {@code location}, with the evidence that shows it. Returns {@code this}. */
  public Findings add(String location, String message, EvidenceRef... evidence) {
    Finding f = new Finding(invariant, location, message, List.of(evidence));
    synchronized (findings) {
      findings.add(f);
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

  /** The failure these findings make, or empty when nothing was found. */
  public Optional<InvariantViolation> violation() {
    List<Finding> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(new InvariantViolation(invariant, rule, all));
  }

  /**
   * Passes when nothing was found; otherwise throws one {@link InvariantViolation} with every
   * finding.
   */
  public void assertNone() {
    Optional<InvariantViolation> v = violation();
    if (v.isPresent()) {
      throw v.get();
    }
  }
}
