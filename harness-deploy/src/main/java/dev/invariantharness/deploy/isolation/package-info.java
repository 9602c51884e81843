/**
 * Plane isolation on PostgreSQL (INV-04, INV-05): each plane's role may write only its own
 * schemas. Proven twice — from the catalog (grants, column grants, default privileges, ownership,
 * schema CREATE, role membership with inheritance) and by real INSERT/UPDATE/DELETE/TRUNCATE and
 * DDL attempts inside transactions that are always rolled back.
 *
 * <pre>{@code
 * PlaneIsolation.planes()
 *     .plane("control", "control_rw", "control")
 *     .plane("runtime", "runtime_rw", "runtime")
 *     .plane("khala", "khala_rw", "khala")
 *     .check(adminConnection)
 *     .assertIsolated();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.deploy.isolation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
