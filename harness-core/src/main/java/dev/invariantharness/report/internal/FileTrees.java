package dev.invariantharness.report.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/** Copying and deleting directory trees, without following symbolic links. */
public final class FileTrees {

  private FileTrees() {}

  /**
   * Copies the tree at {@code source} to {@code target}, which must not exist. A symbolic link
   * is copied as a link, never followed, so a stray link cannot pull files from elsewhere on
   * the machine into a report.
   */
  public static void copy(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, target.resolve(source.relativize(file).toString()),
            LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Deletes {@code path} and everything under it; a missing path is fine. */
  public static void delete(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure)
          throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Best-effort {@link #delete} for cleaning up after a failure: a second error must not hide
   * the first, so it is attached to {@code primary} instead of thrown.
   */
  public static void deleteQuietly(Path path, Throwable primary) {
    try {
      delete(path);
    } catch (IOException | RuntimeException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      }
    }
  }

  /**
   * Makes a report readable by other users, as a report directory is meant to be shared (a CI
   * archive step, a reviewer's account): directories {@code rwxr-xr-x}, files {@code rw-r--r--}.
   * Staging directories are created private ({@code rwx------}) by {@code createTempDirectory}.
   * A file system without POSIX permissions is left as it is.
   */
  public static void makeReadable(Path tree) throws IOException {
    if (!Files.getFileStore(tree).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> dirs =
        PosixFilePermissions.fromString("rwxr-xr-x");
    Set<PosixFilePermission> files =
        PosixFilePermissions.fromString("rw-r--r--");
    try (Stream<Path> all = Files.walk(tree)) {
      for (Path p : all.toList()) {
        if (!Files.isSymbolicLink(p)) {
          Files.setPosixFilePermissions(p, Files.isDirectory(p) ? dirs : files);
        }
      }
    }
  }
}
