package dev.invariantharness.khala.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.khala.fake.FaultSchedule;
import dev.invariantharness.khala.live.samples.LiveSyncSampleSuite;
import dev.invariantharness.testkit.GateRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fixture as a user gets it: injected into an {@code @InvariantTest} suite from configuration. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveSyncInjectionTest {

  private static final String TOKEN = "tok-injected-7c1e-secret";

  @TempDir Path reports;

  @Test
  void aConfiguredTargetIsInjectedAndACorrectOneIsGo() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("run:1:events", 30).start()) {
      GateRun.Outcome out = run(khala);
      assertThat(out.report().results()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASSED));
      assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
    }
  }

  @Test
  void aBrokenTargetIsNoGoAndTheTokenAppearsInNoReportFile() throws IOException {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("run:1:events", 30).faults(FaultSchedule.none().gaps(0.3)).start()) {
      GateRun.Outcome out = run(khala);
      assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
      assertThat(out.report().results()).filteredOn(r -> r.checkId().endsWith("deliveryIsOrdered")).singleElement()
          .satisfies(r -> assertThat(r.reason()).startsWith("INV-07 violated").contains("frame never delivered"));
      for (Path file : files(reports)) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
      }
    }
  }

  private GateRun.Outcome run(FakeSyncServer khala) {
    return GateRun.into(reports)
        .with("invariant.harness.target.khala.base-url", khala.baseUri().toString())
        .with(LiveSyncProvider.TOKEN, TOKEN)
        .with("invariant.harness.timeout.ws", "3s")
        .run(LiveSyncSampleSuite.class);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
