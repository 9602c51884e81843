package dev.invariantharness.deploy.isolation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.deploy.isolation.internal.IsolationProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The plane → schema ownership of a database and the check that each plane's role can write only
 * its own schemas. Every violation reads {@code role X can write schema.table (privilege, via role Y)}.
 *
 * <p>Two independent proofs are combined: catalog queries (table and column grants, PUBLIC grants,
 * grants held by roles it inherits from, ownership, schema CREATE, default privileges,
 * {@code pg_write_all_data}, superuser) and real write attempts as the role ({@code SET ROLE}):
 * INSERT, UPDATE, DELETE, TRUNCATE, CREATE TABLE and ALTER TABLE, each in a savepoint of a
 * transaction that is always rolled back, bounded by {@code lock_timeout} and
 * {@code statement_timeout}. A NOINHERIT membership is not a write path (the role must
 * {@code SET ROLE} deliberately); read-only grants across planes are legal.
 *
 * <pre>{@code
 * IsolationReport report = PlaneIsolation.planes()
 *     .plane("control", "control_rw", "control")
 *     .plane("runtime", "runtime_rw", "runtime", "runtime_projections")
 *     .check(admin);
 * report.assertIsolated();
 * }</pre>
 *
 * <p>The connection must be able to {@code SET ROLE} to each plane role (a superuser, or a member).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PlaneIsolation {

  private final List<Plane> planes = new ArrayList<>();
  private boolean attempts = true;

  private PlaneIsolation() {}

  /** An empty plane map. */
  public static PlaneIsolation planes() {
    return new PlaneIsolation();
  }

  /** Adds a plane with its {@linkplain Plane#defaultInvariant default invariant}. Returns {@code this}. */
  public PlaneIsolation plane(String name, String role, String... schemas) {
    return plane(new Plane(name, Plane.defaultInvariant(name), role, Arrays.asList(schemas)));
  }

  /** Adds a plane. Returns {@code this}. */
  public PlaneIsolation plane(Plane plane) {
    for (Plane p : planes) {
      for (String s : plane.schemas()) {
        if (p.schemas().contains(s)) {
          throw new IllegalArgumentException("schema " + s + " is claimed by planes " + p.name() + " and " + plane.name());
        }
      }
    }
    planes.add(plane);
    return this;
  }

  /**
   * Whether to make real write attempts besides the catalog queries (default true). Turn them off
   * on a production database where even a rolled-back TRUNCATE's lock is unwelcome. Returns {@code this}.
   */
  public PlaneIsolation withWriteAttempts(boolean enabled) {
    this.attempts = enabled;
    return this;
  }

  /** The planes, in the order added. */
  public List<Plane> planeList() {
    return List.copyOf(planes);
  }

  /** Runs the check over {@code admin}; the connection's state is restored afterwards. */
  public IsolationReport check(Connection admin) throws SQLException {
    if (planes.size() < 2) {
      throw new IllegalStateException("plane isolation needs at least two planes, got " + planes.size());
    }
    return new IsolationProbe(admin, planes, attempts).run();
  }
}
