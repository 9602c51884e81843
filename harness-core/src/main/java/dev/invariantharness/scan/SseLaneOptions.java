package dev.invariantharness.scan;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.scan.internal.PathGlob;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * What {@link RepositoryChecks#assertNoSseOrPollingLanes(java.nio.file.Path, SseLaneOptions)}
 * searches for and where. The defaults are the invariant document's gate command
 * <code>rg -n "SSE|EventSource|poll" apps docs/sync --glob '!*&#42;/node_modules/**'</code>,
 * widened to the whole repository; narrow it back with {@code include("apps", "docs/sync")}.
 *
 * <pre>
 * SseLaneOptions options = SseLaneOptions.defaults()
 *     .include("apps", "docs/sync")
 *     .allow("apps/web/src/adapters/vercel-sse/**");  // ADR-0008 presentation adapter
 * RepositoryChecks.assertNoSseOrPollingLanes(repoRoot, options);
 * </pre>
 *
 * @param pattern what counts as an SSE or polling lane (case-sensitive, like {@code rg})
 * @param include globs the scan is limited to; empty means the whole repository
 * @param exclude globs never scanned, e.g. vendored dependencies
 * @param allowlist globs of the HTTP presentation adapters ADR-0008 permits; hits inside them
 *     are not findings
 */
@API(status = STABLE, since = "0.1")
public record SseLaneOptions(
    Pattern pattern, List<String> include, List<String> exclude, List<String> allowlist) {

  /** The invariant document's pattern: {@code SSE|EventSource|poll}. */
  public static final Pattern DEFAULT_PATTERN = Pattern.compile("SSE|EventSource|poll");

  /** Validates every glob up front, so a typo fails where the options are built. */
  public SseLaneOptions {
    Objects.requireNonNull(pattern, "pattern");
    include = validated("include", include);
    exclude = validated("exclude", exclude);
    allowlist = validated("allowlist", allowlist);
  }

  private static List<String> validated(String kind, List<String> globs) {
    if (globs == null) {
      return List.of();
    }
    globs.forEach(glob -> PathGlob.of(kind, glob));
    return List.copyOf(globs);
  }

  /** Whole repository, {@code node_modules} excluded, {@link #DEFAULT_PATTERN}, no allowlist. */
  public static SseLaneOptions defaults() {
    return new SseLaneOptions(DEFAULT_PATTERN, List.of(), List.of("**/node_modules/**"), List.of());
  }

  /** These options searching for {@code newPattern} instead. */
  public SseLaneOptions pattern(Pattern newPattern) {
    return new SseLaneOptions(newPattern, include, exclude, allowlist);
  }

  /** These options limited to {@code globs} (replacing earlier includes). */
  public SseLaneOptions include(String... globs) {
    return new SseLaneOptions(pattern, List.of(globs), exclude, allowlist);
  }

  /** These options also excluding {@code globs}. */
  public SseLaneOptions exclude(String... globs) {
    return new SseLaneOptions(pattern, include, concat(exclude, globs), allowlist);
  }

  /** These options also allowing hits inside {@code globs} (ADR-0008 presentation adapters). */
  public SseLaneOptions allow(String... globs) {
    return new SseLaneOptions(pattern, include, exclude, concat(allowlist, globs));
  }

  private static List<String> concat(List<String> list, String... more) {
    return Stream.concat(list.stream(), Stream.of(more)).toList();
  }
}
