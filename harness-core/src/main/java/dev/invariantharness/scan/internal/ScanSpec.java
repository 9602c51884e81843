package dev.invariantharness.scan.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * What one scan run is asked to do; built by {@code RepoScan}.
 *
 * @param root the repository root as given
 * @param includes globs a file must match (or sit below); empty selects everything
 * @param excludes globs that drop a file or prune a directory
 * @param respectGitignore whether {@code .gitignore} files and {@code .git/info/exclude} apply
 * @param followSymlinks whether symbolic links are followed (with loop detection)
 * @param maxFileSize files larger than this many bytes are not searched
 * @param parallelism worker threads
 */
public record ScanSpec(
    Path root,
    List<PathGlob> includes,
    List<PathGlob> excludes,
    boolean respectGitignore,
    boolean followSymlinks,
    long maxFileSize,
    int parallelism) {

  public ScanSpec {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }
}
