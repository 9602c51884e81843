package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The runtime's {@code RUNTIME_AUTHORITY_WRITE_MODE}, as its {@code /healthz} reports it in
 * {@code authority_write_mode}. Only {@link #RUST_ACTIVE} writes; the others freeze the write
 * routes with {@code 503 write_path_frozen}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AuthorityWriteMode {
  /** Canonical Rust writes enabled (the default). */
  RUST_ACTIVE,
  /** Writes frozen while shadow parity runs; also the rollback setting. */
  SHADOW_ONLY,
  /** Writes frozen. */
  READ_ONLY;

  /** The wire name, e.g. {@code rust_active}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the runtime's authority writer is active in this mode. */
  public boolean writes() {
    return this == RUST_ACTIVE;
  }

  /** The mode a wire name denotes (case-insensitive, surrounding blanks ignored). */
  public static Optional<AuthorityWriteMode> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (AuthorityWriteMode m : values()) {
      if (m.wireName().equals(v)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
