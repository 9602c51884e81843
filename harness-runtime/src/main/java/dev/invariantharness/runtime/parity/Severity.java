package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How much a parity diff matters. A critical diff blocks the cutover (by default); warnings block
 * only past the policy's threshold.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Severity {
  /** A diff in a field the cutover cannot tolerate, e.g. a run's status or last sequence number. */
  CRITICAL,
  /** A diff worth reading that the gate tolerates up to a threshold, e.g. an event count. */
  WARNING;

  /** The report's spelling: {@code critical} or {@code warning}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the report's spelling, case-insensitively; null when unknown. */
  public static Severity fromWireName(String name) {
    for (Severity s : values()) {
      if (s.wireName().equalsIgnoreCase(name)) {
        return s;
      }
    }
    return null;
  }
}
