package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ-style assertions on a {@link FrameLog}, checked by a {@link ReplayCheck} under the
 * {@link GapPolicy#KHALA khala} policy unless told otherwise. Obtain one with
 * {@link ReplayAssertions#assertThat(FrameLog)}.
 *
 * <pre>{@code
 * assertThat(FrameLog.of(recorded)).hasNoReplayViolations();
 * assertThat(FrameLog.of(recorded)).usingGapPolicy(GapPolicy.STRICT).hasNoReplayViolations();
 * assertThat(FrameLog.of(brokenClient)).hasReplayViolations(ViolationKind.DUPLICATE_APPLY);
 * }</pre>
 *
 * <p>A failing {@link #hasNoReplayViolations()} throws the check's
 * {@link dev.invariantharness.finding.InvariantViolation}, so the failure names INV-07 and lists
 * every violation with its line and the events before it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ReplayAssert extends AbstractAssert<ReplayAssert, FrameLog> {

  private ReplayCheck check = ReplayCheck.khala();
  private ReplayReport report;

  /** Assertions on {@code actual}; prefer {@link ReplayAssertions#assertThat(FrameLog)}. */
  public ReplayAssert(FrameLog actual) {
    super(actual, ReplayAssert.class);
  }

  /** Checks under {@code policy} instead of {@code khala}. Returns {@code this}. */
  public ReplayAssert usingGapPolicy(GapPolicy policy) {
    return using(ReplayCheck.of(policy));
  }

  /** Checks with {@code check} (policy, limits, context). Returns {@code this}. */
  public ReplayAssert using(ReplayCheck check) {
    this.check = Objects.requireNonNull(check, "check");
    this.report = null;
    return this;
  }

  /**
   * Verifies that the log keeps the INV-07 contract.
   *
   * @throws dev.invariantharness.finding.InvariantViolation listing every violation, its message
   *     starting with {@code INV-07 violated}
   */
  public ReplayAssert hasNoReplayViolations() {
    report().assertNoViolations();
    return this;
  }

  /** Verifies that the log has at least one violation of each of {@code kinds}. */
  public ReplayAssert hasReplayViolations(ViolationKind... kinds) {
    ReplayReport result = report();
    Set<ViolationKind> missing = EnumSet.noneOf(ViolationKind.class);
    for (ViolationKind kind : kinds) {
      if (result.count(kind) == 0) {
        missing.add(kind);
      }
    }
    if (!missing.isEmpty()) {
      failWithMessage("%nExpecting frame log%n  %s%nchecked under the %s gap policy to have "
              + "violations of kinds%n  %s%nbut it had none of%n  %s%nIt had: %s",
          actual.name(), result.policy(), Arrays.toString(kinds), missing, describe(result));
    }
    return this;
  }

  /** Verifies that every violation in the log is of one of {@code kinds}, and there is one. */
  public ReplayAssert hasOnlyReplayViolations(ViolationKind... kinds) {
    hasReplayViolations(kinds);
    ReplayReport result = report();
    Set<ViolationKind> allowed = EnumSet.noneOf(ViolationKind.class);
    allowed.addAll(Arrays.asList(kinds));
    Set<ViolationKind> unexpected = EnumSet.noneOf(ViolationKind.class);
    unexpected.addAll(result.countsByKind().keySet());
    unexpected.removeAll(allowed);
    if (!unexpected.isEmpty()) {
      failWithMessage("%nExpecting frame log%n  %s%nchecked under the %s gap policy to have only "
              + "violations of kinds%n  %s%nbut it also had%n  %s%nIt had: %s",
          actual.name(), result.policy(), allowed, unexpected, describe(result));
    }
    return this;
  }

  /** The check's verdict, for assertions this class does not offer. */
  public ReplayReport report() {
    isNotNull();
    if (report == null) {
      report = check.check(actual);
    }
    return report;
  }

  private static String describe(ReplayReport result) {
    if (result.isClean()) {
      return "no violations";
    }
    StringBuilder text = new StringBuilder().append(result.violationCount()).append(" violation(s)");
    for (ReplayViolation violation : result.violations()) {
      text.append(String.format("%n  ")).append(violation);
    }
    return text.toString();
  }
}
