package dev.invariantharness.scan.internal;

import java.nio.charset.StandardCharsets;

/**
 * One pattern line of a {@code .gitignore} (or {@code .git/info/exclude}), parsed and matched as
 * git's {@code dir.c} does ({@code parse_path_pattern}, {@code match_basename},
 * {@code match_pathname}).
 */
final class GitignorePattern {

  private final String source;
  private final int line;
  private final String text;
  private final byte[] pattern; // without '!' and trailing '/', 0-terminated
  private final int length;
  private final int noWildcardLength;
  private final boolean negative;
  private final boolean mustBeDir;
  private final boolean noDir;
  private final boolean endsWith;

  private GitignorePattern(String source, int line, String text) {
    this.source = source;
    this.line = line;
    this.text = text;
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    boolean neg = false;
    if (raw.length > 0 && raw[0] == '!') {
      neg = true;
      from = 1;
    }
    int len = raw.length - from;
    boolean dirOnly = false;
    if (len > 0 && raw[from + len - 1] == '/') {
      len--;
      dirOnly = true;
    }
    byte[] pat = new byte[len + 1];
    System.arraycopy(raw, from, pat, 0, len);
    boolean hasSlash = false;
    for (int i = 0; i < len; i++) {
      if (pat[i] == '/') {
        hasSlash = true;
        break;
      }
    }
    this.pattern = pat;
    this.length = len;
    this.negative = neg;
    this.mustBeDir = dirOnly;
    this.noDir = !hasSlash;
    this.noWildcardLength = simpleLength(pat, 0, len);
    // git checks the bytes after '*' up to the original end, which may include the trailing '/'
    this.endsWith = len > 0 && pat[0] == '*' && simpleLength(raw, from + 1, raw.length) == raw.length - from - 1;
  }

  /**
   * Parses one line as git does, or returns {@code null} for a blank line or a comment. The line
   * must already be stripped of its line terminator (including a trailing CR).
   */
  static GitignorePattern parse(String source, int line, String raw) {
    if (raw.isEmpty() || raw.charAt(0) == '#') {
      return null;
    }
    return new GitignorePattern(source, line, trimTrailingSpaces(raw));
  }

  // git's trim_trailing_spaces: unescaped trailing spaces go, "\ " stays, tabs stay.
  private static String trimTrailingSpaces(String s) {
    int lastSpace = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (lastSpace < 0) {
          lastSpace = i;
        }
      } else if (c == '\\') {
        i++;
        if (i >= s.length()) {
          return s;
        }
        lastSpace = -1;
      } else {
        lastSpace = -1;
      }
    }
    return lastSpace >= 0 ? s.substring(0, lastSpace) : s;
  }

  private static int simpleLength(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Wildmatch.isGlobSpecial(b[i] & 0xff)) {
        return i - from;
      }
    }
    return to - from;
  }

  boolean negative() {
    return negative;
  }

  /** Where the pattern came from, as {@code git check-ignore -v} prints it. */
  String describe() {
    return source + ":" + line + ":" + text;
  }

  /**
   * Whether this pattern matches a path.
   *
   * @param path the path relative to the repository root, UTF-8, 0-terminated at {@code pathLen}
   * @param pathLen length of the path without the sentinel
   * @param basename offset of the last path component
   * @param isDir whether the path is a real directory (a symlink is not)
   * @param baseLen length of the directory holding the pattern file, without its trailing '/'
   */
  boolean matches(byte[] path, int pathLen, int basename, boolean isDir, int baseLen) {
    if (mustBeDir && !isDir) {
      return false;
    }
    if (noDir) {
      return matchBasename(path, pathLen, basename);
    }
    return matchPathname(path, pathLen, baseLen);
  }

  private boolean matchBasename(byte[] path, int pathLen, int basename) {
    int nameLen = pathLen - basename;
    if (noWildcardLength == length) {
      return nameLen == length && regionEquals(pattern, 0, path, basename, length);
    }
    if (endsWith) {
      int suffix = length - 1;
      return suffix <= nameLen && regionEquals(pattern, 1, path, pathLen - suffix, suffix);
    }
    return Wildmatch.matches(pattern, 0, path, basename, false);
  }

  private boolean matchPathname(byte[] path, int pathLen, int baseLen) {
    int p = 0;
    int prefix = noWildcardLength;
    int patLen = length;
    if (pattern[0] == '/') {
      p = 1;
      patLen--;
      prefix--;
    }
    // The scan only consults a pattern file for paths below its directory, so the base matches.
    if (pathLen < baseLen + 1 || (baseLen > 0 && path[baseLen] != '/')) {
      return false;
    }
    int name = baseLen > 0 ? baseLen + 1 : 0;
    int nameLen = pathLen - name;
    if (prefix > 0) {
      if (prefix > nameLen || !regionEquals(pattern, p, path, name, prefix)) {
        return false;
      }
      p += prefix;
      patLen -= prefix;
      name += prefix;
      nameLen -= prefix;
      if (patLen == 0 && nameLen == 0) {
        return true;
      }
    }
    // git hands wildmatch the remainder after the literal prefix, so a "**" right after the
    // prefix counts as a leading "**" there; passing p as the pattern start reproduces that.
    return Wildmatch.matches(pattern, p, path, name, true);
  }

  private static boolean regionEquals(byte[] a, int aFrom, byte[] b, int bFrom, int len) {
    for (int i = 0; i < len; i++) {
      if (a[aFrom + i] != b[bFrom + i]) {
        return false;
      }
    }
    return true;
  }
}
