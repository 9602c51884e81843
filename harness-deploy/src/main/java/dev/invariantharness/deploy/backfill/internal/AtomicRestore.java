package dev.invariantharness.deploy.backfill.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any instant leaves either the old bytes or the new ones:
 * copy into a temp file in the target's own directory, fsync it, rename it over the target
 * (atomic on POSIX within a file system), then fsync the directory so the rename survives power loss.
 */
public final class AtomicRestore {

  /** Prefix of temp files; a killed restore may leave one, never a torn target. */
  public static final String TEMP_PREFIX = ".ih-restore-";

  private AtomicRestore() {}

  /** Atomically makes {@code target}'s content equal to {@code source}'s. */
  public static void replace(Path source, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".tmp");
    try {
      try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
           FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        long size = in.size();
        long done = 0;
        while (done < size) {
          done += in.transferTo(done, size - done, out);
        }
        out.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + target + " atomically: its file system has no atomic rename", e);
      }
      syncDirectory(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Atomically removes {@code target} (a store that did not exist before the backfill). */
  public static void remove(Path target) throws IOException {
    if (Files.deleteIfExists(target)) {
      syncDirectory(target.toAbsolutePath().getParent());
    }
  }

  /** Removes temp files a killed restore left in {@code dir}. */
  public static void sweep(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.getFileName().toString().startsWith(TEMP_PREFIX)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems refuse to open a directory for fsync; the rename itself is still atomic
    }
  }
}
