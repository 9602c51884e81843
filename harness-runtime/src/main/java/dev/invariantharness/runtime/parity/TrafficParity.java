package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.runtime.parity.internal.Answer;
import dev.invariantharness.runtime.parity.internal.CompiledRules;
import dev.invariantharness.runtime.parity.internal.Json;
import dev.invariantharness.runtime.parity.internal.JsonDiff;
import dev.invariantharness.runtime.parity.internal.Replayer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Traffic parity, the way Twitter's Diffy does it: replay recorded requests to the legacy
 * service and to the candidate over real HTTP, normalise volatile fields, and — to tell
 * regressions from noise — replay them to a second legacy instance too. A field that differs
 * between the two legacy answers on a route is noise there (timestamps, request ids, hosts),
 * never a regression; what else differs between legacy and candidate is classified critical or
 * warning by {@link TrafficRules} and decided by a {@link ParityPolicy}.
 *
 * <pre>{@code
 * TrafficParityResult result = TrafficParity.builder()
 *     .legacy(URI.create("http://127.0.0.1:8081"))
 *     .secondLegacy(URI.create("http://127.0.0.1:8082"))
 *     .candidate(URI.create("http://127.0.0.1:9090"))
 *     .rules(TrafficRules.read(Path.of("parity-rules.yaml")))
 *     .policy(ParityPolicy.trafficDefaults().withMaxWarningRate(0.01))
 *     .timeout(Duration.ofSeconds(5))
 *     .concurrency(16)
 *     .build()
 *     .run(Recordings.load(Path.of("recordings")));
 * ParityAssertions.assertThat(result.report()).allows();
 * }</pre>
 *
 * <p>Bounded: at most {@code concurrency} exchanges are in flight, and every request has
 * {@code timeout} for its whole answer (at most 16 MiB). A side that does not answer in time,
 * refuses the connection, resets it or answers too much becomes a {@code #error} diff row (critical for legacy and candidate,
 * a warning for the second legacy instance), never a hung run. Noise is learned per route over
 * the whole run before anything is classified, as Diffy does, so one noisy answer teaches the
 * route. Response headers are not compared. The warning rate the policy checks is the share of
 * exchanges with at least one warning.
 *
 * <p>No secrets in the report: secret query parameters in a diff's field and credential-like
 * values (fields named like tokens, passwords, keys; bearer tokens and JWTs in text) are
 * replaced by the harness's redaction marker.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TrafficParity {

  private static final Redactor REDACTOR = Redactor.defaults();
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(token|secret|password|passwd|credential|api[_-]?key|authorization|cookie).*");

  private final URI legacy;
  private final URI secondLegacy;
  private final URI candidate;
  private final CompiledRules rules;
  private final ParityPolicy policy;
  private final Duration timeout;
  private final int concurrency;
  private final Clock clock;
  private final String legacyRunId;
  private final String rustRunId;

  private TrafficParity(Builder b) {
    this.legacy = Objects.requireNonNull(b.legacy, "legacy base URL is required");
    this.candidate = Objects.requireNonNull(b.candidate, "candidate base URL is required");
    this.secondLegacy = b.secondLegacy;
    this.rules = new CompiledRules(b.rules);
    this.policy = b.policy;
    this.timeout = b.timeout;
    this.concurrency = b.concurrency;
    this.clock = b.clock;
    this.legacyRunId = b.legacyRunId != null ? b.legacyRunId : origin(legacy);
    this.rustRunId = b.rustRunId != null ? b.rustRunId : origin(candidate);
  }

  /** A builder; legacy and candidate base URLs are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Loads the recordings under {@code recordings} (see {@link Recordings#load}) and runs. */
  public TrafficParityResult run(Path recordings) {
    return run(Recordings.load(recordings));
  }

  /**
   * Replays {@code exchanges} to every side and decides.
   *
   * @throws HarnessInputException when there is nothing to replay: parity over no traffic proves
   *     nothing and must not allow a cutover
   */
  public TrafficParityResult run(List<RecordedExchange> exchanges) {
    if (exchanges.isEmpty()) {
      throw new HarnessInputException("recorded exchanges", "there is nothing to replay; parity over no traffic proves nothing");
    }
    long start = System.nanoTime();
    List<Evaluated> evaluated;
    try (Replayer replayer = new Replayer(timeout, concurrency)) {
      evaluated = replayer.replay(exchanges, Arrays.asList(legacy, secondLegacy, candidate), this::evaluate);
    }
    Map<String, Set<String>> noise = new HashMap<>();
    for (Evaluated e : evaluated) {
      if (!e.noise().isEmpty()) {
        noise.computeIfAbsent(e.routeKey(), k -> new TreeSet<>()).addAll(e.noise());
      }
    }
    List<ParityDiff> diffs = new ArrayList<>();
    int suppressed = 0;
    int failed = 0;
    int warned = 0;
    for (Evaluated e : evaluated) {
      Set<String> routeNoise = noise.getOrDefault(e.routeKey(), Set.of());
      boolean warning = false;
      failed += e.failed() ? 1 : 0;
      for (ParityDiff d : e.errors()) {
        diffs.add(d);
        warning |= !d.isCritical();
      }
      for (Candidate c : e.candidateDiffs()) {
        if (routeNoise.contains(c.noiseKey())) {
          suppressed++;
          continue;
        }
        diffs.add(c.diff());
        warning |= !c.diff().isCritical();
      }
      warned += warning ? 1 : 0;
    }
    ParityGate gate = policy.decide(diffs, exchanges.size(), warned);
    ParityReport report = ParityReport.of(clock.instant(), legacyRunId, rustRunId, diffs, gate);
    Map<String, Set<String>> sortedNoise = new TreeMap<>();
    noise.forEach((k, v) -> sortedNoise.put(k, Set.copyOf(v)));
    return new TrafficParityResult(report, exchanges.size(), failed, sortedNoise, suppressed,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private record Candidate(String noiseKey, ParityDiff diff) {}

  private record Evaluated(String routeKey, List<ParityDiff> errors, List<Candidate> candidateDiffs, Set<String> noise, boolean failed) {}

  private Evaluated evaluate(RecordedExchange exchange, List<Answer> answers) {
    Answer l1 = answers.get(0);
    Answer l2 = answers.get(1);
    Answer c = answers.get(2);
    String route = exchange.route();
    String routeKey = routeKey(exchange);
    String field = exchange.method() + " " + REDACTOR.redactUri(exchange.path());
    List<ParityDiff> errors = new ArrayList<>();
    if (l1.failed() || c.failed()) {
      errors.add(new ParityDiff(Severity.CRITICAL, field + "#error", state(l1), state(c),
          (l1.failed() ? "legacy " + l1.error() : "") + (l1.failed() && c.failed() ? "; " : "")
              + (c.failed() ? "candidate " + c.error() : "") + "; the exchange was not compared"));
    }
    if (l2.failed()) {
      errors.add(new ParityDiff(Severity.WARNING, field + "#error", state(l1), state(l2),
          "legacy-2 " + l2.error() + "; noise was not learned from this exchange"));
    }
    if (l1.failed() || c.failed()) {
      return new Evaluated(routeKey, errors, List.of(), Set.of(), true);
    }
    Set<String> noise = new LinkedHashSet<>();
    if (secondLegacy != null && !l2.failed()) {
      for (Raw r : compare(route, l1, l2)) {
        noise.add(r.noiseKey());
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Raw r : compare(route, l1, c)) {
      Severity severity = r.pointer().equals("#status") ? rules.statusSeverity()
          : rules.classify(route, r.pointer().startsWith("#") ? null : r.pointer());
      String at = r.pointer().startsWith("#") ? r.pointer() : "#" + r.pointer();
      candidates.add(new Candidate(r.noiseKey(), new ParityDiff(severity, field + at,
          redacted(r.pointer(), r.legacy()), redacted(r.pointer(), r.rust()), r.message())));
    }
    return new Evaluated(routeKey, errors, candidates, noise, l2.failed());
  }

  private record Raw(String pointer, JsonNode legacy, JsonNode rust, String message) {
    String noiseKey() {
      return pointer.startsWith("#") ? pointer
          : Arrays.stream(pointer.split("/", -1)).map(s -> s.matches("\\d+") ? "*" : s).collect(Collectors.joining("/"));
    }
  }

  private List<Raw> compare(String route, Answer a, Answer b) {
    List<Raw> out = new ArrayList<>();
    if (a.status() != b.status()) {
      out.add(new Raw("#status", IntNode.valueOf(a.status()), IntNode.valueOf(b.status()),
          "status " + a.status() + " on legacy, " + b.status() + " on candidate"));
    }
    JsonNode ja = json(a.body());
    JsonNode jb = json(b.body());
    if (ja != null && jb != null) {
      for (JsonDiff.Leaf leaf : JsonDiff.diff(rules.normalise(route, ja), rules.normalise(route, jb))) {
        String where = leaf.pointer().isEmpty() ? "the body" : leaf.pointer();
        String message = leaf.left() == null ? where + " only on candidate"
            : leaf.right() == null ? where + " missing on candidate" : where + " differs";
        out.add(new Raw(leaf.pointer(), leaf.left(), leaf.right(), message));
      }
    } else if (!a.body().equals(b.body())) {
      out.add(new Raw("#body", TextNode.valueOf(abbreviate(a.body())), TextNode.valueOf(abbreviate(b.body())),
          "non-JSON bodies differ"));
    }
    return out;
  }

  private static JsonNode json(String body) {
    if (body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * A value safe for the report: a field named like a credential shows only the redaction
   * marker; other text goes through the harness's redaction rules (bearer tokens, JWTs, ...).
   */
  private static JsonNode redacted(String pointer, JsonNode value) {
    if (value == null || value.isNull()) {
      return value;
    }
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (SECRET_NAME.matcher(last).matches()) {
      return TextNode.valueOf(Redactor.MARKER);
    }
    return value.isTextual() ? TextNode.valueOf(REDACTOR.redact(value.asText())) : value;
  }

  private static JsonNode state(Answer a) {
    return a.failed() ? TextNode.valueOf(a.error()) : IntNode.valueOf(a.status());
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /** The route with id-like path segments (any digit) as {@code {id}}: noise is learned per route. */
  static String routeKey(RecordedExchange exchange) {
    String route = exchange.route();
    int space = route.indexOf(' ');
    String path = Arrays.stream(route.substring(space + 1).split("/", -1))
        .map(s -> s.matches(".*\\d.*") ? "{id}" : s).collect(Collectors.joining("/"));
    return route.substring(0, space) + " " + path;
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /** Configures a {@link TrafficParity}. */
  public static final class Builder {
    private URI legacy;
    private URI secondLegacy;
    private URI candidate;
    private TrafficRules rules = TrafficRules.defaults();
    private ParityPolicy policy = ParityPolicy.trafficDefaults();
    private Duration timeout = Duration.ofSeconds(10);
    private int concurrency = 16;
    private Clock clock = Clock.systemUTC();
    private String legacyRunId;
    private String rustRunId;

    private Builder() {}

    /** The legacy service's base URL (required); its answers are the reference. */
    public Builder legacy(URI baseUrl) {
      this.legacy = baseUrl;
      return this;
    }

    /**
     * A second legacy instance's base URL: what differs between the two legacy answers is learned
     * as noise. Without it, nothing is learned and only normalisation removes volatile fields.
     */
    public Builder secondLegacy(URI baseUrl) {
      this.secondLegacy = baseUrl;
      return this;
    }

    /** The candidate (new service) base URL (required). */
    public Builder candidate(URI baseUrl) {
      this.candidate = baseUrl;
      return this;
    }

    /** Normalisation and classification; default {@link TrafficRules#defaults()}. */
    public Builder rules(TrafficRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** When to block; default {@link ParityPolicy#trafficDefaults()}. */
    public Builder policy(ParityPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The deadline for each request's whole answer; default 10 s (use {@code config.timeout("http")}). */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * How many exchanges may be in flight at once (each asks every side, on a thread of its own);
     * 1 to 256, default 16.
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 256) {
        throw new IllegalArgumentException("concurrency must be within 1..256, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /** The clock for {@code generated_at}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The report's {@code legacy_run_id} and {@code rust_run_id}; default the base URLs. */
    public Builder runIds(String legacyRunId, String rustRunId) {
      this.legacyRunId = legacyRunId;
      this.rustRunId = rustRunId;
      return this;
    }

    /** The configured run. */
    public TrafficParity build() {
      return new TrafficParity(this);
    }
  }
}
