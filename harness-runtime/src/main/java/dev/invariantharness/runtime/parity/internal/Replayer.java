package dev.invariantharness.runtime.parity.internal;

import dev.invariantharness.runtime.parity.RecordedExchange;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends every exchange to every side over real HTTP with a bounded number of exchanges in flight
 * and a deadline per request (headers and body), and hands the answers to an evaluator. Bodies
 * over {@value #MAX_BODY_BYTES} bytes are failures. A side
 * that hangs, refuses or resets becomes an {@link Answer} with an error; the replay itself never
 * waits longer than the deadline per exchange.
 */
public final class Replayer implements AutoCloseable {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

  /** A bigger answer is a failure, so a misbehaving side cannot exhaust memory. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

  private final Duration timeout;
  private final int concurrency;
  private final ExecutorService clientPool;
  private final ExecutorService workers;
  private final ScheduledExecutorService deadlines;
  private final HttpClient client;

  /** A replayer with {@code concurrency} exchanges in flight and {@code timeout} per request. */
  public Replayer(Duration timeout, int concurrency) {
    this.timeout = timeout;
    this.concurrency = concurrency;
    this.clientPool = Executors.newFixedThreadPool(2, daemon("shadow-parity-client-"));
    // Blocking sends on threads of our own: the JDK 17 client's sendAsync hands every completion
    // to CompletableFuture's default executor, which on a two-core machine starts one thread per
    // answer; the blocking send does not. One worker per request in flight, plus evaluation.
    this.workers = Executors.newFixedThreadPool(concurrency * 3 + 1, daemon("shadow-parity-worker-"));
    this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("shadow-parity-deadline-"));
    this.client = HttpClient.newBuilder().executor(clientPool).connectTimeout(timeout)
        .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Replays every exchange to every side (a null side is not asked) and evaluates the answers,
   * in exchange order.
   */
  public <R> List<R> replay(List<RecordedExchange> exchanges, List<URI> sides,
      BiFunction<RecordedExchange, List<Answer>, R> evaluate) {
    AtomicReferenceArray<R> results = new AtomicReferenceArray<>(exchanges.size());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Semaphore permits = new Semaphore(concurrency);
    // Every request completes by its deadline, so a permit frees within it; the margin covers
    // a busy evaluator.
    long stallMillis = timeout.toMillis() * 2 + 30_000;
    try {
      for (int i = 0; i < exchanges.size() && failure.get() == null; i++) {
        if (!permits.tryAcquire(stallMillis, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("shadow parity replay stalled: no exchange finished within " + stallMillis + " ms");
        }
        int index = i;
        RecordedExchange exchange = exchanges.get(i);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (URI side : sides) {
          answers.add(side == null ? CompletableFuture.completedFuture(Answer.NOT_ASKED) : send(side, exchange));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
            .thenApplyAsync(v -> evaluate.apply(exchange, answers.stream().map(CompletableFuture::join).toList()), workers)
            .whenComplete((r, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e instanceof CompletionException ? e.getCause() : e);
              } else {
                results.set(index, r);
              }
              permits.release();
            });
      }
      if (!permits.tryAcquire(concurrency, stallMillis, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("shadow parity replay stalled: exchanges still in flight after " + stallMillis + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("shadow parity replay interrupted", e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t != null) {
      throw new IllegalStateException("shadow parity evaluation failed: " + t, t);
    }
    List<R> out = new ArrayList<>(exchanges.size());
    for (int i = 0; i < exchanges.size(); i++) {
      out.add(results.get(i));
    }
    return out;
  }

  private CompletableFuture<Answer> send(URI base, RecordedExchange exchange) {
    HttpRequest request;
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stripSlash(base.toString()) + exchange.path()))
          .timeout(timeout)
          .method(exchange.method(), exchange.body().isEmpty()
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(exchange.body()));
      exchange.headers().forEach((name, value) -> {
        if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          b.header(name, value);
        }
      });
      request = b.build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new Answer(0, "", "request could not be built: " + e.getMessage()));
    }
    long millis = timeout.toMillis();
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    Future<?> task = workers.submit(() -> {
      try {
        HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
          byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
          answer.complete(bytes.length > MAX_BODY_BYTES
              ? new Answer(r.statusCode(), "", "answered a body over " + MAX_BODY_BYTES / (1024 * 1024) + " MiB")
              : new Answer(r.statusCode(), new String(bytes, charset(r)), null));
        }
      } catch (InterruptedException e) {
        // the deadline passed and cancelled this send; the answer is already recorded
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        answer.complete(new Answer(0, "", describe(e, millis)));
      }
    });
    // The request's own timeout covers only the headers; this deadline covers the whole answer.
    ScheduledFuture<?> deadline = deadlines.schedule(() -> {
      if (answer.complete(new Answer(0, "", "did not answer within " + millis + " ms"))) {
        task.cancel(true);
      }
    }, millis, TimeUnit.MILLISECONDS);
    answer.whenComplete((a, e) -> deadline.cancel(false));
    return answer;
  }

  /** The charset the answer declares, UTF-8 when none or an unknown one. */
  private static Charset charset(HttpResponse<?> response) {
    Matcher m = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
    if (m.find()) {
      try {
        return Charset.forName(m.group(1));
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String describe(Throwable e, long millis) {
    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
      return "did not answer within " + millis + " ms";
    }
    if (t instanceof ConnectException) {
      return "refused the connection";
    }
    String msg = t.getMessage();
    return "failed: " + t.getClass().getSimpleName() + (msg == null ? "" : " " + msg);
  }

  private static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Stops the client's threads; requests still open are abandoned. */
  @Override
  public void close() {
    deadlines.shutdownNow();
    workers.shutdownNow();
    clientPool.shutdownNow();
  }
}
