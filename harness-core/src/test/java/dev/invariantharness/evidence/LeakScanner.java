package dev.invariantharness.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Walks every file under a directory and reports each line holding a planted secret. */
final class LeakScanner {

  private LeakScanner() {}

  /** One {@code file:line: label} entry per line that contains a secret; empty when clean. */
  static List<String> leaks(Path root, Map<String, String> secretsByLabel) {
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
        String relative = root.relativize(file).toString().replace('\\', '/');
        secretsByLabel.forEach((label, secret) -> {
          if (relative.contains(secret)) {
            leaks.add(relative + ": " + label + " in the file name");
          }
          for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(secret)) {
              leaks.add(relative + ":" + (i + 1) + ": " + label + " in line: " + lines.get(i));
            }
          }
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return leaks;
  }
}
