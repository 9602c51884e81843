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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
   * The {@code log_path} of a row: the directory of its first evidence file, relative to the
   * report directory (the script pointed at one log per check; the harness keeps one evidence
   * directory per check). A file at the top of the report directory is named itself. Empty
   * when the row has no evidence.
   */
  public static String logPath(CheckResult row) {
    if (row.evidence().isEmpty() || row.evidence().get(0).path() == null) {
      return "";
    }
    String path = row.evidence().get(0).path().replace('\\', '/');
    int slash = path.lastIndexOf('/');
    return slash > 0 ? path.substring(0, slash) : path;
  }

  /** The {@code command} column: the command, or for a skipped row its reason, as the script. */
  public static String commandColumn(CheckResult row) {
    if (row.status() == CheckStatus.SKIPPED && !row.reason().isBlank()) {
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
   * How bad a status is for the matrix: failed and unmapped are worst, then skipped,
   * mitigated, passed, and n/a least.
   */
  public static int badness(CheckStatus status) {
    return switch (status) {
      case FAILED -> 6;
      case UNMAPPED -> 5;
      case SKIPPED -> 4;
      case MITIGATED -> 3;
      case PASSED -> 2;
      case NOT_APPLICABLE -> 1;
    };
  }

  /**
   * What {@code row} means for invariant {@code id}: the gate's outcome for it when judged, else
   * the row's status.
   */
  public static CheckStatus outcome(CheckResult row, String id) {
    CheckStatus s = row.outcomes().get(id);
    return s == null ? row.status() : s;
  }

  /** The worst status of these rows, or empty when there are none. */
  public static Optional<CheckStatus> worst(List<CheckResult> rows) {
    return rows.stream().map(CheckResult::status)
        .max(Comparator.comparingInt(ReportFacts::badness));
  }

  /** Whether a required row counts against the gate: failed, skipped or unmapped. */
  public static boolean requiredMiss(CheckResult row) {
    return row.required()
        && (row.status() == CheckStatus.FAILED
            || row.status() == CheckStatus.SKIPPED
            || row.status() == CheckStatus.UNMAPPED);
  }
}
