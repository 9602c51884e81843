package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One difference between the legacy and the new (Rust) side: a row of the report's
 * {@code diffs} array.
 *
 * @param severity critical or warning
 * @param field the field that differs: an artifact field such as {@code summary_status}, or for
 *     traffic parity {@code METHOD path#/json/pointer} ({@code #status} for the status code,
 *     {@code #body} for a non-JSON body, {@code #error} for a side that did not answer)
 * @param legacy the legacy side's value; JSON {@code null} when the field is absent there
 * @param rust the new side's value; JSON {@code null} when the field is absent there
 * @param message what differs, as prose
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ParityDiff(Severity severity, String field, JsonNode legacy, JsonNode rust, String message) {

  /** Absent values become JSON {@code null}, so every row has both keys. */
  public ParityDiff {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(field, "field");
    legacy = legacy == null || legacy instanceof MissingNode ? NullNode.getInstance() : legacy;
    rust = rust == null || rust instanceof MissingNode ? NullNode.getInstance() : rust;
    message = message == null ? "" : message;
  }

  /** Whether this diff is critical. */
  public boolean isCritical() {
    return severity == Severity.CRITICAL;
  }

  /** {@code critical summary_status: legacy "completed", rust "failed"}. */
  @Override
  public String toString() {
    return severity.wireName() + " " + field + ": legacy " + legacy + ", rust " + rust
        + (message.isEmpty() ? "" : " (" + message + ")");
  }
}
