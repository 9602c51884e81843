package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One write probed in one state: a row of the evidence table that the freeze checks attach and
 * that {@link DrillReport} holds, one per route and cutover step.
 *
 * @param step the state or drill step, e.g. {@code staged cutover} or {@code read_only}
 * @param side runtime or legacy
 * @param route the route, e.g. {@code POST /internal/v1/runs}
 * @param expected what the state requires: {@code 2xx}, {@code 503 write_path_frozen} or {@code 410 write_path_frozen}
 * @param status the status seen, {@code 0} when nothing answered
 * @param errorCode the error code seen, empty when none
 * @param bodyShape the body's shape: {@code flat}, {@code nested}, {@code json}, {@code non-json} or {@code empty}
 * @param ok whether the answer is what the state requires
 * @param problem why not, empty when ok
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ProbeRow(String step, AuthoritySide side, String route, String expected, int status, String errorCode,
    String bodyShape, boolean ok, String problem) {

  /** The TSV header line, tab-separated, no newline. */
  public static final String TSV_HEADER = "step\tside\troute\texpected\tstatus\terror_code\tbody_shape\tverdict\tproblem";

  /** This row as one TSV line (tabs and newlines inside values become spaces), no newline. */
  public String toTsv() {
    return String.join("\t", clean(step), side.label(), clean(route), clean(expected), String.valueOf(status),
        clean(errorCode), clean(bodyShape), ok ? "ok" : "FAIL", clean(problem));
  }

  /** A TSV table of {@code rows} with header, one line each. */
  public static String tsv(List<ProbeRow> rows) {
    StringBuilder b = new StringBuilder(TSV_HEADER).append('\n');
    rows.forEach(r -> b.append(r.toTsv()).append('\n'));
    return b.toString();
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
