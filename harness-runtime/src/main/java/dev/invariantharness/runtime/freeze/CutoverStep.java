package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.runtime.WriteMode;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One step of the cutover runbook: the runtime's write mode and the legacy write freeze that
 * hold after it.
 *
 * <pre>{@code
 * new CutoverStep("staged cutover", WriteMode.RUST_ACTIVE, true)
 * }</pre>
 *
 * @param name what the runbook calls the step
 * @param runtimeMode {@code RUNTIME_AUTHORITY_WRITE_MODE} after the step
 * @param legacyFrozen {@code LEGACY_RUNTIME_WRITE_FREEZE} after the step
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CutoverStep(String name, WriteMode runtimeMode, boolean legacyFrozen) {

  public CutoverStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(runtimeMode, "runtimeMode");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a cutover step needs a name");
    }
  }

  /** Before the cutover: the legacy service writes, the runtime shadows ({@code shadow_only}). */
  public static final CutoverStep BEFORE_CUTOVER = new CutoverStep("before cutover", WriteMode.SHADOW_ONLY, false);

  /** Runbook "staged cutover plan" step 1: {@code rust_active} and the legacy freeze on. */
  public static final CutoverStep STAGED_CUTOVER = new CutoverStep("staged cutover", WriteMode.RUST_ACTIVE, true);

  /** Runbook "rollback" steps 1 and 2: runtime back to {@code shadow_only}, legacy freeze off. */
  public static final CutoverStep ROLLBACK = new CutoverStep("rollback", WriteMode.SHADOW_ONLY, false);

  /** The runbook as a drill: before cutover, staged cutover, rollback. */
  public static List<CutoverStep> runbook() {
    return List.of(BEFORE_CUTOVER, STAGED_CUTOVER, ROLLBACK);
  }

  /** {@code staged cutover (runtime rust_active, legacy write freeze on)}. */
  public String describe() {
    return name + " (runtime " + runtimeMode.wireName() + ", legacy write freeze " + (legacyFrozen ? "on" : "off") + ")";
  }
}
