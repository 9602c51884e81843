package dev.invariantharness.report.internal;

import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.gate.Blocker;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.report.GateReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts every view derives the same way from a {@link GateReport}, kept in one place so the
 * TSV, Markdown, JSON and HTML views never disagree about them.
 */
public final class ReportFacts {

  /** The script's timestamp shape, e.g. {@code 20261122T223614Z}. */
  private static final DateTimeFormatter COMPACT_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ReportFacts() {}

  /** {@code 20261122T223614Z}, as the script names report directories; now when unknown. */
  public static String compactTimestamp(Instant instant) {
    return COMPACT_UTC.format(instant == null ? Instant.now() : instant);
  }

  /**
   * The {@code log_path} of a row: its first evidence file, relative to the report directory
   * (the script pointed at one log file per check). Empty when the row has no evidence.
   */
  public static String logPath(CheckResult row) {
    if (row.evidence().isEmpty() || row.evidence().get(0).path() == null) {
      return "";
    }
    return row.evidence().get(0).path().replace('\\', '/');
  }

  /**
   * The row's status in the validation matrix script's three words, for its {@code status}
   * column: what the check did. {@code passed} and {@code skipped} as they are; a failure is
   * {@code failed} also when a mitigation waives it (the waiver is the gate's, not the check's);
   * {@code n/a} is {@code skipped} (the check did not run; its reason is in the command column);
   * an unmapped test is {@code failed}, as it blocks merge. The harness's own status is in a
   * column of its own.
   */
  public static String scriptStatus(CheckResult row) {
    return switch (row.status()) {
      case PASSED -> "passed";
      case SKIPPED, NOT_APPLICABLE -> "skipped";
      case FAILED, MITIGATED, UNMAPPED -> "failed";
    };
  }

  /** The {@code command} column: the command, or for a skipped row its reason, as the script. */
  public static String commandColumn(CheckResult row) {
    if (scriptStatus(row).equals("skipped") && !row.reason().isBlank()) {
      return row.reason();
    }
    return row.command();
  }

  /** {@code passed} or {@code failed}, the script's rule: a required failure or skip fails. */
  public static String overall(GateReport report) {
    boolean requiredMissed = report.requiredWith(CheckStatus.FAILED) > 0
        || report.requiredWith(CheckStatus.SKIPPED) > 0;
    boolean noGo = report.decision() != null
        && report.decision().verdict() == Verdict.NO_GO;
    return requiredMissed || noGo ? "failed" : "passed";
  }

  /**
   * A blocker in a reviewer's words, to follow its check id, e.g.
   * {@code blocks merge: INV-02 (block-merge)}.
   */
  public static String blocks(Blocker b) {
    String invariant = b.invariant() == null || b.invariant().isBlank()
        ? "no invariant mapping" : b.invariant();
    return "blocks " + (b.scope() == null ? "the gate" : b.scope().label()) + ": " + invariant
        + (b.escalation() == null ? "" : " (" + b.escalation().id() + ")");
  }

