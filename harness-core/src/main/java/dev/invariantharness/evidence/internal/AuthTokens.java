package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Redacts {@code Bearer <token>} and {@code Basic <base64>} credentials anywhere in text, keeping
 * the scheme word so a reader still sees which kind of credential was sent.
 *
 * <p>"Basic" is also an English word, so after it only something that looks encoded is redacted
 * (a digit, {@code + / = . _ ~ -}, an upper-case letter after the first, or 16 characters or
 * more): {@code Basic dXNlcjpwYXNz} is redacted, "Basic checks passed" is not. Any word after
 * "Bearer" is redacted.
 */
@API(status = INTERNAL, since = "0.1")
public final class AuthTokens implements RedactionRule {

  /** Schemes whose credential is one token68 word. */
  private static final Set<String> TOKEN_SCHEMES =
      Set.of("bearer", "basic", "token", "negotiate", "ntlm", "dpop", "apikey");

  /** Schemes whose credential is a parameter list running to the end of the value. */
  private static final Set<String> PARAMETER_SCHEMES =
      Set.of("digest", "aws4-hmac-sha256", "hawk", "oauth", "mac", "signature");

  private static final Pattern SCHEME =
      Pattern.compile("(?i)(?<![A-Za-z0-9_-])(bearer|basic)[ \\t]++");

  @Override
  public String apply(String text) {
    Matcher m = SCHEME.matcher(text);
    Splicer out = null;
    int from = 0;
    while (m.find(from)) {
      int start = m.end();
      int end = token68End(text, start);
      from = Math.max(end, start);
      if (end == start) {
        continue;
      }
      boolean basic = m.group(1).equalsIgnoreCase("basic");
      if (basic && !looksEncoded(text, start, end)) {
        from = start;
        continue;
      }
      if (out == null) {
        out = new Splicer(text);
      }
      out.replace(start, end, MARKER);
    }
    return out == null ? text : out.result();
  }

  /** Whether a header value starting with this word keeps the word and redacts the rest. */
  public static boolean isKnownScheme(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return TOKEN_SCHEMES.contains(w) || PARAMETER_SCHEMES.contains(w);
  }

  /** Whether this scheme's credential is a single token68 word. */
  public static boolean isTokenScheme(String word) {
    return TOKEN_SCHEMES.contains(word.toLowerCase(Locale.ROOT));
  }

  /** End of the token68 word ({@code [A-Za-z0-9-._~+/]+ =*}) starting at {@code start}. */
  static int token68End(String text, int start) {
    int i = start;
    while (i < text.length() && isToken68(text.charAt(i))) {
      i++;
    }
    if (i == start) {
      return start;
    }
    while (i < text.length() && text.charAt(i) == '=') {
      i++;
    }
    return i;
  }

  /** End of the scheme word (letters, digits, {@code -}) starting at {@code start}. */
  static int schemeEnd(String text, int start, int limit) {
    int i = start;
    // Unicode letters and digits too: no known scheme holds one, so a word with one is unknown
    // either way, and the scanner need not spell out ASCII ranges
    while (i < limit && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
      i++;
    }
    return i;
  }

  private static boolean isToken68(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }

  private static boolean looksEncoded(String text, int start, int end) {
    if (end - start >= 16) {
      return true;
    }
    if (end - start < 4) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean upperInside = i > start && c >= 'A' && c <= 'Z';
      if (upperInside || c >= '0' && c <= '9' || "+/=._~-".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The scheme regex only matters where "bearer" or "basic" occurs, in any case. */
  @Override
  public boolean mayApply(TextFacts facts) {
    return facts.lower().contains("bearer") || facts.lower().contains("basic");
  }
}
