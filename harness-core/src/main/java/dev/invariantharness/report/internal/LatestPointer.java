package dev.invariantharness.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The stable pointers to the newest report: {@code latest} (a symbolic link, or a copy where
 * links are not supported) and {@code LATEST} (a one-line file naming the directory, for tools
 * that cannot follow links). Each is built under a temporary name and renamed into place, so a
 * reader never sees a half-written pointer: it sees the previous report or the new one.
 */
public final class LatestPointer {

  /** Name of the link or directory. */
  public static final String LINK = "latest";
  /** Name of the one-line text file. */
  public static final String FILE = "LATEST";

  /** Creates a symbolic link; a seam so tests can act out a file system without links. */
  @FunctionalInterface
  interface Linker {
    void link(Path link, Path target) throws IOException;
  }

  private final Linker linker;

  /** Pointers using symbolic links where the file system allows them. */
  public LatestPointer() {
    this((link, target) -> Files.createSymbolicLink(link, target));
  }

  LatestPointer(Linker linker) {
    this.linker = linker;
  }

  /** Points {@code root/latest} and {@code root/LATEST} at {@code report}, a child of root. */
  public void update(Path root, Path report) throws IOException {
    String name = report.getFileName().toString();
    Path staged = root.resolve(".latest-" + UUID.randomUUID());
    boolean linked;
    try {
      // relative, so the tree can be moved or archived without breaking the link
      linker.link(staged, Path.of(name));
      linked = true;
    } catch (UnsupportedOperationException | IOException | SecurityException e) {
      linked = false;
    }
    try {
      if (!linked) {
        FileTrees.copy(report, staged);
      }
      replace(root, staged, root.resolve(LINK));
    } catch (IOException | RuntimeException e) {
      FileTrees.deleteQuietly(staged, e);
      throw e;
    }
    writeLatestFile(root, name);
  }

  /**
   * Renames {@code staged} over {@code target}. A link replaces a link atomically. Where a
   * directory is involved on either side (a copy made where links are not supported) the
   * rename cannot replace, so the old {@code latest} is first renamed aside: it is then briefly
   * absent, but never half written.
   */
  private static void replace(Path root, Path staged, Path target) throws IOException {
    boolean directoryInvolved = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(staged, LinkOption.NOFOLLOW_LINKS);
    if (!directoryInvolved || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path aside = root.resolve(".latest-old-" + UUID.randomUUID());
    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException restore) {
        e.addSuppressed(restore);
      }
      throw e;
    }
    FileTrees.delete(aside);
  }

  private static void writeLatestFile(Path root, String name) throws IOException {
    Path staged = root.resolve(".LATEST-" + UUID.randomUUID());
    try {
      Files.writeString(staged, name + "\n", StandardCharsets.UTF_8);
      Files.move(staged, root.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      FileTrees.deleteQuietly(staged, e);
      throw e;
    }
  }
}
