package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Which field, parameter and header names hold secrets. Names are compared after lower-casing
 * and dropping {@code _ - .} and spaces, so {@code access_token}, {@code accessToken} and
 * {@code Access-Token} are the same name.
 */
@API(status = INTERNAL, since = "0.1")
public final class SensitiveNames {

  /** A JSON field whose normalised name contains one of these holds a secret. */
  private static final String[] FIELD_PARTS = {
    "token", "secret", "password", "passwd", "passphrase", "apikey", "authorization", "cookie",
    "credential", "privatekey"
  };

  /** Query, form and log parameters also treat signatures as secrets. */
  private static final String[] PARAMETER_PARTS = {
    "token", "secret", "password", "passwd", "passphrase", "apikey", "authorization", "cookie",
    "credential", "privatekey", "signature"
  };

  /** Short names that are secrets only as {@code name=value} parameters ({@code ?key=...}). */
  private static final Set<String> PARAMETER_EXACT =
      Set.of("key", "sig", "pwd", "pass", "jsessionid", "sessionid");

  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-auth-token");

  private SensitiveNames() {}

  /** Whether a JSON field of this name holds a secret. */
  public static boolean isSensitiveField(String name) {
    return containsAny(normalise(name), FIELD_PARTS);
  }

  /** Whether a {@code name=value} (query, form, log) parameter of this name holds a secret. */
  public static boolean isSensitiveParameter(String name) {
    String n = normalise(name);
    return PARAMETER_EXACT.contains(n) || containsAny(n, PARAMETER_PARTS);
  }

  /** Whether a {@code name: value} pair (a log line, YAML) of this name holds a secret. */
  public static boolean isSensitiveLabel(String name) {
    return containsAny(normalise(name), PARAMETER_PARTS);
  }

  /** One of the headers whose whole value is a credential: Authorization, Cookie and the like. */
  public static boolean isCredentialHeader(String name) {
    return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Authorization or Proxy-Authorization, whose value starts with an auth scheme worth keeping. */
  public static boolean isAuthorizationHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("authorization") || n.equals("proxy-authorization");
  }

  /** Whether every value of a header of this name must be redacted as a whole. */
  public static boolean isSensitiveHeader(String name) {
    return isCredentialHeader(name) || isSensitiveLabel(name);
  }

  /** Exact short names ({@code key}, {@code sig}, ...) that are too common to pre-check as substrings. */
  private static final String[] SHORT_EXACT = {"key", "sig", "pwd", "pass"};

  /** The rest of the exact names, long enough to pre-check as substrings of normalised text. */
  private static final String[] LONG_EXACT = {"sessionid"};

  /**
   * Whether {@code text} could contain a sensitive field, parameter, label or header name: a
   * cheap pre-check that lets the name-based rules skip text that cannot hold one. Name parts and
   * long exact names are looked for in the normalised text (normalising deletes and lower-cases
   * characters one at a time, so a name's normalised form is a substring of the text's); the
   * short exact names ({@code pass}, {@code key}, ...) count only where written as a pair name,
   * followed by {@code =} (they are secret names only as {@code name=value}), since "passed" or
   * "keys" occur everywhere.
   */
  public static boolean mayNameASecret(TextFacts text) {
    String normalised = text.normalised();
    if (containsAny(normalised, PARAMETER_PARTS) || containsAny(normalised, LONG_EXACT)) {
      return true;
    }
    String lower = text.lower();
    for (String name : SHORT_EXACT) {
      for (int i = lower.indexOf(name); i >= 0; i = lower.indexOf(name, i + 1)) {
        if (isPairName(lower, i, i + name.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code text[start, end)} stands alone as a name and is followed by {@code =}. */
  private static boolean isPairName(String text, int start, int end) {
    if (start > 0 && isNameChar(text.charAt(start - 1))) {
      return false;
    }
    int i = end;
    if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'' || text.charAt(i) == ']')) {
      i++;
    }
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '=';
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
  }

  static String normalise(String name) {
    char[] out = new char[name.length()];
    int n = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '-' && c != '.' && c != ' ') {
        out[n++] = Character.toLowerCase(c);
      }
    }
    return new String(out, 0, n);
  }

  private static boolean containsAny(String normalised, String[] parts) {
    for (String part : parts) {
      if (normalised.contains(part)) {
        return true;
      }
    }
    return false;
  }
}
