package dev.invariantharness.report.internal;

import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import dev.invariantharness.report.ReportView;

/** {@code summary.json}: the report for machines, readable back with {@link GateReportJson}. */
public final class SummaryJson implements ReportView {

  @Override
  public String fileName() {
    return "summary.json";
  }

  @Override
  public String render(GateReport report) {
    return GateReportJson.write(report);
  }
}
