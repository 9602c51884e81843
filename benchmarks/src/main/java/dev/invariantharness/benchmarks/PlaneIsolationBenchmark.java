package dev.invariantharness.benchmarks;

import dev.invariantharness.deploy.isolation.IsolationReport;
import dev.invariantharness.deploy.isolation.PlaneIsolation;
import dev.invariantharness.deploy.postgres.ScratchDatabase;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Claim.</b> The role-isolation check of 3 planes × 200 tables takes under 10 s once
 * PostgreSQL is up.
 *
 * <p>Setup (once per trial, not timed) starts the embedded PostgreSQL, makes a scratch database
 * with three plane roles each owning a schema of 200 tables (bigserial key, a NOT NULL text
 * column, a timestamp), and grants every role read access across planes (legal, and the catalog
 * has to look at it). One op is a full {@code PlaneIsolation.check}: the catalog queries and
 * every write attempt (INSERT, UPDATE, DELETE, TRUNCATE, ALTER per foreign table, CREATE per
 * foreign schema; 2 × 200 tables per role, 6,000 statements in savepoints, all rolled back).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class PlaneIsolationBenchmark {

  private static final int TABLES = 200;

  private ScratchDatabase db;
  private PlaneIsolation planes;
  private Connection admin;

  @Setup(Level.Trial)
  public void threePlanesOf200Tables() throws Exception {
    db = ScratchDatabase.create();
    planes = PlaneIsolation.planes();
    StringBuilder sql = new StringBuilder();
    String[] names = {"control", "runtime", "khala"};
    String[] roles = new String[3];
    for (int p = 0; p < 3; p++) {
      roles[p] = db.createRole(names[p] + "_rw");
      planes.plane(names[p], roles[p], names[p]);
      sql.append("CREATE SCHEMA ").append(names[p]).append(" AUTHORIZATION ").append(roles[p]).append(";\n")
          .append("SET ROLE ").append(roles[p]).append(";\n");
      for (int t = 0; t < TABLES; t++) {
        sql.append("CREATE TABLE ").append(names[p]).append(".t").append(t)
            .append(" (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz DEFAULT now());\n");
      }
      sql.append("RESET ROLE;\n");
    }
    for (int p = 0; p < 3; p++) {
      for (int q = 0; q < 3; q++) {
        if (p != q) {
          sql.append("GRANT USAGE ON SCHEMA ").append(names[q]).append(" TO ").append(roles[p]).append(";\n")
              .append("GRANT SELECT ON ALL TABLES IN SCHEMA ").append(names[q]).append(" TO ").append(roles[p]).append(";\n");
        }
      }
    }
    db.execute(sql.toString());
    admin = db.connect();
  }

  @TearDown(Level.Trial)
  public void drop() throws Exception {
    admin.close();
    db.close();
  }

  @Benchmark
  public IsolationReport isolationCheck() throws Exception {
    IsolationReport r = planes.check(admin);
    if (!r.findings().isEmpty() || r.tablesChecked() != 6 * TABLES) {
      throw new IllegalStateException("unexpected report: " + r);
    }
    return r;
  }
}
