package dev.invariantharness.deploy.lint.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of PostgreSQL 14's built-in functions that are not VOLATILE, read once from
 * {@code non-volatile-functions.txt} (made with {@code SELECT DISTINCT proname FROM pg_proc WHERE
 * provolatile <> 'v'} on PostgreSQL 14.22). squawk judges column defaults by PostgreSQL 14's list;
 * a fixed list keeps adding-field-with-default squawk's answer whichever server version parses.
 */
public final class NonVolatileFunctions {

  private static final String RESOURCE = "non-volatile-functions.txt";
  private static Set<String> names;

  private NonVolatileFunctions() {}

  /** The function names. */
  public static synchronized Set<String> names() {
    if (names == null) {
      Set<String> out = new HashSet<>();
      try (InputStream in = NonVolatileFunctions.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the harness-deploy jar");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank() && !line.startsWith("#")) {
            out.add(line.strip());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      names = Set.copyOf(out);
    }
    return names;
  }
}
