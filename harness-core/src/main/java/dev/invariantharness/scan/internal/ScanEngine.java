package dev.invariantharness.scan.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.scan.ScanHit;
import dev.invariantharness.scan.ScanResult;
import dev.invariantharness.scan.SkippedPath;
import dev.invariantharness.scan.SkippedPath.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a repository tree and, optionally, greps it: one fork/join task per directory, so
 * listing, ignore matching, reading and matching all run in parallel on a bounded pool.
 *
 * <p>Each file is read once as bytes; a NUL in the first 8000 bytes marks it binary (git's
 * rule). When the pattern has a {@link LiteralPrefilter}, a file holding none of its literals
 * is done with after a byte search. Otherwise the content is decoded as UTF-8 (malformed bytes
 * replaced) and the regex runs over it in one pass; line numbers are counted only up to each
 * hit, and after a hit the search resumes at the next line, so a line is reported once.
 */
public final class ScanEngine {

  /** git's {@code FIRST_FEW_BYTES}: how far it looks for a NUL to call a file binary. */
  static final int BINARY_PROBE = 8000;

  private final ScanSpec spec;
  private final Pattern pattern;
  private final LiteralPrefilter prefilter;
  private final Queue<String> files = new ConcurrentLinkedQueue<>();
  private final Queue<ScanHit> hits = new ConcurrentLinkedQueue<>();
  private final Queue<SkippedPath> skipped = new ConcurrentLinkedQueue<>();

  private ScanEngine(ScanSpec spec, Pattern pattern) {
    this.spec = spec;
    this.pattern = pattern == null ? null : lineAware(pattern);
    this.prefilter = pattern == null ? null : LiteralPrefilter.of(pattern);
  }

  /**
   * Runs a scan.
   *
   * @param pattern the pattern to grep for, or {@code null} to only list files
   * @throws HarnessInputException when the root does not exist or is not a directory
   */
  public static ScanResult run(ScanSpec spec, Pattern pattern) {
    Path root = spec.root();
    if (!Files.exists(root)) {
      throw new HarnessInputException(root.toString(), "repository root does not exist");
    }
    if (!Files.isDirectory(root)) {
      throw new HarnessInputException(root.toString(), "repository root is not a directory");
    }
    return new ScanEngine(spec, pattern).run();
  }

  // '^' and '$' should mean line start and end, as in grep, since the regex sees a whole file.
  private static Pattern lineAware(Pattern p) {
    return (p.flags() & Pattern.MULTILINE) != 0 ? p : Pattern.compile(p.pattern(), p.flags() | Pattern.MULTILINE);
  }

  private ScanResult run() {
    IgnoreRules rules = IgnoreRules.none();
    if (spec.respectGitignore()) {
      rules = IgnoreRules.root(readInfoExclude());
    }
    Ancestors ancestors = null;
    if (spec.followSymlinks()) {
      try {
        ancestors = new Ancestors(spec.root().toRealPath(), null);
      } catch (IOException e) {
        skipped.add(new SkippedPath(".", Reason.UNREADABLE, describe(e)));
        return result();
      }
    }
    ForkJoinPool pool = new ForkJoinPool(spec.parallelism());
    try {
      pool.invoke(new DirectoryTask(spec.root(), "", rules, spec.includes().isEmpty(), ancestors));
    } finally {
      pool.shutdownNow();
    }
    return result();
  }

  private byte[] readInfoExclude() {
    try {
      Path exclude = GitDirectory.infoExclude(spec.root());
      return exclude == null ? null : Files.readAllBytes(exclude);
    } catch (IOException e) {
      skipped.add(new SkippedPath(".git/info/exclude", Reason.UNREADABLE, describe(e)));
      return null;
    }
  }

  private ScanResult result() {
    List<String> sortedFiles = new ArrayList<>(files);
    sortedFiles.sort(Comparator.naturalOrder());
    List<ScanHit> sortedHits = new ArrayList<>(hits);
    sortedHits.sort(Comparator.comparing(ScanHit::path).thenComparingInt(ScanHit::line));
    List<SkippedPath> sortedSkips = new ArrayList<>(skipped);
    sortedSkips.sort(Comparator.comparing(SkippedPath::path).thenComparing(SkippedPath::reason));
    return new ScanResult(sortedFiles, sortedHits, sortedSkips);
  }

  /** Real directories on the way down, to stop a followed link from walking in circles. */
  private record Ancestors(Path real, Ancestors parent) {
    boolean contains(Path p) {
      for (Ancestors a = this; a != null; a = a.parent) {
        if (a.real.equals(p)) {
          return true;
        }
      }
      return false;
    }
  }

  private final class DirectoryTask extends RecursiveAction {

    private static final long serialVersionUID = 1L;

    private final Path dir;
    private final String rel;
    private final transient IgnoreRules rules;
    private final boolean included;
    private final transient Ancestors ancestors;

