package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.runtime.freeze.AuthorityService;
import dev.invariantharness.runtime.freeze.ProbeRow;
import dev.invariantharness.runtime.freeze.WriteRoute;
import java.util.ArrayList;
import java.util.List;

/**
 * Every write route of one service probed in one state: state read before, every write sent
 * (bounded concurrency; writes to one resource one after another, see {@link WriteOrder}),
 * state read after, each answer judged.
 *
 * @param service the service
 * @param expectation what its writes must get
 * @param routes each route with its exchange and verdict
 * @param before state before the writes
 * @param after state after the writes
 */
public record SideProbe(AuthorityService service, WriteExpectation expectation, List<RouteResult> routes,
    StateSnapshot before, StateSnapshot after) {

  /**
   * One route's exchange and verdict.
   *
   * @param route the route
   * @param exchange what was sent and answered
   * @param judgement the verdict
   */
  public record RouteResult(WriteRoute route, HttpExchange exchange, WriteExpectation.Judgement judgement) {}

  /** Probes every write route of {@code service}. */
  public static SideProbe run(AuthorityService service, WriteExpectation expectation) {
    StateSnapshot before = StateSnapshot.of(service);
    List<ProbeRequest> writes = service.writeRoutes().stream()
        .map(r -> new ProbeRequest(r.method(), r.path(), r.body())).toList();
    // writes to one resource one after another, so a DELETE cannot turn a PATCH beside it into a 404
    List<HttpExchange> answers = HttpProbe.sendInChains(service, writes, WriteOrder.chains(service.writeRoutes()));
    StateSnapshot after = StateSnapshot.of(service);
    List<RouteResult> results = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      results.add(new RouteResult(service.writeRoutes().get(i), answers.get(i), expectation.judge(answers.get(i))));
    }
    return new SideProbe(service, expectation, List.copyOf(results), before, after);
  }

  /** Whether any write was accepted (2xx). */
  public boolean acceptedAny() {
    return routes.stream().anyMatch(r -> r.judgement().accepted());
  }

  /** The routes whose writes were accepted. */
  public List<String> acceptedRoutes() {
    return routes.stream().filter(r -> r.judgement().accepted()).map(r -> r.route().name()).toList();
  }

  /**
   * Read paths whose answer changed although no write was accepted: a write that was refused
   * but applied. Empty when a write was accepted, since then the state may change.
   */
  public List<String> traces() {
    if (acceptedAny()) {
      return List.of();
    }
    return before.changedIn(after);
  }

  /** One evidence row per route, named after {@code step}. */
  public List<ProbeRow> rows(String step) {
    List<ProbeRow> rows = new ArrayList<>();
    for (RouteResult r : routes) {
      ErrorBody body = r.judgement().body();
      rows.add(new ProbeRow(step, service.side(), r.route().name(), expectation.expected(), r.exchange().status(),
          body.code() == null ? "" : body.code(), body.shape().column(), r.judgement().ok(),
          r.judgement().problem() == null ? "" : r.judgement().problem()));
    }
    return rows;
  }
}
