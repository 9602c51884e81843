package dev.invariantharness.report.internal;

import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where report directories go: the reports root is checked once, each report is staged in a
 * hidden temporary directory beside its final place and renamed into place in one step, so no
 * directory with a final name is ever half written.
 */
public final class ReportDirectories {

  /** Prefix of staging directories; hidden, so listings of reports do not show them. */
  public static final String STAGING_PREFIX = ".tmp-";

  /** Names tried before giving up on finding a free one (a clock stuck in a loop, say). */
  private static final int MAX_SUFFIX = 10_000;

  private ReportDirectories() {}

  /**
   * Creates {@code root} if needed and checks it is a writable directory.
   *
   * @throws HarnessInputException naming {@code root} when something is in the way
   */
  public static Path prepareRoot(Path root) {
    Path dir = root.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new HarnessInputException(dir.toString(),
          "the reports directory is a file, not a directory; move it away or choose another "
              + "reports directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new HarnessInputException(dir.toString(), -1,
          "cannot create the reports directory (" + e + ")", e);
    }
    if (!Files.isWritable(dir)) {
      throw new HarnessInputException(dir.toString(), "the reports directory is not writable");
    }
    return dir;
  }

  /** A fresh staging directory under {@code root} for a report to be named {@code base}. */
  public static Path stage(Path root, String base) {
    try {
      Path staged = Files.createTempDirectory(root, STAGING_PREFIX + base + "-");
      // A temporary directory is owner-only (0700), and it is renamed into place as the report:
      // open it up like any directory under target/, so CI artifact collectors and other users
      // can read the report (the files in it are 0644 by the umask).
      if (Files.getFileStore(staged).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      return staged;
    } catch (IOException e) {
      throw new HarnessInputException(root.toString(), -1,
          "cannot create a staging directory in the reports directory (" + e + ")", e);
    }
  }

  /**
   * Renames {@code staged} to {@code root/base}, or {@code base-2}, {@code base-3}, ... when
   * that name is taken (two runs in the same second).
   */
  public static Path publish(Path staged, Path root, String base) throws IOException {
    FileTrees.makeReadable(staged);
    for (int i = 1; i <= MAX_SUFFIX; i++) {
      Path target = root.resolve(i == 1 ? base : base + "-" + i);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        return Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
        // another run took the name between the check and the rename; try the next one
      }
    }
    throw new IOException("no free report directory name for " + base + " in " + root
        + " after " + MAX_SUFFIX + " attempts");
  }
}
