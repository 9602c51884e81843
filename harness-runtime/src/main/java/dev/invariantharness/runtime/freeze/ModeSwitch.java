package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Puts both services into a cutover step's modes, however a deployment does it: set
 * {@code RUNTIME_AUTHORITY_WRITE_MODE} and {@code LEGACY_RUNTIME_WRITE_FREEZE} and restart, call
 * an admin endpoint, flip a feature flag.
 *
 * <pre>{@code
 * ModeSwitch viaAdmin = step -> {
 *   admin.post("/admin/write-mode", "{\"mode\":\"" + step.runtimeMode().wireName() + "\"}");
 *   admin.post("/admin/write-freeze", "{\"frozen\":" + step.legacyFrozen() + "}");
 * };
 * }</pre>
 *
 * <p>Where each service is switched on its own, build it from the two single-service switches
 * with {@link #of}.
 *
 * <p>Return once both services run in the new modes (wait for restarts to become ready inside
 * the callback, bounded); the drill probes right after. The call is bounded by the drill's switch
 * timeout; an exception fails the step and ends the drill.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ModeSwitch {

  /** Applies {@code step}'s modes to both services. */
  void switchTo(CutoverStep step) throws Exception;

  /**
   * Both services switched through their own switches, in the order that never has two writers:
   * the side giving up authority is frozen before the other one starts writing (a step that makes
   * the runtime write freezes the legacy service first; any other step switches the runtime first).
   *
   * <pre>{@code
   * CutoverDrill.of(runtime, legacy, ModeSwitch.of(runtimeSwitch, legacySwitch)).run().assertSafe();
   * }</pre>
   */
  static ModeSwitch of(RuntimeModeSwitch runtime, LegacyFreezeSwitch legacy) {
    java.util.Objects.requireNonNull(runtime, "runtime");
    java.util.Objects.requireNonNull(legacy, "legacy");
    return step -> {
      if (step.runtimeMode().acceptsWrites()) {
        legacy.setWriteFreeze(step.legacyFrozen());
        runtime.switchTo(step.runtimeMode());
      } else {
        runtime.switchTo(step.runtimeMode());
        legacy.setWriteFreeze(step.legacyFrozen());
      }
    };
  }
}
