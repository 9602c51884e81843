package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How the gate treats required failures, set by {@code FAIL_ON_REQUIRED_FAILURE}.
 */
@API(status = STABLE, since = "0.1")
public enum GateMode {
  /**
   * {@code FAIL_ON_REQUIRED_FAILURE=1}, the default and the only mode for release decisions:
   * a required check that fails, is skipped, aborted or disabled, or an unmapped test, blocks
   * and fails the build.
   */
  GATING,
  /**
   * {@code FAIL_ON_REQUIRED_FAILURE=0}: pre-cutover baseline capture. Everything is recorded,
   * the decision is still computed, and the build never fails because of it.
   */
  BASELINE;

  /** The {@code FAIL_ON_REQUIRED_FAILURE} value of this mode. */
  public String flag() {
    return this == GATING ? "1" : "0";
  }
}
