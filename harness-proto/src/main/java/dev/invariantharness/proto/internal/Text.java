package dev.invariantharness.proto.internal;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code %q} and buf's naming helpers, so messages read exactly as buf's. */
public final class Text {

  private Text() {}

  /** Go's {@code %q} for the strings proto names and paths are made of. */
  public static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  public static String joinQuoted(List<String> values) {
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add(q(v));
    }
    return String.join(", ", quoted);
  }

  static boolean isDelimiter(char c) {
    return c == '.' || c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** buf's PascalCase: delimiters dropped, the next letter upper-cased, upper case kept. */
  public static String pascal(String s) {
    StringBuilder sb = new StringBuilder();
    String t = s.strip();
    char previous = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!isDelimiter(c)) {
        if (i == 0 || isDelimiter(previous) || Character.isUpperCase(c)) {
          sb.append(Character.toUpperCase(c));
        } else {
          sb.append(Character.toLowerCase(c));
        }
      }
      previous = c;
    }
    return sb.toString();
  }

  private static String snake(String input) {
    int from = 0;
    int to = input.length();
    while (from < to && isDelimiter(input.charAt(from))) {
      from++;
    }
    while (to > from && isDelimiter(input.charAt(to - 1))) {
      to--;
    }
    String s = input.substring(from, to);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDelimiter(c)) {
        c = '_';
      }
      if (i == 0) {
        out.append(c);
      } else if (Character.isUpperCase(c) && out.charAt(out.length() - 1) != '_'
          && ((i < s.length() - 1 && !Character.isUpperCase(s.charAt(i + 1)) && !Character.isDigit(s.charAt(i + 1))
              && !isDelimiter(s.charAt(i + 1)))
              || Character.isLowerCase(s.charAt(i - 1)))) {
        out.append('_').append(c);
      } else if (!(isDelimiter(c) && out.charAt(out.length() - 1) == '_')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  public static String lowerSnake(String s) {
    return snake(s).toLowerCase(java.util.Locale.ROOT);
  }

  public static String upperSnake(String s) {
    return snake(s).toUpperCase(java.util.Locale.ROOT);
  }
}
