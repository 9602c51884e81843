package dev.invariantharness.khala.replay;

import static dev.invariantharness.khala.replay.ReplayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.InvariantViolation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frame logs as JSON-lines files: writing, reading, line numbers and malformed input. */
class FrameLogFileTest {

  @TempDir
  Path dir;

  private Path log(String... lines) throws IOException {
    Path file = dir.resolve("frames.jsonl");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void writerRecordsEveryEventKindAsOneLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FrameLogWriter recorder = FrameLogWriter.to(out)) {
      recorder.connect()
          .resume(new Watermark("run:1:events", 0))
          .sent(new Frame("run:1:events", 1))
          .applied(new Frame("run:1:events", 1))
          .discarded(new Frame("run:1:events", 1))
          .reset(new Watermark("run:1:events", 0))
          .snapshot(new Watermark("run:1:events", 1))
          .disconnect();
    }

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
        {"event":"connect"}
        {"event":"resume","topic":"run:1:events","watermark":0}
        {"event":"sent","topic":"run:1:events","seq":1}
        {"event":"applied","topic":"run:1:events","seq":1}
        {"event":"discarded","topic":"run:1:events","seq":1}
        {"event":"reset","topic":"run:1:events","watermark":0}
        {"event":"snapshot","topic":"run:1:events","watermark":1}
        {"event":"disconnect"}
        """);
  }

  @Test
  void aRecordedCleanHistoryPassesTheCheck() {
    Path file = dir.resolve("clean.jsonl");
    try (FrameLogWriter recorder = FrameLogWriter.create(file)) {
      recorder.connect().resume(new Watermark("a", 0));
      for (long seq = 1; seq <= 50; seq++) {
        recorder.sent(new Frame("a", seq)).applied(new Frame("a", seq));
        recorder.sent(new Frame("a", seq)).discarded(new Frame("a", seq));
      }
    }

    assertThat(FrameLog.of(file)).hasNoReplayViolations();
    assertThat(ReplayCheck.khala().check(file).events()).isEqualTo(202);
  }

  @Test
  void violationsNameTheFileAndItsLines() throws IOException {
    Path file = log(
        "{\"event\":\"applied\",\"topic\":\"a\",\"seq\":1}",
        "",
        "{\"event\":\"applied\",\"topic\":\"a\",\"seq\":1}");

    assertThatThrownBy(() -> assertThat(FrameLog.of(file)).hasNoReplayViolations())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-07 violated: 1 finding(s)")
        .hasMessageContaining(file + ":3 (topic a): duplicate apply: applied seq 1 again")
        .hasMessageContaining("(before it: line 1: applied a#1)");
  }

  @Test
  void unknownFieldsAreIgnored() throws IOException {
    Path file = log(
        "{\"at\":\"2026-11-30T01:00:00Z\",\"event\":\"sent\",\"topic\":\"a\",\"seq\":1,"
            + "\"payload_hash\":\"q83v\",\"node\":{\"id\":\"khala-1\",\"zone\":[1,2]}}",
        "{\"event\":\"applied\",\"seq\":1,\"topic\":\"a\",\"kind\":\"KHALA_FRAME_KIND_UPDATE_BATCH\"}",
        "{\"event\":\"reset\",\"topic\":\"a\",\"watermark\":1,\"reason\":\"stale_cursor\"}");

    assertThat(FrameLog.of(file)).hasNoReplayViolations();
  }

  @Test
  void resumeAfterMayListTopicsAsAnObject() throws IOException {
    Path file = log(
        "{\"event\":\"resume\",\"resume_after\":{\"a\":4,\"b\":7}}",
        "{\"event\":\"applied\",\"topic\":\"a\",\"seq\":5}",
        "{\"event\":\"applied\",\"topic\":\"b\",\"seq\":8}");

    ReplayReport report = ReplayCheck.of(GapPolicy.STRICT).check(file);

    assertThat(report.violations()).isEmpty();
    assertThat(report.topics()).isEqualTo(2);
  }

  @Test
  void resumeAfterMayListTopicsAsWireWatermarks() throws IOException {
    Path file = log(
        "{\"event\":\"applied\",\"topic\":\"a\",\"seq\":1}",
        "{\"event\":\"resume\",\"resume_after\":[{\"topic\":\"a\",\"watermark\":3},"
            + "{\"topic\":\"b\",\"watermark\":0}]}");

    ReplayReport report = ReplayCheck.khala().check(file);

    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(ViolationKind.RESUME_SKIPPED_FRAMES);
      assertThat(v.line()).isEqualTo(2);
    });
  }

  @Test
  void anEmptyLogIsClean() throws IOException {
    ReplayReport report = ReplayCheck.khala().check(log());

    assertThat(report.events()).isZero();
    assertThat(report.isClean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      broken JSON       | {"event":"applied","topic":"a",              | 2 | malformed JSON (noticed at line 3): Unexpected character
      unknown event     | {"event":"received","topic":"a","seq":1}     | 2 | unknown event "received"; expected one of: sent, applied, discarded, connect, disconnect, resume, reset, snapshot
      no event          | {"topic":"a","seq":1}                        | 2 | the event has no "event" field
      no seq            | {"event":"applied","topic":"a"}              | 2 | the "applied" event has no "seq"; expected {"event":"applied","topic":"...","seq":N}
      no topic          | {"event":"sent","seq":1}                     | 2 | the "sent" event has no "topic"
      no watermark      | {"event":"snapshot","topic":"a","seq":3}     | 2 | the "snapshot" event has no "watermark"
      negative seq      | {"event":"applied","topic":"a","seq":-1}     | 2 | "seq" must be a non-negative integer, found -1
      fractional seq    | {"event":"applied","topic":"a","seq":1.5}    | 2 | "seq" must be a non-negative integer, found 1.5
      seq as a string   | {"event":"applied","topic":"a","seq":"1"}    | 2 | "seq" must be a non-negative integer, found the string "1"
      topic as a number | {"event":"applied","topic":7,"seq":1}        | 2 | "topic" must be a string, found 7
      not an object     | ["applied","a",1]                            | 2 | expected one JSON object per line, found an array
      two on a line     | {"event":"connect"} {"event":"disconnect"}   | 2 | more than one event on the line
      bad resume_after  | {"event":"resume","resume_after":5}          | 2 | "resume_after" must be an object {TOPIC: WATERMARK} or a list
      """)
  void malformedLinesNameTheFileAndTheLine(String what, String line, int lineNumber,
      String problem) throws IOException {
    Path file = log("{\"event\":\"connect\"}", line, "{\"event\":\"disconnect\"}");

    assertThatThrownBy(() -> ReplayCheck.khala().check(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(file + ":" + lineNumber + ": ")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((HarnessInputException) e).line()).isEqualTo(lineNumber));
  }

  @Test
  void aMissingFileIsReportedByName() {
    Path missing = dir.resolve("nope.jsonl");

    assertThatThrownBy(() -> ReplayCheck.khala().check(missing))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(missing + ": cannot read the frame log");
  }
}
