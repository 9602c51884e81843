package dev.invariantharness.examples.runtime.smoke;

/**
 * Deliberate defects of the {@link ReferenceSmokeStack}, chosen with
 * {@value ReferenceSmokeStackExtension#VARIANT}; each is one the smoke lanes must catch.
 */
public enum SmokeVariant {
  /** Behaves as the smoke lanes require. */
  CORRECT,
  /** {@code sw.js} served {@code public, max-age=3600}: clients keep an old service worker. */
  SW_CACHED,
  /** The hashed JS bundle served {@code public, max-age=31536000} without {@code immutable}. */
  ASSET_NOT_IMMUTABLE,
  /** The control service's {@code /readyz} answers {@code 503 not_ready}. */
  NOT_READY,
  /** The runtime's {@code /healthz} omits {@code authority_write_mode} and {@code authority_writer_active}. */
  NO_WRITE_MODE,
  /** The session route echoes the bearer token back in a header and the body. */
  TOKEN_ECHO
}
