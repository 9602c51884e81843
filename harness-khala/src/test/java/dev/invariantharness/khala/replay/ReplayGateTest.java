package dev.invariantharness.khala.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.khala.replay.samples.ReplayGateSample;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay check inside a gate: a recorded log of a correct client is GO, a client that applies
 * a redelivered frame twice is NO-GO on INV-07, with the violation as the reason and as evidence.
 */
class ReplayGateTest {

  @TempDir
  Path dir;

  private Path record(String name, Consumer<FrameLogWriter> history) {
    Path log = dir.resolve(name);
    try (FrameLogWriter recorder = FrameLogWriter.create(log)) {
      history.accept(recorder);
    }
    return log;
  }

  private Outcome gate(Path log) {
    return GateRun.into(dir.resolve("reports-" + log.getFileName()))
        .with("sample.frame-log", log.toString())
        .run(ReplayGateSample.class);
  }

  @Test
  void correctClientIsGo() {
    Path log = record("correct.jsonl", r -> r.connect().resume(new Watermark("a", 0))
        .sent(new Frame("a", 1)).applied(new Frame("a", 1))
        .sent(new Frame("a", 1)).discarded(new Frame("a", 1)));

    Outcome out = gate(log);

    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(row(out).status()).isEqualTo(CheckStatus.PASSED);
  }

  @Test
  void clientThatAppliesARedeliveredFrameTwiceIsNoGoOnInv07() throws Exception {
    Path log = record("duplicate.jsonl", r -> r.connect().resume(new Watermark("a", 0))
        .sent(new Frame("a", 1)).applied(new Frame("a", 1))
        .sent(new Frame("a", 1)).applied(new Frame("a", 1)));

    Outcome out = gate(log);

    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    CheckResult row = row(out);
    assertThat(row.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(row.invariants()).containsExactly("INV-07");
    assertThat(row.reason()).startsWith("INV-07 violated: 1 finding(s)")
        .contains(log + ":6 (topic a): duplicate apply: applied seq 1 again");
    assertThat(row.evidence()).singleElement().satisfies(evidence -> {
      assertThat(evidence.name()).isEqualTo("INV-07 replay violations");
      assertThat(Files.readString(out.reportDir().resolve(evidence.path())))
          .contains("1 violation(s): duplicate apply 1")
          .contains("line 6, topic \"a\": duplicate apply");
    });
  }

  private static CheckResult row(Outcome out) {
    return out.report().results().stream()
        .filter(r -> r.checkId().endsWith(".ReplayGateSample.clientAppliesEachFrameOnceInOrder"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no replay row in " + out.report().results()));
  }
}
