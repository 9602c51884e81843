package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.config.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One side of the cutover as the checks see it: a base URL reached over real HTTP
 * ({@code java.net.http}), its authority write routes, the read paths whose answers make up its
 * observable state, and its bearer token. Immutable; {@code with...} methods return a copy.
 *
 * <pre>{@code
 * AuthorityService runtime = AuthorityService.fromConfiguration(config, "runtime", AuthoritySide.RUNTIME)
 *     .withWriteRoutes(OpenApiRoutes.read(Path.of("runtime-openapi.yaml")).writes())
 *     .withReadPaths("/internal/v1/runs", "/internal/v1/workers");
 * AuthorityService legacy = AuthorityService.legacy(URI.create("http://127.0.0.1:4000"))
 *     .withTimeout(config.timeout("http"))
 *     .withWriteRoutes(WriteRoutes.of("POST /api/v1/runs", "DELETE /api/v1/runs/{id}"))
 *     .withReadPaths("/api/v1/runs");
 * }</pre>
 *
 * <p><b>Secrets</b>: the token is sent as {@code Authorization: Bearer ...} and never printed:
 * {@link #toString()} shows whether one is set, evidence goes through the harness's redactor.
 *
 * <p><b>Bounds</b>: requests go through harness-core's bounded
 * {@link dev.invariantharness.http.HttpProber} over HTTP/1.1 ({@link #withHttpVersion}); every
 * exchange, headers and body, ends within {@link #timeout()} (take it from
 * {@code HarnessConfiguration.timeout("http")}); at most {@link #concurrency()} requests to the
 * service are in flight at once.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuthorityService {

  /** Requests in flight at once unless {@link #withConcurrency} says otherwise. */
  public static final int DEFAULT_CONCURRENCY = 8;

  private final AuthoritySide side;
  private final URI baseUrl;
  private final String token;
  private final Duration timeout;
  private final List<WriteRoute> writeRoutes;
  private final List<String> readPaths;
  private final Set<String> volatileFields;
  private final String healthPath;
  private final int concurrency;
  private final HttpClient.Version httpVersion;

  private AuthorityService(AuthoritySide side, URI baseUrl, String token, Duration timeout, List<WriteRoute> writeRoutes,
      List<String> readPaths, Set<String> volatileFields, String healthPath, int concurrency, HttpClient.Version httpVersion) {
    this.side = side;
    this.baseUrl = baseUrl;
    this.token = token;
    this.timeout = timeout;
    this.writeRoutes = List.copyOf(writeRoutes);
    this.readPaths = List.copyOf(readPaths);
    this.volatileFields = Set.copyOf(volatileFields);
    this.healthPath = healthPath;
    this.concurrency = concurrency;
    this.httpVersion = httpVersion;
  }

  /** The Rust runtime at {@code baseUrl}: frozen writes answer {@code 503}; health at {@code /healthz}. */
  public static AuthorityService runtime(URI baseUrl) {
    return of(AuthoritySide.RUNTIME, baseUrl);
  }

  /** The legacy runtime at {@code baseUrl}: frozen writes answer {@code 410}. */
  public static AuthorityService legacy(URI baseUrl) {
    return of(AuthoritySide.LEGACY, baseUrl);
  }

  /** A service of {@code side} at {@code baseUrl}, 10 s timeout, no routes yet. */
  public static AuthorityService of(AuthoritySide side, URI baseUrl) {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
      throw new HarnessInputException("base URL of the " + side.label() + " service", "'" + baseUrl + "' is not an absolute URL with a host");
    }
    return new AuthorityService(side, baseUrl, null, Duration.ofSeconds(10), List.of(), List.of(), Set.of(), "/healthz",
        DEFAULT_CONCURRENCY, HttpClient.Version.HTTP_1_1);
  }

  /**
   * The service configured as harness target {@code target}: base URL from
   * {@code HarnessConfiguration.baseUrl(target)}, timeout from {@code timeout("http")}, token from
   * secret {@code invariant.harness.target.<target>.access-token} (environment variable
   * {@code <ENV>_<TARGET>_ACCESS_TOKEN}) when set.
   */
  public static AuthorityService fromConfiguration(HarnessConfiguration config, String target, AuthoritySide side) {
    Target t = config.target(target);
    return of(side, t.baseUrl()).withTimeout(t.timeout("http")).withToken(t.accessToken().orElse(null));
  }

  /** This service with a bearer token ({@code null} for none). */
  public AuthorityService withToken(String bearerToken) {
    return new AuthorityService(side, baseUrl, bearerToken == null || bearerToken.isBlank() ? null : bearerToken, timeout,
        writeRoutes, readPaths, volatileFields, healthPath, concurrency, httpVersion);
  }

  /** This service with every request (and connect) bounded by {@code limit}. */
  public AuthorityService withTimeout(Duration limit) {
    if (limit == null || limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + limit);
    }
    return new AuthorityService(side, baseUrl, token, limit, writeRoutes, readPaths, volatileFields, healthPath, concurrency, httpVersion);
  }

  /** This service with the authority write routes to probe. */
  public AuthorityService withWriteRoutes(List<WriteRoute> routes) {
    return new AuthorityService(side, baseUrl, token, timeout, routes, readPaths, volatileFields, healthPath, concurrency, httpVersion);
  }

  /**
   * This service with the GET paths whose answers are its observable state: read before and
   * after rejected writes (identical, or the write left a trace) and required to keep answering
   * 2xx while frozen. They must cover what the write routes change.
   */
  public AuthorityService withReadPaths(String... paths) {
    return withReadPaths(Arrays.asList(paths));
  }

  /** {@link #withReadPaths(String...)} from a list. */
  public AuthorityService withReadPaths(List<String> paths) {
    for (String p : paths) {
      if (p == null || !p.startsWith("/")) {
        throw new HarnessInputException("read path '" + p + "' of the " + side.label() + " service", "must start with '/'");
      }
    }
    return new AuthorityService(side, baseUrl, token, timeout, writeRoutes, paths, volatileFields, healthPath, concurrency, httpVersion);
  }

  /**
   * This service with JSON fields whose values change on every read, such as {@code served_at} or
   * {@code uptime_ms}: they are left out, at any depth, when read paths are compared before and
   * after refused writes, so only real state changes count as a trace.
   */
  public AuthorityService withVolatileFields(String... names) {
    return new AuthorityService(side, baseUrl, token, timeout, writeRoutes, readPaths, Set.of(names), healthPath, concurrency, httpVersion);
  }

  /** This service with another health path ({@code /healthz} by default). */
  public AuthorityService withHealthPath(String path) {
    return new AuthorityService(side, baseUrl, token, timeout, writeRoutes, readPaths, volatileFields, path, concurrency, httpVersion);
  }

  /** This service with at most {@code requests} requests in flight at once. */
  public AuthorityService withConcurrency(int requests) {
    if (requests < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + requests);
    }
    return new AuthorityService(side, baseUrl, token, timeout, writeRoutes, readPaths, volatileFields, healthPath, requests, httpVersion);
  }

  /**
   * This service spoken to over {@code version}. HTTP/1.1 is the default: the JDK's HTTP/2
   * offers {@code Upgrade: h2c} on every plain {@code http://} request, and a server with a
   * WebSocket {@code upgrade} listener (Node's {@code ws} and the like) answers that as a failed
   * upgrade, so a frozen route would seem to answer 404 instead of its 503 or 410.
   */
  public AuthorityService withHttpVersion(HttpClient.Version version) {
    Objects.requireNonNull(version, "version");
    return new AuthorityService(side, baseUrl, token, timeout, writeRoutes, readPaths, volatileFields, healthPath, concurrency, version);
  }

  /** Runtime or legacy. */
  public AuthoritySide side() {
    return side;
  }

  /** The base URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The bearer token, if any; for sending only, never for printing. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** The bound on each request. */
  public Duration timeout() {
    return timeout;
  }

  /** The authority write routes. */
  public List<WriteRoute> writeRoutes() {
    return writeRoutes;
  }

  /** The read paths that make up the observable state. */
  public List<String> readPaths() {
    return readPaths;
  }

  /** JSON field names ignored when state snapshots are compared. */
  public Set<String> volatileFields() {
    return volatileFields;
  }

  /** The health path. */
  public String healthPath() {
    return healthPath;
  }

  /** Requests in flight at most. */
  public int concurrency() {
    return concurrency;
  }

  /** The HTTP version requests are sent with; HTTP/1.1 unless {@link #withHttpVersion} says otherwise. */
  public HttpClient.Version httpVersion() {
    return httpVersion;
  }

  /** {@code runtime service at http://127.0.0.1:8080 (token set, 5 write routes)}; never the token. */
  @Override
  public String toString() {
    return side.label() + " service at " + baseUrl + " (" + (token == null ? "no token" : "token set") + ", "
        + writeRoutes.size() + " write route(s))";
  }
}