  /** The catalogue entry with this id, if the catalogue knows it. */
  public static Optional<Invariant> invariant(GateReport report, String id) {
    return report.catalogue().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /**
   * What a status means for the decision, worst first: the colour of a matrix cell and of a
   * result row, so a reader sees at a glance what blocks and what does not.
   */
  public enum Meaning {
    /** A failure the gate blames for a blocker (also an unmapped test). */
    BLOCKING_FAILURE("m-block-fail", "blocks",
        "failed and blocks the decision (a required check of a blocking invariant, or an unmapped test)"),
    /** A required check that did not run: the gate judges it as failed. */
    BLOCKING_SKIP("m-block-skip", "blocks", "required check skipped, aborted or disabled: blocks the decision"),
    /** A failure an accepted mitigation waives: a warning. */
    MITIGATED("m-mitigated", "", "failed, waived by an accepted mitigation: a warning"),
    /** A failure that blocks nothing: an optional check, or an advisory invariant. */
    FAILED_NON_BLOCKING("m-warn-fail", "warning",
        "failed, does not block (an optional check or an advisory invariant): a warning"),
    /** An optional check that did not run. */
    SKIPPED_NON_BLOCKING("m-skip", "", "optional check skipped: does not block"),
    /** Passed. */
    PASSED("m-passed", "", "passed"),
    /** Declared not applicable, with a reason. */
    NOT_APPLICABLE("m-na", "", "declared not applicable, with a reason");

    private final String cssClass;
    private final String tag;
    private final String legend;

    Meaning(String cssClass, String tag, String legend) {
      this.cssClass = cssClass;
      this.tag = tag;
      this.legend = legend;
    }

    /** The CSS class that colours it. */
    public String cssClass() {
      return cssClass;
    }

    /** A word shown beside the status so the colour is not the only signal; empty for none. */
    public String tag() {
      return tag;
    }

    /** The legend's sentence. */
    public String legend() {
      return legend;
    }
  }

  /**
   * What {@code row} means for the decision as far as invariant {@code id} is concerned
   * ({@code ""} for a row without invariants): a failure or skip is blocking exactly when the
   * decision has a blocker naming this check and this invariant.
   */
  public static Meaning meaning(Blocked blocked, CheckResult row, String id) {
    return switch (outcome(row, id)) {
      case FAILED, UNMAPPED -> blocked.blocks(row, id) ? Meaning.BLOCKING_FAILURE : Meaning.FAILED_NON_BLOCKING;
      case SKIPPED -> blocked.blocks(row, id) ? Meaning.BLOCKING_SKIP : Meaning.SKIPPED_NON_BLOCKING;
      case MITIGATED -> Meaning.MITIGATED;
      case PASSED -> Meaning.PASSED;
      case NOT_APPLICABLE -> Meaning.NOT_APPLICABLE;
    };
  }

  /**
   * What {@code row} as a whole means for the decision: the worst of what it means for each of
   * its invariants, and for no invariant when it has none or a blocker names it without one.
   */
  public static Meaning meaning(Blocked blocked, CheckResult row) {
    Meaning worst = null;
    for (String id : rowKeys(row)) {
      worst = worse(worst, meaning(blocked, row, id));
    }
    if (worst == null || blocked.blocks(row, "")) {
      worst = worse(worst, meaning(blocked, row, ""));
    }
    return worst;
  }

  /** The worse of two meanings; {@code a} may be null. */
  public static Meaning worse(Meaning a, Meaning b) {
    return a == null || b.compareTo(a) < 0 ? b : a;
  }

  /** The invariants a row speaks for: those it maps, then any its findings added. */
  public static List<String> rowKeys(CheckResult row) {
    if (row.invariants().size() <= 1 && row.invariants().containsAll(row.outcomes().keySet())) {
      return row.invariants(); // the common row: one invariant, judged for it alone
    }
    Set<String> ids = new LinkedHashSet<>(row.invariants());
    ids.addAll(row.outcomes().keySet());
    return List.copyOf(ids);
  }

  /**
   * The check and invariant pairs the decision's blockers name, indexed by check: a view asks
   * for every row and invariant, and a run with thousands of failures has thousands of blockers.
   *
   * @param invariantsByCheck per blocked check id, the invariants it blocks on ({@code ""} for a
   *     blocker that names none)
   */
  public record Blocked(Map<String, Set<String>> invariantsByCheck) {

    /** The blockers of {@code report}'s decision. */
    public static Blocked of(GateReport report) {
      Map<String, Set<String>> byCheck = new HashMap<>();
      for (Blocker b : report.decision().blockers()) {
        byCheck.computeIfAbsent(b.checkId(), k -> new HashSet<>()).add(b.invariant() == null ? "" : b.invariant());
      }
      // unmodifiable, not copied: a blocker read from another tool's summary.json may lack a check id
      byCheck.replaceAll((check, invariants) -> Collections.unmodifiableSet(invariants));
      return new Blocked(Collections.unmodifiableMap(byCheck));
    }

    /** Whether a blocker names {@code row}'s check and invariant {@code id}. */
    boolean blocks(CheckResult row, String id) {
      Set<String> invariants = invariantsByCheck.get(row.checkId());
      return invariants != null && invariants.contains(id);
    }
  }

  /**
   * What {@code row} means for invariant {@code id}: the gate's outcome for it when judged, else
   * the row's status.
   */
  public static CheckStatus outcome(CheckResult row, String id) {
    CheckStatus s = row.outcomes().get(id);
    return s == null ? row.status() : s;
  }

  /** Whether a required row counts against the gate: failed, skipped or unmapped. */
  public static boolean requiredMiss(CheckResult row) {
    return row.required()
        && (row.status() == CheckStatus.FAILED
            || row.status() == CheckStatus.SKIPPED
            || row.status() == CheckStatus.UNMAPPED);
  }
}
