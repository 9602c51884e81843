package dev.invariantharness.scan.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Finds {@code info/exclude} for a working tree: {@code .git} is a directory in a plain clone,
 * and a file ({@code gitdir: ...}) in a linked worktree or submodule, whose {@code commondir}
 * names the directory that holds the shared {@code info/exclude}.
 */
final class GitDirectory {

  private GitDirectory() {}

  /** The {@code info/exclude} file of the repository at {@code root}, or {@code null}. */
  static Path infoExclude(Path root) throws IOException {
    Path dotGit = root.resolve(".git");
    if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
      return existing(dotGit.resolve("info").resolve("exclude"));
    }
    if (!Files.isRegularFile(dotGit)) {
      return null;
    }
    String content = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
    if (!content.startsWith("gitdir:")) {
      return null;
    }
    Path gitDir = root.resolve(content.substring("gitdir:".length()).strip());
    Path commonDirFile = gitDir.resolve("commondir");
    Path common = gitDir;
    if (Files.isRegularFile(commonDirFile)) {
      common = gitDir.resolve(Files.readString(commonDirFile, StandardCharsets.UTF_8).strip());
    }
    return existing(common.resolve("info").resolve("exclude"));
  }

  private static Path existing(Path p) {
    return Files.isRegularFile(p) ? p : null;
  }
}
