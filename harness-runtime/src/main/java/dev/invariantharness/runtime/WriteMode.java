package dev.invariantharness.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The runtime's {@code RUNTIME_AUTHORITY_WRITE_MODE}: only {@link #RUST_ACTIVE} writes; in
 * {@link #SHADOW_ONLY} and {@link #READ_ONLY} every authority write route answers
 * {@code 503 write_path_frozen}.
 *
 * <pre>{@code
 * WriteMode mode = WriteMode.parse(System.getenv("RUNTIME_AUTHORITY_WRITE_MODE")); // rust_active
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum WriteMode {
  /** Canonical Rust writes enabled (the runtime's default). */
  RUST_ACTIVE,
  /** Writes frozen while the legacy service is the authority and the runtime shadows it. */
  SHADOW_ONLY,
  /** Writes frozen, reads served. */
  READ_ONLY;

  /** The value as the runtime spells it, e.g. {@code read_only}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the runtime accepts authority writes in this mode. */
  public boolean acceptsWrites() {
    return this == RUST_ACTIVE;
  }

  /**
   * The mode named {@code value} ({@code rust_active}, {@code shadow_only}, {@code read_only},
   * case-insensitive, {@code -} allowed for {@code _}).
   *
   * @throws HarnessInputException naming the value and the accepted ones
   */
  public static WriteMode parse(String value) {
    if (value != null) {
      String v = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
      for (WriteMode m : values()) {
        if (m.wireName().equals(v)) {
          return m;
        }
      }
    }
    throw new HarnessInputException("RUNTIME_AUTHORITY_WRITE_MODE",
        "'" + value + "' is not a write mode; use rust_active, shadow_only or read_only");
  }

  /**
   * The mode {@code value} names, or empty when it names none: for a service's own report of its
   * mode (a {@code /healthz} field), where an unknown value is a finding, not bad input.
   */
  public static java.util.Optional<WriteMode> fromWire(String value) {
    try {
      return java.util.Optional.of(parse(value));
    } catch (HarnessInputException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return wireName();
  }
}
