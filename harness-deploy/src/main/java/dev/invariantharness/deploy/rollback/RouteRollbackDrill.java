package dev.invariantharness.deploy.rollback;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Findings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The route rollback drill: for each group, probe it through the front door on the new target,
 * switch it back to its legacy target through the user's {@link RouteSwitch}, probe again and
 * compare ({@link ServedComparison}), then switch it forward again — a rollback that serves
 * differently, fails, or cannot be switched is an INV-10 finding.
 *
 * <pre>{@code
 * RouteRollbackDrill.through(URI.create("https://staging.example"), routeSwitch)
 *     .comparing(ServedComparison.json("/generated_at"))
 *     .run(matrix)
 *     .assertNone();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RouteRollbackDrill {

  private final URI frontDoor;
  private final RouteSwitch routeSwitch;
  private ServedComparison comparison = ServedComparison.json();
  private Duration timeout = Duration.ofSeconds(10);

  private RouteRollbackDrill(URI frontDoor, RouteSwitch routeSwitch) {
    this.frontDoor = frontDoor;
    this.routeSwitch = routeSwitch;
  }

  /** A drill probing through {@code frontDoor} and switching with {@code routeSwitch}. */
  public static RouteRollbackDrill through(URI frontDoor, RouteSwitch routeSwitch) {
    return new RouteRollbackDrill(frontDoor, routeSwitch);
  }

  /** How answers are compared (default: status and canonical JSON). Returns {@code this}. */
  public RouteRollbackDrill comparing(ServedComparison comparison) {
    this.comparison = comparison;
    return this;
  }

  /** The bound of each probe. Returns {@code this}. */
  public RouteRollbackDrill timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /** Drills every group of {@code matrix} that has both targets. */
  public Findings run(RouteRollbackMatrix matrix) {
    Findings f = Findings.of("INV-10", "every route group rolls back to its legacy target and is served the same");
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    for (RouteGroup g : matrix.groups()) {
      String where = matrix.source() + "#" + g.group();
      if (g.newTarget() == null || g.legacyTarget() == null) {
        f.add(where, "route group " + g.group() + " cannot be drilled: it lacks a target");
        continue;
      }
      try {
        routeSwitch.route(g, g.newTarget());
        List<ServedComparison.Served> before = probe(http, g);
        routeSwitch.route(g, g.legacyTarget());
        List<ServedComparison.Served> after;
        try {
          after = probe(http, g);
        } finally {
          routeSwitch.route(g, g.newTarget());
        }
        for (int i = 0; i < g.probes().size(); i++) {
          RouteGroup.Probe p = g.probes().get(i);
          if (after.get(i).status() >= 500) {
            f.add(where, "after rollback " + p.method() + " " + p.path() + " fails with " + after.get(i).status());
          }
          for (String d : comparison.differences(before.get(i), after.get(i))) {
            f.add(where, "after rollback to " + g.legacyTarget() + ", " + p.method() + " " + p.path() + " is served differently: " + d);
          }
        }
      } catch (IOException e) {
        f.add(where, "route group " + g.group() + " is not served through " + frontDoor + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (Exception e) {
        f.add(where, "switching route group " + g.group() + " failed: " + e);
      }
    }
    return f;
  }

  private List<ServedComparison.Served> probe(HttpClient http, RouteGroup g) throws IOException, InterruptedException {
    List<ServedComparison.Served> out = new ArrayList<>();
    for (RouteGroup.Probe p : g.probes()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(frontDoor.resolve(p.path())).timeout(timeout)
          .method(p.method(), p.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(p.body()))
          .build(), HttpResponse.BodyHandlers.ofString());
      out.add(new ServedComparison.Served(r.statusCode(), r.body()));
    }
    return out;
  }
}
