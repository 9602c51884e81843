package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Collects the findings of one check across several invariants and fails once at the end with
 * all of them, with the semantics of AssertJ's {@code SoftAssertions}: a check that can violate
 * INV-02 and INV-06 shows both, never only the first it noticed.
 *
 * <pre>{@code
 * SoftFindings soft = new SoftFindings();
 * Findings httpOnly = soft.of("INV-02", "authority mutations are HTTP-only");
 * Findings delivery = soft.of("INV-06", "Khala is delivery, not authority");
 * ...
 * httpOnly.add("sync:v1 run.create", "answered ok");
 * delivery.add("GET /runs/42", "state changed after the WS attempt");
 * soft.assertAll();   // one InvariantViolation naming INV-02 and INV-06
 * }</pre>
 *
 * <p>Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SoftFindings {

  private final Map<String, Findings> byInvariant = new LinkedHashMap<>();

  /**
   * The collector for {@code invariant}; asking twice for one invariant gives the same collector
   * (the first rule names it).
   */
  public Findings of(String invariant, String rule) {
    synchronized (byInvariant) {
      return byInvariant.computeIfAbsent(invariant.trim(), id -> new Findings(id, rule));
    }
  }

  /** Every finding so far, invariant by invariant. */
  public List<Finding> list() {
    List<Finding> all = new ArrayList<>();
    collectors().forEach(f -> all.addAll(f.list()));
    return List.copyOf(all);
  }

  /** Whether nothing was found for any invariant. */
  public boolean isEmpty() {
    return collectors().stream().allMatch(Findings::isEmpty);
  }

  /** The one failure every finding makes, or empty when nothing was found. */
  public Optional<InvariantViolation> violation() {
    List<InvariantViolation> parts = new ArrayList<>();
    collectors().forEach(f -> f.violation().ifPresent(parts::add));
    return parts.isEmpty() ? Optional.empty() : Optional.of(InvariantViolation.combining(parts));
  }

  /** Passes when nothing was found; otherwise throws one {@link InvariantViolation} with every finding. */
  public void assertAll() {
    Optional<InvariantViolation> v = violation();
    if (v.isPresent()) {
      throw v.get();
    }
  }

  private List<Findings> collectors() {
    synchronized (byInvariant) {
      return List.copyOf(byInvariant.values());
    }
  }
}
