package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Findings;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Fluent assertions on a {@link ParityReport}; every method returns {@code this}.
 *
 * <p><b>Which invariant.</b> A blocked shadow parity gate is reported as a violation of
 * <b>INV-10</b> (legacy removal ordering: "legacy infra removal occurs only after parity gates
 * and rollback evidence"), whose catalogue verification is literally "deletion links to parity
 * gates and rollback evidence; shadow parity decision=allow". The runtime authority cutover
 * runbook makes the same gate its first precondition and lists critical parity diffs as an
 * incident blocker. INV-10's escalation is block-release-promotion, which is what a failed
 * {@link #allows()} does to the gate report. Override the id with {@link #forInvariant(String)}
 * when your catalogue maps parity elsewhere.
 *
 * <pre>{@code
 * assertThat(report).allows();                      // INV-10 violated: ... one line per diff
 * assertThat(report).hasNoCriticalDiffs().hasAtMostWarnings(3);
 * assertThat(brokenReport).blocks().hasCriticalDiffOn("summary_status");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ParityReportAssert extends AbstractAssert<ParityReportAssert, ParityReport> {

  /** The invariant a blocked shadow parity gate violates by default. */
  public static final String INVARIANT = "INV-10";

  private static final String RULE = "legacy removal and authority cutover need the shadow parity gate to allow";
  private String invariant = INVARIANT;

  ParityReportAssert(ParityReport actual) {
    super(actual, ParityReportAssert.class);
  }

  /** Names {@code id} instead of INV-10 in failures. */
  public ParityReportAssert forInvariant(String id) {
    this.invariant = id;
    return this;
  }

  /**
   * Passes when the gate decision is {@code allow}; otherwise fails with an
   * {@link dev.invariantharness.finding.InvariantViolation} naming the invariant, the gate's
   * reason and every diff:
   *
   * <pre>
   * INV-10 violated: 2 finding(s) — legacy removal and authority cutover need the shadow parity gate to allow
   *   gate: block: 1 critical diff(s): summary_status
   *   summary_status: critical: legacy "completed", rust "failed" (...)
   * </pre>
   */
  public ParityReportAssert allows() {
    isNotNull();
    if (!actual.allows()) {
      Findings findings = Findings.of(invariant, RULE);
      findings.add("gate", "block: " + actual.gate().reason());
      for (ParityDiff d : actual.diffs()) {
        findings.add(d.field(), d.severity().wireName() + ": legacy " + d.legacy() + ", rust " + d.rust()
            + (d.message().isEmpty() ? "" : " (" + d.message() + ")"));
      }
      findings.assertNone();
    }
    return this;
  }

  /** Passes when the gate decision is {@code block}. */
  public ParityReportAssert blocks() {
    isNotNull();
    if (actual.allows()) {
      failWithMessage("Expecting the shadow parity gate to block, but it allowed: %s%nDiffs: %s",
          actual.gate().reason(), actual.diffs());
    }
    return this;
  }

  /** Passes when no diff is critical, whatever the decision. */
  public ParityReportAssert hasNoCriticalDiffs() {
    isNotNull();
    List<ParityDiff> critical = actual.diffs().stream().filter(ParityDiff::isCritical).toList();
    if (!critical.isEmpty()) {
      failWithMessage("Expecting no critical shadow parity diffs (%s), but found %d:%n  %s",
          invariant, critical.size(), String.join("\n  ", critical.stream().map(ParityDiff::toString).toList()));
    }
    return this;
  }

  /** Passes when there are at most {@code max} warnings. */
  public ParityReportAssert hasAtMostWarnings(int max) {
    isNotNull();
    if (actual.totals().warning() > max) {
      failWithMessage("Expecting at most %d shadow parity warning(s), but found %d:%n  %s", max, actual.totals().warning(),
          String.join("\n  ", actual.diffs().stream().filter(d -> !d.isCritical()).map(ParityDiff::toString).toList()));
    }
    return this;
  }

  /** Passes when a critical diff's field equals {@code field} or contains it (e.g. a pointer). */
  public ParityReportAssert hasCriticalDiffOn(String field) {
    return hasDiffOn(Severity.CRITICAL, field);
  }

  /** Passes when a warning diff's field equals {@code field} or contains it. */
  public ParityReportAssert hasWarningDiffOn(String field) {
    return hasDiffOn(Severity.WARNING, field);
  }

  private ParityReportAssert hasDiffOn(Severity severity, String field) {
    isNotNull();
    boolean found = actual.diffs().stream().anyMatch(d -> d.severity() == severity && d.field().contains(field));
    if (!found) {
      failWithMessage("Expecting a %s shadow parity diff on <%s>, but the diffs were:%n  %s", severity.wireName(), field,
          actual.diffs().isEmpty() ? "(none)" : String.join("\n  ", actual.diffs().stream().map(ParityDiff::toString).toList()));
    }
    return this;
  }
}
