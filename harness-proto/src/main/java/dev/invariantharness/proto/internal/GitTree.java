package dev.invariantharness.proto.internal;

import dev.invariantharness.HarnessInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Exports a directory of a git ref into a temporary directory with {@code git ls-tree} and one
 * {@code git cat-file --batch}, leaving the repository's work tree and index alone.
 */
public final class GitTree {

  private static final long TIMEOUT_SECONDS = 60;

  private GitTree() {}

  /** The work tree {@code directory} is in and its path inside it ("." at the top). */
  public static String[] locate(Path directory) {
    String input = directory.toString();
    String top = new String(git(directory, input, null, "rev-parse", "--show-toplevel"), StandardCharsets.UTF_8).strip();
    if (top.isEmpty()) {
      throw new HarnessInputException(input, "is not inside a git work tree, so a bare ref cannot be resolved");
    }
    String prefix = new String(git(directory, input, null, "rev-parse", "--show-prefix"), StandardCharsets.UTF_8).strip();
    prefix = prefix.replaceAll("/+$", "");
    return new String[] {top, prefix.isEmpty() ? "." : prefix};
  }

  public static Path export(Path repository, String ref, String subdirectory) {
    String input = repository + "@" + ref;
    String commit = new String(git(repository, input, null, "rev-parse", "--verify", "--quiet", ref + "^{commit}"),
        StandardCharsets.UTF_8).strip();
    if (commit.isEmpty()) {
      throw new HarnessInputException(input, "baseline ref \"" + ref + "\" does not exist in " + repository);
    }
    String sub = subdirectory.equals(".") ? "" : subdirectory.replaceAll("/+$", "") + "/";
    byte[] listing = git(repository, input, null, "ls-tree", "-r", "-z", "--full-tree", commit);
    List<String[]> entries = new ArrayList<>();
    for (String entry : new String(listing, StandardCharsets.UTF_8).split("\0")) {
      int tab = entry.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String[] meta = entry.substring(0, tab).split(" ");
      String name = entry.substring(tab + 1);
      if (meta[1].equals("blob") && name.startsWith(sub)) {
        entries.add(new String[] {meta[2], name.substring(sub.length())});
      }
    }
    if (entries.isEmpty()) {
      throw new HarnessInputException(input, "\"" + subdirectory + "\" has no files at " + ref);
    }
    try {
      Path out = Files.createTempDirectory("invariant-git");
      StringBuilder request = new StringBuilder();
      for (String[] e : entries) {
        request.append(e[0]).append('\n');
      }
      byte[] blobs = git(repository, input, request.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
      int pos = 0;
      for (String[] e : entries) {
        int nl = indexOf(blobs, (byte) '\n', pos);
        String header = new String(blobs, pos, nl - pos, StandardCharsets.UTF_8);
        int size = Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1));
        Path target = out.resolve(e[1]).normalize();
        if (!target.startsWith(out)) {
          throw new HarnessInputException(input, "refuses path outside the export: " + e[1]);
        }
        Files.createDirectories(target.getParent());
        try (OutputStream os = Files.newOutputStream(target)) {
          os.write(blobs, nl + 1, size);
        }
        pos = nl + 1 + size + 1;
      }
      return out;
    } catch (IOException e) {
      throw new HarnessInputException(input, "cannot export: " + e.getMessage());
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("truncated git cat-file output");
  }

  private static byte[] git(Path repository, String input, byte[] stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (stdin != null) {
        Thread writer = new Thread(() -> {
          try (OutputStream os = process.getOutputStream()) {
            os.write(stdin);
          } catch (IOException ignored) {
            // the read side reports the failure
          }
        });
        writer.start();
      } else {
        process.getOutputStream().close();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = process.getInputStream()) {
        in.transferTo(out);
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new HarnessInputException(input, "git " + args[0] + " did not finish within " + TIMEOUT_SECONDS + "s");
      }
      if (process.exitValue() != 0 && !args[0].equals("rev-parse")) {
        throw new HarnessInputException(input, "git " + args[0] + " failed (exit " + process.exitValue()
            + "); is " + repository + " a git repository?");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new HarnessInputException(input, "git could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessInputException(input, "interrupted while running git");
    }
  }

  public static void delete(Path dir) {
    Protoc.deleteQuietly(dir);
  }
}
