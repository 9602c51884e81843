package dev.invariantharness.khala.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10-million-frame log is checked in a separate JVM limited to 64 MiB of heap: the check
 * streams the file and keeps per-topic state only, so the ten million clean frames pass, quickly,
 * and the one bad line appended at the end is found.
 *
 * <p>Tagged {@code large}: it writes about 600 MB, so it runs in its own Surefire execution in
 * the {@code integration-test} phase ({@code ./mvnw verify}), not in a plain {@code ./mvnw test}.
 */
@Tag("large")
class LargeFrameLogTest {

  private static final int FRAMES = 10_000_000;
  private static final List<String> TOPICS = List.of("run:9f3c2a7e:events",
      "worker:w-0042:lifecycle", "runtime.notifications", "runtime.codex_worker_events");
  private static final long CHILD_LIMIT_SECONDS = 60;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void tenMillionFramesAreCheckedInSixtyFourMegabytesOfHeap() throws Exception {
    Path log = dir.resolve("frames.jsonl");
    long clean = writeCleanLog(log);
    // one duplicate on the very last line: found only if the whole file was read
    String topic = TOPICS.get(0);
    Files.writeString(log, "{\"event\":\"applied\",\"topic\":\"" + topic + "\",\"seq\":1}\n",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    long lines = clean + 1;

    Child child = checkInSmallHeap(log);

    assertThat(child.output())
        .as("the check of %s in a 64 MiB JVM", log)
        .contains("checked " + lines + " events")
        .contains("1 violation(s): duplicate apply 1")
        .contains("line " + lines + ", topic \"" + topic + "\": duplicate apply: applied seq 1"
            + " again");
    assertThat(child.exitCode()).as("exit code; output:%n%s", child.output()).isEqualTo(1);
  }

  /**
   * Writes a clean history: frames of four topics interleaved, each sent and applied, with an
   * at-least-once duplicate every 1,000 frames and a reconnect that resumes every topic every
   * million. Returns the number of lines.
   */
  private static long writeCleanLog(Path log) {
    long lines = 0;
    long[] seq = new long[TOPICS.size()];
    try (FrameLogWriter recorder = FrameLogWriter.create(log)) {
      recorder.connect();
      lines++;
      int frames = 0;
      while (frames < FRAMES) {
        if (frames % 1_000_000 == 0 && frames > 0) {
          recorder.disconnect().connect();
          lines += 2;
          for (int t = 0; t < TOPICS.size(); t++) {
            recorder.resume(new Watermark(TOPICS.get(t), seq[t]));
            lines++;
          }
        }
        int t = frames % TOPICS.size();
        Frame frame = new Frame(TOPICS.get(t), ++seq[t]);
        recorder.sent(frame).applied(frame);
        lines += 2;
        frames += 2;
        if (frames % 1_000 == 0) {
          recorder.sent(frame).discarded(frame);
          lines += 2;
          frames += 2;
        }
      }
    }
    return lines;
  }

  private record Child(int exitCode, String output) {}

  private Child checkInSmallHeap(Path log) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path output = Files.createTempFile(dir, "child", ".txt");
    Process child = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        LargeFrameLogCheck.class.getName(), log.toString(), "khala")
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (!child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("checking " + log + " in a 64 MiB JVM took more than "
          + CHILD_LIMIT_SECONDS + " s; output so far:\n" + Files.readString(output));
    }
    String text = Files.readString(output);
    System.out.println("[LargeFrameLogTest] " + text.lines().findFirst().orElse(""));
    return new Child(child.exitValue(), text);
  }
}
