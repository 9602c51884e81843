package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.runtime.smoke.internal.DirectiveTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * A parsed {@code Cache-Control} response header (RFC 9111 §5.2), read the way a cache reads it:
 * directive names case-insensitive, values as token or quoted-string, several field lines joined
 * into one list, the first occurrence of a repeated directive winning, an over-large
 * {@code max-age} clamped to 2<sup>31</sup> seconds.
 *
 * <pre>{@code
 * CacheControl cc = CacheControl.parse("public, MAX-AGE=\"31536000\", immutable");
 * cc.isImmutable();        // true
 * cc.maxAgeSeconds();      // OptionalLong[31536000]
 * CacheControl.parse("no-cache, no-store, must-revalidate").requiresRevalidation(); // true
 * }</pre>
 *
 * @param directives every directive in order of appearance
 * @param raw the field lines as received, joined with {@code ", "}
 * @param problems what could not be parsed (a malformed header is evidence, not an exception)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CacheControl(List<Directive> directives, String raw, List<String> problems) {

  /** Largest delta-seconds a cache has to represent (RFC 9111 §1.2.2). */
  public static final long MAX_DELTA_SECONDS = 2_147_483_648L;

  /**
   * One directive.
   *
   * @param name lower-cased name, e.g. {@code max-age}
   * @param value its argument without quotes, empty when the directive has none
   */
  public record Directive(String name, Optional<String> value) {}

  public CacheControl {
    directives = List.copyOf(directives);
    raw = raw == null ? "" : raw;
    problems = List.copyOf(problems);
  }

  /** Parses one field value. */
  public static CacheControl parse(String value) {
    return parse(value == null ? List.of() : List.of(value));
  }

  /** Parses every line of a repeated field, as one comma-separated list. */
  public static CacheControl parse(List<String> lines) {
    DirectiveTokenizer.Result r = DirectiveTokenizer.tokenize(lines);
    List<Directive> ds = new ArrayList<>();
    r.directives().forEach(p -> ds.add(new Directive(p.name(), Optional.ofNullable(p.value()))));
    return new CacheControl(ds, String.join(", ", lines), r.problems());
  }

  /** Whether there was no directive at all (no header, or an empty one). */
  public boolean isEmpty() {
    return directives.isEmpty();
  }

  /** Whether directive {@code name} is present, compared case-insensitively. */
  public boolean has(String name) {
    return first(name).isPresent();
  }

  /** The argument of the first occurrence of {@code name}. */
  public Optional<String> value(String name) {
    return first(name).flatMap(Directive::value);
  }

  /**
   * {@code max-age} in seconds: first occurrence, digits only (a quoted form is accepted), clamped
   * to {@link #MAX_DELTA_SECONDS}; empty when absent or not a number.
   */
  public OptionalLong maxAgeSeconds() {
    return deltaSeconds("max-age");
  }

  /** {@code s-maxage} in seconds, read like {@link #maxAgeSeconds()}. */
  public OptionalLong sharedMaxAgeSeconds() {
    return deltaSeconds("s-maxage");
  }

  /** Whether {@code immutable} is present. */
  public boolean isImmutable() {
    return has("immutable");
  }

  /** Whether {@code no-store} is present: nothing may be stored at all. */
  public boolean isNoStore() {
    return has("no-store");
  }

  /**
   * Whether an unqualified {@code no-cache} is present. The qualified form
   * {@code no-cache="Set-Cookie"} only protects the named header fields; the response itself may
   * still be reused without revalidation, so it does not count.
   */
  public boolean isNoCache() {
    return directives.stream().anyMatch(d -> d.name().equals("no-cache") && d.value().map(String::isBlank).orElse(true));
  }

  /**
   * Whether a cache must go back to the origin before every reuse: {@code no-store}, an
   * unqualified {@code no-cache}, or {@code max-age=0} (stale on arrival; with or without
   * {@code must-revalidate}). These are the equivalent forms a shell file such as
   * {@code sw.js} or {@code manifest.json} may be served with.
   */
  public boolean requiresRevalidation() {
    return isNoStore() || isNoCache() || maxAgeSeconds().orElse(-1) == 0;
  }

  @Override
  public String toString() {
    return raw;
  }

  private Optional<Directive> first(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return directives.stream().filter(d -> d.name().equals(n)).findFirst();
  }

  private OptionalLong deltaSeconds(String name) {
    Optional<String> v = value(name).map(String::trim);
    if (v.isEmpty() || v.get().isEmpty() || !v.get().chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    String digits = v.get();
    if (digits.length() > 10) {
      return OptionalLong.of(MAX_DELTA_SECONDS);
    }
    return OptionalLong.of(Math.min(Long.parseLong(digits), MAX_DELTA_SECONDS));
  }
}
