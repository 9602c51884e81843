package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Which side of the cutover a service is, and so how it answers a write while frozen: the runtime
 * with {@code 503}, the legacy service with {@code 410}; both with error code
 * {@value #FROZEN_CODE}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AuthoritySide {
  /** The Rust runtime: frozen by {@code RUNTIME_AUTHORITY_WRITE_MODE=shadow_only|read_only}. */
  RUNTIME(503),
  /** The legacy runtime: frozen by {@code LEGACY_RUNTIME_WRITE_FREEZE=1|true|yes|on}. */
  LEGACY(410);

  /** The error code a frozen write path answers with, on both sides. */
  public static final String FROZEN_CODE = "write_path_frozen";

  private final int frozenStatus;

  AuthoritySide(int frozenStatus) {
    this.frozenStatus = frozenStatus;
  }

  /** {@code 503} for the runtime, {@code 410} for the legacy service. */
  public int frozenStatus() {
    return frozenStatus;
  }

  /** {@code runtime} or {@code legacy}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
