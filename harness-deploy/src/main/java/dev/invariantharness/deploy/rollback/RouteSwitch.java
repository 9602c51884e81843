package dev.invariantharness.deploy.rollback;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import org.apiguardian.api.API;

/**
 * Points a route group at a target, however a deployment does it (a load balancer's URL map, a
 * feature flag, an admin endpoint). Return once traffic for the group goes to {@code target}.
 *
 * <pre>{@code
 * RouteSwitch viaAdmin = (group, target) -> admin.post("/admin/routes/" + group.group(), target.toString());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface RouteSwitch {

  /** Routes {@code group}'s traffic to {@code target}. */
  void route(RouteGroup group, URI target) throws Exception;
}
