package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Base of the harness's fluent assertions: an AssertJ {@link AbstractAssert} whose checks fail
 * with an {@link InvariantViolation} carrying their findings, through AssertJ's description, so
 * {@code assertThat(runtime).as("staging").rejectsAuthorityWrites()} fails with
 * {@code [staging] INV-05 violated: ...} and the gate still reads every finding.
 *
 * <pre>{@code
 * public final class RouteTableAssert extends InvariantAssert<RouteTableAssert, RouteTable> {
 *   public RouteTableAssert hasNoEventStreams() {
 *     Findings findings = Findings.of("INV-03", "live sync is WS-only");
 *     actual.routes().stream().filter(Route::isEventStream).forEach(r -> findings.add(r.path(), "serves SSE"));
 *     return failOn(findings);
 *   }
 * }
 * }</pre>
 *
 * @param <SELF> the assertion's own type, returned by every method
 * @param <ACTUAL> the type of the value under test
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class InvariantAssert<SELF extends InvariantAssert<SELF, ACTUAL>, ACTUAL> extends AbstractAssert<SELF, ACTUAL> {

  protected InvariantAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Returns {@code this} when no collector holds a finding; otherwise fails once with every
   * finding of every collector, under this assertion's description.
   */
  protected final SELF failOn(Findings... collectors) {
    List<InvariantViolation> parts = new ArrayList<>();
    for (Findings f : collectors) {
      f.violation().ifPresent(parts::add);
    }
    if (!parts.isEmpty()) {
      throw describe(InvariantViolation.combining(parts));
    }
    return myself;
  }

  /** As {@link #failOn(Findings...)}, for findings collected across invariants. */
  protected final SELF failOn(SoftFindings soft) {
    if (soft.violation().isPresent()) {
      throw describe(soft.violation().get());
    }
    return myself;
  }

  /** {@code violation} under this assertion's {@code as(...)} description, if it has one. */
  protected final InvariantViolation describe(InvariantViolation violation) {
    return violation.describedAs(descriptionText());
  }
}
