package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.runtime.freeze.AuthorityService;
import dev.invariantharness.runtime.internal.CappedBody;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests to one service over {@code java.net.http}, at most
 * {@link AuthorityService#concurrency()} in flight, each bounded by the service's timeout (the
 * request timeout covers the headers; the whole exchange, body included, is bounded as well, so a
 * peer that stalls mid-body cannot hang the check), and bodies are kept up to 64 KiB, so a peer
 * that streams without end cannot exhaust memory either. A request that gets no answer becomes an
 * exchange with status {@code 0} whose response body says why.
 */
public final class HttpProbe {

  /** Bytes kept per response body: enough for any error body, bounded for an endless one. */
  static final int BODY_LIMIT = 64 * 1024;

  private HttpProbe() {}

  /** Sends one request. */
  public static HttpExchange send(AuthorityService service, ProbeRequest request) {
    return sendAll(service, List.of(request)).get(0);
  }

  /** Sends every request, in parallel up to the service's concurrency; answers in request order. */
  public static List<HttpExchange> sendAll(AuthorityService service, List<ProbeRequest> requests) {
    List<List<Integer>> alone = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      alone.add(List.of(i));
    }
    return sendInChains(service, requests, alone);
  }

  /**
   * Sends every request, the requests of one chain one after another (the next sent once the one
   * before is answered or timed out), different chains in parallel up to the service's
   * concurrency; answers in request order. Every index of {@code requests} must be in exactly one
   * chain (see {@link WriteOrder#chains}).
   */
  public static List<HttpExchange> sendInChains(AuthorityService service, List<ProbeRequest> requests, List<List<Integer>> chains) {
    Semaphore permits = new Semaphore(service.concurrency());
    Duration limit = service.timeout();
    int longest = chains.stream().mapToInt(List::size).max().orElse(1);
    // A permit frees when a chain ends, and every exchange is bounded: waiting twice the request
    // bound per request of the longest chain can only expire if the client itself is stuck.
    long slotWait = limit.toMillis() * 2 * longest + 1000;
    HttpExchange[] answers = new HttpExchange[requests.size()];
    List<CompletableFuture<Void>> pending = new ArrayList<>(chains.size());
    for (List<Integer> chain : chains) {
      try {
        if (!permits.tryAcquire(slotWait, TimeUnit.MILLISECONDS)) {
          chain.forEach(i -> answers[i] = noAnswer(service, requests.get(i), Duration.ZERO,
              "not sent: no request slot freed within " + slotWait + " ms"));
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        chain.forEach(i -> answers[i] = noAnswer(service, requests.get(i), Duration.ZERO, "not sent: interrupted"));
        continue;
      }
      CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
      for (int i : chain) {
        sent = sent.thenCompose(previous -> sendAsync(service, requests.get(i)).thenAccept(x -> answers[i] = x));
      }
      pending.add(sent.whenComplete((x, t) -> permits.release()));
    }
    pending.forEach(CompletableFuture::join);
    List<HttpExchange> out = new ArrayList<>(answers.length);
    for (int i = 0; i < answers.length; i++) {
      out.add(answers[i] != null ? answers[i] : noAnswer(service, requests.get(i), Duration.ZERO, "not sent: in no chain"));
    }
    return out;
  }

  private static CompletableFuture<HttpExchange> sendAsync(AuthorityService service, ProbeRequest r) {
    HttpRequest request = build(service, r);
    long start = System.nanoTime();
    Duration limit = service.timeout();
    CompletableFuture<HttpResponse<String>> response;
    try {
      response = service.client().sendAsync(request, CappedBody.textHandler(BODY_LIMIT));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(noAnswer(service, r, Duration.ZERO, "not sent: " + e.getMessage()));
    }
    return response
        .orTimeout(limit.toMillis() + 250, TimeUnit.MILLISECONDS)
        .handle((resp, error) -> {
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          if (error != null) {
            return noAnswer(service, r, took, why(error, limit));
          }
          return new HttpExchange(r.method(), request.uri().toString(), request.headers().map(), r.body(),
              resp.statusCode(), resp.headers().map(), resp.body(), took);
        });
  }

  private static HttpRequest build(AuthorityService service, ProbeRequest r) {
    HttpRequest.BodyPublisher body = r.body().isEmpty()
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(r.body());
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(service, r.path()))
        .timeout(service.timeout())
        .header("Accept", "application/json")
        .method(r.method(), body);
    if (!r.body().isEmpty()) {
      b.header("Content-Type", "application/json");
    }
    service.token().ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return b.build();
  }

  private static URI uri(AuthorityService service, String path) {
    String base = service.baseUrl().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + path);
  }

  private static HttpExchange noAnswer(AuthorityService service, ProbeRequest r, Duration took, String why) {
    return new HttpExchange(r.method(), uri(service, r.path()).toString(), null, r.body(), 0, null, why, took);
  }

  private static String why(Throwable error, Duration limit) {
    Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
      return "no answer within " + limit.toMillis() + " ms (invariant.harness.timeout.http)";
    }
    String message = t.getMessage();
    return "no answer: " + t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
