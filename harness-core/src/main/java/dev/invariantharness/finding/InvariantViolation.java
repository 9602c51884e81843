package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The failure a check throws when it found violations: an {@link AssertionError}, so every test
 * framework and IDE shows it as a failed assertion, carrying every {@link Finding} as data, as
 * opentest4j's {@code AssertionFailedError} carries expected and actual.
 *
 * <p>The findings are how a failure reaches the gate: the harness reads them from the thrown
 * error (also when it is nested in an opentest4j {@code MultipleFailuresError}, AssertJ's soft
 * assertion error, a cause or a suppressed exception), lists them on the report row and blames
 * exactly the invariants they name. A failure that carries no findings is blamed on every
 * invariant the check verifies.
 *
 * <p>The message reads like a reviewer's note, one section per violated invariant:
 *
 * <pre>
 * INV-12 violated: 2 finding(s) — the repository must not contain GitHub workflow automation
 *   .github/workflows/ci.yml:1: workflow file present
 *   .github/workflows/release.yml:1: workflow file present
 * </pre>
 */
@API(status = STABLE, since = "0.1")
public class InvariantViolation extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** Findings listed in the message per invariant; the rest are counted, the list stays on the object. */
  static final int MAX_LISTED = 50;

  private final transient List<Finding> findings;
  private final transient List<Section> sections;

  /** A violation of {@code invariant}, summarised by {@code rule}, with its findings. */
  public InvariantViolation(String invariant, String rule, List<Finding> findings) {
    this("", List.of(new Section(invariant, rule, List.copyOf(findings))));
  }

  private InvariantViolation(String description, List<Section> sections) {
    super(message(description, sections));
    List<Finding> all = new ArrayList<>();
    sections.forEach(s -> all.addAll(s.findings()));
    this.findings = List.copyOf(all);
    this.sections = List.copyOf(sections);
  }

  /** One invariant's part of the failure: its findings under the rule they break. */
  private record Section(String invariant, String rule, List<Finding> findings) {}

  /**
   * One failure with the findings of several violations, possibly of several invariants, in
   * order; what {@link SoftFindings#assertAll()} throws.
   *
   * @throws IllegalArgumentException when {@code parts} is empty
   */
  public static InvariantViolation combining(List<InvariantViolation> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a violation needs at least one part");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<Section> sections = new ArrayList<>();
    parts.forEach(p -> sections.addAll(p.sections));
    return new InvariantViolation("", sections);
  }

  /**
   * This violation with {@code description} in front of its message, as AssertJ writes an
   * {@code as(...)} description: {@code [staging] INV-05 violated: ...}. A blank description
   * returns {@code this}.
   */
  public InvariantViolation describedAs(String description) {
    if (description == null || description.isBlank()) {
      return this;
    }
    InvariantViolation described = new InvariantViolation(description, sections);
    described.setStackTrace(getStackTrace());
    return described;
  }

  private static String message(String description, List<Section> sections) {
    StringBuilder sb = new StringBuilder();
    if (!description.isBlank()) {
      sb.append('[').append(description).append("] ");
    }
    boolean first = true;
    for (Section s : sections) {
      if (!first) {
        sb.append('\n');
      }
      first = false;
      sb.append(s.invariant()).append(" violated: ").append(s.findings().size()).append(" finding(s)");
      if (s.rule() != null && !s.rule().isBlank()) {
        sb.append(" — ").append(s.rule());
      }
      int listed = 0;
      for (Finding f : s.findings()) {
        if (listed++ == MAX_LISTED) {
          sb.append("\n  … and ").append(s.findings().size() - MAX_LISTED).append(" more");
          break;
        }
        sb.append("\n  ").append(f);
      }
    }
    return sb.toString();
  }

  /** The first violated invariant's id; {@link #invariants()} lists them all. */
  public String invariant() {
    return sections.get(0).invariant();
  }

  /** Every violated invariant's id, in the order the failure lists them. */
  public List<String> invariants() {
    Set<String> ids = new LinkedHashSet<>();
    sections.forEach(s -> ids.add(s.invariant()));
    return List.copyOf(ids);
  }

  /** Every finding, in the order observed. */
  public List<Finding> findings() {
    return findings;
  }
}
