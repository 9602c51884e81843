package dev.invariantharness.runtime.parity.internal;

import dev.invariantharness.http.HttpProber;
import dev.invariantharness.http.ProbeRequest;
import dev.invariantharness.http.ProbeResponse;
import dev.invariantharness.runtime.parity.RecordedExchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;

/**
 * Sends every exchange to every side over real HTTP through harness-core's {@link HttpProber}
 * (HTTP/1.1, a deadline per request over headers and body) with a bounded number of exchanges in
 * flight, and hands the answers to an evaluator. Bodies
 * over {@value #MAX_BODY_BYTES} bytes are failures. A side
 * that hangs, refuses or resets becomes an {@link Answer} with an error; the replay itself never
 * waits longer than the deadline per exchange.
 */
public final class Replayer implements AutoCloseable {

  /** A bigger answer is a failure, so a misbehaving side cannot exhaust memory. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final Duration timeout;
  private final int concurrency;
  private final ExecutorService workers;
  private final HttpProber prober;

  /** A replayer with {@code concurrency} exchanges in flight and {@code timeout} per request. */
  public Replayer(Duration timeout, int concurrency) {
    this.timeout = timeout;
    this.concurrency = concurrency;
    // evaluation runs on threads of our own, off the prober's completion threads
    this.workers = Executors.newFixedThreadPool(concurrency + 1, daemon("shadow-parity-worker-"));
    this.prober = HttpProber.builder().deadline(timeout).connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
        .bodyLimit(MAX_BODY_BYTES).concurrency(concurrency).build();
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
    ProbeRequest request;
    try {
      // as recorded: the recorded headers (Content-Type included, or none) and body
      java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
      exchange.headers().forEach((name, value) -> headers.put(name, List.of(value)));
      request = new ProbeRequest(exchange.method(), URI.create(stripSlash(base.toString()) + exchange.path()), headers,
          exchange.body(), ProbeRequest.DEFAULT_BODY_LIMIT);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new Answer(0, "", "request could not be built: " + e.getMessage()));
    }
    return prober.sendAsync(request).thenApply(this::answer);
  }

  /** The prober's answer in the parity report's words; a body cut at the limit or left incomplete is no answer. */
  private Answer answer(ProbeResponse r) {
    long millis = timeout.toMillis();
    if (r.complete() && !r.truncated()) {
      return new Answer(r.status(), r.body(), null);
    }
    if (r.truncated()) {
      return new Answer(r.status(), "", "answered a body over " + MAX_BODY_BYTES / (1024 * 1024) + " MiB");
    }
    String problem = r.problem();
    if (problem.startsWith("no answer within") || problem.startsWith("body not complete within")) {
      return new Answer(0, "", "did not answer within " + millis + " ms");
    }
    if (problem.equals("connection refused")) {
      return new Answer(0, "", "refused the connection");
    }
    return new Answer(0, "", "failed: " + problem);
  }

  private static String stripSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Stops the client's threads; requests still open are abandoned. */
  @Override
  public void close() {
    prober.close();
    workers.shutdownNow();
  }
}
