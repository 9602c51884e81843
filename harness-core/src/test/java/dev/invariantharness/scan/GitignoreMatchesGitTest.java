package dev.invariantharness.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scan's {@code .gitignore} semantics are git's: proved by asking {@code git check-ignore}
 * about every file of a corpus and requiring the scan to leave out exactly the files git
 * ignores.
 */
class GitignoreMatchesGitTest {

  /** The root .gitignore: one or more lines for every rule of gitignore(5). */
  private static final String ROOT_GITIGNORE = String.join("\n",
      "# a comment is not a pattern",
      "",
      "\\#hash.txt",              // escaped '#'
      "\\!bang.txt",              // escaped '!'
      "*.log",                    // '*' in a basename pattern, any level
      "!important.log",           // negation re-includes
      "build/",                   // directory only, any level
      "/rootonly.txt",            // anchored by a leading '/'
      "docs/*.tmp",               // anchored by a middle '/'
      "**/cache",                 // leading '**/'
      "logs/**",                  // trailing '/**'
      "a/**/z.txt",               // '/**/' matches zero or more directories
      "foo?.txt",                 // '?'
      "[abc]x.dat",               // class
      "[!abc]y.dat",              // negated class with '!'
      "[^abc]w.dat",              // negated class with '^'
      "[a-c]r.dat",               // range
      "*.bak   ",                 // unescaped trailing spaces are dropped
      "trail\\ ",                 // an escaped trailing space is kept
      "space\\ name.txt",         // an escaped inner space
      "nested/deep/",             // anchored directory-only pattern
      "/anchored/dir/",           // leading '/' and directory-only
      "onlyname",                 // matches files and directories of that name
      "dironly/",                 // a file called dironly is not ignored
      "*.o",
      "!keep.o",
      "secret/",                  // a directory excluded ...
      "!secret/allowed.txt",      // ... cannot have its files re-included
      "vendor/*",                 // everything in vendor ...
      "!vendor/keep/",            // ... except one directory, which can come back
      "out/**/*.class",
      "**/temp/**",
      "x/**",
      "!x/y/",                    // cannot re-include: x/** already excluded x/y's contents
      "[[:digit:]]*.num",         // POSIX class
      "*[[:upper:]].up",
      "[[:alpha:]][[:space:]]c.sp",
      "star*middle.txt",
      "a**/b.txt",                // '**' not next to '/' is an ordinary '*' (mostly)
      "CHANGELOG",
      "*.d/",                     // directory-only with a wildcard
      "!keep.cfg",                // a .gitignore negation beats .git/info/exclude
      "deep/**/leaf/",
      "mid/*/end.txt",            // one '*' segment
      "sub/**/q.txt",
      "\\[literal].txt",          // escaped '['
      "ends\\",                   // a trailing backslash matches nothing
      "   ",                      // only spaces: matches nothing
      "!",                        // a lone '!' matches nothing
      "*.tmp",
      "!docs/keep.tmp",
      "sub?inner/plain",          // '?' never matches '/' in a path pattern
      "a*c/plain",                // nor does a single '*'
      "a[/]b/plain",              // nor does a class
      "a/**b/plain") + "\n";     // "**" before a letter is an ordinary '*' 

  private static final String SUB_GITIGNORE = String.join("\n",
      "*.txt",
      "!keep.txt",
      "/local.md",               // anchored to sub/, not to the root
      "deep/**/x.md",
      "!*.log",                  // deeper .gitignore overrides the root's *.log
      "build",                   // no slash: file or directory at any level below sub/
      "!cache",                  // cannot undo root's **/cache for sub/cache? it can: deeper wins
      "inner/*.md") + "\n";

  private static final String INNER_GITIGNORE = String.join("\n",
      "!*.txt",
      "*.md",
      "!x.md") + "\n";

  private static final String DOCS_GITIGNORE = "!draft.tmp\n/onlyhere.txt\n";

  private static final String SECRET_GITIGNORE = "!*\n"; // never read: secret/ is excluded

  private static final String VENDOR_KEEP_GITIGNORE = "*.gen\n";

  private static final String INFO_EXCLUDE = String.join("\n",
      "*.cfg",
      "*.excl",
      "!important.excl",
      "/local-only/",
      "*.swp") + "\n";

