package dev.invariantharness.deploy.migration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Finding;
import org.apiguardian.api.API;

/**
 * One disagreement between the history table and the files.
 *
 * @param kind which disagreement
 * @param version the migration version
 * @param location the file, or the history table row when there is no file
 * @param message what was expected and what was seen
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DriftFinding(DriftKind kind, String version, String location, String message) {

  /** As harness-core finding data (INV-09), the message prefixed with the failure's name. */
  public Finding toFinding() {
    return new Finding("INV-09", location, kind.ruleName() + ": " + message);
  }
}
