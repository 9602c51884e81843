package dev.invariantharness.report.internal;

import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.ReportView;
import java.util.regex.Pattern;

/**
 * {@code results.tsv}: the validation matrix script's six columns first, with its values (its
 * {@code status} is one of {@code passed|failed|skipped}, its {@code log_path} a file), so tools
 * that parse the script's file keep working; then {@code lane}, {@code invariants},
 * {@code duration_ms} and {@code harness_status}, the harness's finer status ({@code passed},
 * {@code failed}, {@code skipped}, {@code n/a}, {@code mitigated}, {@code unmapped}). One row per
 * check in the report's order.
 */
public final class ResultsTsv implements ReportView {

  /** The header line, without its line feed. */
  public static final String HEADER = String.join("\t",
      "check_id", "required", "status", "description", "log_path", "command",
      "lane", "invariants", "duration_ms", "harness_status");

  /** A CR LF pair counts as one break, so it becomes one space like a lone CR, LF or tab. */
  private static final Pattern FIELD_BREAKS = Pattern.compile("\r\n|[\t\r\n]");

  @Override
  public String fileName() {
    return "results.tsv";
  }

  @Override
  public String render(GateReport report) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (CheckResult row : report.results()) {
      out.append(field(row.checkId())).append('\t')
          .append(row.required() ? "required" : "optional").append('\t')
          .append(ReportFacts.scriptStatus(row)).append('\t')
          .append(field(row.description())).append('\t')
          .append(field(ReportFacts.logPath(row))).append('\t')
          .append(field(ReportFacts.commandColumn(row))).append('\t')
          .append(field(row.lane())).append('\t')
          .append(field(String.join(",", row.invariants()))).append('\t')
          .append(row.durationMillis()).append('\t')
          .append(row.status().label())
          .append('\n');
    }
    return out.toString();
  }

  /** Keeps a naive {@code split("\t")} of each line working. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    // Most fields hold no break at all: skip the regex for them (a report has thousands of fields).
    return Markdown.hasAny(value, "\t\r\n") ? FIELD_BREAKS.matcher(value).replaceAll(" ") : value;
  }
}
