package dev.invariantharness.report;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.report.internal.ReportJsonReader;
import dev.invariantharness.report.internal.ReportJsonWriter;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The {@code summary.json} form of a {@link GateReport}, both ways: what the report directory
 * holds for machines, and how reports of separate runs or forks are read back to be merged.
 *
 * <pre>{@code
 * String json = GateReportJson.write(report);
 * GateReport again = GateReportJson.read(reportDir.resolve("summary.json"));
 * assert again.equals(report);
 * }</pre>
 *
 * <p>The schema is documented field by field in {@code harness-core/docs/summary-json.md}.
 * {@link #read} accepts exactly {@link GateReport#SCHEMA_VERSION}: a report written by an older
 * or newer harness is refused with a message naming both versions, never half understood.
 */
@API(status = STABLE, since = "0.1")
public final class GateReportJson {

  private GateReportJson() {}

  /**
   * The report as pretty-printed JSON, keys in the documented order, ending with a line feed.
   * The document always declares this harness's {@link GateReport#SCHEMA_VERSION}.
   */
  public static String write(GateReport report) {
    return ReportJsonWriter.write(report);
  }

  /**
   * Reads a {@code summary.json} back. Sections derived from the rest ({@code totals},
   * {@code lanes}) are not read but recomputed, and unknown fields are ignored.
   *
   * @throws HarnessInputException naming the file when it cannot be read, is malformed (with the
   *     line), declares another {@code schemaVersion}, or misses or mistypes a field (with its
   *     JSON path, e.g. {@code checks[2].status})
   */
  public static GateReport read(Path file) {
    return ReportJsonReader.read(file);
  }
}
