package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.runtime.WriteMode;
import org.apiguardian.api.API;

/**
 * Puts the runtime alone into a write mode, however a deployment does it: set
 * {@code RUNTIME_AUTHORITY_WRITE_MODE} and restart, call an admin endpoint, flip a flag. Enough
 * for checks of one service; {@link ModeSwitch#of} combines it with a {@link LegacyFreezeSwitch}
 * for the two-service {@link CutoverDrill}.
 *
 * <pre>{@code
 * RuntimeModeSwitch viaAdmin = mode -> admin.post("/admin/write-mode", "{\"mode\":\"" + mode.wireName() + "\"}");
 * assertThat(runtime).afterSwitchingTo(WriteMode.READ_ONLY, viaAdmin).rejectsAuthorityWrites();
 * }</pre>
 *
 * <p>Return once the runtime runs in the new mode (wait for a restart to become ready inside the
 * callback); the call is bounded, and an exception fails the check that asked for the switch.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface RuntimeModeSwitch {

  /** Applies {@code mode} to the runtime. */
  void switchTo(WriteMode mode) throws Exception;
}
