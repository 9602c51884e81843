package dev.invariantharness.examples.runtime.freeze;

/**
 * Which defects the reference runtime and legacy services switch on, chosen with
 * {@code invariant.examples.runtime.variant}; each broken one must come out NO-GO.
 */
public enum RuntimeVariant {
  /** Both services freeze as the runbook says. */
  CORRECT,
  /** The frozen runtime answers 503 with {@code {"error":"service_unavailable"}}: no {@code write_path_frozen} code. */
  FROZEN_WITHOUT_CODE,
  /** The runtime keeps writing in {@code read_only} (answers 201); {@code shadow_only} freezes correctly. */
  ACCEPTS_IN_READ_ONLY,
  /** The frozen runtime answers {@code 503 write_path_frozen} but applies the write anyway. */
  APPLIES_WHILE_FROZEN,
  /** The frozen runtime refuses reads too. */
  READS_FROZEN,
  /** The runtime's {@code /healthz} always says {@code rust_active}, writer active. */
  HEALTHZ_LIES,
  /** The frozen legacy service refuses POST, PUT and PATCH but still deletes. */
  LEGACY_PARTIAL_FREEZE,
  /** The active runtime answers 2xx to every write but stores nothing. */
  DROPS_ACCEPTED_WRITES,
  /** Legal: the legacy service validates bodies before its freeze guard, so {@code {}} gets 400 and a valid body 410. */
  LEGACY_VALIDATES_BEFORE_FREEZE,
  /** The frozen legacy service refuses {@code {}} with 400 but applies every schema-valid write. */
  LEGACY_WRITES_VALID_BODIES_WHILE_FROZEN,
  /** Legal: the legacy PATCH is slow (100 ms); a DELETE of the same run sent beside it would land first. */
  LEGACY_SLOW_PATCH,
  /** The frozen legacy service still applies PATCH (slowly) and DELETE to a run. */
  LEGACY_PATCH_AND_DELETE_WHILE_FROZEN,
  /** The legacy {@code /healthz} always says {@code legacy_write_freeze: false}. */
  LEGACY_HEALTHZ_LIES,
  /** Legal: the legacy {@code /healthz} reports the freeze as the environment spells it, {@code "on"}/{@code "off"}. */
  LEGACY_HEALTHZ_ENV_SPELLING;

  /** The variant named by configuration, e.g. {@code applies-while-frozen}. */
  public static RuntimeVariant parse(String name) {
    return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
