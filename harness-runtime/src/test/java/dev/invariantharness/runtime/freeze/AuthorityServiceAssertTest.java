package dev.invariantharness.runtime.freeze;

import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.ScriptedService.Answer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The freeze assertions over real HTTP against a scripted loopback service. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AuthorityServiceAssertTest {

  static final String FLAT = "{\"error\":\"write_path_frozen\",\"message\":\"frozen\"}";
  static final String NESTED = "{\"error\":{\"code\":\"write_path_frozen\",\"message\":\"frozen\"}}";
  static final String TOKEN = "s3cr3t-runtime-token";

  ScriptedService service;
  AuthorityService runtime;

  @BeforeEach
  void start() throws Exception {
    service = new ScriptedService();
    runtime = AuthorityService.runtime(service.baseUrl())
        .withTimeout(Duration.ofSeconds(5))
        .withToken(TOKEN)
        .withWriteRoutes(WriteRoutes.of("POST /runs", "POST /runs/{id}/events"))
        .withReadPaths("/state");
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void frozenRuntimeAnsweringEitherBodyShapePasses() {
    service.on("POST /runs", Answer.of(503, FLAT)).on("POST /runs/harness-probe/events", Answer.of(503, NESTED));
    assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites();
  }

  @Test
  void frozenAnswerWithAnotherCodeSaysWhichShapeItSaw() {
    service.on("POST /runs", Answer.of(503, "{\"error\":{\"code\":\"maintenance\"}}"))
        .on("POST /runs/harness-probe/events", Answer.of(503, "Service Unavailable"));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.SHADOW_ONLY).rejectsAuthorityWrites())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-05 violated: 2 finding(s) — the runtime in write mode shadow_only must refuse every"
            + " authority write with 503 write_path_frozen and apply none")
        .hasMessageContaining("POST /runs: answered 503 but without error code write_path_frozen: saw nested body with"
            + " error.code \"maintenance\"")
        .hasMessageContaining("POST /runs/{id}/events: answered 503 but without error code write_path_frozen: saw non-JSON body:"
            + " Service Unavailable");
  }

  @Test
  void aRefusedWriteThatWasAppliedFails() {
    service.on("POST /runs", Answer.applied(503, FLAT)).on("POST /runs/harness-probe/events", Answer.of(503, FLAT));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("GET /state: changed although every write was refused: a refused write was applied");
  }

  @Test
  void volatileFieldsInReadsAreNoTraceOnceNamed() {
    service.countingReads().on("POST /runs", Answer.of(503, FLAT)).on("POST /runs/harness-probe/events", Answer.of(503, FLAT));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites())
        .hasMessageContaining("GET /state: changed although every write was refused");
    assertThat(runtime.withVolatileFields("served")).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites();
  }

  @Test
  void writeAcceptedWhileFrozenFailsWithTheStatusSeen() {
    service.on("POST /runs", Answer.applied(201, "{}")).on("POST /runs/harness-probe/events", Answer.of(503, FLAT));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites())
        .hasMessageContaining("POST /runs: accepted the write with 201 although the runtime in write mode read_only must"
            + " refuse it with 503 write_path_frozen")
        .hasMessageNotContaining("GET /state");
  }

  @Test
  void activeRuntimeRefusingAWriteFails() {
    service.on("POST /runs", Answer.of(201, "{}")).on("POST /runs/harness-probe/events", Answer.of(503, FLAT));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.RUST_ACTIVE).acceptsAuthorityWrites())
        .hasMessageContaining("POST /runs/{id}/events: refused the write with 503 write_path_frozen although the runtime in"
            + " write mode rust_active must accept writes (2xx)");
  }

  @Test
  void anActiveRuntimeMustApplyWhatItAccepts() {
    service.on("POST /runs", Answer.of(201, "{}")).on("POST /runs/harness-probe/events", Answer.of(202, "{}"));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.RUST_ACTIVE).acceptsAuthorityWrites().andAppliesThem())
        .hasMessageStartingWith("INV-05 violated: 1 finding(s) — the runtime in write mode rust_active is the authority writer"
            + " and must apply the writes it accepts")
        .hasMessageContaining("GET /state: no read path changed although 2 write(s) were accepted");
    service.on("POST /runs", Answer.applied(201, "{}"));
    assertThat(runtime).inWriteMode(WriteMode.RUST_ACTIVE).acceptsAuthorityWrites().andAppliesThem();
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.RUST_ACTIVE).andAppliesThem())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPeerThatNeverAnswersFailsWithinTheTimeout() {
    AuthorityService slow = runtime.withTimeout(Duration.ofMillis(300));
    service.on("POST /runs", Answer.hanging()).on("POST /runs/harness-probe/events", Answer.of(503, FLAT));
    long start = System.nanoTime();
    assertThatThrownBy(() -> assertThat(slow).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites())
        .hasMessageContaining("POST /runs: no answer within 300 ms (invariant.harness.timeout.http); expected 503 write_path_frozen");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theTokenIsSentAsBearerAndNeverPrinted() {
    service.on("POST /runs", Answer.of(200, "{\"echo\":\"" + TOKEN + "\"}")).on("POST /runs/harness-probe/events", Answer.of(503, FLAT));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites())
        .hasMessageNotContaining(TOKEN);
    assertThat(service.authorizations).isNotEmpty().allSatisfy(a -> assertThat(a).isEqualTo("Bearer " + TOKEN));
    assertThat(runtime.toString()).doesNotContain(TOKEN).contains("token set");
  }

  @Test
  void readsThatFailWhileFrozenAreNamed() {
    service.on("GET /state", Answer.of(503, FLAT));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).keepsServingReads())
        .hasMessageStartingWith("INV-05 violated: 1 finding(s) — the runtime in write mode read_only must keep serving reads")
        .hasMessageContaining("GET /state: answered 503 (flat body with error code \"write_path_frozen\"");
  }

  @Test
  void refusedWritesCannotBeProvenTracelessWithoutReadableState() {
    service.on("GET /state", Answer.of(500, "oops")).on("POST /runs", Answer.of(503, FLAT))
        .on("POST /runs/harness-probe/events", Answer.of(503, FLAT));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites())
        .hasMessageContaining("GET /state: answered 500 (non-JSON body: oops); without reading the state back, a refused"
            + " write that was applied cannot be ruled out");
  }

  @Test
  void healthThatHidesOrMisstatesTheModeFails() {
    service.on("GET /healthz", Answer.of(200, "{\"status\":\"ok\"}"));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).reportsItsWriteMode())
        .hasMessageContaining("GET /healthz: reports no authority_write_mode; the runtime runs in read_only");
    service.on("GET /healthz", Answer.of(200, "{\"authority_write_mode\":\"read_only\",\"authority_writer_active\":true}"));
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).reportsItsWriteMode())
        .hasMessageContaining("reports authority_writer_active true but the runtime runs in read_only, where it is false");
    service.on("GET /healthz", Answer.of(200, "{\"authority_write_mode\":\"read_only\",\"authority_writer_active\":false}"));
    assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).reportsItsWriteMode();
  }

  @Test
  void legacyFreezeExpects410() {
    AuthorityService legacy = AuthorityService.legacy(service.baseUrl()).withWriteRoutes(WriteRoutes.of("DELETE /runs/{id}"))
        .withReadPaths("/state");
    service.on("DELETE /runs/harness-probe", Answer.of(503, NESTED));
    assertThatThrownBy(() -> assertThat(legacy).withWriteFreeze(true).rejectsAuthorityWrites())
        .hasMessageContaining("DELETE /runs/{id}: answered 503 (nested body with error.code \"write_path_frozen\"");
    service.on("DELETE /runs/harness-probe", Answer.of(410, NESTED));
    assertThat(legacy).withWriteFreeze(true).rejectsAuthorityWrites();
  }

  @Test
  void misuseIsAnErrorNotAFinding() {
    assertThatThrownBy(() -> assertThat(runtime).rejectsAuthorityWrites())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("inWriteMode(WriteMode.READ_ONLY)");
    assertThatThrownBy(() -> assertThat(runtime).withWriteFreeze(true)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> assertThat(runtime).inWriteMode(WriteMode.RUST_ACTIVE).rejectsAuthorityWrites())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("use acceptsAuthorityWrites()");
    assertThatThrownBy(() -> assertThat(runtime.withReadPaths()).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites())
        .isInstanceOf(HarnessInputException.class).hasMessageContaining("withReadPaths");
  }
}