  private static final List<String> DIRECTORIES = List.of(
      "", "sub/", "sub/inner/", "sub/inner/deeper/", "docs/", "docs/api/", "a/", "a/b/", "a/b/c/",
      "x/", "x/y/", "x/z/", "vendor/", "vendor/keep/", "vendor/other/", "secret/", "out/",
      "out/p/q/", "nested/deep/", "sub/nested/deep/", "anchored/dir/", "sub/anchored/dir/",
      "logs/", "sub/logs/", "deep/leaf/", "deep/m/n/leaf/", "sub/deep/k/", "build/", "sub/build/",
      "cache/", "sub/cache/", "a/cache/", "temp/", "sub/temp/t/", "q.d/", "sub/x.d/", "z/onlyname/",
      "z/dironly/", "mid/one/", "mid/one/two/", "local-only/", "sub/local-only/", "crlf/", "bom/",
      "ab/", "abc/d/");

  private static final List<String> NAMES = List.of(
      "a.log", "important.log", "app.txt", "keep.txt", "local.md", "x.md", "y.md", "z.txt",
      "foo1.txt", "foo12.txt", "ax.dat", "dx.dat", "ay.dat", "dy.dat", "aw.dat", "dw.dat",
      "br.dat", "dr.dat", "file.bak", "trail ", "trail", "#hash.txt", "!bang.txt",
      "rootonly.txt", "onlyname", "dironly", "keep.o", "m.o", "Main.class", "7.num", "n7.num",
      "fileU.up", "fileu.up", "a c.sp", "ab c.sp", "starXmiddle.txt", "starmiddle.txt", "b.txt",
      "CHANGELOG", "space name.txt", "keep.cfg", "other.cfg", "a.excl", "important.excl",
      "first.txt", "second.txt", "b.swp", "end.txt", "q.txt", "[literal].txt", "l.txt", "ends\\",
      "onlyhere.txt", "draft.tmp", "keep.tmp", "other.tmp", "allowed.txt", "lib.gen", "plain");

  @Test
  void everyGitignoreRuleMatchesGitCheckIgnore(@TempDir Path repo) throws Exception {
    Set<String> dirs = new HashSet<>();
    for (String d : DIRECTORIES) {
      String path = "";
      for (String seg : d.split("/")) {
        if (!seg.isEmpty()) {
          path = path.isEmpty() ? seg : path + "/" + seg;
          dirs.add(path);
        }
      }
    }
    for (String d : DIRECTORIES) {
      for (String name : NAMES) {
        if (!dirs.contains(d + name)) {
          write(repo, d + name, "x\n");
        }
      }
    }
    write(repo, ".gitignore", ROOT_GITIGNORE);
    write(repo, "sub/.gitignore", SUB_GITIGNORE);
    write(repo, "sub/inner/.gitignore", INNER_GITIGNORE);
    write(repo, "docs/.gitignore", DOCS_GITIGNORE);
    write(repo, "secret/.gitignore", SECRET_GITIGNORE);
    write(repo, "vendor/keep/.gitignore", VENDOR_KEEP_GITIGNORE);
    write(repo, "crlf/.gitignore", "first.txt\r\nsecond.txt  \r\n# c\r\n");
    Files.write(repo.resolve("bom/.gitignore"),
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "first.txt\nsecond.txt".getBytes(StandardCharsets.UTF_8)));

    Map<String, String> git = assertScanAgreesWithGit(repo, INFO_EXCLUDE);

