package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Redacts {@code name=value} and {@code name: value} pairs whose name holds a secret: query
 * parameters ({@code ?token=...&vsn=2.0.0}), form bodies, log lines, YAML, {@code Map.toString()}
 * output, and credential header lines in free text ({@code Authorization: Bearer ...}).
 *
 * <ul>
 *   <li>{@code name=value}: secret names per {@link SensitiveNames#isSensitiveParameter}; the
 *       value runs to the next whitespace, {@code & , ; " ' < > \}, or is a quoted string.
 *   <li>{@code name: value}: secret names per {@link SensitiveNames#isSensitiveLabel}, same value.
 *   <li>{@code Header: value} for {@link SensitiveNames#isCredentialHeader credential headers}: the
 *       value runs to the end of the line; for Authorization with a known scheme the scheme is
 *       kept and only its credential redacted ({@code Authorization: Bearer [REDACTED]}).
 * </ul>
 *
 * <p>The name may be followed by a closing quote or bracket ({@code 'password': 'x'},
 * {@code user[password]=x}). A password containing a value terminator ({@code ,} or a space)
 * is only redacted up to it; URLs and form bodies encode those characters.
 */
@API(status = INTERNAL, since = "0.1")
public final class SensitivePairs implements RedactionRule {

  private static final Pattern PAIR = Pattern.compile(
      "(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]{0,63}+)([\"'\\]]?)[ \\t]*+([=:])[ \\t]*+");

  @Override
  public boolean mayApply(TextFacts facts) {
    return SensitiveNames.mayNameASecret(facts);
  }

  @Override
  public String apply(String text) {
    Matcher m = PAIR.matcher(text);
    Splicer out = null;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      String name = m.group(1);
      boolean equals = m.group(3).charAt(0) == '=';
      boolean quotedName = !m.group(2).isEmpty();
      int v = m.end();
      from = v;
      if (!equals && isUserInfo(text, m.start(1))) {
        continue;
      }
      if (!equals && !quotedName && SensitiveNames.isCredentialHeader(name)) {
        if (out == null) {
          out = new Splicer(text);
        }
        from = headerValue(text, v, SensitiveNames.isAuthorizationHeader(name), out);
      } else if (equals ? SensitiveNames.isSensitiveParameter(name) : SensitiveNames.isSensitiveLabel(name)) {
        if (out == null) {
          out = new Splicer(text);
        }
        from = plainValue(text, v, out);
      }
    }
    return out == null ? text : out.result();
  }

  /** {@code scheme://user:password@}: the URL rule owns it; the user name is not a label. */
  private static boolean isUserInfo(String text, int nameStart) {
    return nameStart >= 2 && text.startsWith("//", nameStart - 2);
  }

  private static int headerValue(String text, int v, boolean authorization, Splicer out) {
    int eol = endOfLine(text, v);
    if (authorization) {
      int schemeEnd = AuthTokens.schemeEnd(text, v, eol);
      if (schemeEnd > v && schemeEnd < eol && AuthTokens.isKnownScheme(text.substring(v, schemeEnd))
          && (text.charAt(schemeEnd) == ' ' || text.charAt(schemeEnd) == '\t')) {
        int t = schemeEnd;
        while (t < eol && (text.charAt(t) == ' ' || text.charAt(t) == '\t')) {
          t++;
        }
        if (text.startsWith(MARKER, t)) {
          return t + MARKER.length();
        }
        if (AuthTokens.isTokenScheme(text.substring(v, schemeEnd))) {
          int e = AuthTokens.token68End(text, t);
          if (e > t) {
            out.replace(t, e, MARKER);
            return e;
          }
        }
        v = t;
      }
    }
    if (v < eol) {
      out.replace(v, eol, MARKER);
    }
    return eol;
  }

  private static int plainValue(String text, int v, Splicer out) {
    int n = text.length();
    if (v >= n) {
      return n;
    }
    char c = text.charAt(v);
    if (c == '"' || c == '\'') {
      int e = v + 1;
      while (e < n) {
        char d = text.charAt(e);
        if (d == c || d == '\n' || d == '\r') {
          break;
        }
        e += d == '\\' && e + 1 < n && text.charAt(e + 1) != '\n' ? 2 : 1;
      }
      e = Math.min(e, n);
      if (e > v + 1) {
        out.replace(v + 1, e, MARKER);
      }
      return e;
    }
    int e = v;
    while (e < n && isValueChar(text.charAt(e))) {
      e++;
    }
    // a JSON null is kept, also when the object or array closes right after it ({"token": null})
    boolean isNull = text.startsWith("null", v) && (e - v == 4 || "}]".indexOf(text.charAt(v + 4)) >= 0);
    if (e > v && !isNull) {
      out.replace(v, e, MARKER);
    }
    return e;
  }

  private static int endOfLine(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static boolean isValueChar(char c) {
    return !(Character.isWhitespace(c) || c == '&' || c == ',' || c == ';' || c == '"' || c == '\''
        || c == '<' || c == '>' || c == '\\');
  }
}
