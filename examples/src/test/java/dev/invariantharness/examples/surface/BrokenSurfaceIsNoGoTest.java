package dev.invariantharness.examples.surface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SurfaceParityGates} in a nested launcher against a drifting reference service: each
 * broken variant must come out NO-GO on the row of the step and surface pair that shows it,
 * naming INV-01 and what differs; each legal spelling of the same answers must stay GO.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokenSurfaceIsNoGoTest {

  private static final String LIFECYCLE = "SurfaceParityGates.runLifecycleReadsAlikeOnEverySurface";

  @TempDir Path reports;

  @Test
  void aFieldRenamedOverHttpIsNoGo() {
    Outcome out = gates("field-renamed");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "run-lifecycle › read back on every surface: grpc ↔ http").reason())
        .startsWith("INV-01 violated")
        .contains("on http: /runTitle: field not declared by invariant.examples.runs.v1.Run (value \"nightly build\")")
        .contains("grpc and http disagree at /title: grpc \"nightly build\", http \"\"");
    assertThat(failed(out, "mixed-version › create on both: legacy ↔ new").reason())
        .contains("legacy and new disagree at /title: legacy \"canary\", new \"\"");
    assertThat(row(out, "run-lifecycle › read back on every surface: grpc ↔ ws").status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void aDifferentErrorCodeOverHttpIsNoGo() {
    Outcome out = gates("error-code");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "run-lifecycle › missing run: grpc ↔ http").reason())
        .contains("step 'missing run' on http: expected error NOT_FOUND (HTTP 404), answered HTTP 400, which stands for"
            + " [INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE]");
    assertThat(row(out, "run-lifecycle › starting twice is refused alike: grpc ↔ http").status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void anEnumValueMissingFromHttpJsonIsNoGo() {
    Outcome out = gates("enum-missing");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "run-lifecycle › started run reads alike: grpc ↔ http").reason())
        .contains("grpc and http disagree at /state: grpc \"RUN_STATE_RUNNING\", http \"RUN_STATE_UNSPECIFIED\"");
  }

  @Test
  void aFieldOnlyHttpAnswersIsNoGo() {
    Outcome out = gates("http-only-field");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "run-lifecycle › create over HTTP: @ http").reason())
        .startsWith("INV-01 violated")
        .contains("on http: /debugOwner: field not declared by invariant.examples.runs.v1.Run (value \"runtime-team\")");
    assertThat(failed(out, "run-lifecycle › read back on every surface: grpc ↔ http").reason()).doesNotContain("disagree");
  }

  @Test
  void aSurfaceThatSilentlyDropsAStepIsNoGo() {
    Outcome out = gates("drops-step");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "run-lifecycle › start over HTTP: @ http").reason())
        .contains("step 'start over HTTP' on http: answered ok (HTTP 202) with an empty body: the step was dropped"
            + " (a invariant.examples.runs.v1.Run was expected)");
    assertThat(failed(out, "run-lifecycle › starting twice is refused alike: grpc ↔ http").reason())
        .contains("on grpc: expected error FAILED_PRECONDITION, answered ok");
  }

  @Test
  void aWebSocketFrameThatNeverArrivesIsNoGo() {
    Outcome out = gates("ws-frame-missing");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "run-lifecycle › read back on every surface: grpc ↔ ws").reason())
        .contains("on ws: expected ok, got no answer: no frame on topic runtime.run_summaries with /runId = \"run-1\" arrived within PT2S");
    assertThat(row(out, "run-lifecycle › read back on every surface: grpc ↔ http").status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void aStreamMissingAMessageOverHttpIsNoGo() {
    Outcome out = gates("stream-missing-element");
    assertNoGoOnMerge(out);
    assertThat(failed(out, "run-lifecycle › list the ci runs: grpc ↔ http").reason())
        .contains("step 'list the ci runs': grpc streamed 2 message(s), http 1: http's stream lacks grpc's message 1"
            + " {\"runId\":\"run-2\",\"title\":\"weekly build\"");
    assertThat(row(out, "run-lifecycle › read back on every surface: grpc ↔ http").status()).isEqualTo(CheckStatus.PASSED);
  }

  @ParameterizedTest
  @EnumSource(value = SurfaceVariant.class, names = {"CORRECT", "FIELD_ORDER", "DEFAULTS_PRESENT", "INT64_AS_NUMBER", "STATUS_WITHOUT_CODE",
      "STREAM_AS_ARRAY"})
  void legalSpellingsStayGo(SurfaceVariant variant) {
    Outcome out = gates(variant.name());
    assertGo(out);
  }

  @Test
  void enumsAsNumbersAreGoWhereConfiguredAndNoGoWhereNot() {
    assertGo(GateRun.into(reports.resolve("configured")).with(SurfaceStackProvider.VARIANT, "enum-as-number")
        .with(SurfaceStackProvider.ENUMS_AS_NUMBERS, "true").run(SurfaceParityGates.class));
    Outcome strict = GateRun.into(reports.resolve("strict")).with(SurfaceStackProvider.VARIANT, "enum-as-number").run(SurfaceParityGates.class);
    assertNoGoOnMerge(strict);
    assertThat(failed(strict, "run-lifecycle › read back on every surface: grpc ↔ http").reason())
        .contains("on http: /state: enum sent as number 1 where the contract's JSON convention is names");
  }

  private void assertGo(Outcome out) {
    List<CheckResult> rows = out.report().results().stream().filter(r -> r.checkId().startsWith(SurfaceParityGates.class.getName() + ".")).toList();
    assertThat(rows).as("rows").hasSize(11)
        .allSatisfy(r -> assertThat(r.status()).as(r.description() + ": " + r.reason()).isEqualTo(CheckStatus.PASSED))
        .allSatisfy(r -> assertThat(r.invariants()).containsExactly("INV-01"));
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  private Outcome gates(String variant) {
    return GateRun.into(reports).with(SurfaceStackProvider.VARIANT, variant).run(SurfaceParityGates.class);
  }

  private static void assertNoGoOnMerge(Outcome out) {
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blocked()).isEqualTo(BlockedScope.MERGE);
  }

  private static CheckResult failed(Outcome out, String description) {
    CheckResult row = row(out, description);
    assertThat(row.status()).as("status of %s: %s", description, row.reason()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).containsExactly("INV-01");
    assertThat(row.reason()).startsWith("INV-01 violated");
    return row;
  }

  private static CheckResult row(Outcome out, String description) {
    return out.report().results().stream().filter(r -> r.description().equals(description)).findFirst()
        .orElseThrow(() -> new AssertionError("no row '" + description + "' in " + out.report().results().stream()
            .map(CheckResult::description).toList()));
  }
}
