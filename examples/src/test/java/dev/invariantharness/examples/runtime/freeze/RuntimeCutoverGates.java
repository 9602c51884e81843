package dev.invariantharness.examples.runtime.freeze;

import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.CutoverDrill;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The runtime authority cutover's gates, run against the reference runtime and legacy services:
 * the write-mode freeze on each side (INV-05: runtime canonical state is written only by the
 * active authority path) and the runbook's cutover and rollback as a drill (INV-05, and INV-10
 * for the rollback evidence legacy removal needs). The runtime's write routes come from its
 * OpenAPI document, the legacy ones from a list given schema-valid bodies by the legacy's
 * document.
 */
@InvariantTest(lane = "runtime")
class RuntimeCutoverGates {

  @Test
  @Verifies("INV-05")
  void readOnlyRuntimeRefusesEveryAuthorityWriteAndAppliesNone(RuntimeCutoverStack stack) {
    // one service switched on its own: no two-service ModeSwitch needed
    assertThat(stack.runtime()).afterSwitchingTo(WriteMode.READ_ONLY, stack.runtimeSwitch()).rejectsAuthorityWrites();
  }

  @Test
  @Verifies("INV-05")
  void shadowOnlyRuntimeRefusesEveryAuthorityWriteAndAppliesNone(RuntimeCutoverStack stack) {
    assertThat(stack.runtime()).afterSwitchingTo(WriteMode.SHADOW_ONLY, stack.runtimeSwitch()).rejectsAuthorityWrites();
  }

  @Test
  @Verifies("INV-05")
  void rustActiveRuntimeAcceptsAndAppliesEveryAuthorityWrite(RuntimeCutoverStack stack) throws Exception {
    stack.switchTo(WriteMode.RUST_ACTIVE, true);
    assertThat(stack.runtime()).inWriteMode(WriteMode.RUST_ACTIVE).acceptsAuthorityWrites().andAppliesThem();
  }

  @Test
  @Verifies("INV-05")
  void frozenRuntimeKeepsServingReads(RuntimeCutoverStack stack) throws Exception {
    for (WriteMode frozen : new WriteMode[] {WriteMode.SHADOW_ONLY, WriteMode.READ_ONLY}) {
      stack.switchTo(frozen, false);
      assertThat(stack.runtime()).inWriteMode(frozen).keepsServingReads();
    }
  }

  @Test
  @Verifies("INV-05")
  void healthzReportsTheWriteModeTheRuntimeRunsIn(RuntimeCutoverStack stack) throws Exception {
    for (WriteMode mode : WriteMode.values()) {
      stack.switchTo(mode, mode.acceptsWrites());
      assertThat(stack.runtime()).inWriteMode(mode).reportsItsWriteMode();
    }
  }

  @Test
  @Verifies("INV-05")
  void frozenLegacyRefusesEveryMutationAndKeepsServingReads(RuntimeCutoverStack stack) throws Exception {
    stack.switchTo(WriteMode.RUST_ACTIVE, true);
    assertThat(stack.legacy()).withWriteFreeze(true).rejectsAuthorityWrites().keepsServingReads();
  }

  @Test
  @Verifies("INV-05")
  void unfrozenLegacyAcceptsEveryMutation(RuntimeCutoverStack stack) {
    // PUT, PATCH and DELETE of one run are probed one after another, so none sees the run gone
    assertThat(stack.legacy()).afterSwitchingWriteFreeze(false, stack.legacySwitch()).acceptsAuthorityWrites().andAppliesThem();
  }

  @Test
  @Verifies("INV-05")
  void legacyHealthzReportsTheWriteFreezeItRunsWith(RuntimeCutoverStack stack) {
    for (boolean frozen : new boolean[] {true, false}) {
      assertThat(stack.legacy()).afterSwitchingWriteFreeze(frozen, stack.legacySwitch()).reportsItsWriteFreeze();
    }
  }

  @Test
  @Verifies({"INV-05", "INV-10"})
  void cutoverAndRollbackLeaveExactlyOneWriterAtEveryStep(RuntimeCutoverStack stack) {
    CutoverDrill.of(stack.runtime(), stack.legacy(), stack.modeSwitch()).run().assertSafe();
  }

  /** The same drill as one report row per route and step, e.g. {@code POST /internal/v1/runs @ rust_active (staged cutover)}. */
  @TestFactory
  @Verifies({"INV-05", "INV-10"})
  Stream<DynamicTest> everyWriteRouteAtEveryCutoverStep(RuntimeCutoverStack stack) {
    return CutoverDrill.of(stack.runtime(), stack.legacy(), stack.modeSwitch()).dynamicTests();
  }
}
