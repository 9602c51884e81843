package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.runtime.smoke.internal.JsonDocs;
import java.net.URI;
import dev.invariantharness.http.ProbeRequest;
import dev.invariantharness.http.ProbeResponse;
import dev.invariantharness.runtime.internal.Probers;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/**
 * Bounded HTTP probes of one deployed service — the subject of {@link SmokeAssertions}. Every
 * request runs under one deadline ({@code invariant.harness.timeout.http}, headers and body
 * together), reads at most {@link #DEFAULT_MAX_BODY_BYTES} of body, and is attached to the
 * running check as evidence after redaction.
 *
 * <pre>{@code
 * ServiceSmoke control = ServiceSmoke.against(config.baseUrl("control"), config)
 *     .withAccessToken(config.secret("invariant.harness.target.control.access-token").orElse(null));
 * assertThat(control).isReady();
 * assertThat(control.staticHost()).servesShellUncached().servesHashedAssetsImmutable();
 * }</pre>
 *
 * <p><b>Secrets.</b> The access token goes out only in the {@code Authorization} header. This
 * probe redacts it — and every token a service mints for it — literally, wherever a response
 * echoes it, before anything reaches a message or an evidence file; the harness's own redaction
 * runs on top. Configure a token through {@link SmokeTarget} or {@link #withAccessToken}, never
 * in a URL.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ServiceSmoke {

  /** Body bytes read per response: health documents and index pages are far smaller. */
  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

  private final URI baseUrl;
  private final Duration timeout;
  private final String accessToken;
  private final HttpClient.Version httpVersion;
  private final CopyOnWriteArrayList<String> secrets;
  /** Built from {@link #secrets} and rebuilt only when a secret is added, not per redaction. */
  private volatile Redactor redactor;

  private ServiceSmoke(URI baseUrl, Duration timeout, String accessToken, HttpClient.Version httpVersion, List<String> secrets) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.accessToken = accessToken;
    this.httpVersion = httpVersion;
    this.secrets = new CopyOnWriteArrayList<>(secrets);
    this.redactor = redactorOf(this.secrets);
  }

  /** Probes of the service at {@code baseUrl}, bounded by {@code invariant.harness.timeout.http}. */
  public static ServiceSmoke against(URI baseUrl, HarnessConfiguration config) {
    return against(baseUrl, config.timeout("http"));
  }

  /** Probes of the service at {@code baseUrl}, each exchange bounded by {@code timeout}. */
  public static ServiceSmoke against(URI baseUrl, Duration timeout) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
      throw new IllegalArgumentException("base URL must be absolute with a host, was " + baseUrl);
    }
    return new ServiceSmoke(baseUrl, timeout, null, HttpClient.Version.HTTP_1_1, List.of());
  }

  /**
   * The same probes, sending {@code Authorization: Bearer <token>} on authenticated requests;
   * {@code null} or blank means no token.
   */
  public ServiceSmoke withAccessToken(String token) {
    String t = token == null || token.isBlank() ? null : token.trim();
    CopyOnWriteArrayList<String> s = new CopyOnWriteArrayList<>(secrets);
    if (t != null) {
      s.addIfAbsent(t);
    }
    return new ServiceSmoke(baseUrl, timeout, t, httpVersion, s);
  }

  /**
   * The same probes over {@code version}. HTTP/1.1 is the default: the JDK's HTTP/2 offers
   * {@code Upgrade: h2c} on plain {@code http://}, which a server with a WebSocket
   * {@code upgrade} listener answers as a failed upgrade instead of as the request.
   */
  public ServiceSmoke withHttpVersion(HttpClient.Version version) {
    Objects.requireNonNull(version, "version");
    return new ServiceSmoke(baseUrl, timeout, accessToken, version, secrets);
  }

  /** The static host this service serves, with default shell files and asset discovery. */
  public StaticHost staticHost() {
    return StaticHost.of(this);
  }

  /** The service's base URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The base URL as messages show it: a password in it is redacted. */
  public String displayUrl() {
    return redactor().redactUri(baseUrl.toString());
  }

  /** The bound on each exchange. */
  public Duration timeout() {
    return timeout;
  }

  /** Whether an access token is configured. */
  public boolean hasAccessToken() {
    return accessToken != null;
  }

  /** {@code GET path}, unauthenticated. */
  public SmokeResponse get(String path) {
    return send("GET", path, null, false);
  }

  /** {@code GET path} with the access token. */
  public SmokeResponse getAuthenticated(String path) {
    return send("GET", path, null, true);
  }

  /** {@code POST path} with a JSON body, with the access token when {@code authenticated}. */
  public SmokeResponse postJson(String path, String json, boolean authenticated) {
    return send("POST", path, json, authenticated);
  }

  /** {@code text} with the access token and every token minted for this probe removed. */
  public String redact(String text) {
    return redactor().redact(text == null ? "" : text);
  }

  /** The redactor this probe applies: the harness's built-in rules plus its own secrets. */
  public Redactor redactor() {
    return redactor;
  }

  private static Redactor redactorOf(List<String> secrets) {
    Redactor r = Redactor.defaults();
    for (String s : secrets) {
      r = r.withSecret(s);
    }
    return r;
  }

  /** Registers a secret a response carried (a minted token), so it is redacted from now on. */
  void rememberSecret(String secret) {
    if (secret != null && secret.length() >= Redactor.MIN_SECRET_LENGTH) {
      synchronized (secrets) {
        if (secrets.addIfAbsent(secret)) {
          redactor = redactorOf(secrets);
        }
      }
    }
  }

  /** The absolute URI of {@code path} under the base URL (a base path is kept). */
  public URI resolve(String path) {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + (path.startsWith("/") ? path : "/" + path));
  }

  private SmokeResponse send(String method, String path, String body, boolean authenticated) {
    ProbeRequest request = ProbeRequest.of(method, resolve(path)).withBodyLimit(DEFAULT_MAX_BODY_BYTES)
        .withHeader("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
    if (body != null) {
      request = request.withJsonBody(body);
    }
    if (authenticated) {
      if (accessToken == null) {
        throw new IllegalStateException("no access token configured for " + displayUrl() + "; see SmokeTarget.requireAccessToken()");
      }
      if (!isSafeForCredentials(baseUrl)) {
        throw new IllegalStateException("refusing to send the access token over plain http to " + baseUrl.getHost()
            + "; use an https base URL (plain http is allowed on loopback only)");
      }
      request = request.withHeader("Authorization", "Bearer " + accessToken);
    }
    SmokeResponse r = smokeResponse(Probers.shared(timeout, httpVersion).send(request), body);
    // A minted token becomes a secret before the exchange is written anywhere.
    JsonDocs.parse(r.body()).ifPresent(json -> tokenValues(json).forEach(this::rememberSecret));
    Evidence.http(evidenceOf(r));
    return r;
  }

  /**
   * The exchange as evidence, redacted. A truncated body loses as many trailing characters as
   * the longest secret has: a secret cut in two by the body limit would match no rule.
   */
  private HttpExchange evidenceOf(SmokeResponse r) {
    HttpExchange e = r.toExchange();
    if (r.truncated()) {
      int longest = secrets.stream().mapToInt(String::length).max().orElse(0);
      String body = r.body().length() > longest ? r.body().substring(0, r.body().length() - longest) : "";
      e = new HttpExchange(e.method(), e.uri(), e.requestHeaders(), e.requestBody(), e.status(), e.responseHeaders(),
          body + "\n… (truncated at " + DEFAULT_MAX_BODY_BYTES + " bytes)", e.duration());
    }
    return e.redacted(redactor());
  }

  /**
   * The prober's answer as a smoke response. A body that did not complete within the deadline
   * counts as no response: a smoke check reads whole health documents and pages.
   */
  private SmokeResponse smokeResponse(ProbeResponse r, String requestBody) {
    ProbeRequest q = r.request();
    if (r.complete()) {
      return new SmokeResponse(q.method(), q.uri(), q.headers(), requestBody, r.status(), r.headers(), r.body(), r.truncated(),
          r.duration(), "");
    }
    String why = r.problem().startsWith("no answer within") || r.problem().startsWith("body not complete within")
        ? "no complete response within " + timeout.toMillis() + " ms"
        : r.problem();
    return new SmokeResponse(q.method(), q.uri(), q.headers(), requestBody, 0, null, "", false, r.duration(), why);
  }

  private static boolean isSafeForCredentials(URI uri) {
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      return true;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    // literal loopback addresses only: "127.example.com" is a remote host
    return host.equals("localhost") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || host.equals("[::1]") || host.equals("::1");
  }

  /** Where a response repeats the access token: a header name or {@code body}; empty when nowhere. */
  List<String> echoesOfAccessToken(SmokeResponse r) {
    List<String> where = new ArrayList<>();
    if (accessToken == null) {
      return where;
    }
    if (r.body().contains(accessToken)) {
      where.add("body");
    }
    r.headers().forEach((name, values) -> {
      if (values.stream().anyMatch(v -> v.contains(accessToken))) {
        where.add("header " + name);
      }
    });
    return where;
  }

  private static List<String> tokenValues(JsonNode root) {
    List<String> out = new ArrayList<>();
    List<JsonNode> stack = new ArrayList<>(List.of(root));
    int visited = 0;
    while (!stack.isEmpty() && visited++ < 10_000) {
      JsonNode n = stack.remove(stack.size() - 1);
      if (n.isObject()) {
        n.fields().forEachRemaining(e -> {
          String name = e.getKey().toLowerCase(Locale.ROOT);
          if ((name.contains("token") || name.contains("secret")) && e.getValue().isTextual()) {
            out.add(e.getValue().asText());
          } else {
            stack.add(e.getValue());
          }
        });
      } else if (n.isArray()) {
        n.elements().forEachRemaining(stack::add);
      }
    }
    return out;
  }

  /** The body's first characters on one line, redacted: enough to show what a peer said. */
  String snippet(SmokeResponse r) {
    // Redact before cutting: a cut could leave half a token that no rule recognises.
    String oneLine = redact(r.body()).replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + " …";
  }
}
