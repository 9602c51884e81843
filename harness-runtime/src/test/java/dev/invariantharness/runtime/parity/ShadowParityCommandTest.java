package dev.invariantharness.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.runtime.parity.cli.ShadowParityCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI, run in-process with captured output: exit 0 allow, 1 block, 2 bad input. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ShadowParityCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = ShadowParityCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path legacy() {
    return ArtifactFixtures.run(dir.resolve("legacy"), Map.of());
  }

  @Test
  void identicalArtifactsAllowExitZeroAndWriteTheReport() {
    Path rust = ArtifactFixtures.run(dir.resolve("rust"), Map.of());
    Path report = dir.resolve("out/report.json");
    int code = run("artifacts", "--legacy-manifest", legacy().toString(), "--rust-manifest", rust.toString(), "--out", report.toString());
    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("shadow parity: allow (no critical diffs; 0 warning(s) within max_warnings 0)");
    assertThat(ParityReport.read(report).allows()).isTrue();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aCriticalArtifactDiffBlocksWithExitOneNamingTheField() {
    Path rust = ArtifactFixtures.run(dir.resolve("rust"), Map.of("checkpoint.json", "{\"last_seq\":2,\"last_event_type\":\"run.finished\"}"));
    Path report = dir.resolve("report.json");
    int code = run("artifacts", "--legacy-manifest", legacy().toString(), "--rust-manifest", rust.toString(), "--out", report.toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("shadow parity: block (1 critical diff(s): checkpoint_last_seq)")
        .contains("critical checkpoint_last_seq: legacy 3, rust 2");
    ParityReport read = ParityReport.read(report);
    assertThat(read.gate().decision()).isEqualTo(ParityDecision.BLOCK);
  }

  @Test
  void noBlockOnCriticalAndMaxWarningsLoosenTheGate() {
    Path rust = ArtifactFixtures.run(dir.resolve("rust"), Map.of("checkpoint.json", "{\"last_seq\":2,\"last_event_type\":\"run.done\"}"));
    String[] base = {"artifacts", "--legacy-manifest", legacy().toString(), "--rust-manifest", rust.toString(),
        "--out", dir.resolve("r.json").toString()};
    assertThat(run(concat(base, "--no-block-on-critical"))).isEqualTo(1);
    assertThat(out.toString()).contains("1 warning(s) exceed max_warnings 0");
    assertThat(run(concat(base, "--no-block-on-critical", "--max-warnings", "1"))).isEqualTo(0);
  }

  @Test
  void aMissingArtifactIsBadInputWithExitTwoNamingTheFile() throws IOException {
    Path rust = ArtifactFixtures.run(dir.resolve("rust"), Map.of());
    Files.delete(dir.resolve("rust/replay.jsonl"));
    int code = run("artifacts", "--legacy-manifest", legacy().toString(), "--rust-manifest", rust.toString(),
        "--out", dir.resolve("r.json").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("shadow-parity: bad input: " + dir.resolve("rust/replay.jsonl") + ": replay log does not exist");
    assertThat(dir.resolve("r.json")).doesNotExist();
  }

  @Test
  void anUnknownOptionOrMissingSubcommandIsExitTwo() {
    assertThat(run("artifacts", "--legacy-manifest", "a.json", "--rust-manifest", "b.json", "--out", "r.json", "--colour")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--colour'");
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("choose a subcommand: artifacts or traffic");
  }

  @Test
  void helpListsTheExitCodes() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("Exit codes:").contains("1   the gate blocks").contains("2   bad input");
  }

  @Test
  void trafficAllowsWhenOnlyNoiseDiffersAndBlocksOnACriticalField() throws IOException {
    Path recordings = Files.writeString(dir.resolve("traffic.jsonl"),
        "{\"method\":\"GET\",\"path\":\"/api/runs/1\"}\n{\"method\":\"GET\",\"path\":\"/api/runs/2\"}\n");
    Path rules = Files.writeString(dir.resolve("rules.yaml"), "classify:\n  - pointer: /status\n    severity: critical\n");
    TestService.Handler good = r -> new TestService.Reply(200, "{\"status\":\"completed\",\"request_id\":\"" + UUID.randomUUID() + "\"}");
    try (TestService legacy = TestService.start(good); TestService legacy2 = TestService.start(good);
        TestService candidate = TestService.start(good);
        TestService broken = TestService.start(r -> new TestService.Reply(200, "{\"status\":\"failed\",\"request_id\":\"x\"}"))) {
      int allow = run("traffic", "--recordings", recordings.toString(), "--legacy", legacy.uri().toString(),
          "--legacy-2", legacy2.uri().toString(), "--candidate", candidate.uri().toString(), "--rules", rules.toString(),
          "--out", dir.resolve("allow.json").toString(), "--timeout", "2s", "--concurrency", "4");
      assertThat(allow).as(out + "\n" + err).isEqualTo(0);
      assertThat(out.toString()).contains("replayed 2 exchange(s)").contains("2 diff(s) learned as noise on 1 route(s)");
      int block = run("traffic", "--recordings", recordings.toString(), "--legacy", legacy.uri().toString(),
          "--legacy-2", legacy2.uri().toString(), "--candidate", broken.uri().toString(), "--rules", rules.toString(),
          "--out", dir.resolve("block.json").toString(), "--timeout", "PT2S");
      assertThat(block).isEqualTo(1);
      assertThat(out.toString()).contains("critical GET /api/runs/1#/status: legacy \"completed\", rust \"failed\"");
      assertThat(ParityReport.read(dir.resolve("block.json")).totals()).isEqualTo(new ParityTotals(2, 0));
    }
  }

  @Test
  void trafficBadInputIsExitTwo() throws IOException {
    Path recordings = Files.writeString(dir.resolve("traffic.jsonl"), "{\"method\":\"GET\",\"path\":\"/a\"}\n");
    String[] base = {"traffic", "--recordings", recordings.toString(), "--candidate", "http://127.0.0.1:9", "--out", dir.resolve("r.json").toString()};
    assertThat(run(concat(base, "--legacy", "ftp://127.0.0.1:1"))).isEqualTo(2);
    assertThat(err.toString()).contains("--legacy must be an absolute http(s) URL with a host, was 'ftp://127.0.0.1:1'");
    assertThat(run(concat(base, "--legacy", "http://127.0.0.1:1", "--timeout", "soon"))).isEqualTo(2);
    assertThat(err.toString()).contains("--timeout 'soon' is not a duration");
    assertThat(run(concat(base, "--legacy", "http://127.0.0.1:1", "--rules", dir.resolve("none.yaml").toString()))).isEqualTo(2);
    assertThat(err.toString()).contains("none.yaml: rules file does not exist");
    assertThat(run(concat(base, "--legacy", "http://127.0.0.1:1", "--max-warning-rate", "2"))).isEqualTo(2);
    assertThat(err.toString()).contains("--max-warning-rate must be within 0..1, was 2.0");
  }

  private static String[] concat(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