    DirectoryTask(Path dir, String rel, IgnoreRules rules, boolean included, Ancestors ancestors) {
      this.dir = dir;
      this.rel = rel;
      this.rules = rules;
      this.included = included;
      this.ancestors = ancestors;
    }

    @Override
    protected void compute() {
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        for (Path entry : stream) {
          entries.add(entry);
        }
      } catch (IOException | DirectoryIteratorException e) {
        skipped.add(new SkippedPath(rel.isEmpty() ? "." : rel, Reason.UNREADABLE, describe(e)));
        return;
      }
      IgnoreRules here = rules;
      if (spec.respectGitignore()) {
        here = withOwnGitignore(entries);
      }
      List<DirectoryTask> subtasks = new ArrayList<>();
      List<String> ownFiles = new ArrayList<>();
      List<Path> ownPaths = new ArrayList<>();
      List<Long> ownSizes = new ArrayList<>();
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.equals(".git")) {
          continue;
        }
        String path = rel.isEmpty() ? name : rel + "/" + name;
        BasicFileAttributes attrs;
        try {
          attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          if (inScope(bytes(path))) {
            skipped.add(new SkippedPath(path, Reason.UNREADABLE, describe(e)));
          }
          continue;
        }
        byte[] pathBytes = bytes(path);
        int basename = rel.isEmpty() ? 0 : pathBytes.length - 1 - utf8Length(name);
        boolean isDir = attrs.isDirectory();
        if (excluded(pathBytes, isDir) || ignored(here, pathBytes, basename, isDir)) {
          continue;
        }
        if (attrs.isSymbolicLink()) {
          if (!spec.followSymlinks()) {
            if (inScope(pathBytes)) {
              skipped.add(new SkippedPath(path, Reason.SYMLINK, ""));
            }
            continue;
          }
          try {
            attrs = Files.readAttributes(entry, BasicFileAttributes.class);
          } catch (IOException e) {
            if (inScope(pathBytes)) {
              skipped.add(new SkippedPath(path, Reason.UNREADABLE, describe(e)));
            }
            continue;
          }
        }
        if (attrs.isDirectory()) {
          DirectoryTask sub = subdirectory(entry, path, pathBytes, here, !isDir);
          if (sub != null) {
            subtasks.add(sub);
          }
        } else if (attrs.isRegularFile() && inScope(pathBytes)) {
          ownFiles.add(path);
          ownPaths.add(entry);
          ownSizes.add(attrs.size());
        }
      }
      // Fork the subdirectories first so idle workers steal them while this one reads its files.
      for (DirectoryTask sub : subtasks) {
        sub.fork();
      }
      for (int i = 0; i < ownFiles.size(); i++) {
        files.add(ownFiles.get(i));
        if (pattern != null) {
          search(ownFiles.get(i), ownPaths.get(i), ownSizes.get(i));
        }
      }
      for (DirectoryTask sub : subtasks) {
        sub.join();
      }
    }

    private DirectoryTask subdirectory(Path entry, String path, byte[] pathBytes, IgnoreRules here, boolean viaLink) {
      boolean childIncluded = included;
      if (!childIncluded) {
        for (PathGlob glob : spec.includes()) {
          if (glob.coversDirectory(pathBytes)) {
            childIncluded = true;
            break;
          }
        }
      }
      if (!childIncluded && !mayContainIncluded(path)) {
        return null;
      }
      Ancestors chain = null;
      if (ancestors != null) {
        Path real;
        try {
          real = viaLink ? entry.toRealPath() : ancestors.real().resolve(entry.getFileName());
        } catch (IOException e) {
          skipped.add(new SkippedPath(path, Reason.UNREADABLE, describe(e)));
          return null;
        }
        if (ancestors.contains(real)) {
          skipped.add(new SkippedPath(path, Reason.SYMLINK_LOOP, "-> " + real));
          return null;
        }
        chain = new Ancestors(real, ancestors);
      }
      return new DirectoryTask(entry, path, here, childIncluded, chain);
    }

    private IgnoreRules withOwnGitignore(List<Path> entries) {
      for (Path entry : entries) {
        if (entry.getFileName().toString().equals(".gitignore")
            && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          // git reads a directory's .gitignore even when the file itself is ignored
          try {
            return rules.withGitignore(rel, Files.readAllBytes(entry));
          } catch (IOException e) {
            skipped.add(new SkippedPath(rel.isEmpty() ? ".gitignore" : rel + "/.gitignore",
                Reason.UNREADABLE, describe(e)));
          }
        }
      }
      return rules;
    }

    private boolean inScope(byte[] pathBytes) {
      if (included) {
        return true;
      }
      for (PathGlob glob : spec.includes()) {
        if (glob.matches(pathBytes)) {
          return true;
        }
      }
      return false;
    }

    private boolean mayContainIncluded(String path) {
      String[] segments = path.split("/");
      for (PathGlob glob : spec.includes()) {
        if (glob.mayMatchBelow(segments)) {
          return true;
        }
      }
      return false;
    }
  }

  private boolean excluded(byte[] pathBytes, boolean isDir) {
    for (PathGlob glob : spec.excludes()) {
      if (isDir ? glob.coversDirectory(pathBytes) : glob.matches(pathBytes)) {
        return true;
      }
    }
    return false;
  }

  private static boolean ignored(IgnoreRules rules, byte[] pathBytes, int basename, boolean isDir) {
    GitignorePattern match = rules.decide(pathBytes, pathBytes.length - 1, basename, isDir);
    return match != null && !match.negative();
  }

  private static int utf8Length(String s) {
    int n = s.length();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return s.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return n;
  }

  private static byte[] bytes(String path) {
    byte[] raw = path.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[raw.length + 1];
    System.arraycopy(raw, 0, out, 0, raw.length);
    return out;
  }

  private void search(String path, Path file, long size) {
    try {
      if (size > spec.maxFileSize()) {
        byte[] head = readHead(file);
        skipped.add(isBinary(head, head.length)
            ? new SkippedPath(path, Reason.BINARY, "")
            : new SkippedPath(path, Reason.TOO_LARGE, size + " bytes > " + spec.maxFileSize()));
        return;
      }
      byte[] content = Files.readAllBytes(file);
      // One char per byte: a plain copy, on which indexOf is a JVM intrinsic.
      String bytes = new String(content, StandardCharsets.ISO_8859_1);
      int nul = bytes.indexOf(0);
      if (nul >= 0 && nul < BINARY_PROBE) {
        skipped.add(new SkippedPath(path, Reason.BINARY, ""));
        return;
      }
      if (prefilter != null && !prefilter.mayMatch(bytes)) {
        return;
      }
      String text = new String(content, StandardCharsets.UTF_8);
      List<ScanHit> found = new ArrayList<>();
      try {
        findHits(path, text, pattern, found);
      } catch (StackOverflowError e) {
        found.clear();
        if (!findHitsLineByLine(path, text, found)) {
          skipped.add(new SkippedPath(path, Reason.SEARCH_FAILED,
              "the pattern overflowed the stack on a line of this file"));
        }
      }
      hits.addAll(found);
    } catch (IOException e) {
      skipped.add(new SkippedPath(path, Reason.UNREADABLE, describe(e)));
    }
  }

  private static byte[] readHead(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(BINARY_PROBE);
    }
  }

  private static boolean isBinary(byte[] content, int probe) {
    for (int i = 0; i < probe; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  static void findHits(String path, String text, Pattern pattern, List<ScanHit> out) {
    Matcher m = pattern.matcher(text);
    int line = 1;
    int counted = 0;
    int from = 0;
    int length = text.length();
    while (from <= length && m.find(from)) {
      int start = m.start();
      for (int i = counted; i < start; i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      counted = start;
      int lineStart = text.lastIndexOf('\n', start - 1) + 1;
      int lineEnd = text.indexOf('\n', start);
      if (lineEnd < 0) {
        lineEnd = length;
      }
      out.add(new ScanHit(path, line, lineText(text, lineStart, lineEnd, start)));
      from = lineEnd + 1;
    }
  }

  private boolean findHitsLineByLine(String path, String text, List<ScanHit> out) {
    Matcher m = pattern.matcher("");
    int line = 1;
    int lineStart = 0;
    boolean complete = true;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      try {
        m.reset(text.subSequence(lineStart, lineEnd));
        if (m.find()) {
          out.add(new ScanHit(path, line, lineText(text, lineStart, lineEnd, lineStart + m.start())));
        }
      } catch (StackOverflowError e) {
        complete = false;
      }
      if (lineEnd == text.length()) {
        break;
      }
      lineStart = lineEnd + 1;
      line++;
    }
    return complete;
  }

  // The line without CR/LF; a long line is cut to a window around the match.
  static String lineText(String text, int lineStart, int lineEnd, int matchStart) {
    int end = lineEnd;
    while (end > lineStart && text.charAt(end - 1) == '\r') {
      end--;
    }
    int max = ScanHit.MAX_TEXT_LENGTH;
    if (end - lineStart <= max) {
      return text.substring(lineStart, end);
    }
    int from = Math.max(lineStart, Math.min(matchStart - max / 4, end - (max - 2)));
    int to = Math.min(end, from + max - 2);
    return (from > lineStart ? "…" : "") + text.substring(from, to) + (to < end ? "…" : "");
  }

  private static String describe(Exception e) {
    Throwable t = e instanceof DirectoryIteratorException && e.getCause() != null ? e.getCause() : e;
    String name = t.getClass().getSimpleName();
    if (t instanceof FileSystemException fse && fse.getReason() != null) {
      return name + ": " + fse.getReason();
    }
    return name;
  }
}
