package dev.invariantharness.runtime.parity.internal;

import dev.invariantharness.HarnessInputException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation shared by the recording readers: a request must be sendable as recorded. */
final class Requests {

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private Requests() {}

  static String method(String value, String source, int line) {
    if (value == null || !TOKEN.matcher(value).matches()) {
      throw new HarnessInputException(source, line, "method must be an HTTP method token, found " + value, null);
    }
    String method = value.toUpperCase(Locale.ROOT);
    if (method.equals("ANY")) {
      throw new HarnessInputException(source, line, "method ANY matches any request but names none to send; record a concrete method", null);
    }
    return method;
  }

  static String path(String value, String source, int line) {
    if (value == null || !value.startsWith("/")) {
      throw new HarnessInputException(source, line, "path must start with '/', found " + value, null);
    }
    try {
      URI uri = URI.create("http://127.0.0.1" + value);
      if (uri.getRawFragment() != null) {
        throw new IllegalArgumentException("a fragment is never sent");
      }
    } catch (IllegalArgumentException e) {
      throw new HarnessInputException(source, line, "path '" + value + "' is not a valid request target: " + e.getMessage(), e);
    }
    return value;
  }
}
