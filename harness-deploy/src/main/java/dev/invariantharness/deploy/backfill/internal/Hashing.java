package dev.invariantharness.deploy.backfill.internal;

import dev.invariantharness.deploy.backfill.HashProgress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, streamed through a direct buffer so gigabytes cost no heap. */
public final class Hashing {

  private static final int BUFFER = 1 << 20;

  private Hashing() {}

  /** Lowercase hex SHA-256 of {@code file}, reporting progress. */
  public static String sha256(Path file, HashProgress progress) throws IOException {
    MessageDigest md = sha256();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
         HashProgress.Tracker t = progress.start("sha256 " + file.getFileName(), ch.size())) {
      ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
      int n;
      while ((n = ch.read(buf)) >= 0) {
        if (n == 0 && !buf.hasRemaining()) {
          buf.clear();
          continue;
        }
        buf.flip();
        md.update(buf);
        buf.clear();
        t.advance(n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Lowercase hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
