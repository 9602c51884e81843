package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Turns evidence and check names into safe single path segments: only ASCII letters, digits,
 * {@code -} and {@code _} survive, everything else (separators, dots, {@code ..}) becomes
 * {@code -}, so no name can leave its directory or hide a file.
 */
@API(status = INTERNAL, since = "0.1")
public final class Slugs {

  private static final Set<String> WINDOWS_RESERVED = Set.of(
      "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
      "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private Slugs() {}

  /** A lower-case file name part of at most {@code max} characters; {@code fallback} if empty. */
  public static String fileSlug(String name, int max, String fallback) {
    return slug(name == null ? "" : name.toLowerCase(Locale.ROOT), max, fallback);
  }

  /** A directory name that keeps case, of at most {@code max} characters. */
  public static String directorySlug(String name, int max, String fallback) {
    String slug = slug(name == null ? "" : name, max, fallback);
    return WINDOWS_RESERVED.contains(slug.toLowerCase(Locale.ROOT)) ? slug + "-check" : slug;
  }

  private static String slug(String name, int max, String fallback) {
    StringBuilder b = new StringBuilder(Math.min(name.length(), max));
    boolean dash = false;
    for (int i = 0; i < name.length() && b.length() < max; i++) {
      char c = name.charAt(i);
      boolean keep = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
      if (keep) {
        b.append(c);
        dash = false;
      } else if (!dash && b.length() > 0) {
        b.append('-');
        dash = true;
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
      b.setLength(b.length() - 1);
    }
    return b.length() == 0 ? fallback : b.toString();
  }
}
