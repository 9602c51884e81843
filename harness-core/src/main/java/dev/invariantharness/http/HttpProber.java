package dev.invariantharness.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.http.internal.CapturedBody;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The harness's one way to ask a service something over HTTP, bounded in every direction:
 *
 * <ul>
 *   <li><b>HTTP/1.1</b> by default ({@link Builder#version}): the JDK's default HTTP/2 sends
 *       {@code Upgrade: h2c} on plain {@code http://}, which servers with a WebSocket
 *       {@code upgrade} listener answer as a failed upgrade instead of as the request;
 *   <li>a <b>connect timeout</b> and an overall <b>deadline</b> covering headers <em>and</em>
 *       body — a peer that stalls mid-body cannot hang a check;
 *   <li>every body <b>capped</b> ({@link ProbeResponse#truncated()} says when), so an endless
 *       stream cannot fill the heap;
 *   <li><b>redirects not followed</b>: a 3xx is an answer a check should see;
 *   <li><b>never throws</b> for a failed exchange: no answer is {@code status 0} with a reason;
 *   <li>at most {@link Builder#concurrency} requests in flight in {@link #sendAll}.
 * </ul>
 *
 * <pre>{@code
 * try (HttpProber prober = HttpProber.builder().deadline(Duration.ofSeconds(2)).build()) {
 *   ProbeResponse health = prober.send(ProbeRequest.get(URI.create(base + "/healthz")));
 *   List<ProbeResponse> writes = prober.sendAll(routes.stream()
 *       .map(r -> ProbeRequest.of(r.method(), base.resolve(r.path())).withJsonBody("{}"))
 *       .toList());
 * }
 * }</pre>
 *
 * <p>Thread-safe; one prober can serve a whole test class. Its threads are daemons, so a prober
 * that is never closed does not keep the JVM alive; {@link #close()} releases them early.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpProber implements AutoCloseable {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date", "via", "warning");

  private static final AtomicInteger PROBERS = new AtomicInteger();

  private final Duration connectTimeout;
  private final Duration deadline;
  private final int bodyLimit;
  private final int concurrency;
  private final HttpClient.Version version;
  private final Map<String, List<String>> defaultHeaders;
  private final ExecutorService pool;
  private final ScheduledExecutorService deadlines;
  private final DeadlineWatch watch;
  private final HttpClient client;

  private HttpProber(Builder b) {
    this.connectTimeout = b.connectTimeout.compareTo(b.deadline) > 0 ? b.deadline : b.connectTimeout;
    this.deadline = b.deadline;
    this.bodyLimit = b.bodyLimit;
    this.concurrency = b.concurrency;
    this.version = b.version;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    b.defaultHeaders.forEach((k, v) -> headers.put(k, List.copyOf(v)));
    this.defaultHeaders = Collections.unmodifiableMap(headers);
    String name = "invariant-harness-http-" + PROBERS.incrementAndGet();
    // An executor of our own: the client hands every completion to it, and a cached pool of
    // daemons grows only with the requests actually in flight.
    this.pool = Executors.newCachedThreadPool(daemon(name + "-worker-"));
    this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon(name + "-deadline-"));
    this.watch = new DeadlineWatch(name + "-watch", DeadlineWatch.tickFor(deadline));
    this.client = HttpClient.newBuilder()
        .executor(pool)
        .connectTimeout(connectTimeout)
        .version(version)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A prober with the defaults: HTTP/1.1, connect 2 s, deadline 5 s, 64 KiB bodies, 8 in flight. */
  public static HttpProber create() {
    return builder().build();
  }

  /** A builder starting from the defaults of {@link #create()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The overall deadline per request, headers and body. */
  public Duration deadline() {
    return deadline;
  }

  /** The HTTP version requests are sent with. */
  public HttpClient.Version version() {
    return version;
  }

  /**
   * Sends one request and waits for its response, at most the deadline (plus scheduling slack).
   *
   * @return the response; status {@code 0} with a reason when none arrived
   */
  public ProbeResponse send(ProbeRequest request) {
    if (Thread.currentThread().isInterrupted()) {
      return noAnswer(request, Duration.ZERO, "interrupted while waiting for the answer");
    }
    long start = System.nanoTime();
    HttpRequest httpRequest;
    try {
      httpRequest = build(request);
    } catch (IllegalArgumentException e) {
      return noAnswer(request, Duration.ZERO, "request could not be built: " + e.getMessage());
    }
    CapturedBody capture = captureFor(request);
    // The exchange runs on the caller's thread, not handed to the pool and waited for: that hop
    // was a probe's largest cost over a bare call. The deadline interrupts the caller instead,
    // which ends the client's blocking send (the JDK cancels the exchange on interrupt).
    CallerDeadline guard = new CallerDeadline(Thread.currentThread());
    DeadlineWatch.Watched timer;
    try {
      timer = watch.watch(guard, deadline);
    } catch (IllegalStateException closed) {
      return noAnswer(request, Duration.ZERO, "not sent: the prober is closed");
    }
    try {
      client.send(httpRequest, capture);
      return answer(request, capture.snapshot(), since(start), "");
    } catch (InterruptedException interrupted) {
      if (guard.finish()) {
        return expired(request, capture, since(start));
      }
      Thread.currentThread().interrupt();
      return noAnswer(request, since(start), "interrupted while waiting for the answer");
    } catch (Exception | Error error) {
      if (guard.finish()) {
        return expired(request, capture, since(start));
      }
      return failed(request, capture, start, error);
    } finally {
      watch.done(timer);
      guard.finish();
    }
  }

  /**
   * Sends every request, at most {@link Builder#concurrency} in flight, and returns the responses
   * in request order. Bounded: each request ends by its deadline, so the whole call ends within
   * about {@code ceil(n / concurrency)} deadlines.
   */
  public List<ProbeResponse> sendAll(List<ProbeRequest> requests) {
    Semaphore permits = new Semaphore(concurrency);
    List<CompletableFuture<ProbeResponse>> pending = new ArrayList<>(requests.size());
    long wait = deadline.toMillis() * 2 + 1_000;
    for (ProbeRequest r : requests) {
      try {
        // A permit frees when an exchange ends, and every exchange ends by its deadline: this wait
        // can only expire if the client itself is stuck.
        if (!permits.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
          pending.add(CompletableFuture.completedFuture(
              noAnswer(r, Duration.ZERO, "not sent: no request slot freed within " + wait + " ms")));
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pending.add(CompletableFuture.completedFuture(noAnswer(r, Duration.ZERO, "not sent: interrupted")));
        continue;
      }
      pending.add(sendAsync(r).whenComplete((x, t) -> permits.release()));
    }
    List<ProbeResponse> out = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      ProbeRequest r = requests.get(i);
      out.add(pending.get(i).exceptionally(t -> noAnswer(r, deadline, describe(t))).join());
    }
    return out;
  }

  /**
   * Sends one request without waiting. The future always completes normally, by the deadline at
   * the latest, with the response or a status-0 response saying why there is none.
   */
  public CompletableFuture<ProbeResponse> sendAsync(ProbeRequest request) {
    long start = System.nanoTime();
    HttpRequest httpRequest;
    try {
      httpRequest = build(request);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          noAnswer(request, Duration.ZERO, "request could not be built: " + e.getMessage()));
    }
    CapturedBody capture = captureFor(request);
    CompletableFuture<ProbeResponse> result = new CompletableFuture<>();
    // The blocking send on a thread of our pool, not the client's sendAsync: sendAsync hands every
    // completion to CompletableFuture's default executor, which on a machine of two cores or fewer
    // starts a new thread per task; measured, that hop was most of a probe's cost over a bare call.
    Future<?> exchange;
    try {
      exchange = pool.submit(() -> {
        try {
          client.send(httpRequest, capture);
          result.complete(answer(request, capture.snapshot(), since(start), ""));
        } catch (InterruptedException interrupted) {
          // Mostly the deadline, which completed the result first; else the prober was closed.
          result.complete(noAnswer(request, since(start), "not answered: the prober was closed"));
        } catch (Exception | Error error) {
          result.complete(failed(request, capture, start, error));
        }
      });
    } catch (RuntimeException closed) {
      return CompletableFuture.completedFuture(noAnswer(request, Duration.ZERO, "not sent: the prober is closed"));
    }
    ScheduledFuture<?> timer;
    try {
      timer = deadlines.schedule(() -> {
        if (result.complete(expired(request, capture, since(start)))) {
          exchange.cancel(true);
        }
      }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException closed) {
      exchange.cancel(true);
      return CompletableFuture.completedFuture(noAnswer(request, Duration.ZERO, "not sent: the prober is closed"));
    }
    result.whenComplete((r, t) -> timer.cancel(false));
    return result;
  }

  /** Stops the prober's threads; requests still in flight end as status-0 responses. */
  @Override
  public void close() {
    watch.close();
    deadlines.shutdownNow();
    pool.shutdownNow();
  }

  private HttpRequest build(ProbeRequest r) {
    HttpRequest.BodyPublisher body = r.body().isEmpty()
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(r.body());
    // The JDK's own timeout covers the headers only; the prober's deadline covers the rest.
    HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).timeout(deadline).method(r.method(), body);
    Map<String, List<String>> headers = new LinkedHashMap<>(defaultHeaders);
    r.headers().forEach((name, values) -> {
      headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
      headers.put(name, values);
    });
    headers.forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return b.build();
  }

  private ProbeResponse expired(ProbeRequest request, CapturedBody capture, Duration took) {
    CapturedBody.Snapshot s = capture.snapshot();
    if (s.status() > 0) {
      return answer(request, s, took, "body not complete within " + deadline.toMillis() + " ms");
    }
    return noAnswer(request, took, "no answer within " + deadline.toMillis() + " ms");
  }

  private static ProbeResponse answer(ProbeRequest request, CapturedBody.Snapshot s, Duration took, String problem) {
    return new ProbeResponse(request, s.status(), s.headers(), s.body(), s.truncated(), took, problem);
  }

  private CapturedBody captureFor(ProbeRequest request) {
    return new CapturedBody(request.bodyLimit() == ProbeRequest.DEFAULT_BODY_LIMIT ? bodyLimit : request.bodyLimit());
  }

  /** The response to an exchange that ended with {@code error}: what arrived of it, else none. */
  private ProbeResponse failed(ProbeRequest request, CapturedBody capture, long start, Throwable error) {
    CapturedBody.Snapshot s = capture.snapshot();
    return s.status() > 0
        ? answer(request, s, since(start), "body not complete: " + describe(error))
        : noAnswer(request, since(start), (error instanceof RuntimeException ? "not sent: " : "") + describe(error));
  }

  private static ProbeResponse noAnswer(ProbeRequest request, Duration took, String why) {
    return new ProbeResponse(request, 0, Map.of(), "", false, took, why);
  }

  private String describe(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof HttpConnectTimeoutException) {
      return "could not connect within " + connectTimeout.toMillis() + " ms";
    }
    if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
      return "no answer within " + deadline.toMillis() + " ms";
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures an {@link HttpProber}; every setting has a default. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration deadline = Duration.ofSeconds(5);
    private int bodyLimit = 64 * 1024;
    private int concurrency = 8;
    private HttpClient.Version version = HttpClient.Version.HTTP_1_1;
    private final Map<String, List<String>> defaultHeaders = new LinkedHashMap<>();

    private Builder() {}

    /** Time to establish the connection; default 2 s. Capped by the deadline. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Time for the whole exchange, headers and body; default 5 s. */
    public Builder deadline(Duration deadline) {
      this.deadline = positive(deadline, "deadline");
      return this;
    }

    /** Response body bytes kept per request unless a request sets its own; default 64 KiB. */
    public Builder bodyLimit(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("bodyLimit must be 0 or more bytes, was " + bytes);
      }
      this.bodyLimit = bytes;
      return this;
    }

    /** Requests in flight at once in {@link HttpProber#sendAll}; default 8. */
    public Builder concurrency(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, was " + requests);
      }
      this.concurrency = requests;
      return this;
    }

    /**
     * The HTTP version; default {@link HttpClient.Version#HTTP_1_1}. {@code HTTP_2} makes the
     * JDK client offer {@code Upgrade: h2c} on plain {@code http://}, which some servers answer
     * as a failed WebSocket upgrade.
     */
    public Builder version(HttpClient.Version version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * A header sent with every request unless the request sets the same one, e.g.
     * {@code header("Authorization", "Bearer " + token)}. Evidence redacts it.
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      defaultHeaders.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /** The prober. */
    public HttpProber build() {
      return new HttpProber(this);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }
  }
}
