package dev.invariantharness.scan.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of one ignore file, bound to the directory that holds it: a {@code .gitignore}
 * applies to paths below its own directory, {@code .git/info/exclude} to the whole tree.
 */
final class GitignoreFile {

  private final GitignorePattern[] patterns;
  private final int baseLength;

  private GitignoreFile(List<GitignorePattern> patterns, int baseLength) {
    this.patterns = patterns.toArray(new GitignorePattern[0]);
    this.baseLength = baseLength;
  }

  /**
   * Parses ignore-file bytes as git does: an optional UTF-8 BOM is skipped, lines end at LF with
   * an optional CR before it, a missing final newline is fine.
   *
   * @param source name used in diagnostics, e.g. {@code apps/.gitignore}
   * @param baseDir the directory the file applies to, relative to the root, '/'-separated, no
   *     trailing '/'; empty for the root
   */
  static GitignoreFile parse(String source, String baseDir, byte[] content) {
    int start = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
      start = 3;
    }
    List<GitignorePattern> patterns = new ArrayList<>();
    int lineNo = 0;
    int i = start;
    while (i < content.length) {
      int end = i;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      lineNo++;
      int lineEnd = end;
      if (lineEnd > i && content[lineEnd - 1] == '\r') {
        lineEnd--;
      }
      GitignorePattern pattern = GitignorePattern.parse(
          source, lineNo, new String(content, i, lineEnd - i, StandardCharsets.UTF_8));
      if (pattern != null) {
        patterns.add(pattern);
      }
      i = end + 1;
    }
    return new GitignoreFile(patterns, baseDir.getBytes(StandardCharsets.UTF_8).length);
  }

  boolean isEmpty() {
    return patterns.length == 0;
  }

  /** The last pattern matching the path (git: last line wins), or {@code null}. */
  GitignorePattern lastMatch(byte[] path, int pathLen, int basename, boolean isDir) {
    for (int i = patterns.length - 1; i >= 0; i--) {
      if (patterns[i].matches(path, pathLen, basename, isDir, baseLength)) {
        return patterns[i];
      }
    }
    return null;
  }
}
