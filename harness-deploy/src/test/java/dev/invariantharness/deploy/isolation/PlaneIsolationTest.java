package dev.invariantharness.deploy.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.deploy.postgres.ScratchDatabase;
import dev.invariantharness.finding.InvariantViolation;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaneIsolationTest {

  private ScratchDatabase db;
  private String control;
  private String runtime;
  private String khala;

  @BeforeEach
  void threePlanes() {
    db = ScratchDatabase.create();
    control = db.createRole("control_rw");
    runtime = db.createRole("runtime_rw");
    khala = db.createRole("khala_rw");
    db.execute(String.join("\n",
        "CREATE SCHEMA control AUTHORIZATION " + control + ";",
        "CREATE SCHEMA runtime AUTHORIZATION " + runtime + ";",
        "CREATE SCHEMA khala AUTHORIZATION " + khala + ";",
        "SET ROLE " + control + ";",
        "CREATE TABLE control.users (id bigserial PRIMARY KEY, email text NOT NULL);",
        "CREATE TABLE control.sessions (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES control.users);",
        "SET ROLE " + runtime + ";",
        "CREATE TABLE runtime.runs (id bigserial PRIMARY KEY, status text NOT NULL CHECK (status <> ''));",
        "CREATE TABLE runtime.events (run_id bigint NOT NULL, seq bigint NOT NULL, PRIMARY KEY (run_id, seq));",
        "SET ROLE " + khala + ";",
        "CREATE TABLE khala.watermarks (topic text PRIMARY KEY, watermark bigint NOT NULL DEFAULT 0);",
        "RESET ROLE;"));
  }

  @AfterEach
  void drop() {
    db.close();
  }

  private IsolationReport check() throws Exception {
    try (Connection c = db.connect()) {
      return PlaneIsolation.planes()
          .plane("control", control, "control")
          .plane("runtime", runtime, "runtime")
          .plane("khala", khala, "khala")
          .check(c);
    }
  }

  @Test
  void planesThatOwnOnlyTheirSchemasAreIsolated() throws Exception {
    IsolationReport report = check();
    assertThat(report.findings()).isEmpty();
    assertThat(report.tablesChecked()).isEqualTo(2 * (2 + 2 + 1));
    assertThat(report.attempts()).isGreaterThan(40);
    report.assertIsolated();
  }

  @Test
  void runtimeRoleWithAGrantOnTheControlSchemaIsInv04() throws Exception {
    db.execute("GRANT USAGE ON SCHEMA control TO " + runtime + "; GRANT INSERT ON control.sessions TO " + runtime);
    IsolationReport report = check();
    assertThat(report.findings()).extracting(WriteFinding::message).containsExactly(
        "role " + runtime + " can write control.sessions (INSERT, via role " + runtime + " itself) [catalog+attempt]");
    assertThatThrownBy(report::assertIsolated).isInstanceOfSatisfying(InvariantViolation.class, v -> {
      assertThat(v.invariant()).isEqualTo("INV-04");
      assertThat(v.findings()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo("control.sessions"));
    });
  }

  @Test
  void crossPlaneWriteInheritedThroughMembershipNamesTheGrantingRole() throws Exception {
    String writer = db.createRole("runtime_writer");
    db.execute("GRANT USAGE ON SCHEMA runtime TO " + writer + "; GRANT UPDATE, DELETE ON runtime.events TO " + writer
        + "; GRANT " + writer + " TO " + runtime + "; GRANT " + writer + " TO " + khala);
    IsolationReport report = check();
    assertThat(report.findings()).extracting(WriteFinding::message).containsExactly(
        "role " + khala + " can write runtime.events (DELETE, via role " + writer + ") [catalog+attempt]",
        "role " + khala + " can write runtime.events (UPDATE, via role " + writer + ") [catalog+attempt]");
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.invariant()).isEqualTo("INV-05"));
  }

  @Test
  void noinheritMembershipIsNotAWritePath() throws Exception {
    String writer = db.createRole("runtime_writer");
    db.execute("ALTER ROLE " + khala + " NOINHERIT; GRANT USAGE ON SCHEMA runtime TO " + writer
        + "; GRANT ALL ON ALL TABLES IN SCHEMA runtime TO " + writer + "; GRANT " + writer + " TO " + khala);
    assertThat(check().findings()).isEmpty();
  }

  @Test
  void readOnlyGrantsAcrossPlanesAreLegal() throws Exception {
    db.execute("GRANT USAGE ON SCHEMA control, runtime TO " + khala + ";"
        + " GRANT SELECT ON ALL TABLES IN SCHEMA control, runtime TO " + khala + ";"
        + " GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA control TO " + runtime + ";"
        + " GRANT REFERENCES ON control.users TO " + runtime + ";"
        + " GRANT USAGE ON SCHEMA control TO " + runtime + ";"
        + " ALTER DEFAULT PRIVILEGES FOR ROLE " + control + " IN SCHEMA control GRANT SELECT ON TABLES TO " + khala);
    assertThat(check().findings()).isEmpty();
  }

  @Test
  void aWriterGroupInsideItsOwnPlaneIsLegal() throws Exception {
    String group = db.createRole("runtime_writers");
    db.execute("GRANT USAGE ON SCHEMA runtime TO " + group + "; GRANT ALL ON ALL TABLES IN SCHEMA runtime TO " + group
        + "; GRANT " + group + " TO " + runtime);
    assertThat(check().findings()).isEmpty();
  }

  @Test
  void publicWriteGrantIsSeenForEveryOtherPlane() throws Exception {
    db.execute("GRANT USAGE ON SCHEMA khala TO PUBLIC; GRANT TRUNCATE ON khala.watermarks TO PUBLIC");
    assertThat(check().findings()).extracting(WriteFinding::message).containsExactly(
        "role " + control + " can write khala.watermarks (TRUNCATE, via PUBLIC) [catalog+attempt]",
        "role " + runtime + " can write khala.watermarks (TRUNCATE, via PUBLIC) [catalog+attempt]");
  }

  @Test
  void createOnAnotherPlanesSchemaIsDdlAccess() throws Exception {
    db.execute("GRANT USAGE, CREATE ON SCHEMA control TO " + khala);
    assertThat(check().findings()).extracting(WriteFinding::message).containsExactly(
        "role " + khala + " can write control (CREATE, via role " + khala + " itself) [catalog+attempt]");
  }

  @Test
  void defaultPrivilegesThatWillGrantWritesAreFoundBeforeAnyTableExists() throws Exception {
    db.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + control + " IN SCHEMA control GRANT INSERT ON TABLES TO " + runtime);
    assertThat(check().findings()).extracting(WriteFinding::message).containsExactly(
        "role " + runtime + " can write control.<future tables of " + control + "> (INSERT, via role " + runtime
            + " itself (default privileges)) [catalog]");
  }

  @Test
  void columnGrantAndForeignOwnershipAreWritePaths() throws Exception {
    // the owner lacks USAGE on the schema today, so only the catalog proves it: one GRANT away
    db.execute("GRANT USAGE ON SCHEMA control TO " + runtime + "; GRANT UPDATE (email) ON control.users TO " + runtime
        + "; ALTER TABLE control.sessions OWNER TO " + khala);
    assertThat(check().findings()).extracting(WriteFinding::message).containsExactly(
        "role " + khala + " can write control.sessions (OWNER, via role " + khala + " itself) [catalog]",
        "role " + runtime + " can write control.users (UPDATE (column email), via role " + runtime + " itself) [catalog+attempt]");
  }

  @Test
  void writeAllDataMembershipCoversEveryForeignSchema() throws Exception {
    db.execute("GRANT pg_write_all_data TO " + khala);
    assertThat(check().findings()).extracting(WriteFinding::message).containsExactly(
        "role " + khala + " can write control.* (ALL, via role pg_write_all_data) [catalog+attempt]",
        "role " + khala + " can write runtime.* (ALL, via role pg_write_all_data) [catalog+attempt]");
  }

  @Test
  void nothingAttemptedIsLeftBehind() throws Exception {
    db.execute("GRANT USAGE, CREATE ON SCHEMA control TO " + runtime + "; GRANT ALL ON ALL TABLES IN SCHEMA control TO " + runtime);
    check();
    try (Connection c = db.connect(); var rs = c.createStatement().executeQuery(
        "SELECT (SELECT count(*) FROM control.users) + (SELECT count(*) FROM control.sessions),"
            + " (SELECT count(*) FROM pg_class WHERE relname = 'ih_isolation_probe'),"
            + " (SELECT count(*) FROM pg_attribute WHERE attname = 'ih_isolation_probe')")) {
      rs.next();
      assertThat(rs.getInt(1) + rs.getInt(2) + rs.getInt(3)).isZero();
    }
  }
}
