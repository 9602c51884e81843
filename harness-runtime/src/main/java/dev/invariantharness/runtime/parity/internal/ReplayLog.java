package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A replay JSONL file reduced to what parity compares: the hash of its canonical lines and the
 * number of runtime events (lines with a numeric {@code seq}). Streams the file, so memory does
 * not grow with its length.
 *
 * @param hash SHA-256 hex of the canonical lines joined by newlines
 * @param runtimeEvents lines carrying a numeric {@code seq}
 */
public record ReplayLog(String hash, int runtimeEvents) {

  /** Reads and reduces {@code file}; a missing file or a malformed line is an input error. */
  public static ReplayLog read(Path file) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    int events = 0;
    int lineNo = 0;
    boolean first = true;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = Json.parse(line, file.toString(), lineNo, "replay line");
        if (!node.isObject()) {
          throw new HarnessInputException(file.toString(), lineNo, "replay line must be a JSON object", null);
        }
        if (node.path("seq").isNumber()) {
          events++;
        }
        if (!first) {
          sha.update((byte) '\n');
        }
        first = false;
        sha.update(Json.canonical(node).getBytes(StandardCharsets.UTF_8));
      }
    } catch (NoSuchFileException e) {
      throw new HarnessInputException(file.toString(), "replay log does not exist");
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), lineNo, "replay log cannot be read: " + e, e);
    }
    return new ReplayLog(HexFormat.of().formatHex(sha.digest()), events);
  }
}
