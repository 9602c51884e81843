package dev.invariantharness.report;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * One rendering of a {@link GateReport}: a pure function from the report to the content of one
 * file. Adding a view touches nothing else.
 */
@API(status = STABLE, since = "0.1")
public interface ReportView {

  /** The file this view writes in the report directory, e.g. {@code results.tsv}. */
  String fileName();

  /** The file's content. Must not read anything but {@code report}. */
  String render(GateReport report);
}
