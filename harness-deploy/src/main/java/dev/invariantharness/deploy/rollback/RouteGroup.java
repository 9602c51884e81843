package dev.invariantharness.deploy.rollback;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One row of the route-split rollback matrix.
 *
 * @param group route group name, e.g. {@code auth}
 * @param newTarget the target serving it after cutover
 * @param legacyTarget the rollback target
 * @param owner who decides a rollback
 * @param probes sample requests that show the group is served ({@code GET /api/me}, ...)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RouteGroup(String group, URI newTarget, URI legacyTarget, String owner, List<Probe> probes) {

  /**
   * A sample request of the group.
   *
   * @param method HTTP method
   * @param path path and query
   * @param body request body, or null
   */
  public record Probe(String method, String path, String body) {}

  public RouteGroup {
    probes = List.copyOf(probes);
  }
}
