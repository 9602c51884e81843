package dev.invariantharness.deploy.backfill;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Told about long work (hashing gigabytes) so a CLI can show progress; the library itself is silent.
 *
 * <pre>{@code
 * HashProgress p = (task, total) -> bytes -> System.err.println(task + " " + bytes + "/" + total);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface HashProgress {

  /** Nothing shown. */
  HashProgress SILENT = (task, total) -> Tracker.NONE;

  /** One task's progress. */
  interface Tracker extends AutoCloseable {
    /** Does nothing. */
    Tracker NONE = bytes -> { };

    /** {@code bytes} more are done. */
    void advance(long bytes);

    /** The task is over. */
    @Override
    default void close() {}
  }

  /** A task of {@code totalBytes} begins. */
  Tracker start(String task, long totalBytes);
}
