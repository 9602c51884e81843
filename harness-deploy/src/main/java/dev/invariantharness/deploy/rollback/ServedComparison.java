package dev.invariantharness.deploy.rollback;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Compares how a probe was served before and after rollback; plug a cross-surface parity
 * comparison in here. The default compares status and canonical JSON (or text) bodies.
 *
 * <pre>{@code
 * ServedComparison ignoringTimestamps = ServedComparison.json("/generated_at", "/request_id");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ServedComparison {

  /**
   * An answer as the front door served it.
   *
   * @param status HTTP status
   * @param body body text
   */
  record Served(int status, String body) {}

  /** Every difference, each a readable sentence; empty when served the same. */
  List<String> differences(Served before, Served after);

  /** Status and JSON bodies equal after removing the fields at {@code ignoredPointers}. */
  static ServedComparison json(String... ignoredPointers) {
    return new dev.invariantharness.deploy.rollback.internal.JsonComparison(List.of(ignoredPointers));
  }
}
