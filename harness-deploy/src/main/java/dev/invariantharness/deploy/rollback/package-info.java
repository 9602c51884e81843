/**
 * The route-split rollback matrix as data (route group → new target, legacy rollback target,
 * owner) and the route rollback drill (INV-10: rollback stays available for the whole
 * mixed-version window): every group's legacy target answers, and after switching a group back
 * through the user's own switch, its traffic is served the same as before.
 *
 * <pre>{@code
 * RouteRollbackMatrix matrix = RouteRollbackMatrix.read(Path.of("ROUTE_SPLIT_ROLLBACK_MATRIX.json"));
 * matrix.assertComplete();
 * RouteRollbackDrill.through(router, (group, target) -> admin.route(group, target))
 *     .run(matrix).assertNone();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.deploy.rollback;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
