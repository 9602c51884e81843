package dev.invariantharness.examples.runtime.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RuntimeCutoverGates} run in a nested launcher against deliberately broken reference
 * services: each defect must come out NO-GO on the check that owns it, naming INV-05 and saying
 * what was seen; the correct services must come out GO.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokenRuntimeIsNoGoTest {

  @TempDir Path reports;

  @Test
  void frozenRuntimeAnsweringWithoutTheErrorCodeIsNoGoOnInv05() {
    Outcome out = gates("frozen-without-code");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "readOnlyRuntimeRefusesEveryAuthorityWriteAndAppliesNone").reason())
        .startsWith("INV-05 violated: 5 finding(s)")
        .contains("POST /internal/v1/runs: answered 503 but without error code write_path_frozen:"
            + " saw flat body with error code \"service_unavailable\"");
    assertThat(failed(out, "shadowOnlyRuntimeRefusesEveryAuthorityWriteAndAppliesNone").reason())
        .contains("POST /internal/v1/workers/{id}/status: answered 503 but without error code write_path_frozen");
  }

  @Test
  void evidenceOfFailedWritesCarriesNoToken() throws IOException {
    Outcome out = gates("frozen-without-code");
    String evidence;
    try (Stream<Path> files = Files.walk(out.reportDir().resolve("evidence"))) {
      evidence = files.filter(Files::isRegularFile).map(BrokenRuntimeIsNoGoTest::read).collect(Collectors.joining("\n"));
    }
    assertThat(evidence)
        .contains("POST http://127.0.0.1:")
        .contains("Authorization: Bearer [REDACTED]")
        .doesNotContain(ReferenceRuntimeService.SERVICE_TOKEN)
        .doesNotContain(ReferenceRuntimeService.ADMIN_TOKEN)
        .doesNotContain(ReferenceLegacyService.ADMIN_TOKEN);
    assertThat(out.file("results.tsv")).doesNotContain(ReferenceRuntimeService.SERVICE_TOKEN);
  }

  @Test
  void runtimeThatKeepsWritingInReadOnlyIsNoGoOnInv05() {
    Outcome out = gates("accepts-in-read-only");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "readOnlyRuntimeRefusesEveryAuthorityWriteAndAppliesNone").reason())
        .startsWith("INV-05 violated")
        .contains("POST /internal/v1/runs: accepted the write with 201 although the runtime in write mode read_only"
            + " must refuse it with 503 write_path_frozen");
    assertThat(row(out, "RuntimeCutoverGates.shadowOnlyRuntimeRefusesEveryAuthorityWriteAndAppliesNone").status())
        .isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void runtimeThatAppliesARefusedWriteIsNoGoOnInv05() {
    Outcome out = gates("applies-while-frozen");
    assertNoGoOnMerge(out);
    CheckResult row = failed(out, "readOnlyRuntimeRefusesEveryAuthorityWriteAndAppliesNone");
    assertThat(row.reason())
        .startsWith("INV-05 violated")
        .contains("GET /internal/v1/runs: changed although every write was refused: a refused write was applied")
        .contains("GET /internal/v1/workers: changed although every write was refused");
    assertThat(row.evidence()).anySatisfy(e -> assertThat(e.name()).contains("state before and after refused writes"));
    assertThat(failed(out, "cutoverAndRollbackLeaveExactlyOneWriterAtEveryStep").reason())
        .contains("step 'before cutover' runtime GET /internal/v1/runs: changed although every write was refused");
  }

  @Test
  void runtimeThatAlsoFreezesReadsIsNoGoOnInv05() {
    Outcome out = gates("reads-frozen");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "frozenRuntimeKeepsServingReads").reason())
        .startsWith("INV-05 violated")
        .contains("must keep serving reads")
        .contains("GET /internal/v1/runs: answered 503 (flat body with error code \"write_path_frozen\"");
    assertThat(failed(out, "readOnlyRuntimeRefusesEveryAuthorityWriteAndAppliesNone").reason())
        .contains("without reading the state back, a refused write that was applied cannot be ruled out");
  }

  @Test
  void healthzThatLiesAboutTheWriteModeIsNoGoOnInv05() {
    Outcome out = gates("healthz-lies");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "healthzReportsTheWriteModeTheRuntimeRunsIn").reason())
        .startsWith("INV-05 violated")
        .contains("GET /healthz: reports authority_write_mode \"rust_active\" but the runtime runs in shadow_only");
    assertThat(failed(out, "cutoverAndRollbackLeaveExactlyOneWriterAtEveryStep").reason())
        .contains("step 'rollback' runtime GET /healthz: reports authority_write_mode \"rust_active\"");
  }

  @Test
  void legacyThatFreezesPostButNotDeleteIsNoGoOnInv05() {
    Outcome out = gates("legacy-partial-freeze");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "frozenLegacyRefusesEveryMutationAndKeepsServingReads").reason())
        .startsWith("INV-05 violated: 1 finding(s)")
        .contains("DELETE /api/v1/runs/{id}: accepted the write with 204 although the legacy with LEGACY_RUNTIME_WRITE_FREEZE on"
            + " must refuse it with 410 write_path_frozen");
    assertThat(failed(out, "cutoverAndRollbackLeaveExactlyOneWriterAtEveryStep").reason())
        .contains("step 'staged cutover': both sides accepted writes")
        .contains("legacy [DELETE /api/v1/runs/{id}]: two authority writers");
    CheckResult dynamicRow = out.report().results().stream()
        .filter(r -> r.description().equals("DELETE /api/v1/runs/{id} @ legacy write freeze on (staged cutover)"))
        .findFirst().orElseThrow();
    assertThat(dynamicRow.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(dynamicRow.reason()).startsWith("INV-05 violated").contains("accepted the write with 204");
  }

  @Test
  void activeRuntimeThatDropsWhatItAcceptsIsNoGoOnInv05() {
    Outcome out = gates("drops-accepted-writes");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "rustActiveRuntimeAcceptsAndAppliesEveryAuthorityWrite").reason())
        .startsWith("INV-05 violated: 1 finding(s) — the runtime in write mode rust_active is the authority writer and must"
            + " apply the writes it accepts")
        .contains("GET /internal/v1/runs, GET /internal/v1/workers: no read path changed although 5 write(s) were accepted");
  }

  @Test
  void legacyThatValidatesBodiesBeforeItsFreezeIsGo() {
    // {} would get 400 here, a false NO-GO; the schema-valid bodies reach the freeze guard and get 410
    assertGo(gates("legacy-validates-before-freeze"));
  }

  @Test
  void legacyThatRefusesEmptyBodiesButWritesValidOnesWhileFrozenIsNoGoOnInv05() {
    Outcome out = gates("legacy-writes-valid-bodies-while-frozen");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "frozenLegacyRefusesEveryMutationAndKeepsServingReads").reason())
        .startsWith("INV-05 violated: 4 finding(s)")
        .contains("POST /api/v1/runs: accepted the write with 201 although the legacy with LEGACY_RUNTIME_WRITE_FREEZE on"
            + " must refuse it with 410 write_path_frozen")
        .contains("PUT /api/v1/runs/{id}: accepted the write with 200")
        .contains("PATCH /api/v1/runs/{id}: accepted the write with 200")
        .contains("DELETE /api/v1/runs/{id}: accepted the write with 204")
        .doesNotContain("answered 400");
    assertThat(failed(out, "cutoverAndRollbackLeaveExactlyOneWriterAtEveryStep").reason())
        .contains("step 'staged cutover': both sides accepted writes");
  }

  @Test
  void theSameLegacyProbedWithEmptyBodiesOnlySeesItsBodyValidation() throws Exception {
    // why the bodies come from the document: with {} every write stops at the 400 and nothing
    // shows that a valid write goes through while frozen
    try (RuntimeCutoverStack stack = RuntimeCutoverStack.start(RuntimeVariant.LEGACY_WRITES_VALID_BODIES_WHILE_FROZEN,
        java.time.Duration.ofSeconds(5))) {
      stack.switchTo(dev.invariantharness.runtime.WriteMode.RUST_ACTIVE, true);
      var emptyBodies = stack.legacy().withWriteRoutes(dev.invariantharness.runtime.freeze.WriteRoutes.of(
          "POST /api/v1/runs", "PUT /api/v1/runs/run-1", "PATCH /api/v1/runs/run-1"));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.invariantharness.runtime.freeze.FreezeAssertions
              .assertThat(emptyBodies).withWriteFreeze(true).rejectsAuthorityWrites())
          .hasMessageContaining("POST /api/v1/runs: answered 400")
          .hasMessageNotContaining("accepted the write");
    }
  }

  @Test
  void legacyWithASlowPatchIsGoBecauseOneRunIsProbedOneWriteAfterAnother() {
    // probed together, the DELETE of run-1 would land before the slow PATCH and turn it into a 404
    assertGo(gates("legacy-slow-patch"));
  }

  @Test
  void legacyThatStillPatchesAndDeletesWhileFrozenIsNoGoNamingBothWrites() {
    Outcome out = gates("legacy-patch-and-delete-while-frozen");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "frozenLegacyRefusesEveryMutationAndKeepsServingReads").reason())
        .startsWith("INV-05 violated: 2 finding(s)")
        .contains("PATCH /api/v1/runs/{id}: accepted the write with 200 although the legacy with LEGACY_RUNTIME_WRITE_FREEZE on")
        .contains("DELETE /api/v1/runs/{id}: accepted the write with 204")
        .doesNotContain("answered 404");
  }

  @Test
  void legacyHealthzThatHidesItsFreezeIsNoGoOnInv05() {
    Outcome out = gates("legacy-healthz-lies");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "legacyHealthzReportsTheWriteFreezeItRunsWith").reason())
        .startsWith("INV-05 violated: 1 finding(s)")
        .contains("GET /healthz: reports legacy_write_freeze false but the legacy service runs with LEGACY_RUNTIME_WRITE_FREEZE on");
    assertThat(failed(out, "cutoverAndRollbackLeaveExactlyOneWriterAtEveryStep").reason())
        .contains("step 'staged cutover' legacy GET /healthz: reports legacy_write_freeze false");
  }

  @Test
  void legacyHealthzSpellingTheFreezeAsTheEnvironmentDoesIsGo() {
    assertGo(gates("legacy-healthz-env-spelling"));
  }

  private static void assertGo(Outcome out) {
    assertThat(out.report().results()).filteredOn(r -> r.status() != CheckStatus.PASSED)
        .as("rows that did not pass").isEmpty();
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  @Test
  void correctServicesAreGoWithOneRowPerRouteAndStep() {
    Outcome out = gates("correct");
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    List<CheckResult> dynamicRows = out.report().results().stream()
        .filter(r -> r.checkId().startsWith(RuntimeCutoverGates.class.getName() + ".everyWriteRouteAtEveryCutoverStep[")).toList();
    // 3 steps × (1 step row + 5 runtime routes + 4 legacy routes)
    assertThat(dynamicRows).hasSize(30).allSatisfy(r -> assertThat(r.invariants()).containsExactly("INV-05", "INV-10"));
    assertThat(dynamicRows).extracting(CheckResult::description).contains("POST /internal/v1/runs @ rust_active (staged cutover)");
    assertThat(out.file("results.tsv")).contains("POST /internal/v1/runs @ shadow_only (rollback)");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Outcome gates(String variant) {
    return GateRun.into(reports).with(RuntimeCutoverStackProvider.VARIANT, variant).run(RuntimeCutoverGates.class);
  }

  private static void assertNoGoOnMerge(Outcome out) {
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blocked()).isEqualTo(BlockedScope.MERGE);
  }

  private static CheckResult failed(Outcome out, String method) {
    CheckResult row = row(out, "RuntimeCutoverGates." + method);
    assertThat(row.status()).as("status of %s", row.checkId()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).contains("INV-05");
    return row;
  }

  private static CheckResult row(Outcome out, String id) {
    return out.report().results().stream().filter(r -> r.checkId().equals(id) || r.checkId().endsWith("." + id) || r.checkId().endsWith("$" + id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " in " + out.report().results()));
  }
}
