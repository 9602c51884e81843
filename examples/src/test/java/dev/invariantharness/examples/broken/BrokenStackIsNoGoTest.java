package dev.invariantharness.examples.broken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example gates run against deliberately broken variants of the reference stack: each
 * defect must come out NO-GO, naming the right invariant and what was seen. The suites run in a
 * nested launcher, so this build stays green while the gate inside it says NO-GO.
 */
class BrokenStackIsNoGoTest {

  @TempDir Path reports;

  @Test
  void sseLiveLaneIsNoGoOnInv03() {
    Outcome out = GateRun.into(reports).with("invariant.examples.variant", "sse-lane").run(gates());
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blocked()).isEqualTo(BlockedScope.MERGE);
    CheckResult row = row(out, "ControlServiceGates.noRouteAnswersAsAnEventStream");
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).containsExactly("INV-03");
    assertThat(row.reason()).contains("INV-03 violated").contains("GET /api/runs/stream: answered 200 text/event-stream");
    assertThat(row.evidence()).singleElement().satisfies(e -> assertThat(out.reportDir().resolve(e.path())).exists());
    assertThat(out.file("SUMMARY.md")).contains("NO-GO");
  }

  @Test
  void unauthenticatedMutationIsNoGoOnInv02() {
    Outcome out = GateRun.into(reports).with("invariant.examples.variant", "unauthenticated-mutation").run(gates());
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blockers()).anySatisfy(b -> {
      assertThat(b.invariant()).isEqualTo("INV-02");
      assertThat(b.reason()).contains("an unauthenticated authority mutation must be refused");
    });
  }

  @Test
  void workflowAndPollingLaneInTheRepositoryAreNoGoOnInv12AndInv03() {
    Outcome out = GateRun.into(reports).with("invariant.examples.broken-repository", "true").run(gates());
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(row(out, "RepositoryGates.noWorkflowAutomationInTheRepository").reason())
        .startsWith("INV-12 violated").contains(".github/workflows/ci.yml:1:");
    assertThat(row(out, "repository-no-sse-or-polling").reason())
        .startsWith("INV-03 violated").contains("apps/web/src/live/runs.ts:1: setInterval(() => poll('/api/runs'), 2000);")
        .doesNotContain("vercel_stream_adapter").doesNotContain("node_modules");
  }

  @Test
  void correctStackIsGo() {
    Outcome out = GateRun.into(reports).run(gates());
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  private static Class<?>[] gates() {
    try {
      return new Class<?>[] {
        Class.forName("dev.invariantharness.examples.gates.ControlServiceGates"),
        Class.forName("dev.invariantharness.examples.gates.RepositoryGates")
      };
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static CheckResult row(Outcome out, String id) {
    return out.report().results().stream().filter(r -> r.checkId().equals(id) || r.checkId().endsWith("." + id) || r.checkId().endsWith("$" + id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " in " + out.report().results()));
  }
}
