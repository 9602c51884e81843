package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Redacts the values of JSON fields whose name {@linkplain SensitiveNames#isSensitiveField holds
 * a secret}: {@code "access_token": "..."} becomes {@code "access_token": "[REDACTED]"}.
 *
 * <p>A scanner, not a parser: it works on compact and pretty JSON, on JSON fragments inside logs,
 * on truncated documents and on JSON escaped inside a JSON string ({@code {\"token\":\"...\"}}) to
 * any depth. The escaping depth of a quote is read from the backslashes before it: a quote after
 * 2<sup>L</sup>-1 backslashes (0, 1, 3, 7, ...) is a quote of level L.
 *
 * <ul>
 *   <li>a string value keeps its quotes; an unterminated one is redacted to the end of its line
 *       (a JSON string cannot span lines);
 *   <li>a number or boolean becomes the string {@code "[REDACTED]"}, so the document stays
 *       valid JSON; {@code null} is kept;
 *   <li>an object or array value is replaced whole by {@code "[REDACTED]"}; an unclosed one is
 *       redacted to the end of the text.
 * </ul>
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonFields implements RedactionRule {

  private static final int MAX_NAME = 128;
  private static final int MAX_LEVEL = 5;

  @Override
  public boolean mayApply(TextFacts facts) {
    return SensitiveNames.mayNameASecret(facts);
  }

  @Override
  public String apply(String text) {
    int q = text.indexOf('"');
    if (q < 0) {
      return text;
    }
    Splicer out = new Splicer(text);
    while (q >= 0) {
      q = text.indexOf('"', field(text, q, out));
    }
    return out.result();
  }

  /** Tries the quote at {@code q} as the start of a field name; returns where to look next. */
  private static int field(String text, int q, Splicer out) {
    int n = text.length();
    int level = Integer.numberOfTrailingZeros(~backslashesBefore(text, q));
    int nameStart = q + 1;
    if (level > MAX_LEVEL) {
      return nameStart;
    }
    int i = nameStart;
    while (i < n && i - nameStart <= MAX_NAME) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        break;
      }
      i++;
    }
    if (i == nameStart || i >= n || i - nameStart > MAX_NAME) {
      return nameStart;
    }
    int nameEnd = i;
    int j = nameEnd;
    while (j < n && text.charAt(j) == '\\') {
      j++;
    }
    if (j - nameEnd != (1 << level) - 1 || j >= n || text.charAt(j) != '"') {
      return nameEnd;
    }
    int closeQuote = j;
    int colon = skipSpace(text, closeQuote + 1, level);
    if (colon >= n || text.charAt(colon) != ':') {
      return closeQuote;
    }
    if (!SensitiveNames.isSensitiveField(text.substring(nameStart, nameEnd))) {
      return closeQuote + 1;
    }
    return value(text, skipSpace(text, colon + 1, level), level, out);
  }

  /** Redacts the value starting at {@code v}; returns where to look next. */
  private static int value(String text, int v, int level, Splicer out) {
    int n = text.length();
    if (v >= n) {
      return n;
    }
    if (text.startsWith(MARKER, v)) {
      return v + MARKER.length();
    }
    int want = (1 << level) - 1;
    String quote = "\\".repeat(want) + "\"";
    if (text.startsWith(quote, v)) {
      int contentStart = v + quote.length();
      int contentEnd = stringEnd(text, contentStart, level);
      out.replace(contentStart, contentEnd, MARKER);
      return contentEnd;
    }
    char c = text.charAt(v);
    if (c == '{' || c == '[') {
      int end = bracketEnd(text, v, level);
      out.replace(v, end, quote + MARKER + quote);
      return end;
    }
    int e = v;
    while (e < n && !isBareStop(text.charAt(e))) {
      e++;
    }
    boolean isNull = e - v == 4 && text.startsWith("null", v);
    if (e > v && !isNull) {
      out.replace(v, e, quote + MARKER + quote);
    }
    return e;
  }

  /**
   * Where the string content starting at {@code from} ends: at its closing level-L quote (the
   * index of the quote's first backslash), at a raw line break, or at the end of the text.
   */
  private static int stringEnd(String text, int from, int level) {
    int n = text.length();
    int want = (1 << level) - 1;
    int mod = 1 << (level + 1);
    int i = from;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
      if (c == '\\' || c == '"') {
        int runStart = i;
        while (i < n && text.charAt(i) == '\\') {
          i++;
        }
        if (i >= n) {
          return n;
        }
        if (text.charAt(i) == '"') {
          int run = i - runStart;
          if (run % mod == want) {
            return i - want;
          }
          if (run == 0) {
            // a raw quote inside an escaped string closes the enclosing string: stop there
            return i;
          }
          i++;
        }
        continue;
      }
      i++;
    }
    return n;
  }

  /** Index just after the bracket closing the one at {@code from}, or the end of the text. */
  private static int bracketEnd(String text, int from, int level) {
    int n = text.length();
    int want = (1 << level) - 1;
    int mod = 1 << (level + 1);
    int depth = 0;
    boolean inString = false;
    int i = from;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\' || c == '"') {
        int runStart = i;
        while (i < n && text.charAt(i) == '\\') {
          i++;
        }
        if (i < n && text.charAt(i) == '"') {
          int run = i - runStart;
          if (run % mod == want) {
            inString = !inString;
          } else if (run == 0) {
            return i;
          }
          i++;
        }
        continue;
      }
      if (!inString) {
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
          if (depth == 0) {
            return i + 1;
          }
        }
      }
      i++;
    }
    return n;
  }

  private static int skipSpace(String text, int from, int level) {
    int n = text.length();
    int i = from;
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (c == '\\' && level > 0) {
        int j = i;
        while (j < n && text.charAt(j) == '\\') {
          j++;
        }
        if (j < n && (text.charAt(j) == 'n' || text.charAt(j) == 'r' || text.charAt(j) == 't')) {
          i = j + 1;
        } else {
          return i;
        }
      } else {
        return i;
      }
    }
    return i;
  }

  private static int backslashesBefore(String text, int q) {
    int i = q;
    while (i > 0 && text.charAt(i - 1) == '\\') {
      i--;
    }
    return q - i;
  }

  private static boolean isBareStop(char c) {
    return c == ',' || c == '}' || c == ']' || c == '{' || c == '[' || c == '"' || c == '\\'
        || Character.isWhitespace(c);
  }
}
