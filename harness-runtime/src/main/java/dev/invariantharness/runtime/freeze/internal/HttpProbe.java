package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.http.HttpProber;
import dev.invariantharness.http.ProbeResponse;
import dev.invariantharness.runtime.freeze.AuthorityService;
import dev.invariantharness.runtime.internal.Probers;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends requests to one service through harness-core's {@link HttpProber} (HTTP/1.1 unless the
 * service says otherwise, every exchange bounded by the service's timeout over headers and body,
 * bodies kept up to {@value Probers#BODY_LIMIT} bytes), at most
 * {@link AuthorityService#concurrency()} in flight. A request that gets no answer becomes an
 * exchange with status {@code 0} whose response body says why.
 */
public final class HttpProbe {

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
    HttpProber prober = Probers.shared(service.timeout(), service.httpVersion());
    Semaphore permits = new Semaphore(service.concurrency());
    int longest = chains.stream().mapToInt(List::size).max().orElse(1);
    // A permit frees when a chain ends, and every exchange ends by its deadline: waiting twice the
    // deadline per request of the longest chain can only expire if the client itself is stuck.
    long slotWait = service.timeout().toMillis() * 2 * longest + 1000;
    HttpExchange[] answers = new HttpExchange[requests.size()];
    List<CompletableFuture<Void>> pending = new ArrayList<>(chains.size());
    for (List<Integer> chain : chains) {
      try {
        if (!permits.tryAcquire(slotWait, TimeUnit.MILLISECONDS)) {
          chain.forEach(i -> answers[i] = noAnswer(service, requests.get(i), "not sent: no request slot freed within " + slotWait + " ms"));
          continue;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        chain.forEach(i -> answers[i] = noAnswer(service, requests.get(i), "not sent: interrupted"));
        continue;
      }
      CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
      for (int i : chain) {
        sent = sent.thenCompose(previous -> prober.sendAsync(build(service, requests.get(i)))
            .thenAccept(r -> answers[i] = exchange(service, r)));
      }
      pending.add(sent.whenComplete((x, t) -> permits.release()));
    }
    pending.forEach(CompletableFuture::join);
    List<HttpExchange> out = new ArrayList<>(answers.length);
    for (int i = 0; i < answers.length; i++) {
      out.add(answers[i] != null ? answers[i] : noAnswer(service, requests.get(i), "not sent: in no chain"));
    }
    return out;
  }

  private static dev.invariantharness.http.ProbeRequest build(AuthorityService service, ProbeRequest r) {
    dev.invariantharness.http.ProbeRequest request = dev.invariantharness.http.ProbeRequest.of(r.method(), uri(service, r.path()))
        .withHeader("Accept", "application/json");
    if (!r.body().isEmpty()) {
      request = request.withJsonBody(r.body());
    }
    if (service.token().isPresent()) {
      request = request.withHeader("Authorization", "Bearer " + service.token().get());
    }
    return request;
  }

  /** The prober's answer as evidence; no answer keeps its reason as the body, naming the setting that bounds it. */
  private static HttpExchange exchange(AuthorityService service, ProbeResponse r) {
    HttpExchange e = r.toExchange();
    if (r.answered()) {
      return e;
    }
    String why = r.problem().startsWith("no answer within")
        ? r.problem() + " (invariant.harness.timeout.http)"
        : "no answer: " + r.problem();
    return new HttpExchange(e.method(), e.uri(), e.requestHeaders(), e.requestBody(), 0, null, why, e.duration());
  }

  private static URI uri(AuthorityService service, String path) {
    String base = service.baseUrl().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + path);
  }

  private static HttpExchange noAnswer(AuthorityService service, ProbeRequest r, String why) {
    return new HttpExchange(r.method(), uri(service, r.path()).toString(), null, r.body(), 0, null, why, Duration.ZERO);
  }
}
