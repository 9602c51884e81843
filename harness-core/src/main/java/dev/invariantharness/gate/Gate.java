package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Which gate a run is asked to decide, set by {@code invariant.harness.gate}: the build fails
 * exactly when the decision blocks this gate.
 *
 * <pre>
 * ./mvnw verify                               # merge gate (default)
 * ./mvnw verify -Dinvariant.harness.gate=release
 * </pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Gate {
  /** The pull-request gate: blocked by merge blockers; release-only blockers are warnings for it. */
  MERGE,
  /** The release-promotion gate: blocked by every blocker. */
  RELEASE;

  /** Whether a decision that blocks {@code scope} blocks this gate. */
  public boolean blockedBy(BlockedScope scope) {
    return this == MERGE ? scope == BlockedScope.MERGE : scope != BlockedScope.NOTHING;
  }

  /** {@code merge} or {@code release}, as configured and reported. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The gate named {@code text}.
   *
   * @throws IllegalArgumentException when it is neither {@code merge} nor {@code release}
   */
  public static Gate fromLabel(String text) {
    for (Gate g : values()) {
      if (g.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return g;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a gate; use merge or release");
  }
}
