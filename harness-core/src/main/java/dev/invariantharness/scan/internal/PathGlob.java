package dev.invariantharness.scan.internal;

import dev.invariantharness.HarnessInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An include or exclude glob of a {@code RepoScan}: matched against the whole path relative to
 * the root with git's wildmatch in pathname mode, so {@code *} and {@code ?} stay inside one
 * path segment and {@code **} crosses segments. A glob that matches a directory covers
 * everything below it, so {@code apps} and {@code apps/**} select the same files.
 */
public final class PathGlob {

  private final String glob;
  private final byte[] pattern;
  private final byte[] stem; // the glob without a trailing "/**", or null
  private final List<String> literalPrefix;

  private PathGlob(String glob) {
    this.glob = glob;
    this.pattern = terminated(glob);
    this.stem = glob.endsWith("/**") && glob.length() > 3
        ? terminated(glob.substring(0, glob.length() - 3)) : null;
    List<String> prefix = new ArrayList<>();
    for (String segment : glob.split("/", -1)) {
      if (hasWildcard(segment)) {
        break;
      }
      prefix.add(segment);
    }
    this.literalPrefix = List.copyOf(prefix);
  }

  /**
   * Compiles a glob, rejecting what can never match a relative path.
   *
   * @param kind {@code include}, {@code exclude} or {@code allowlist}, for the error message
   */
  public static PathGlob of(String kind, String glob) {
    if (glob == null || glob.isBlank()) {
      throw new HarnessInputException(kind + " glob", "must not be blank");
    }
    if (glob.startsWith("/") || glob.equals("..") || glob.startsWith("../") || glob.contains("/../")) {
      throw new HarnessInputException(kind + " glob '" + glob + "'",
          "must be relative to the repository root, '/'-separated and must not leave it");
    }
    String normalised = glob.startsWith("./") ? glob.substring(2) : glob;
    while (normalised.endsWith("/") && normalised.length() > 1) {
      normalised = normalised.substring(0, normalised.length() - 1);
    }
    return new PathGlob(normalised);
  }

  private static boolean hasWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Wildmatch.isGlobSpecial(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] terminated(String s) {
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[raw.length + 1];
    System.arraycopy(raw, 0, out, 0, raw.length);
    return out;
  }

  /** Whether the glob matches this path itself; {@code path} is 0-terminated. */
  boolean matches(byte[] path) {
    return Wildmatch.matches(pattern, 0, path, 0, true);
  }

  /** Whether the glob covers everything below this directory; {@code dir} is 0-terminated. */
  boolean coversDirectory(byte[] dir) {
    return matches(dir) || stem != null && Wildmatch.matches(stem, 0, dir, 0, true);
  }

  /**
   * Whether something below {@code dirSegments} could still match: false only when the glob's
   * literal leading segments rule the directory out, so the walk can skip it.
   */
  boolean mayMatchBelow(String[] dirSegments) {
    int n = Math.min(dirSegments.length, literalPrefix.size());
    for (int i = 0; i < n; i++) {
      if (!literalPrefix.get(i).equals(dirSegments[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return glob;
  }
}
