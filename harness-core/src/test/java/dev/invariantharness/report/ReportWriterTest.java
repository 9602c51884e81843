package dev.invariantharness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.report.internal.ResultsTsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  private static final String FIRST = "20261122T223614Z";

  @TempDir
  Path tmp;

  private Path root() {
    return tmp.resolve("invariant-reports");
  }

  private Path staging() throws IOException {
    Path staging = tmp.resolve("staging");
    Path dir = Files.createDirectories(staging.resolve("evidence/ControlGates-healthIsReady"));
    Files.writeString(dir.resolve("001-get-readyz.http.txt"), "GET /readyz\n\nHTTP/1.1 200\n");
    Files.writeString(staging.resolve("not-evidence.txt"), "stays behind");
    return staging;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static ReportView failing() {
    return new ReportView() {
      @Override
      public String fileName() {
        return "broken.txt";
      }

      @Override
      public String render(GateReport report) {
        throw new IllegalArgumentException("renderer exploded");
      }
    };
  }

  @Test
  void theReportDirectoryIsReadableByOtherUsers() throws IOException {
    Path dir = new ReportWriter().write(SampleReports.full(), root(), staging(), null);
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX permissions");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-xr-x");
  }

  @Test
  void writesEveryDefaultViewAndTheEvidenceIntoATimestampDirectory() throws IOException {
    Path dir = new ReportWriter().write(SampleReports.full(), root(), staging(), null);

    assertThat(dir).isEqualTo(root().toAbsolutePath().resolve(FIRST));
    assertThat(names(dir)).containsExactly(
        "SUMMARY.md", "evidence", "index.html", "results.tsv", "summary.json");
    assertThat(dir.resolve("evidence/ControlGates-healthIsReady/001-get-readyz.http.txt"))
        .hasContent("GET /readyz\n\nHTTP/1.1 200\n");
    assertThat(dir.resolve("results.tsv"))
        .hasContent(new ResultsTsv().render(SampleReports.full()).stripTrailing());
    assertThat(GateReportJson.read(dir.resolve("summary.json"))).isEqualTo(SampleReports.full());
  }

  @Test
  void evidenceLinkedFromThePageExistsInTheReportDirectory() throws IOException {
    GateReport report = SampleReports.ofRows(SampleReports.results().get(0));

    Path dir = new ReportWriter().write(report, root(), staging(), null);

    Matcher m = Pattern.compile("href=\"(evidence/[^\"]+)\"")
        .matcher(Files.readString(dir.resolve("index.html")));
    assertThat(m.find()).isTrue();
    assertThat(dir.resolve(m.group(1))).isRegularFile();
  }

  @Test
  void latestIsARelativeLinkToTheNewReportAndLatestFileNamesIt() throws IOException {
    Path dir = new ReportWriter().write(SampleReports.full(), root(), null, null);

    Path latest = root().resolve("latest");
    assertThat(Files.isSymbolicLink(latest)).isTrue();
    assertThat(Files.readSymbolicLink(latest)).isEqualTo(Path.of(FIRST));
    assertThat(latest.toRealPath()).isEqualTo(dir.toRealPath());
    assertThat(root().resolve("LATEST")).hasContent(FIRST);
  }

  @Test
  void aSecondRunInTheSameSecondGetsASuffixAndBecomesLatest() throws IOException {
    ReportWriter writer = new ReportWriter();
    writer.write(SampleReports.full(), root(), null, null);

    Path second = writer.write(SampleReports.full(), root(), null, null);

    assertThat(second.getFileName()).hasToString(FIRST + "-2");
    assertThat(Files.readSymbolicLink(root().resolve("latest"))).isEqualTo(Path.of(FIRST + "-2"));
    assertThat(root().resolve("LATEST")).hasContent(FIRST + "-2");
    assertThat(names(root())).containsExactly(FIRST, FIRST + "-2", "LATEST", "latest");
  }

  @Test
  void sanitizerCleansEveryRenderedFile() throws IOException {
    String secret = "sk-live-0123456789abcdef";
    CheckResult leaky = new CheckResult("Leaky.check", true, CheckStatus.FAILED,
        "called with token " + secret, "control", List.of("INV-01"), 1,
        "Authorization: Bearer " + secret, "curl -H 'Authorization: Bearer " + secret + "'",
        List.of(), null);

    Path dir = new ReportWriter().write(SampleReports.ofRows(leaky), root(), null,
        text -> text.replace(secret, "[REDACTED]"));

    for (ReportView view : ReportWriter.defaultViews()) {
      assertThat(Files.readString(dir.resolve(view.fileName())))
          .as(view.fileName()).doesNotContain(secret).contains("[REDACTED]");
    }
  }

  @Test
  void aFailingViewLeavesThePreviousReportAndLatestIntactAndNoHalfDirectory() throws IOException {
    new ReportWriter().write(SampleReports.full(), root(), staging(), null);
    ReportWriter broken = new ReportWriter(List.of(new ResultsTsv(), failing()));
    GateReport later = SampleReports.fullAt(Instant.parse("2026-11-23T08:00:00Z"));

    assertThatThrownBy(() -> broken.write(later, root(), staging(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("report view broken.txt failed to render: renderer exploded")
        .hasCauseInstanceOf(IllegalArgumentException.class);

    assertThat(names(root())).containsExactly(FIRST, "LATEST", "latest");
    assertThat(Files.readSymbolicLink(root().resolve("latest"))).isEqualTo(Path.of(FIRST));
    assertThat(root().resolve("LATEST")).hasContent(FIRST);
    assertThat(root().resolve("latest/summary.json")).isRegularFile();
  }

  @Test
  void beforeWritingSeesEveryViewAsItWillBeWrittenBeforeAnyFileIs() throws IOException {
    List<String> keys = new ArrayList<>();
    List<Boolean> reportExisted = new ArrayList<>();
    Path dir = new ReportWriter().write(SampleReports.full(), root(), staging(), text -> text.replace("GO", "G0"),
        views -> {
          keys.addAll(views.keySet());
          reportExisted.add(Files.exists(root().resolve(FIRST)));
          for (var view : views.entrySet()) {
            Files.writeString(tmp.resolve("copy-" + view.getKey()), view.getValue());
          }
        });

    assertThat(keys).containsExactly("results.tsv", "SUMMARY.md", "summary.json", "index.html");
    assertThat(reportExisted).containsExactly(false);
    for (String name : keys) {
      assertThat(dir.resolve(name)).hasSameTextualContentAs(tmp.resolve("copy-" + name));
    }
    assertThat(Files.readString(tmp.resolve("copy-summary.json"))).contains("NO-G0").doesNotContain("NO-GO");
  }

  @Test
  void aFailureBeforeWritingPublishesNothing() throws IOException {
    new ReportWriter().write(SampleReports.full(), root(), staging(), null);
    GateReport later = SampleReports.fullAt(Instant.parse("2026-11-23T08:00:00Z"));

    assertThatThrownBy(() -> new ReportWriter().write(later, root(), staging(), null, views -> {
      throw new IOException("the part cannot be written");
    })).isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("the part cannot be written");

    assertThat(names(root())).containsExactly(FIRST, "LATEST", "latest");
    assertThat(root().resolve("LATEST")).hasContent(FIRST);
  }

  @Test
  void aFailingFirstRunLeavesNoLatestAtAll() throws IOException {
    ReportWriter broken = new ReportWriter(List.of(failing()));

    assertThatThrownBy(() -> broken.write(SampleReports.full(), root(), staging(), null))
        .isInstanceOf(IllegalStateException.class);

    assertThat(names(root())).isEmpty();
  }

  @Test
  void aRegularFileInPlaceOfTheReportsDirectoryIsRefusedNamingIt() throws IOException {
    Path file = Files.writeString(root(), "not a directory");

    assertThatThrownBy(() -> new ReportWriter().write(SampleReports.full(), file, null, null))
        .isInstanceOfSatisfying(HarnessInputException.class, e -> {
          assertThat(e.input()).isEqualTo(file.toAbsolutePath().toString());
          assertThat(e.problem()).contains("is a file, not a directory");
        });
    assertThat(file).hasContent("not a directory");
  }

  @Test
  void aRegularFileInTheWayOfTheReportsDirectorysParentIsRefusedNamingThePath()
      throws IOException {
    Path blocker = Files.writeString(tmp.resolve("target"), "oops");
    Path root = blocker.resolve("invariant-reports");

    assertThatThrownBy(() -> new ReportWriter().write(SampleReports.full(), root, null, null))
        .isInstanceOfSatisfying(HarnessInputException.class, e -> {
          assertThat(e.input()).isEqualTo(root.toAbsolutePath().toString());
          assertThat(e.problem()).startsWith("cannot create the reports directory");
        });
  }

  @Test
  void anEvidenceStagingPathThatIsNotADirectoryIsRefusedNamingIt() throws IOException {
    Path file = Files.writeString(tmp.resolve("staging.txt"), "x");
    Path missing = tmp.resolve("no-staging");

    assertThatThrownBy(() -> new ReportWriter().write(SampleReports.full(), root(), file, null))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": the evidence staging directory is a file, not a directory");
    assertThatThrownBy(() -> new ReportWriter().write(SampleReports.full(), root(), missing, null))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(missing + ": the evidence staging directory does not exist");
  }

  @Test
  void aStagingDirectoryWithoutEvidenceGivesAReportWithoutEvidence() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty-staging"));

    Path dir = new ReportWriter().write(SampleReports.full(), root(), empty, null);

    assertThat(dir.resolve("evidence")).doesNotExist();
    assertThat(dir.resolve("SUMMARY.md")).isRegularFile();
  }

  @Test
  void aLinkInTheEvidenceIsCopiedAsALinkNeverFollowed() throws IOException {
    Path staging = staging();
    Path secret = Files.writeString(tmp.resolve("credentials"), "password=hunter2");
    Files.createSymbolicLink(staging.resolve("evidence/ControlGates-healthIsReady/creds"), secret);

    Path dir = new ReportWriter().write(SampleReports.full(), root(), staging, null);

    assertThat(Files.isSymbolicLink(dir.resolve("evidence/ControlGates-healthIsReady/creds")))
        .isTrue();
  }

  @Test
  void anAddedViewIsWrittenBesideTheDefaults() throws IOException {
    ReportView count = new ReportView() {
      @Override
      public String fileName() {
        return "extra/count.txt";
      }

      @Override
      public String render(GateReport report) {
        return report.results().size() + "\n";
      }
    };
    List<ReportView> views = new ArrayList<>(ReportWriter.defaultViews());
    views.add(count);

    Path dir = new ReportWriter(views).write(SampleReports.full(), root(), null, null);

    assertThat(dir.resolve("extra/count.txt")).hasContent("8");
    assertThat(dir.resolve("index.html")).isRegularFile();
  }

  @Test
  void viewsWritingTheSameFileOrOutsideTheDirectoryAreRejected() {
    assertThatThrownBy(() -> new ReportWriter(List.of(new ResultsTsv(), new ResultsTsv())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two report views write results.tsv");
    for (String name : List.of("../escape.txt", "/abs.txt", "evidence/x.txt", " ")) {
      ReportView bad = new ReportView() {
        @Override
        public String fileName() {
          return name;
        }

        @Override
        public String render(GateReport report) {
          return "";
        }
      };
      assertThatThrownBy(() -> new ReportWriter(List.of(bad)))
          .as(name).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void defaultViewsAreTheFourStandardFiles() {
    assertThat(new ReportWriter().views()).extracting(ReportView::fileName)
        .containsExactly("results.tsv", "SUMMARY.md", "summary.json", "index.html");
  }
}
