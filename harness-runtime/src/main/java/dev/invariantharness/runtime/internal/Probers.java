package dev.invariantharness.runtime.internal;

import dev.invariantharness.http.HttpProber;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core {@link HttpProber}s harness-runtime's checks send through, one per deadline and HTTP
 * version. A prober owns threads, while the services the checks describe
 * ({@code AuthorityService}, {@code ServiceSmoke}) are immutable values that users copy freely
 * with {@code with...}: giving each copy its own prober would leave threads behind every copy, so
 * copies with the same settings share one. Probers live as long as the JVM; their threads are
 * daemons and their worker pools shrink to nothing when idle.
 */
public final class Probers {

  /** Bytes kept per response body unless a request says otherwise: enough for any error or health body. */
  public static final int BODY_LIMIT = 64 * 1024;

  private record Key(Duration deadline, HttpClient.Version version) {}

  private static final Map<Key, HttpProber> SHARED = new ConcurrentHashMap<>();

  private Probers() {}

  /**
   * The prober for requests bounded by {@code deadline} (connect, headers and body) over
   * {@code version}; concurrency is bounded by the callers, which know their own limits.
   */
  public static HttpProber shared(Duration deadline, HttpClient.Version version) {
    return SHARED.computeIfAbsent(new Key(deadline, version), k -> HttpProber.builder()
        .deadline(k.deadline())
        .connectTimeout(k.deadline())
        .version(k.version())
        .bodyLimit(BODY_LIMIT)
        .concurrency(Integer.MAX_VALUE / 2)
        .build());
  }
}
