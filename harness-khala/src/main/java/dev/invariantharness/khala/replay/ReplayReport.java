package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.finding.InvariantViolation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The verdict of a {@link ReplayCheck} over one frame log: how many events and topics it saw,
 * every violation counted by kind, and the first ones in full.
 *
 * <pre>{@code
 * ReplayReport report = ReplayCheck.of(GapPolicy.KHALA).check(Path.of("build/khala-frames.jsonl"));
 * report.violationCount();        // 0 for a clean log
 * report.assertNoViolations();    // throws InvariantViolation "INV-07 violated: ..." otherwise
 * }</pre>
 *
 * @param source the log's name: its file path, or the name given to an in-memory log
 * @param policy the gap policy the log was checked under
 * @param events how many events the log held
 * @param topics how many distinct topics it named
 * @param violationCount how many violations were found in total
 * @param countsByKind the total per kind (kinds with none are absent)
 * @param violations the first violations in log order, at most the check's
 *     {@link ReplayCheck#keepingAtMost(int) limit}; the rest are only counted
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReplayReport(
    String source,
    GapPolicy policy,
    long events,
    int topics,
    long violationCount,
    Map<ViolationKind, Long> countsByKind,
    List<ReplayViolation> violations) {

  /** The invariant every violation here belongs to. */
  public static final String INVARIANT = "INV-07";

  /** The rule INV-07 states, as quoted in failure messages. */
  public static final String RULE =
      "client apply is idempotent by (topic, seq) with replay/resume support";

  public ReplayReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(policy, "policy");
    // EnumMap keeps kinds in declaration order for messages and toString
    countsByKind = countsByKind.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<>(countsByKind));
    violations = List.copyOf(violations);
  }

  /** Whether the log kept the contract. */
  public boolean isClean() {
    return violationCount == 0;
  }

  /** How many violations of {@code kind} were found. */
  public long count(ViolationKind kind) {
    return countsByKind.getOrDefault(kind, 0L);
  }

  /** The kept violations as harness findings, located at {@code source:line}. */
  public List<Finding> findings() {
    return violations.stream()
        .map(v -> new Finding(INVARIANT, source + ":" + v.line() + " (topic " + v.topic() + ")",
            v.description()))
        .toList();
  }

  /**
   * Passes when the log kept the contract; otherwise throws one {@link InvariantViolation} whose
   * message starts with {@code INV-07 violated} and lists every kept violation with its line and
   * context, and the total when more were found than kept. Inside a harness check the violations
   * are also attached as evidence ({@code INV-07 replay violations}).
   */
  public void assertNoViolations() {
    if (isClean()) {
      return;
    }
    // inside a harness check this lands next to the report row; elsewhere it is a no-op
    Evidence.text("INV-07 replay violations", evidenceText());
    Findings findings = Findings.of(INVARIANT, rule());
    for (Finding finding : findings()) {
      findings.add(finding.location(), finding.message());
    }
    findings.assertNone();
  }

  private String evidenceText() {
    StringBuilder text = new StringBuilder(toString());
    for (ReplayViolation violation : violations) {
      text.append('\n').append(violation);
    }
    if (violationCount > violations.size()) {
      text.append("\n… and ").append(violationCount - violations.size())
          .append(" more, counted by kind above");
    }
    return text.append('\n').toString();
  }

  private String rule() {
    StringBuilder rule = new StringBuilder(RULE)
        .append(" (frame log ").append(source).append(", gap policy ").append(policy).append(')');
    if (violationCount > violations.size()) {
      rule.append("; ").append(violationCount).append(" violations in total, the first ")
          .append(violations.size()).append(" in detail; by kind: ").append(countsText());
    }
    return rule.toString();
  }

  private String countsText() {
    StringBuilder text = new StringBuilder();
    for (ViolationKind kind : ViolationKind.values()) {
      long n = count(kind);
      if (n > 0) {
        text.append(text.length() == 0 ? "" : ", ").append(kind.label()).append(' ').append(n);
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "frame log " + source + " (" + events + " events, " + topics + " topics, gap policy "
        + policy + "): " + (isClean() ? "no violations" : violationCount + " violation(s): "
        + countsText());
  }
}
