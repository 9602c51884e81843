package dev.invariantharness.runtime.parity.internal;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A glob over {@code METHOD /path} where {@code *} is any text; null matches every route. */
public final class RouteGlob {

  private final Pattern pattern;

  private RouteGlob(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Compiles {@code glob}; null or blank matches everything. */
  public static RouteGlob of(String glob) {
    if (glob == null || glob.isBlank()) {
      return new RouteGlob(null);
    }
    String regex = Arrays.stream(glob.trim().split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return new RouteGlob(Pattern.compile(regex));
  }

  /** Whether {@code route} ({@code METHOD /path}) matches. */
  public boolean matches(String route) {
    return pattern == null || pattern.matcher(route).matches();
  }
}
