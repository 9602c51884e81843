package dev.invariantharness.proto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The buf CLI installed from npm by the build ({@code target/buf}), run on a corpus case. Results
 * are cached under {@code target/buf-cache} by the case's content, so a rerun costs nothing.
 */
final class BufReference {

  /** What a run of buf or of the harness gave: its exit status and its JSON lines. */
  record Outcome(int exit, List<String> lines, String stderr) {
    String exitClass() {
      return exit == 0 ? "clean" : exit == 100 ? "findings" : "failure";
    }
  }

  private static final Path BUF = Path.of(System.getProperty("invariant.proto.buf", "target/buf/node_modules/.bin/buf"));
  private static final Path CACHE = Path.of("target/buf-cache");

  private BufReference() {}

  static boolean available() {
    return Files.isExecutable(BUF);
  }

  static Outcome run(Path caseDir, List<String> args, Path workingDir) throws IOException, InterruptedException {
    String key = hash(caseDir, args);
    Path cached = CACHE.resolve(caseDir.getFileName() + "-" + key + ".out");
    if (Files.exists(cached)) {
      return parse(Files.readString(cached));
    }
    List<String> command = new ArrayList<>();
    command.add(BUF.toAbsolutePath().toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
    Path home = Path.of("target/buf-home").toAbsolutePath();
    Files.createDirectories(home);
    pb.environment().put("BUF_CACHE_DIR", home.toString());
    pb.environment().put("HOME", home.toString());
    Path err = Files.createTempFile("buf", ".err");
    pb.redirectError(err.toFile());
    Process process = pb.start();
    byte[] out;
    try (InputStream in = process.getInputStream()) {
      out = in.readAllBytes();
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("buf did not finish within 120s on " + caseDir);
    }
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    Outcome outcome = new Outcome(process.exitValue(),
        new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList(), stderr);
    Files.createDirectories(CACHE);
    Files.writeString(cached, outcome.exit() + "\n" + String.join("\n", outcome.lines()) + "\n\u0000" + stderr);
    return outcome;
  }

  private static Outcome parse(String text) {
    int nul = text.indexOf('\u0000');
    String head = text.substring(0, nul);
    List<String> lines = new ArrayList<>(head.lines().toList());
    int exit = Integer.parseInt(lines.remove(0).strip());
    return new Outcome(exit, lines.stream().filter(l -> !l.isBlank()).toList(), text.substring(nul + 1));
  }

  private static String hash(Path caseDir, List<String> args) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.join("\u0001", args).getBytes(StandardCharsets.UTF_8));
      digest.update(BUF.toString().getBytes(StandardCharsets.UTF_8));
      try (Stream<Path> walk = Files.walk(caseDir)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          digest.update(caseDir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(p));
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
