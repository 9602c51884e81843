package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The static web host a service serves — shell files that must be revalidated on every load and
 * content-hashed assets that may be cached for good. The subject of
 * {@link SmokeAssertions#assertThat(StaticHost)}; immutable, {@code with...} returns a copy.
 *
 * <pre>{@code
 * assertThat(control.staticHost())                       // shell: /manifest.json, /sw.js
 *     .servesShellUncached()                             // no-cache | no-store | max-age=0
 *     .servesHashedAssetsImmutable();                    // discovered from / and /manifest.json
 *
 * assertThat(control.staticHost().withAssets("/assets/app-3f9a2c1b.js"))
 *     .servesHashedAssetsImmutable();                    // immutable, max-age >= 1 year
 * }</pre>
 *
 * <p>Defaults follow the control service's static host: {@code manifest.json} and {@code sw.js}
 * are served {@code no-cache, no-store, must-revalidate}, hashed assets
 * {@code public, max-age=31536000, immutable}.
 *
 * @param service the service serving the host
 * @param shellPaths files that must require revalidation
 * @param assetPaths hashed assets to check; empty means discover them from {@code discoveryPages}
 * @param discoveryPages pages whose references (HTML {@code src}/{@code href}, JSON strings)
 *     name the hashed assets
 * @param minimumImmutableMaxAge the least {@code max-age} a hashed asset may carry
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StaticHost(
    ServiceSmoke service,
    List<String> shellPaths,
    List<String> assetPaths,
    List<String> discoveryPages,
    Duration minimumImmutableMaxAge) {

  /** One year, the documented {@code max-age} of hashed assets. */
  public static final Duration ONE_YEAR = Duration.ofSeconds(31_536_000);

  public StaticHost {
    Objects.requireNonNull(service, "service");
    shellPaths = List.copyOf(shellPaths);
    assetPaths = List.copyOf(assetPaths);
    discoveryPages = List.copyOf(discoveryPages);
    Objects.requireNonNull(minimumImmutableMaxAge, "minimumImmutableMaxAge");
  }

  /** The defaults: shell {@code /manifest.json} and {@code /sw.js}, assets discovered from {@code /} and {@code /manifest.json}. */
  public static StaticHost of(ServiceSmoke service) {
    return new StaticHost(service, List.of("/manifest.json", "/sw.js"), List.of(), List.of("/", "/manifest.json"), ONE_YEAR);
  }

  /** The shell files that must require revalidation on every use. */
  public StaticHost withShellPaths(String... paths) {
    return new StaticHost(service, List.of(paths), assetPaths, discoveryPages, minimumImmutableMaxAge);
  }

  /** Hashed assets to check as given, instead of discovering them. */
  public StaticHost withAssets(String... paths) {
    return new StaticHost(service, shellPaths, List.of(paths), discoveryPages, minimumImmutableMaxAge);
  }

  /** Pages to discover hashed assets from (HTML or JSON). */
  public StaticHost withDiscoveryPages(String... paths) {
    return new StaticHost(service, shellPaths, assetPaths, List.of(paths), minimumImmutableMaxAge);
  }

  /** The least {@code max-age} a hashed asset may carry, if the docs of the host say otherwise. */
  public StaticHost withMinimumImmutableMaxAge(Duration maxAge) {
    return new StaticHost(service, shellPaths, assetPaths, discoveryPages, maxAge);
  }
}
