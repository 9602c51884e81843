package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Writes a file under its final name only once it is complete: the bytes go to a hidden
 * temporary file beside it, which is then moved into place (atomically where the file system
 * can). A crash leaves at most a {@code .*.tmp} file, never a half-written evidence file. No
 * fsync: this protects against a dying build, not a dying machine.
 */
@API(status = INTERNAL, since = "0.1")
public final class AtomicFiles {

  private static final AtomicLong COUNTER = new AtomicLong();

  /**
   * Bytes handed to the kernel per write call. {@code Files.write} hands over 8 KiB at a time, so
   * a report of a megabyte took over a hundred calls; a larger slice takes a few, while the
   * direct buffer the JDK keeps per thread for heap writes stays bounded.
   */
  private static final int SLICE = 256 * 1024;

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target}, replacing it if present. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + COUNTER.incrementAndGet() + ".tmp");
    try {
      writeNew(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes {@code bytes} to {@code file}, which must not exist yet, in a few large write calls.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
   */
  public static void writeNew(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int offset = 0; offset < bytes.length; ) {
        ByteBuffer slice = ByteBuffer.wrap(bytes, offset, Math.min(SLICE, bytes.length - offset));
        while (slice.hasRemaining()) {
          offset += channel.write(slice);
        }
      }
    }
  }
}
