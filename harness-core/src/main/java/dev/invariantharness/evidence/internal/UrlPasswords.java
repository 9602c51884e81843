package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Redacts the password of {@code scheme://user:password@host}, keeping the user name. The
 * authority is the text after {@code ://} up to the first {@code / ? #}, whitespace, quote or
 * angle bracket; the user name ends at its first {@code :} and the password at its last
 * {@code @}, so a password with an unencoded {@code @} or {@code :} is still covered whole.
 */
@API(status = INTERNAL, since = "0.1")
public final class UrlPasswords implements RedactionRule {

  private static final int MAX_AUTHORITY = 2048;

  @Override
  public String apply(String text) {
    Splicer out = null;
    int sep = text.indexOf("://");
    while (sep >= 0) {
      int start = sep + 3;
      int end = start;
      int firstColon = -1;
      int lastAt = -1;
      while (end < text.length() && end - start < MAX_AUTHORITY && !isAuthorityStop(text.charAt(end))) {
        char c = text.charAt(end);
        if (c == ':' && firstColon < 0) {
          firstColon = end;
        } else if (c == '@') {
          lastAt = end;
        }
        end++;
      }
      if (sep > 0 && isSchemeChar(text.charAt(sep - 1)) && firstColon >= 0 && firstColon + 1 < lastAt) {
        if (out == null) {
          out = new Splicer(text);
        }
        out.replace(firstColon + 1, lastAt, MARKER);
      }
      sep = text.indexOf("://", Math.max(end, start));
    }
    return out == null ? text : out.result();
  }

  private static boolean isSchemeChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-';
  }

  private static boolean isAuthorityStop(char c) {
    return c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\'
        || Character.isWhitespace(c);
  }
}
