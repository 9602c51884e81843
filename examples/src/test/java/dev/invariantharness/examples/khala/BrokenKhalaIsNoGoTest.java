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

  @Test
  void resendingAFrameAfterResumeIsNoGoOnInv07WithTheFramesAsEvidence() throws Exception {
    Outcome out = run("resend-after-resume");
    CheckResult row = assertNoGo(out, "KhalaGates.resumeRedeliversExactlyTheFramesAfterTheWatermark", "INV-07",
        "run:1:events: re-sent seq 40 although the client resumed after 40");
    assertThat(row.evidence()).singleElement().satisfies(e ->
        assertThat(java.nio.file.Files.readString(out.reportDir().resolve(e.path()))).contains("run:1:events 40 CHANNEL_FRAME"));
  }

  @Test
  void skippingAFrameOnResumeIsNoGoOnInv07() {
    Outcome out = run("skip-on-resume");
    assertNoGo(out, "KhalaGates.resumeRedeliversExactlyTheFramesAfterTheWatermark", "INV-07",
        "run:1:events: resumed after 40 but never delivered [41] (head 120)");
  }

  @Test
  void anSseEndpointIsNoGoOnInv03() {
    Outcome out = run("sse-endpoint");
    CheckResult row = assertNoGo(out, "KhalaGates.liveSyncIsWebSocketOnly", "INV-03",
        "GET /api/sync/stream: answered 200 text/event-stream to Accept: text/event-stream");
    assertThat(row.evidence()).singleElement().satisfies(e -> assertThat(out.reportDir().resolve(e.path())).exists());
  }

  @Test
  void acceptingAMutationOverWsIsNoGoOnInv02() {
    Outcome out = run("mutation-over-ws");
    CheckResult row = assertNoGo(out, "KhalaGates.mutationOverTheSyncSocketIsRefusedAndChangesNothing", "INV-02",
        "runs:create: a mutation-shaped event over WS was accepted: reply ok {\"id\":1}");
    assertThat(row.invariants()).containsExactlyInAnyOrder("INV-02", "INV-06");
  }

  @Test
  void neverAnsweringASubscribeIsNoGoOnInv07WithinTheTimeout() {
    long start = System.nanoTime();
    Outcome out = GateRun.into(reports).with(ReferenceKhalaProvider.VARIANT, "silent-subscribe")
        .with("invariant.harness.timeout.ws", "700ms").run(KhalaGates.class);
    assertNoGo(out, "KhalaGates.deliveryIsOrderedPerTopic", "INV-07", "no reply to sync:subscribe (ref 2) within PT0.7S");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("seconds for the whole gate run").isLessThan(30);
  }

  @Test
  void aClientThatAppliesDuplicatesIsNoGoOnInv07WithAReplayableSeed() {
    Outcome out = GateRun.into(reports).with(KhalaGates.CLIENT, "duplicate-applying").run(KhalaGates.class);
    assertNoGo(out, "KhalaGates.syncClientAppliesEveryFrameExactlyOnce", "INV-07",
        "(replay with FaultSchedule.seed(20261130L).duplicates(0.200))");
    assertThat(row(out, "KhalaGates.syncClientAppliesEveryFrameExactlyOnce").reason()).contains("again (already applied up to");
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
