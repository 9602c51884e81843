package dev.invariantharness.scan;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.scan.internal.PathGlob;
import dev.invariantharness.scan.internal.ScanEngine;
import dev.invariantharness.scan.internal.ScanSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A grep over a repository working tree that sees the tree the way git does, for invariants
 * stated as "no file may contain X" or "no file may exist under Y".
 *
 * <pre>
 * List&lt;ScanHit&gt; hits = RepoScan.of(repoRoot)
 *     .include("apps/**", "docs/sync/**")
 *     .exclude("*&#42;/node_modules/**")
 *     .grep(Pattern.compile("SSE|EventSource|poll"));
 * hits.forEach(System.out::println);  // apps/web/live.ts:12: new EventSource(url)
 *
 * List&lt;String&gt; files = RepoScan.of(repoRoot).files();  // sorted, '/'-separated, relative
 * </pre>
 *
 * <p>What is searched, and why:
 *
 * <ul>
 *   <li><b>What git would track.</b> {@code .gitignore} files at every level and
 *       {@code .git/info/exclude} apply with git's own semantics (negation, directory-only
 *       patterns, anchoring, {@code **}, and no re-including a file below an excluded
 *       directory); {@code .git} is never entered. The user's global excludes file is not read,
 *       so the result does not depend on whose machine runs it. {@link #respectGitignore(boolean)
 *       respectGitignore(false)} searches everything.
 *   <li><b>Text only.</b> A file with a NUL byte in its first 8000 bytes is binary, as git
 *       decides it, and is skipped; so is a file over {@link #maxFileSize(long)} (8 MiB by
 *       default).
 *   <li><b>No cycles.</b> Symbolic links are not followed by default, like git and
 *       {@code grep -r}; with {@link #followSymlinks(boolean) followSymlinks(true)} a link back
 *       to a directory on the current path is reported and not entered.
 *   <li><b>Nothing lost silently.</b> Every skipped path (unreadable, binary, too large, link)
 *       is listed in {@link #search(Pattern)}'s {@link ScanResult}, so a check can fail closed.
 * </ul>
 *
 * <p>Globs are relative to the root and '/'-separated: {@code *} and {@code ?} stay within one
 * path segment, {@code **} spans segments, {@code [a-z]} is a class. A glob matching a
 * directory covers all of it, so {@code include("apps")} equals {@code include("apps/**")}.
 *
 * <p>Instances are immutable: each builder method returns a new scan, so a configured scan can
 * be shared and reused. Running one walks the tree on a bounded fork/join pool.
 */
@API(status = STABLE, since = "0.1")
public final class RepoScan {

  /** Default {@link #maxFileSize(long)}: 8 MiB. */
  public static final long DEFAULT_MAX_FILE_SIZE = 8L * 1024 * 1024;

  private final Path root;
  private final List<PathGlob> includes;
  private final List<PathGlob> excludes;
  private final boolean respectGitignore;
  private final boolean followSymlinks;
  private final long maxFileSize;
  private final int parallelism;

  private RepoScan(Path root, List<PathGlob> includes, List<PathGlob> excludes,
      boolean respectGitignore, boolean followSymlinks, long maxFileSize, int parallelism) {
    this.root = root;
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
    this.respectGitignore = respectGitignore;
    this.followSymlinks = followSymlinks;
    this.maxFileSize = maxFileSize;
    this.parallelism = parallelism;
  }

  /**
   * A scan of the working tree at {@code root}. The root is checked when the scan runs: a
   * missing root is a {@link HarnessInputException} naming it.
   */
  public static RepoScan of(Path root) {
    if (root == null) {
      throw new HarnessInputException("repository root", "must not be null");
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    return new RepoScan(root, List.of(), List.of(), true, false, DEFAULT_MAX_FILE_SIZE,
        Math.max(1, Math.min(cpus, 16)));
  }

  /** Restricts the scan to files matching any of these globs (added to earlier includes). */
  public RepoScan include(String... globs) {
    return new RepoScan(root, plus(includes, "include", globs), excludes, respectGitignore,
        followSymlinks, maxFileSize, parallelism);
  }

  /** Drops files matching any of these globs and prunes matching directories. */
  public RepoScan exclude(String... globs) {
    return new RepoScan(root, includes, plus(excludes, "exclude", globs), respectGitignore,
        followSymlinks, maxFileSize, parallelism);
  }

  /** Whether {@code .gitignore} files and {@code .git/info/exclude} apply (default true). */
  public RepoScan respectGitignore(boolean respect) {
    return new RepoScan(root, includes, excludes, respect, followSymlinks, maxFileSize,
        parallelism);
  }

  /**
   * Whether symbolic links are followed (default false). When followed, a link to a directory
   * already on the current path is skipped as {@link SkippedPath.Reason#SYMLINK_LOOP}.
   */
  public RepoScan followSymlinks(boolean follow) {
    return new RepoScan(root, includes, excludes, respectGitignore, follow, maxFileSize,
        parallelism);
  }

  /** Files larger than this many bytes are not searched (default {@value #DEFAULT_MAX_FILE_SIZE}). */
  public RepoScan maxFileSize(long bytes) {
    if (bytes < 1) {
      throw new HarnessInputException("maxFileSize", "must be positive, was " + bytes);
    }
    return new RepoScan(root, includes, excludes, respectGitignore, followSymlinks, bytes,
        parallelism);
  }

  /** Worker threads (default: available processors, at most 16). */
  public RepoScan parallelism(int threads) {
    if (threads < 1) {
      throw new HarnessInputException("parallelism", "must be at least 1, was " + threads);
    }
    return new RepoScan(root, includes, excludes, respectGitignore, followSymlinks, maxFileSize,
        threads);
  }

  /** The root this scan walks. */
  public Path root() {
    return root;
  }

  /** The selected files: relative, '/'-separated, sorted. Contents are not read. */
  public List<String> files() {
    return walk().files();
  }

  /** The selected files and the paths that could not be listed, without reading contents. */
  public ScanResult walk() {
    return ScanEngine.run(spec(), null);
  }

  /**
   * The lines matching {@code pattern}, sorted by path and line; each line is reported once.
   * Skipped files are dropped here: use {@link #search(Pattern)} when they matter.
   */
  public List<ScanHit> grep(Pattern pattern) {
    return search(pattern).hits();
  }

  /**
   * Searches every selected text file for {@code pattern}.
   *
   * <p>The pattern runs over each whole file with {@link Pattern#MULTILINE} added, so
   * {@code ^} and {@code $} match at line boundaries as in grep; a match spanning lines is
   * reported at the line where it starts.
   */
  public ScanResult search(Pattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    return ScanEngine.run(spec(), pattern);
  }

  private ScanSpec spec() {
    return new ScanSpec(root, includes, excludes, respectGitignore, followSymlinks, maxFileSize,
        parallelism);
  }

  private static List<PathGlob> plus(List<PathGlob> existing, String kind, String... globs) {
    Objects.requireNonNull(globs, kind);
    List<PathGlob> all = new ArrayList<>(existing);
    for (String glob : globs) {
      all.add(PathGlob.of(kind, glob));
    }
    return all;
  }
}
