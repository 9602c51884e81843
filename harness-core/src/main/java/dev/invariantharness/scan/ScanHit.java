package dev.invariantharness.scan;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One line of a repository file that matched a {@link RepoScan#grep(java.util.regex.Pattern)
 * grep}, printed the way {@code grep -n} and {@code rg -n} print it, so a finding can be pasted
 * into a terminal or an editor's "go to file" box.
 *
 * <pre>{@code
 * apps/web/src/live.ts:12: const source = new EventSource(url);
 * }</pre>
 *
 * @param path the file, relative to the scanned root, '/'-separated
 * @param line the 1-based line number of the match's first character
 * @param text that line without its line terminator; a line longer than {@link #MAX_TEXT_LENGTH}
 *     is shortened around the match, with {@code …} marking what was cut
 */
@API(status = STABLE, since = "0.1")
public record ScanHit(String path, int line, String text) {

  /** The longest {@link #text()} kept, so one minified line cannot flood a report. */
  public static final int MAX_TEXT_LENGTH = 240;

  public ScanHit {
    Objects.requireNonNull(path, "path");
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1-based, was " + line);
    }
    text = normalise(Objects.requireNonNull(text, "text"));
  }

  private static String normalise(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    if (end > MAX_TEXT_LENGTH) {
      return text.substring(0, MAX_TEXT_LENGTH - 1) + "…";
    }
    return end == text.length() ? text : text.substring(0, end);
  }

  /** {@code path:line: text}, exactly. */
  @Override
  public String toString() {
    return path + ":" + line + ": " + text;
  }
}
