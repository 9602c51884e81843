package dev.invariantharness.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git check-ignore} as the oracle for the harness's gitignore matcher:
 * isolated from the user's and the system's git configuration, with every wait bounded.
 */
final class GitCheckIgnore {

  private static final long TIMEOUT_SECONDS = 60;

  private GitCheckIgnore() {}

  /**
   * What git decides for each path: the matching {@code source:line:pattern}, or an empty
   * string when no pattern matched. A path is ignored when its pattern is not a negation.
   */
  static Map<String, String> decisions(Path repo, List<String> paths) throws Exception {
    run(repo, null, "git", "init", "-q");
    StringBuilder stdin = new StringBuilder();
    for (String p : paths) {
      stdin.append(p).append('\0');
    }
    String out = run(repo, stdin.toString(),
        "git", "-c", "core.ignoreCase=false", "check-ignore", "--no-index", "-v", "-n", "-z", "--stdin");
    // -z -v -n: source NUL line NUL pattern NUL path NUL, with empty fields for no match
    String[] fields = out.split("\0", -1);
    Map<String, String> decisions = new LinkedHashMap<>();
    for (int i = 0; i + 3 < fields.length; i += 4) {
      String match = fields[0 + i].isEmpty() ? "" : fields[i] + ":" + fields[i + 1] + ":" + fields[i + 2];
      decisions.put(fields[i + 3], match);
    }
    if (decisions.size() != paths.size()) {
      throw new AssertionError("git check-ignore answered " + decisions.size() + " of "
          + paths.size() + " paths; output:\n" + out.replace('\0', '|'));
    }
    return decisions;
  }

  static boolean ignored(String decision) {
    if (decision.isEmpty()) {
      return false;
    }
    // source:line:pattern — the pattern follows the second ':' after the source file name
    int first = decision.indexOf(':');
    int second = decision.indexOf(':', first + 1);
    return !decision.substring(second + 1).startsWith("!");
  }

  static String run(Path dir, String stdin, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("GIT_") || k.equals("XDG_CONFIG_HOME"));
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("HOME", dir.toString()); // no ~/.config/git/ignore either
    Path outFile = Files.createTempFile("git-out", ".txt");
    Path errFile = Files.createTempFile("git-err", ".txt");
    try {
      pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
      Process process;
      try {
        process = pb.start();
      } catch (IOException e) {
        throw new AssertionError("git is needed on PATH as the gitignore oracle: " + e.getMessage(), e);
      }
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      String out = Files.readString(outFile, StandardCharsets.UTF_8);
      int exit = process.exitValue();
      // check-ignore exits 1 when nothing is ignored; anything else above 1 is an error
      if (exit > 1) {
        throw new AssertionError(String.join(" ", command) + " exited " + exit + ": "
            + Files.readString(errFile, StandardCharsets.UTF_8));
      }
      return out;
    } finally {
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }

  /** Every regular file below {@code root} except inside {@code .git}, '/'-separated. */
  static List<String> allFiles(Path root) throws IOException {
    List<String> files = new ArrayList<>();
    try (var stream = Files.walk(root)) {
      stream.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.equals(".git") && !p.startsWith(".git/"))
          .sorted()
          .forEach(files::add);
    }
    return files;
  }
}
