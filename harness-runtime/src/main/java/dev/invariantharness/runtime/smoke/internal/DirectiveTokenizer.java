package dev.invariantharness.runtime.smoke.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits {@code Cache-Control} field values into directives, by the list and parameter syntax
 * of RFC 9110 §5.6: {@code #( token [ "=" ( token / quoted-string ) ] )}. Names are
 * case-insensitive and come back lower-cased; quoted values are unquoted and unescaped, so
 * {@code no-cache="Set-Cookie, Cookie"} is one directive, not two. Empty list elements are
 * skipped. Malformed pieces are reported as problems and parsing carries on at the next comma,
 * as recipients are told to be lenient.
 */
public final class DirectiveTokenizer {

  /**
   * One parsed directive.
   *
   * @param name lower-cased name
   * @param value the value without quotes, or null when the directive has none
   * @param quoted whether the value was a quoted-string
   */
  public record Parsed(String name, String value, boolean quoted) {}

  /**
   * The directives of one or more field lines.
   *
   * @param directives in order of appearance
   * @param problems what could not be parsed, in words
   */
  public record Result(List<Parsed> directives, List<String> problems) {}

  private DirectiveTokenizer() {}

  /** Tokenizes every line of a (possibly repeated) {@code Cache-Control} field. */
  public static Result tokenize(List<String> lines) {
    List<Parsed> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String line : lines) {
      if (line != null) {
        tokenizeLine(line, out, problems);
      }
    }
    return new Result(List.copyOf(out), List.copyOf(problems));
  }

  private static void tokenizeLine(String s, List<Parsed> out, List<String> problems) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      i = skipSpace(s, i);
      if (i < n && s.charAt(i) == ',') {
        i++;
        continue;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && isTokenChar(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        problems.add("unexpected '" + s.charAt(i) + "' at position " + i + " of '" + s + "'");
        i = nextComma(s, i);
        continue;
      }
      String name = s.substring(start, i).toLowerCase(Locale.ROOT);
      int j = skipSpace(s, i);
      if (j < n && s.charAt(j) == '=') {
        j = skipSpace(s, j + 1);
        if (j < n && s.charAt(j) == '"') {
          StringBuilder value = new StringBuilder();
          int k = j + 1;
          boolean closed = false;
          while (k < n) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < n) {
              value.append(s.charAt(k + 1));
              k += 2;
            } else if (c == '"') {
              closed = true;
              k++;
              break;
            } else {
              value.append(c);
              k++;
            }
          }
          if (!closed) {
            problems.add("unterminated quoted value of '" + name + "' in '" + s + "'");
          }
          out.add(new Parsed(name, value.toString(), true));
          i = k;
        } else {
          int vs = j;
          while (j < n && isTokenChar(s.charAt(j))) {
            j++;
          }
          out.add(new Parsed(name, s.substring(vs, j), false));
          if (j == vs) {
            problems.add("directive '" + name + "' has '=' but no value in '" + s + "'");
          }
          i = j;
        }
      } else {
        out.add(new Parsed(name, null, false));
        i = j;
      }
      i = skipSpace(s, i);
      if (i < n && s.charAt(i) != ',') {
        problems.add("unexpected '" + s.charAt(i) + "' after directive '" + name + "' in '" + s + "'");
        i = nextComma(s, i);
      }
    }
  }

  private static int nextComma(String s, int from) {
    int c = s.indexOf(',', from);
    return c < 0 ? s.length() : c + 1;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** RFC 9110 tchar. */
  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
