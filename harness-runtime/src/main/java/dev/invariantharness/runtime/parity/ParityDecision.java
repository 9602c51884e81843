package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** The shadow parity gate's decision: {@code allow} the cutover, or {@code block} it. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ParityDecision {
  /** Parity holds within the policy's thresholds. */
  ALLOW,
  /** A critical diff, or too many warnings. */
  BLOCK;

  /** The report's spelling: {@code allow} or {@code block}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the report's spelling, case-insensitively; null when unknown. */
  public static ParityDecision fromWireName(String name) {
    for (ParityDecision d : values()) {
      if (d.wireName().equalsIgnoreCase(name)) {
        return d;
      }
    }
    return null;
  }
}
