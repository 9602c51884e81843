package dev.invariantharness.proto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Comparator;
import org.apiguardian.api.API;

/**
 * One lint or breaking finding, shaped like buf's: where it is (1-based lines and columns, the end
 * column one past the last character), the rule id ({@code type}, as buf's JSON calls it) and the
 * message. A finding without a source location (a deleted file, a file-level rule) sits at 1:1 as
 * in buf; a deleted file has an empty {@code path}.
 *
 * <pre>{@code
 * for (CheckFinding f : ProtoChecks.lint(ProtoInput.directory(Path.of("proto")))) {
 *   System.out.println(f.text());   // proto/foo/v1/a.proto:3:9:Field name "FooBar" should be ...
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CheckFinding(String path, int startLine, int startColumn, int endLine, int endColumn,
    String type, String message) implements Comparable<CheckFinding> {

  /** buf's order: path, position, then rule id and message. */
  public static final Comparator<CheckFinding> ORDER = Comparator.comparing(CheckFinding::path)
      .thenComparingInt(CheckFinding::startLine).thenComparingInt(CheckFinding::startColumn)
      .thenComparingInt(CheckFinding::endLine).thenComparingInt(CheckFinding::endColumn)
      .thenComparing(CheckFinding::type).thenComparing(CheckFinding::message);

  public CheckFinding {
    path = path == null ? "" : path;
  }

  /** buf's text format: {@code path:line:column:message}; {@code <input>} when there is no path. */
  public String text() {
    return (path.isEmpty() ? "<input>" : path) + ":" + startLine + ":" + startColumn + ":" + message;
  }

  /** buf's JSON format: one object, keys in buf's order; no {@code path} key when there is none. */
  public String json() {
    StringBuilder sb = new StringBuilder("{");
    if (!path.isEmpty()) {
      sb.append("\"path\":").append(quote(path)).append(',');
    }
    sb.append("\"start_line\":").append(startLine)
        .append(",\"start_column\":").append(startColumn)
        .append(",\"end_line\":").append(endLine)
        .append(",\"end_column\":").append(endColumn)
        .append(",\"type\":").append(quote(type))
        .append(",\"message\":").append(quote(message)).append('}');
    return sb.toString();
  }

  /** {@code path:line:column} for a report row. */
  public String location() {
    return (path.isEmpty() ? "<input>" : path) + ":" + startLine + ":" + startColumn;
  }

  @Override
  public int compareTo(CheckFinding other) {
    return ORDER.compare(this, other);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<' -> sb.append("\\u003c");
        case '>' -> sb.append("\\u003e");
        case '&' -> sb.append("\\u0026");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
