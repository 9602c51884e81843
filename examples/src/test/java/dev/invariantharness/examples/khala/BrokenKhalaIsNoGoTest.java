package dev.invariantharness.examples.khala;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Khala gates against deliberately broken variants of the reference Khala and of the sync
 * client: each defect must come out NO-GO, on the right check, naming the right invariant and what
 * was seen. The gates run in a nested launcher, so this build stays green while the gate inside it
 * says NO-GO.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokenKhalaIsNoGoTest {

  @TempDir Path reports;

  @Test
  void correctKhalaIsGo() {
    Outcome out = run("correct");
    assertThat(out.report().results()).hasSize(6).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"both-wire-forms", "batches-of-five", "reply-before-replay", "duplicates", "reordering"})
  void legalVariationsOfTheProtocolAreGo(String variant) {
    Outcome out = run(variant);
    assertThat(out.report().results()).hasSize(6).allSatisfy(r -> assertThat(r.status()).as(r.checkId() + ": " + r.reason())
        .isEqualTo(CheckStatus.PASSED));
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  @Test
  void resendingAFrameAfterResumeIsNoGoOnInv07WithTheFramesAsEvidence() throws Exception {
    Outcome out = run("resend-after-resume");
    CheckResult row = assertNoGo(out, "KhalaGates.resumeRedeliversExactlyTheFramesAfterTheWatermark", "INV-07",
        "re-sent seq 15 although the client resumed after 15");
    assertThat(row.evidence()).anySatisfy(e ->
        assertThat(java.nio.file.Files.readString(out.reportDir().resolve(e.path()))).contains("worker:w1:lifecycle 15 CHANNEL_FRAME"));
  }

  @Test
  void skippingAFrameOnResumeIsNoGoOnInv07() {
    Outcome out = run("skip-on-resume");
    assertNoGo(out, "KhalaGates.resumeRedeliversExactlyTheFramesAfterTheWatermark", "INV-07",
        "resume skipped frames: resumed after 15");
    assertThat(row(out, "KhalaGates.resumeRedeliversExactlyTheFramesAfterTheWatermark").reason()).contains("1 seq(s) never arrived: seq 16");
  }

  @Test
  void aLiveFrameDroppedDuringStreamingIsNoGoOnInv07() {
    Outcome out = run("dropped-live-frame");
    assertNoGo(out, "KhalaGates.everyFrameArrivesAtLeastOnceIncludingLivePublishes", "INV-07",
        "run:1:events: frame never delivered");
    assertThat(row(out, "KhalaGates.everyFrameArrivesAtLeastOnceIncludingLivePublishes").reason()).contains("1 seq(s) never arrived: seq 125");
  }

  @Test
  void aStaleResumeAnsweredWithASilentReplayIsNoGoOnInv07() {
    Outcome out = run("silent-stale");
    assertNoGo(out, "KhalaGates.resumeBelowRetentionIsAnsweredStaleNotSilentlyLost", "INV-07",
        "resuming after 9 got no stale_cursor but 20 frame(s) starting at seq 11");
  }

  @Test
  void anSseEndpointIsNoGoOnInv03() {
    Outcome out = run("sse-endpoint");
    CheckResult row = assertNoGo(out, "KhalaGates.liveSyncIsWebSocketOnly", "INV-03",
        "GET /sync/events: answered 200 text/event-stream to Accept: text/event-stream");
    assertThat(row.evidence()).singleElement().satisfies(e -> assertThat(out.reportDir().resolve(e.path())).exists());
  }

  @Test
  void acceptingAMutationOverWsIsNoGoReportingInv02AndInv06Together() {
    Outcome out = run("mutation-over-ws");
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    CheckResult row = row(out, "KhalaGates.mutationOverTheSyncSocketIsRefusedAndChangesNothing");
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).containsExactlyInAnyOrder("INV-02", "INV-06");
    // one failure carrying both invariants' findings, each blamed from its finding
    assertThat(row.findings()).extracting(f -> f.invariant()).contains("INV-02", "INV-06");
    assertThat(out.report().decision().blockers()).extracting(b -> b.invariant()).contains("INV-02", "INV-06");
    assertThat(row.reason())
        .contains("INV-02 violated").contains("runs:create: a mutation-shaped event over WS was accepted: reply ok {\"id\":1}")
        .contains("INV-06 violated").contains("fields the mutation could touch changed after the WS message: {/count=0 -> 1}");
  }

  @Test
  void neverAnsweringASubscribeIsNoGoOnInv07WithinTheTimeout() {
    long start = System.nanoTime();
    Outcome out = GateRun.into(reports).with(ReferenceKhalaProvider.VARIANT, "silent-subscribe")
        .with("invariant.harness.timeout.ws", "700ms").run(KhalaGates.class);
    assertNoGo(out, "KhalaGates.everyFrameArrivesAtLeastOnceIncludingLivePublishes", "INV-07", "no reply to sync:subscribe (ref 2) within PT0.7S");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("seconds for the whole gate run").isLessThan(30);
  }

  @Test
  void aClientThatAppliesDuplicatesIsNoGoOnInv07WithAReplayableSeed() {
    Outcome out = GateRun.into(reports).with(KhalaGates.CLIENT, "duplicate-applying").run(KhalaGates.class);
    assertNoGo(out, "KhalaGates.syncClientAppliesEveryFrameExactlyOnce", "INV-07",
        "(replay with FaultSchedule.seed(20261130L).duplicates(0.200))");
    assertThat(row(out, "KhalaGates.syncClientAppliesEveryFrameExactlyOnce").reason()).contains("duplicate apply: applied seq");
  }

  private Outcome run(String variant) {
    return GateRun.into(reports).with(ReferenceKhalaProvider.VARIANT, variant).run(KhalaGates.class);
  }

  private static CheckResult assertNoGo(Outcome out, String checkId, String invariant, String seen) {
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    CheckResult row = row(out, checkId);
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).contains(invariant);
    assertThat(row.reason()).startsWith(invariant + " violated").contains(seen);
    assertThat(out.report().decision().blockers()).anySatisfy(b -> assertThat(b.invariant()).isEqualTo(invariant));
    return row;
  }

  private static CheckResult row(Outcome out, String id) {
    return out.report().results().stream().filter(r -> r.checkId().equals(id) || r.checkId().endsWith("." + id) || r.checkId().endsWith("$" + id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " in " + out.report().results()));
  }
}
