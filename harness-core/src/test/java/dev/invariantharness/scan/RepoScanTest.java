package dev.invariantharness.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.scan.SkippedPath.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RepoScanTest {

  @TempDir
  Path repo;

  @Test
  void aHitPrintsAsPathColonLineColonText() throws IOException {
    write("apps/web/live.ts", "import x from 'y';\n\nconst es = new EventSource(url);\n");

    List<ScanHit> hits = RepoScan.of(repo).grep(Pattern.compile("EventSource"));

    assertThat(hits).containsExactly(new ScanHit("apps/web/live.ts", 3, "const es = new EventSource(url);"));
    assertThat(hits.get(0)).hasToString("apps/web/live.ts:3: const es = new EventSource(url);");
  }

  @Test
  void eachMatchingLineIsReportedOnceWithItsOneBasedNumber() throws IOException {
    write("a.txt", "poll poll poll\nnothing\npoll\n\npoll");

    assertThat(RepoScan.of(repo).grep(Pattern.compile("poll")))
        .extracting(ScanHit::line)
        .containsExactly(1, 3, 5);
  }

  @Test
  void lineTextLosesItsCarriageReturn() throws IOException {
    write("win.txt", "first\r\nsecond SSE\r\nthird\r\n");

    assertThat(RepoScan.of(repo).grep(Pattern.compile("SSE")))
        .containsExactly(new ScanHit("win.txt", 2, "second SSE"));
  }

  @Test
  void aVeryLongLineIsCutAroundTheMatch() throws IOException {
    write("min.js", "x".repeat(50_000) + "new EventSource(u)" + "y".repeat(50_000) + "\n");

    ScanHit hit = RepoScan.of(repo).grep(Pattern.compile("EventSource")).get(0);

    assertThat(hit.text()).hasSizeLessThanOrEqualTo(ScanHit.MAX_TEXT_LENGTH)
        .contains("new EventSource(u)").startsWith("…").endsWith("…");
  }

  @Test
  void caretAndDollarMatchAtLineBoundariesAsInGrep() throws IOException {
    write("a.txt", "x poll\npoll x\npoll\n");

    assertThat(RepoScan.of(repo).grep(Pattern.compile("^poll$"))).extracting(ScanHit::line).containsExactly(3);
    assertThat(RepoScan.of(repo).grep(Pattern.compile("^poll"))).extracting(ScanHit::line).containsExactly(2, 3);
  }

  @Test
  void malformedUtf8DoesNotStopTheSearch() throws IOException {
    Files.createDirectories(repo);
    Files.write(repo.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n', 'p', 'o', 'l', 'l', '\n'});

    assertThat(RepoScan.of(repo).grep(Pattern.compile("poll"))).containsExactly(new ScanHit("latin1.txt", 2, "poll"));
  }

  @Test
  void filesAreRelativeSlashSeparatedAndSorted() throws IOException {
    write("b/z.txt", "");
    write("a/y/x.txt", "");
    write("c.txt", "");

    assertThat(RepoScan.of(repo).files()).containsExactly("a/y/x.txt", "b/z.txt", "c.txt");
  }

  @Test
  void includeGlobsLimitTheScanAndADirectoryCoversItsContents() throws IOException {
    write("apps/web/a.ts", "poll");
    write("docs/sync/b.md", "poll");
    write("docs/other/c.md", "poll");
    write("README.md", "poll");

    assertThat(RepoScan.of(repo).include("apps/**", "docs/sync/**").files())
        .containsExactly("apps/web/a.ts", "docs/sync/b.md");
    assertThat(RepoScan.of(repo).include("apps", "docs/sync").files())
        .containsExactly("apps/web/a.ts", "docs/sync/b.md");
    assertThat(RepoScan.of(repo).include("**/*.md").files())
        .containsExactly("README.md", "docs/other/c.md", "docs/sync/b.md");
    assertThat(RepoScan.of(repo).include("*.md").files()).containsExactly("README.md");
  }

  @Test
  void excludeGlobsDropFilesAndPruneDirectories() throws IOException {
    write("apps/web/node_modules/lib/index.js", "EventSource");
    write("node_modules/x.js", "EventSource");
    write("apps/web/src/a.ts", "EventSource");
    write("apps/web/src/a.test.ts", "EventSource");

    RepoScan scan = RepoScan.of(repo).exclude("**/node_modules/**", "**/*.test.ts");

    assertThat(scan.files()).containsExactly("apps/web/src/a.ts");
    assertThat(scan.grep(Pattern.compile("EventSource"))).extracting(ScanHit::path).containsExactly("apps/web/src/a.ts");
  }

  @Test
  void aBuilderStepReturnsANewScanAndLeavesTheOriginalAlone() throws IOException {
    write("a/x.txt", "");
    write("b/y.txt", "");
    RepoScan all = RepoScan.of(repo);

    RepoScan onlyA = all.include("a");

    assertThat(onlyA).isNotSameAs(all);
    assertThat(all.files()).containsExactly("a/x.txt", "b/y.txt");
    assertThat(onlyA.files()).containsExactly("a/x.txt");
  }

  @Test
  void gitignoreIsRespectedByDefaultAndCanBeTurnedOff() throws IOException {
    write(".gitignore", "dist/\n*.log\n");
    write("dist/bundle.js", "EventSource");
    write("app.log", "EventSource");
    write("src/a.ts", "EventSource");

    assertThat(RepoScan.of(repo).files()).containsExactly(".gitignore", "src/a.ts");
    assertThat(RepoScan.of(repo).respectGitignore(false).files())
        .containsExactly(".gitignore", "app.log", "dist/bundle.js", "src/a.ts");
  }

  @Test
  void theGitDirectoryIsNeverScanned() throws IOException {
    write(".git/config", "EventSource");
    write(".git/objects/ab/cd", "EventSource");
    write("sub/.git", "gitdir: ../.git/modules/sub\n");
    write("a.txt", "EventSource");

    assertThat(RepoScan.of(repo).respectGitignore(false).grep(Pattern.compile("EventSource")))
        .extracting(ScanHit::path).containsExactly("a.txt");
  }

  @Test
  void aLinkedWorktreeUsesTheCommonInfoExclude() throws IOException {
    Path common = repo.resolve("main/.git");
    write("main/.git/info/exclude", "*.secret\n");
    write("main/.git/worktrees/wt/commondir", "../..\n");
    Path worktree = repo.resolve("wt");
    Files.createDirectories(worktree);
    Files.writeString(worktree.resolve(".git"), "gitdir: " + common.resolve("worktrees/wt") + "\n");
    Files.writeString(worktree.resolve("a.secret"), "x");
    Files.writeString(worktree.resolve("a.txt"), "x");

    assertThat(RepoScan.of(worktree).files()).containsExactly("a.txt");
  }

  @Test
  void binaryFilesAreSkippedAndListedAsGitDecides() throws IOException {
    byte[] early = "EventSource\n\0rest".getBytes(StandardCharsets.UTF_8);
    byte[] late = new byte[9000];
    java.util.Arrays.fill(late, (byte) 'x');
    System.arraycopy("\nEventSource\n".getBytes(StandardCharsets.UTF_8), 0, late, 0, 13);
    late[8500] = 0; // beyond the first 8000 bytes: still text for git
    Files.write(repo.resolve("image.png"), early);
    Files.write(repo.resolve("mostly-text.txt"), late);

    ScanResult result = RepoScan.of(repo).search(Pattern.compile("EventSource"));

    assertThat(result.hits()).extracting(ScanHit::path).containsExactly("mostly-text.txt");
    assertThat(result.skipped()).containsExactly(new SkippedPath("image.png", Reason.BINARY, ""));
    assertThat(result.files()).containsExactly("image.png", "mostly-text.txt");
  }

  @Test
  void filesOverTheSizeCapAreSkippedAndListed() throws IOException {
    write("big.txt", "EventSource\n" + "x".repeat(2000));
    write("small.txt", "EventSource\n");

    ScanResult result = RepoScan.of(repo).maxFileSize(1024).search(Pattern.compile("EventSource"));

    assertThat(result.hits()).extracting(ScanHit::path).containsExactly("small.txt");
    assertThat(result.skipped(Reason.TOO_LARGE)).extracting(SkippedPath::path).containsExactly("big.txt");
  }

  @Test
  void symlinksAreNotFollowedByDefaultButListed() throws IOException {
    write("real/a.txt", "EventSource");
    Files.createSymbolicLink(repo.resolve("alias"), repo.resolve("real"));
    Files.createSymbolicLink(repo.resolve("link.txt"), repo.resolve("real/a.txt"));

    ScanResult result = RepoScan.of(repo).search(Pattern.compile("EventSource"));

    assertThat(result.hits()).extracting(ScanHit::path).containsExactly("real/a.txt");
    assertThat(result.skipped()).containsExactly(
        new SkippedPath("alias", Reason.SYMLINK, ""), new SkippedPath("link.txt", Reason.SYMLINK, ""));
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aSymlinkLoopTerminatesWhenLinksAreFollowed() throws IOException {
    write("a/b/file.txt", "EventSource");
    Files.createSymbolicLink(repo.resolve("a/b/up"), repo.resolve("a"));          // a/b/up -> a
    Files.createSymbolicLink(repo.resolve("a/self"), Path.of("."));               // a/self -> a
    Files.createSymbolicLink(repo.resolve("a/b/root"), repo);                     // a/b/root -> root
    write("elsewhere/x/y.txt", "EventSource");
    Files.createSymbolicLink(repo.resolve("via"), repo.resolve("elsewhere/x"));   // a plain alias
    Files.createSymbolicLink(repo.resolve("elsewhere/x/back"), repo.resolve("elsewhere"));

    ScanResult result = RepoScan.of(repo).followSymlinks(true).search(Pattern.compile("EventSource"));

    // via/back leads to elsewhere, which is not yet on via's path; its x then is.
    assertThat(result.hits()).extracting(ScanHit::path).containsExactly(
        "a/b/file.txt", "elsewhere/x/y.txt", "via/y.txt");
    assertThat(result.skipped(Reason.SYMLINK_LOOP)).extracting(SkippedPath::path).containsExactly(
        "a/b/root", "a/b/up", "a/self", "elsewhere/x/back", "via/back/x");
  }

  @Test
  void aDanglingLinkIsListedAsUnreadableWhenLinksAreFollowed() throws IOException {
    write("ok.txt", "EventSource");
    Files.createSymbolicLink(repo.resolve("gone.txt"), repo.resolve("does-not-exist.txt"));

    ScanResult result = RepoScan.of(repo).followSymlinks(true).search(Pattern.compile("EventSource"));

    assertThat(result.hits()).extracting(ScanHit::path).containsExactly("ok.txt");
    assertThat(result.unreadable()).singleElement().satisfies(s -> {
      assertThat(s.path()).isEqualTo("gone.txt");
      assertThat(s.detail()).contains("NoSuchFileException");
    });
  }

  @Test
  void anUnreadableFileOrDirectoryDoesNotAbortTheScan() throws IOException {
    assumeFalse(isRoot(), "running as root: permissions cannot make a file unreadable"
        + " (aDanglingLinkIsListedAsUnreadableWhenLinksAreFollowed covers the listing)");
    write("locked.txt", "EventSource");
    write("closed/inner.txt", "EventSource");
    write("open.txt", "EventSource");
    Files.setPosixFilePermissions(repo.resolve("locked.txt"), PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(repo.resolve("closed"), PosixFilePermissions.fromString("---------"));
    try {
      ScanResult result = RepoScan.of(repo).search(Pattern.compile("EventSource"));

      assertThat(result.hits()).extracting(ScanHit::path).containsExactly("open.txt");
      assertThat(result.unreadable()).extracting(SkippedPath::path).containsExactly("closed", "locked.txt");
    } finally {
      Files.setPosixFilePermissions(repo.resolve("locked.txt"), PosixFilePermissions.fromString("rw-------"));
      Files.setPosixFilePermissions(repo.resolve("closed"), PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aMissingRootIsAnInputErrorNamingThePath() {
    Path missing = repo.resolve("no-such-repo");

    assertThatThrownBy(() -> RepoScan.of(missing).files())
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void aRootThatIsAFileIsAnInputError() throws IOException {
    write("file.txt", "");

    assertThatThrownBy(() -> RepoScan.of(repo.resolve("file.txt")).grep(Pattern.compile("x")))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("file.txt")
        .hasMessageContaining("not a directory");
  }

  @Test
  void aGlobThatLeavesTheRootIsAnInputError() {
    assertThatThrownBy(() -> RepoScan.of(repo).include("/etc/**"))
        .isInstanceOf(HarnessInputException.class).hasMessageContaining("/etc/**");
    assertThatThrownBy(() -> RepoScan.of(repo).exclude("../x"))
        .isInstanceOf(HarnessInputException.class).hasMessageContaining("../x");
    assertThatThrownBy(() -> RepoScan.of(repo).include(" "))
        .isInstanceOf(HarnessInputException.class).hasMessageContaining("blank");
  }

  @Test
  void aPathologicalPatternIsReportedNotThrown() throws IOException {
    write("long.txt", "ab".repeat(200_000) + "\n");

    ScanResult result = RepoScan.of(repo).search(Pattern.compile("(a|b)*[cd]"));

    assertThat(result.hits()).isEmpty();
    assertThat(result.skipped(Reason.SEARCH_FAILED)).extracting(SkippedPath::path).containsExactly("long.txt");
  }

  @Test
  void manyFilesInParallelGiveTheSameSortedResultAsOneThread() throws IOException {
    for (int d = 0; d < 20; d++) {
      for (int f = 0; f < 50; f++) {
        write("d" + d + "/s" + (f % 3) + "/f" + f + ".txt", f % 7 == 0 ? "a\npoll\n" : "nothing\n");
      }
    }
    Pattern poll = Pattern.compile("poll");

    List<ScanHit> parallel = RepoScan.of(repo).parallelism(4).grep(poll);
    List<ScanHit> single = RepoScan.of(repo).parallelism(1).grep(poll);

    assertThat(parallel).hasSize(20 * 8).isEqualTo(single);
    assertThat(parallel).isSortedAccordingTo(
        java.util.Comparator.comparing(ScanHit::path).thenComparingInt(ScanHit::line));
  }

  @Test
  void theLiteralShortcutAndTheFullRegexFindTheSameLines() throws IOException {
    write("a.ts", "x\nnew EventSource(u)\npolling\n");
    write("b.md", "nothing here\n");
    write("c.txt", "SSE SSE\ncafé poll\n");

    // the first pattern is searched by its literals first; the \x53 escape keeps the second,
    // equivalent one from having any, so its regex runs over every file
    List<ScanHit> shortcut = RepoScan.of(repo).grep(Pattern.compile("SSE|EventSource|poll"));
    List<ScanHit> fullRegex = RepoScan.of(repo).grep(Pattern.compile("\\x53SE|EventSource|poll"));

    assertThat(shortcut).hasSize(4).isEqualTo(fullRegex);
  }

  private void write(String relative, String content) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
