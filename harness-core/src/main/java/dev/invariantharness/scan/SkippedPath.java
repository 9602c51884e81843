package dev.invariantharness.scan;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A file or directory a {@link RepoScan} selected but did not search, and why. Skips are
 * reported rather than dropped, so a check can tell "nothing found" from "could not look".
 *
 * @param path relative to the scanned root, '/'-separated; {@code .} for the root itself
 * @param reason why it was skipped
 * @param detail more about it, e.g. the I/O error or the size; may be empty
 */
@API(status = STABLE, since = "0.1")
public record SkippedPath(String path, Reason reason, String detail) {

  /** Why a path was not searched. */
  @API(status = STABLE, since = "0.1")
  public enum Reason {
    /** A NUL byte in the first 8000 bytes: binary, as git decides it. */
    BINARY,
    /** Larger than {@link RepoScan#maxFileSize(long)} and not binary. */
    TOO_LARGE,
    /** Could not be listed or read (permissions, a dangling link, a file that vanished). */
    UNREADABLE,
    /** A symbolic link, not followed (the default, as git and {@code grep -r} do). */
    SYMLINK,
    /** A followed symbolic link back to a directory already on the current path. */
    SYMLINK_LOOP,
    /** The pattern failed on this file, e.g. a pathological regex overflowed the stack. */
    SEARCH_FAILED
  }

  public SkippedPath {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail;
  }

  @Override
  public String toString() {
    String what = reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return detail.isEmpty() ? path + ": " + what : path + ": " + what + " (" + detail + ")";
  }
}