    // The corpus must exercise every rule; a corpus git mostly ignores, or mostly keeps, proves little.
    long ignored = git.values().stream().filter(GitCheckIgnore::ignored).count();
    long negated = git.values().stream().filter(v -> !v.isEmpty() && !GitCheckIgnore.ignored(v)).count();
    assertThat(git).hasSizeGreaterThan(2000);
    assertThat(ignored).isBetween(git.size() / 5L, git.size() * 4L / 5);
    assertThat(negated).isGreaterThan(20);
    Set<String> decidingSources = new TreeSet<>();
    git.values().stream().filter(v -> !v.isEmpty()).forEach(v -> decidingSources.add(v.substring(0, v.indexOf(':'))));
    assertThat(decidingSources).contains(".gitignore", "sub/.gitignore", "sub/inner/.gitignore",
        "docs/.gitignore", "vendor/keep/.gitignore", "crlf/.gitignore", "bom/.gitignore", ".git/info/exclude");
    long distinctPatterns = git.values().stream().filter(v -> !v.isEmpty()).distinct().count();
    assertThat(distinctPatterns).isGreaterThanOrEqualTo(60);
  }

  /** Random patterns and paths over a tiny alphabet, where the rules interact the most. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomPatternsMatchGitCheckIgnore(long seed, @TempDir Path repo) throws Exception {
    Random random = new Random(seed);
    String[] segments = {"a", "b", "ab", "ba", "c", "a.x", "b.y"};
    Set<String> files = new TreeSet<>();
    Set<String> dirs = new HashSet<>();
    while (files.size() < 300) {
      int depth = 1 + random.nextInt(4);
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        if (i > 0) {
          path.append('/');
        }
        path.append(segments[random.nextInt(segments.length)]);
        if (i < depth - 1) {
          dirs.add(path.toString());
        }
      }
      files.add(path.toString());
    }
    files.removeIf(f -> dirs.contains(f) || dirs.stream().anyMatch(d -> f.startsWith(d + "/") && files.contains(d)));
    for (String f : files) {
      if (dirs.stream().noneMatch(d -> d.equals(f))) {
        write(repo, f, "x\n");
      }
    }
    List<String> dirList = new ArrayList<>(dirs);
    dirList.sort(null);
    write(repo, ".gitignore", randomPatterns(random, 25));
    for (int i = 0; i < 4 && !dirList.isEmpty(); i++) {
      String dir = dirList.get(random.nextInt(dirList.size()));
      write(repo, dir + "/.gitignore", randomPatterns(random, 8));
    }
    assertScanAgreesWithGit(repo, randomPatterns(random, 5));
  }

  private static String randomPatterns(Random random, int count) {
    String[] tokens = {"a", "b", "ab", "*", "?", "**", "[ab]", "[!a]", "a*", "*b", "\\a", "[a-b]", "*.x", "b.y", "c",
        "a?", "?b", "a?b", "a*b", "[a/]b", "**b", "a**", "[[:alpha:]]"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (random.nextInt(4) == 0) {
        sb.append('!');
      }
      if (random.nextInt(3) == 0) {
        sb.append('/');
      }
      int parts = 1 + random.nextInt(3);
      for (int p = 0; p < parts; p++) {
        if (p > 0) {
          sb.append('/');
        }
        sb.append(tokens[random.nextInt(tokens.length)]);
      }
      if (random.nextInt(4) == 0) {
        sb.append('/');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Runs git and the scan over the same tree and requires the same ignored set. */
  private static Map<String, String> assertScanAgreesWithGit(Path repo, String infoExclude) throws Exception {
    List<String> corpus = GitCheckIgnore.allFiles(repo);
    Map<String, String> git = GitCheckIgnore.decisions(repo, corpus);
    Files.writeString(repo.resolve(".git/info/exclude"), infoExclude, StandardCharsets.UTF_8);
    git = GitCheckIgnore.decisions(repo, corpus);

    Set<String> kept = new HashSet<>(RepoScan.of(repo).files());
    Set<String> gitIgnored = new TreeSet<>();
    Set<String> scanIgnored = new TreeSet<>();
    for (String f : corpus) {
      if (GitCheckIgnore.ignored(git.get(f))) {
        gitIgnored.add(f);
      }
      if (!kept.contains(f)) {
        scanIgnored.add(f);
      }
    }
    if (!gitIgnored.equals(scanIgnored)) {
      Map<String, String> disagreements = new LinkedHashMap<>();
      for (String f : corpus) {
        if (gitIgnored.contains(f) != scanIgnored.contains(f)) {
          disagreements.put(f, "git: " + (git.get(f).isEmpty() ? "(no pattern)" : git.get(f))
              + (gitIgnored.contains(f) ? " => ignored" : " => kept")
              + "; scan: " + (scanIgnored.contains(f) ? "ignored" : "kept"));
        }
      }
      StringBuilder message = new StringBuilder("the scan and git check-ignore disagree on ")
          .append(disagreements.size()).append(" path(s):\n");
      disagreements.forEach((f, why) -> message.append("  '").append(f).append("' ").append(why).append('\n'));
      message.append("git check-ignore -v output (ignored or negated paths):\n");
      git.forEach((f, v) -> {
        if (!v.isEmpty()) {
          message.append("  ").append(v).append('\t').append(f).append('\n');
        }
      });
      message.append("scan ignored:\n");
      scanIgnored.forEach(f -> message.append("  ").append(f).append('\n'));
      throw new AssertionError(message.toString());
    }
    return git;
  }

  private static void write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
