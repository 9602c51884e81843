package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Turns the legacy service's {@code LEGACY_RUNTIME_WRITE_FREEZE} on or off, however a deployment
 * does it. Enough for checks of the legacy service alone; {@link ModeSwitch#of} combines it with
 * a {@link RuntimeModeSwitch} for the two-service {@link CutoverDrill}.
 *
 * <pre>{@code
 * LegacyFreezeSwitch viaAdmin = on -> admin.post("/admin/write-freeze", "{\"frozen\":" + on + "}");
 * assertThat(legacy).afterSwitchingWriteFreeze(true, viaAdmin).rejectsAuthorityWrites().reportsItsWriteFreeze();
 * }</pre>
 *
 * <p>Return once the service runs with the new setting; the call is bounded, and an exception
 * fails the check that asked for the switch.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface LegacyFreezeSwitch {

  /** Turns the legacy write freeze {@code on} or off. */
  void setWriteFreeze(boolean on) throws Exception;
}
