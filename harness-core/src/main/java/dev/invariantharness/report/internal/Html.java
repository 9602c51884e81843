package dev.invariantharness.report.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** HTML escaping for the matrix page: every piece of report text goes through here. */
final class Html {

  /** A URI scheme such as {@code http:} or {@code javascript:}. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private Html() {}

  /** Text safe in element content and in quoted attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    int first = 0;
    while (first < text.length() && !special(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      // most report text (ids, lanes, statuses) has nothing to escape: no copy
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean special(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
  }

  /**
   * An {@code href} for a path relative to the report directory, percent-encoded, or
   * {@code null} when the path is absolute or carries a scheme: the page links only into its
   * own directory, never to another host.
   */
  static String relativeHref(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    String p = path.replace('\\', '/');
    if (p.startsWith("/") || SCHEME.matcher(p).find()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
