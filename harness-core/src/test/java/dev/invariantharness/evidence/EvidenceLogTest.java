package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogTest {

  @TempDir Path staging;

  private EvidenceLog log(String check) {
    return new EvidenceLog(staging, check, Redactor.defaults());
  }

  private String read(EvidenceRef ref) throws IOException {
    return Files.readString(staging.resolve(ref.path()));
  }

  private List<Path> allFiles() throws IOException {
    try (Stream<Path> files = Files.walk(staging)) {
      return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void eachAttachmentIsANumberedFileRelativeToTheStagingRoot() throws IOException {
    EvidenceLog log = log("RuntimeFreezeTest.writesAreRejected()");
    HttpExchange exchange = new HttpExchange("POST", "https://runtime.test/internal/v1/runs", null, "{}", 503,
        null, "{\"error\":\"write_path_frozen\"}", Duration.ofMillis(9));

    EvidenceRef text = log.text("write mode", "read_only");
    EvidenceRef http = log.http(exchange);
    EvidenceRef frames = log.frames("sync:v1 frames", List.of("[null,null,\"sync:v1\",\"sync:heartbeat\",{}]"));
    EvidenceRef diff = log.diff("legacy vs rust", "a\nb\n", "a\nc\n");

    String dir = "evidence/RuntimeFreezeTest-writesAreRejected/";
    assertThat(log.list()).containsExactly(
        new EvidenceRef("write mode", "text", dir + "001-write-mode.txt"),
        new EvidenceRef("POST /internal/v1/runs", "http", dir + "002-post-internal-v1-runs.http.txt"),
        new EvidenceRef("sync:v1 frames", "frames", dir + "003-sync-v1-frames.frames.txt"),
        new EvidenceRef("legacy vs rust", "diff", dir + "004-legacy-vs-rust.diff.txt"));
    assertThat(List.of(text, http, frames, diff)).isEqualTo(log.list());
    assertThat(read(text)).isEqualTo("read_only");
    assertThat(read(http)).contains("--> 503 in 9 ms").contains("write_path_frozen");
    assertThat(read(frames)).isEqualTo("# 1 frame\n0001  [null,null,\"sync:v1\",\"sync:heartbeat\",{}]\n");
  }

  @Test
  void diffIsUnifiedAndSaysWhenThereIsNoDifference() throws IOException {
    EvidenceLog log = log("ParityTest");

    String diff = read(log.diff("runs list", "{\n  \"status\": \"ok\",\n  \"count\": 2\n}", "{\n  \"status\": \"ok\",\n  \"count\": 3\n}"));
    String same = read(log.diff("same", "x", "x"));

    assertThat(diff).isEqualTo("--- expected\n+++ actual\n@@ -1,4 +1,4 @@\n {\n   \"status\": \"ok\",\n-  \"count\": 2\n+  \"count\": 3\n }\n");
    assertThat(same).isEqualTo("(no differences between expected and actual after redaction)\n");
  }

  @Test
  void unterminatedFrameDoesNotHideTheNextFrame() throws IOException {
    EvidenceLog log = log("KhalaTest");

    String content = read(log.frames("frames", List.of("{\"token\":\"abc", "{\"seq\":2}", "line one\nline two")));

    assertThat(content).isEqualTo("# 3 frames\n0001  {\"token\":\"[REDACTED]\n0002  {\"seq\":2}\n0003  line one\n      line two\n");
  }

  @Test
  void namesCannotEscapeTheCheckDirectory() throws IOException {
    Path staging = this.staging.resolve("run");
    EvidenceLog log = new EvidenceLog(staging, "../../../../tmp/evil", Redactor.defaults());

    EvidenceRef ref = log.text("../../../etc/passwd", "x");
    EvidenceRef hidden = log.text("..", "y");
    EvidenceRef windows = log.text("..\\..\\boot.ini", "z");

    assertThat(ref.path()).isEqualTo("evidence/tmp-evil/001-etc-passwd.txt");
    assertThat(hidden.path()).isEqualTo("evidence/tmp-evil/002-text.txt");
    assertThat(windows.path()).isEqualTo("evidence/tmp-evil/003-boot-ini.txt");
    try (Stream<Path> files = Files.walk(this.staging)) {
      assertThat(files.filter(Files::isRegularFile))
          .allSatisfy(f -> assertThat(f.normalize()).startsWith(staging.resolve("evidence/tmp-evil")));
    }
  }

  @Test
  void twoChecksWithTheSameNameGetSeparateDirectories() throws IOException {
    EvidenceRef first = log("Suite.check").text("a", "1");
    EvidenceRef second = log("Suite.check").text("a", "2");

    assertThat(first.path()).isEqualTo("evidence/Suite-check/001-a.txt");
    assertThat(second.path()).isEqualTo("evidence/Suite-check-2/001-a.txt");
    assertThat(read(first)).isEqualTo("1");
    assertThat(read(second)).isEqualTo("2");
  }

  @Test
  void nothingIsCreatedUntilSomethingIsAttached() throws IOException {
    EvidenceLog log = log("Quiet");

    assertThat(log.list()).isEmpty();
    try (Stream<Path> entries = Files.list(staging)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void oversizedEvidenceIsTruncatedAtTheDefaultCapWithAVisibleNote() throws IOException {
    EvidenceLog log = log("Big");
    String big = "0123456789abcdef\n".repeat(3 * 65536);

    EvidenceRef ref = log.text("big body", big);

    Path file = staging.resolve(ref.path());
    assertThat(Files.size(file)).isLessThanOrEqualTo(EvidenceLog.DEFAULT_MAX_FILE_BYTES);
    assertThat(Files.readString(file))
        .startsWith("0123456789abcdef\n")
        .endsWith("\n[evidence truncated: 3342336 bytes after redaction, the cap is 1048576 bytes per file]\n");
  }

  @Test
  void truncationHappensAfterRedactionAndKeepsUtf8Valid() throws IOException {
    EvidenceLog log = new EvidenceLog(staging, "Small", Redactor.defaults(), 300, 10);
    String content = "é".repeat(100) + "{\"token\":\"LEAKY-TOKEN-VALUE-0123456789\"}" + "ü".repeat(200);

    EvidenceRef ref = log.text("mixed", content);

    byte[] bytes = Files.readAllBytes(staging.resolve(ref.path()));
    assertThat(bytes.length).isLessThanOrEqualTo(300);
    String text = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
    assertThat(text).doesNotContain("LEAKY").contains("[evidence truncated:");
  }

  @Test
  void afterTheFileLimitOneNoteCountsWhatWasDropped() throws IOException {
    EvidenceLog log = new EvidenceLog(staging, "Chatty", Redactor.defaults(), 1024, 3);

    List<EvidenceRef> returned = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      returned.add(log.text("frame " + i, "f" + i));
    }

    EvidenceRef note = new EvidenceRef("evidence limit reached", "text", "evidence/Chatty/004-evidence-limit-reached.txt");
    assertThat(log.list()).hasSize(4).last().isEqualTo(note);
    assertThat(returned.subList(3, 6)).containsOnly(note);
    assertThat(read(note)).isEqualTo("Evidence limit reached: this check attached more than 3 files; 3 further attachment(s) were dropped.\n");
    assertThat(allFiles()).hasSize(4);
  }

  @Test
  void defaultFileLimitIsFiveHundred() {
    EvidenceLog log = log("Flood");

    for (int i = 0; i < 510; i++) {
      log.text("f", "x");
    }

    assertThat(log.list()).hasSize(501);
    assertThat(log.list().get(500).path()).endsWith("/501-evidence-limit-reached.txt");
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void concurrentAttachesFromEightThreadsProduceDistinctCompleteFiles() throws Exception {
    EvidenceLog log = log("SocketCallbacks");
    int threads = 8;
    int perThread = 40;
    String payload = "{\"seq\":%d,\"thread\":%d,\"access_token\":\"tok-%d-%d\",\"pad\":\"" + "p".repeat(20_000) + "\"}";
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<EvidenceRef>>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          List<EvidenceRef> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            mine.add(log.text("t" + thread + " frame " + i, String.format(payload, i, thread, thread, i)));
          }
          return mine;
        }));
      }
      start.countDown();
      Set<String> paths = new HashSet<>();
      for (int t = 0; t < threads; t++) {
        List<EvidenceRef> mine = futures.get(t).get(20, TimeUnit.SECONDS);
        for (int i = 0; i < perThread; i++) {
          EvidenceRef ref = mine.get(i);
          assertThat(paths.add(ref.path())).as("distinct path %s", ref.path()).isTrue();
          assertThat(read(ref)).isEqualTo(String.format(payload, i, t, t, i).replace("tok-" + t + "-" + i, "[REDACTED]"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(log.list()).hasSize(threads * perThread);
    assertThat(log.list().stream().map(EvidenceRef::path)).isSorted();
    assertThat(allFiles()).hasSize(threads * perThread).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
  }

  @Test
  void evidenceNamesAreRedactedAndCollapsedToOneLine() {
    EvidenceLog log = log("Names");

    EvidenceRef ref = log.text("GET /x?token=abc123\n\tretry  2", "body");

    assertThat(ref.name()).isEqualTo("GET /x?token=[REDACTED] retry 2");
    assertThat(ref.path()).isEqualTo("evidence/Names/001-get-x-token-redacted-retry-2.txt");
  }

  @Test
  void badLimitsAreRejectedNamingTheSetting() {
    assertThatThrownBy(() -> new EvidenceLog(staging, "c", Redactor.defaults(), 10, 5))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("evidence maxFileBytes: must be at least 256, was 10");
    assertThatThrownBy(() -> new EvidenceLog(staging, "c", Redactor.defaults(), 1024, 0))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("evidence maxFiles: must be at least 1, was 0");
  }

  @Test
  void unwritableStagingRootFailsNamingThePath() throws IOException {
    Path notADirectory = Files.writeString(staging.resolve("occupied"), "file");
    EvidenceLog log = new EvidenceLog(notADirectory, "c", Redactor.defaults());

    assertThatThrownBy(() -> log.text("a", "b"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write evidence file")
        .hasMessageContaining("occupied");
  }

  @Test
  void nullContentAndNamesAreTolerated() throws IOException {
    EvidenceLog log = log("Nulls");

    EvidenceRef text = log.text(null, null);
    EvidenceRef frames = log.frames(null, null);
    EvidenceRef diff = log.diff(null, null, "x");

    assertThat(text.path()).endsWith("/001-text.txt");
    assertThat(read(frames)).isEqualTo("# 0 frames\n");
    assertThat(diff.name()).isEqualTo("diff");
    assertThat(Map.of("t", read(text))).containsEntry("t", "");
  }

  @Test
  void limitsAtTheirMinimumAreAccepted() throws IOException {
    EvidenceLog log = new EvidenceLog(staging, "Minimal", Redactor.defaults(), 256, 1);

    assertThat(read(log.text("one", "fits"))).isEqualTo("fits");
  }

  @Test
  void aFileOfExactlyTheCapIsKeptWhole() throws IOException {
    EvidenceLog log = new EvidenceLog(staging, "Cap", Redactor.defaults(), 256, 5);
    String exactly = "x".repeat(256);

    assertThat(read(log.text("full", exactly))).isEqualTo(exactly);
    assertThat(read(log.text("over", exactly + "y"))).contains("[evidence truncated: 257 bytes after redaction");
  }

  @Test
  void truncationNeverSplitsAMultiByteCharacterWhateverTheCap() throws IOException {
    for (int cap = 256; cap < 260; cap++) {
      EvidenceLog log = new EvidenceLog(staging, "Utf8-" + cap, Redactor.defaults(), cap, 5);
      byte[] written = Files.readAllBytes(staging.resolve(log.text("accents", "é".repeat(400)).path()));

      assertThat(written.length).isLessThanOrEqualTo(cap);
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(written)).toString();
      assertThat(text).startsWith("éé").contains("[evidence truncated: 800 bytes");
    }
  }

  @Test
  void oneFrameIsCountedInTheSingularAndANullFrameIsShown() throws IOException {
    EvidenceLog log = log("Frames");

    assertThat(read(log.frames("one", List.of("a")))).isEqualTo("# 1 frame\n0001  a\n");
    assertThat(read(log.frames("null", java.util.Arrays.asList("a", null)))).isEqualTo("# 2 frames\n0001  a\n0002  (null)\n");
  }

  @Test
  void aMissingActualIsDiffedAsEmpty() throws IOException {
    EvidenceRef diff = log("Diffs").diff("gone", "x", null);

    assertThat(read(diff)).contains("-x");
  }

  @Test
  void evidenceNamesAreCappedAndABlankNameGetsTheKindsName() {
    EvidenceLog log = log("LongNames");

    assertThat(log.text("a".repeat(300), "b").name()).hasSize(200);
    assertThat(log.text(" \t\n ", "b").name()).isEqualTo("text");
  }
}
