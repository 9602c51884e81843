package dev.invariantharness.runtime.freeze;

import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.ScriptedService.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The legacy service's {@code /healthz} must report its write freeze ({@code legacy_write_freeze});
 * one service can be switched on its own, without the drill's two-service switch.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LegacyHealthAndModeSwitchTest {

  static final String NESTED = "{\"error\":{\"code\":\"write_path_frozen\",\"message\":\"frozen\"}}";
  static final String FLAT = "{\"error\":\"write_path_frozen\",\"message\":\"frozen\"}";

  ScriptedService legacyService;
  ScriptedService runtimeService;
  AuthorityService legacy;
  AuthorityService runtime;

  @BeforeEach
  void start() throws Exception {
    legacyService = new ScriptedService();
    runtimeService = new ScriptedService();
    legacy = AuthorityService.legacy(legacyService.baseUrl()).withTimeout(Duration.ofMillis(500))
        .withWriteRoutes(WriteRoutes.of("POST /api/v1/runs")).withReadPaths("/state");
    runtime = AuthorityService.runtime(runtimeService.baseUrl()).withTimeout(Duration.ofMillis(500))
        .withWriteRoutes(WriteRoutes.of("POST /internal/v1/runs")).withReadPaths("/state");
  }

  @AfterEach
  void stop() {
    legacyService.close();
    runtimeService.close();
  }

  @ParameterizedTest(name = "legacy_write_freeze {0}")
  @ValueSource(strings = {"true", "\"on\"", "\"1\"", "\"YES\"", "1"})
  void aFrozenLegacyReportingItsFreezeInAnySpellingOfTheSettingPasses(String reported) {
    legacyService.on("GET /healthz", Answer.of(200, "{\"status\":\"ok\",\"legacy_write_freeze\":" + reported + "}"));
    assertThat(legacy).withWriteFreeze(true).reportsItsWriteFreeze();
  }

  @Test
  void aLegacyThatSaysItWritesWhileFrozenViolatesInv05() {
    legacyService.on("GET /healthz", Answer.of(200, "{\"legacy_write_freeze\":false}"));
    assertThatThrownBy(() -> assertThat(legacy).withWriteFreeze(true).reportsItsWriteFreeze())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-05 violated: 1 finding(s) — the legacy service's /healthz must report the write freeze it"
            + " actually runs with (legacy_write_freeze)")
        .hasMessageContaining("GET /healthz: reports legacy_write_freeze false but the legacy service runs with"
            + " LEGACY_RUNTIME_WRITE_FREEZE on");
  }

  @Test
  void aLegacyThatReportsNoFreezeOrNoSettingFailsNamingWhatItSaw() {
    legacyService.on("GET /healthz", Answer.of(200, "{\"status\":\"ok\",\"write_freeze\":true}"));
    assertThatThrownBy(() -> assertThat(legacy).withWriteFreeze(false).reportsItsWriteFreeze())
        .hasMessageContaining("GET /healthz: reports no legacy_write_freeze; the legacy service runs with LEGACY_RUNTIME_WRITE_FREEZE off");
    legacyService.on("GET /healthz", Answer.of(200, "{\"legacy_write_freeze\":\"maybe\"}"));
    assertThatThrownBy(() -> assertThat(legacy).withWriteFreeze(false).reportsItsWriteFreeze())
        .hasMessageContaining("reports legacy_write_freeze \"maybe\", which is no freeze setting");
    legacyService.on("GET /healthz", Answer.of(503, "{\"error\":{\"code\":\"down\"}}"));
    assertThatThrownBy(() -> assertThat(legacy).withWriteFreeze(false).reportsItsWriteFreeze())
        .hasMessageContaining("GET /healthz: answered 503; expected 200");
  }

  @Test
  void theDrillChecksTheLegacyFreezeWhereTheLegacyReportsIt() {
    runtimeService.on("GET /healthz", Answer.of(200, "{\"authority_write_mode\":\"rust_active\",\"authority_writer_active\":true}"));
    runtimeService.on("POST /internal/v1/runs", Answer.applied(201, "{}"));
    legacyService.on("POST /api/v1/runs", Answer.of(410, NESTED));
    CutoverDrill drill = CutoverDrill.of(runtime, legacy, step -> {}).withSteps(CutoverStep.STAGED_CUTOVER);

    legacyService.on("GET /healthz", Answer.of(200, "{\"status\":\"ok\"}"));
    assertThat(drill.run().isSafe()).as("a legacy health without the field is not judged").isTrue();

    legacyService.on("GET /healthz", Answer.of(200, "{\"legacy_write_freeze\":\"off\"}"));
    assertThatThrownBy(() -> drill.run().assertSafe())
        .hasMessageContaining("step 'staged cutover' legacy GET /healthz: reports legacy_write_freeze \"off\" but the legacy"
            + " service runs with LEGACY_RUNTIME_WRITE_FREEZE on");
  }

  @Test
  void oneServiceIsSwitchedOnItsOwnBeforeItIsProbed() {
    List<String> calls = new CopyOnWriteArrayList<>();
    RuntimeModeSwitch runtimeSwitch = mode -> {
      calls.add("runtime " + mode.wireName());
      runtimeService.on("POST /internal/v1/runs", mode.acceptsWrites() ? Answer.applied(201, "{}") : Answer.of(503, FLAT));
    };
    LegacyFreezeSwitch legacySwitch = on -> {
      calls.add("legacy " + on);
      legacyService.on("POST /api/v1/runs", on ? Answer.of(410, NESTED) : Answer.applied(201, "{}"));
    };
    assertThat(runtime).afterSwitchingTo(WriteMode.READ_ONLY, runtimeSwitch).rejectsAuthorityWrites();
    assertThat(runtime).afterSwitchingTo(WriteMode.RUST_ACTIVE, runtimeSwitch).acceptsAuthorityWrites().andAppliesThem();
    assertThat(legacy).afterSwitchingWriteFreeze(true, legacySwitch).rejectsAuthorityWrites();
    assertThat(calls).containsExactly("runtime read_only", "runtime rust_active", "legacy true");
  }

  @Test
  void aSwitchThatFailsOrHangsStopsTheCheckBeforeAnythingIsProbed() {
    assertThatThrownBy(() -> assertThat(runtime).afterSwitchingTo(WriteMode.SHADOW_ONLY, mode -> {
      throw new IllegalStateException("admin hook answered 500");
    }).rejectsAuthorityWrites())
        .isInstanceOf(AssertionError.class)
        .isNotInstanceOf(InvariantViolation.class)
        .hasMessage("could not switch the runtime to write mode shadow_only on the " + runtime
            + ": IllegalStateException: admin hook answered 500; nothing was probed, since the service's state is unknown");

    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();
    assertThatThrownBy(() -> assertThat(legacy).afterSwitchingWriteFreeze(true, on -> never.await()))
        .hasMessageContaining("could not turn LEGACY_RUNTIME_WRITE_FREEZE on")
        .hasMessageContaining("the mode switch did not return within 1500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void twoSingleServiceSwitchesMakeADrillSwitchThatNeverHasTwoWriters() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    ModeSwitch both = ModeSwitch.of(mode -> calls.add("runtime " + mode.wireName()), on -> calls.add("legacy freeze " + on));
    both.switchTo(CutoverStep.STAGED_CUTOVER);
    both.switchTo(CutoverStep.ROLLBACK);
    // staged cutover freezes legacy before the runtime writes; rollback freezes the runtime before legacy writes
    assertThat(calls).containsExactly("legacy freeze true", "runtime rust_active", "runtime shadow_only", "legacy freeze false");
  }
}
