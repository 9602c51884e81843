package dev.invariantharness;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.internal.EvidenceInterceptor;
import dev.invariantharness.internal.FixtureResolver;
import dev.invariantharness.internal.GateExceptionHandler;
import dev.invariantharness.internal.MappingCondition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class as a suite of invariant checks: every test in it becomes a row of the
 * go/no-go gate report, mapped to catalogue invariants with {@link Verifies} or excused with
 * {@link NotApplicable}.
 *
 * <p>The annotation registers the harness's extensions, one per capability as JUnit's own are
 * (invariant mapping, fixture injection, evidence, gating), and tags the class {@code invariant} so build tools can select or exclude
 * the gates as a group.
 *
 * <pre>{@code
 * @InvariantTest(lane = "control")
 * class ControlGates {
 *   @Test @Verifies("INV-02")
 *   void mutationsAreHttpOnly(HarnessConfiguration config) { ... }
 *
 *   @Test @NotApplicable(value = "INV-11", reason = "no iOS client in this service")
 *   void ios() {}
 * }
 * }</pre>
 *
 * <p>A test in such a class with no mapping at all is reported as <em>unmapped</em>; in gating
 * mode it fails, because reviewers require an explicit invariant mapping for every check.
 */
@API(status = STABLE, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(InvariantTest.TAG)
@ExtendWith({MappingCondition.class, FixtureResolver.class, EvidenceInterceptor.class, GateExceptionHandler.class})
public @interface InvariantTest {

  /** The JUnit tag every invariant suite carries. */
  String TAG = "invariant";

  /**
   * The validation-matrix lane this suite belongs to, for example {@code control},
   * {@code runtime} or {@code khala-contract}. Reports count results per lane.
   */
  String lane() default "default";
}
