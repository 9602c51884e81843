package dev.invariantharness.runtime.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.ScriptedService.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The runbook drill against two scripted loopback services whose answers the mode switch
 * rewrites, as a redeploy with other environment variables would.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CutoverDrillTest {

  static final String FLAT = "{\"error\":\"write_path_frozen\"}";
  static final String NESTED = "{\"error\":{\"code\":\"write_path_frozen\"}}";

  ScriptedService runtimeService;
  ScriptedService legacyService;
  AuthorityService runtime;
  AuthorityService legacy;

  @BeforeEach
  void start() throws Exception {
    runtimeService = new ScriptedService();
    legacyService = new ScriptedService();
    runtime = AuthorityService.runtime(runtimeService.baseUrl()).withTimeout(Duration.ofSeconds(2))
        .withWriteRoutes(WriteRoutes.of("POST /internal/v1/runs")).withReadPaths("/state");
    legacy = AuthorityService.legacy(legacyService.baseUrl()).withTimeout(Duration.ofSeconds(2))
        .withWriteRoutes(WriteRoutes.of("POST /api/v1/runs", "DELETE /api/v1/runs/{id}")).withReadPaths("/state");
  }

  @AfterEach
  void stop() {
    runtimeService.close();
    legacyService.close();
  }

  /** Scripts both services as the runbook says they behave in {@code step}. */
  void behaveAsConfigured(CutoverStep step, boolean legacyDeletesWhileFrozen) {
    WriteMode mode = step.runtimeMode();
    runtimeService.on("GET /healthz", Answer.of(200, "{\"authority_write_mode\":\"" + mode.wireName()
        + "\",\"authority_writer_active\":" + mode.acceptsWrites() + "}"));
    runtimeService.on("POST /internal/v1/runs", mode.acceptsWrites() ? Answer.applied(201, "{}") : Answer.of(503, FLAT));
    legacyService.on("POST /api/v1/runs", step.legacyFrozen() ? Answer.of(410, NESTED) : Answer.applied(201, "{}"));
    legacyService.on("DELETE /api/v1/runs/harness-probe",
        step.legacyFrozen() && !legacyDeletesWhileFrozen ? Answer.of(410, NESTED) : Answer.applied(204, ""));
  }

  @Test
  void theRunbookLeavesExactlyOneWriterAtEveryStep() {
    DrillReport report = CutoverDrill.of(runtime, legacy, step -> behaveAsConfigured(step, false)).run();
    assertThat(report.findings()).isEmpty();
    assertThat(report.rows()).hasSize(9);
    assertThat(report.tsv()).startsWith(ProbeRow.TSV_HEADER + "\n")
        .contains("staged cutover\truntime\tPOST /internal/v1/runs\t2xx\t201\t\tjson\tok\t\n")
        .contains("staged cutover\tlegacy\tDELETE /api/v1/runs/{id}\t410 write_path_frozen\t410\twrite_path_frozen\tnested\tok\t\n")
        .contains("rollback\truntime\tPOST /internal/v1/runs\t503 write_path_frozen\t503\twrite_path_frozen\tflat\tok\t\n");
    report.assertSafe();
  }

  @Test
  void aLegacyThatStillDeletesAfterCutoverMakesTwoWriters() {
    DrillReport report = CutoverDrill.of(runtime, legacy, step -> behaveAsConfigured(step, true)).run();
    assertThatThrownBy(report::assertSafe)
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-05 violated: 2 finding(s) — the cutover runbook must leave exactly one authority writer")
        .hasMessageContaining("step 'staged cutover': both sides accepted writes — runtime [POST /internal/v1/runs],"
            + " legacy [DELETE /api/v1/runs/{id}]: two authority writers")
        .hasMessageContaining("step 'staged cutover' legacy DELETE /api/v1/runs/{id}: accepted the write with 204");
  }

  @Test
  void aStepThatFreezesBothSidesLeavesNoWriterAndViolatesInv10() {
    CutoverStep maintenance = new CutoverStep("maintenance", WriteMode.READ_ONLY, true);
    DrillReport report = CutoverDrill.of(runtime, legacy, step -> behaveAsConfigured(step, false)).withSteps(maintenance).run();
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.invariant()).isEqualTo("INV-10");
      assertThat(f.message()).isEqualTo("neither side accepted a write: no authority writer after maintenance"
          + " (runtime read_only, legacy write freeze on)");
    });
    assertThatThrownBy(report::assertSafe).hasMessageStartingWith("INV-10 violated");
  }

  @Test
  void aSwitchThatFailsStopsTheDrillOnInv10() {
    DrillReport report = CutoverDrill.of(runtime, legacy, step -> {
      if (step.equals(CutoverStep.ROLLBACK)) {
        throw new IllegalStateException("admin hook refused");
      }
      behaveAsConfigured(step, false);
    }).run();
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.invariant()).isEqualTo("INV-10");
      assertThat(f.message()).startsWith("switching to rollback (runtime shadow_only, legacy write freeze off) failed:"
          + " IllegalStateException: admin hook refused");
    });
    assertThat(report.rows()).extracting(ProbeRow::step).doesNotContain("rollback");
  }

  @Test
  void aSwitchThatHangsIsBounded() {
    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();
    DrillReport report = CutoverDrill.of(runtime, legacy, step -> never.await())
        .withSwitchTimeout(Duration.ofMillis(200)).run();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(report.findings()).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("the mode switch did not return within 200 ms"));
  }

  @Test
  void dynamicTestsNameEveryRouteAtEveryStepAndFailOnlyTheWrongOnes() throws Throwable {
    List<DynamicTest> tests = CutoverDrill.of(runtime, legacy, step -> behaveAsConfigured(step, true)).dynamicTests().toList();
    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly(
        "step 1/3: before cutover (runtime shadow_only, legacy write freeze off)",
        "POST /internal/v1/runs @ shadow_only (before cutover)",
        "POST /api/v1/runs @ legacy write freeze off (before cutover)",
        "DELETE /api/v1/runs/{id} @ legacy write freeze off (before cutover)",
        "step 2/3: staged cutover (runtime rust_active, legacy write freeze on)",
        "POST /internal/v1/runs @ rust_active (staged cutover)",
        "POST /api/v1/runs @ legacy write freeze on (staged cutover)",
        "DELETE /api/v1/runs/{id} @ legacy write freeze on (staged cutover)",
        "step 3/3: rollback (runtime shadow_only, legacy write freeze off)",
        "POST /internal/v1/runs @ shadow_only (rollback)",
        "POST /api/v1/runs @ legacy write freeze off (rollback)",
        "DELETE /api/v1/runs/{id} @ legacy write freeze off (rollback)");
    for (int i = 0; i < 4; i++) {
      tests.get(i).getExecutable().execute();
    }
    Executable stagedStep = tests.get(4).getExecutable();
    assertThatThrownBy(stagedStep::execute).hasMessageStartingWith("INV-05 violated").hasMessageContaining("two authority writers");
    tests.get(5).getExecutable().execute();
    tests.get(6).getExecutable().execute();
    assertThatThrownBy(tests.get(7).getExecutable()::execute)
        .hasMessageContaining("legacy DELETE /api/v1/runs/{id}: accepted the write with 204");
  }

  @Test
  void aRouteTestWhoseStepNeverRanSaysSo() {
    List<DynamicTest> tests = CutoverDrill.of(runtime, legacy, step -> behaveAsConfigured(step, false)).dynamicTests().toList();
    assertThatThrownBy(tests.get(1).getExecutable()::execute).hasMessageContaining("not probed: step 'before cutover'");
  }
}
