package dev.invariantharness.deploy.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.deploy.migration.internal.Migrations;
import dev.invariantharness.deploy.postgres.ScratchDatabase;
import dev.invariantharness.finding.InvariantViolation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationDriftTest {

  @TempDir Path dir;
  private ScratchDatabase db;

  @BeforeEach
  void database() {
    db = ScratchDatabase.create();
  }

  @AfterEach
  void drop() {
    db.close();
  }

  /** What sqlx's migrator does per file; the checksum is PostgreSQL's own sha384 of the text. */
  private void sqlxApply(String version, String description, String sql) throws Exception {
    try (Connection c = db.connect()) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY,"
          + " description TEXT NOT NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(), success BOOLEAN NOT NULL,"
          + " checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL)");
      c.createStatement().execute(sql);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO _sqlx_migrations"
          + " (version, description, success, checksum, execution_time) VALUES (?, ?, true, sha384(convert_to(?, 'UTF8')), 1)")) {
        ps.setLong(1, Long.parseLong(version));
        ps.setString(2, description);
        ps.setString(3, sql);
        ps.executeUpdate();
      }
    }
  }

  private Path file(String name, String sql) throws Exception {
    return Files.writeString(dir.resolve(name), sql);
  }

  private DriftReport sqlxCheck() throws Exception {
    try (Connection c = db.connect()) {
      return MigrationDrift.sqlx(dir).check(c);
    }
  }

  @Test
  void sqlxChecksumIsTheSha384OfTheFile() throws Exception {
    file("20240101000000_create_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
    assertThat(Migrations.sqlx(dir)).singleElement().satisfies(f -> {
      // sha384sum of the same bytes
      assertThat(f.checksum()).isEqualTo("c72d83fd3fa44d3458d479ba249777d97527fde4ccd1e1483878051ba8ee6f15"
          + "fcf7964f412c5d17e122e4397248e42a");
      assertThat(f.description()).isEqualTo("create users");
    });
  }

  @Test
  void filesAndHistoryInAgreementPass() throws Exception {
    String a = "CREATE TABLE users (id bigint PRIMARY KEY);\n";
    String b = "ALTER TABLE users ADD COLUMN email text;\n";
    file("1_create_users.sql", a);
    file("2_add_email.up.sql", b);
    file("2_add_email.down.sql", "ALTER TABLE users DROP COLUMN email;\n");
    sqlxApply("1", "create users", a);
    sqlxApply("2", "add email", b);
    DriftReport report = sqlxCheck().assertNoDrift();
    assertThat(report.files()).isEqualTo(2);
    assertThat(report.applied()).isEqualTo(2);
  }

  @Test
  void anEditedMigrationIsNamedEdited() throws Exception {
    sqlxApply("1", "create users", "CREATE TABLE users (id bigint PRIMARY KEY);\n");
    file("1_create_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
    DriftReport report = sqlxCheck();
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(DriftKind.EDITED);
      assertThat(f.message()).startsWith("migration 1 was edited after it was applied: _sqlx_migrations records checksum");
    });
    assertThatThrownBy(report::assertNoDrift).isInstanceOfSatisfying(InvariantViolation.class, v -> {
      assertThat(v.invariant()).isEqualTo("INV-09");
      assertThat(v.findings().get(0).message()).startsWith("migration-edited: ");
    });
  }

  @Test
  void aMigrationAppliedButMissingFromFilesIsExtra() throws Exception {
    String a = "CREATE TABLE users (id bigint PRIMARY KEY);\n";
    file("1_create_users.sql", a);
    sqlxApply("1", "create users", a);
    sqlxApply("2", "hotfix from a branch", "CREATE TABLE hotfix (id int);\n");
    assertThat(sqlxCheck().findings()).extracting(DriftFinding::kind, DriftFinding::version, DriftFinding::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftKind.EXTRA, "2", "migration 2 (hotfix from a branch)"
            + " is applied in _sqlx_migrations but no file in " + dir + " has that version"));
  }

  @Test
  void missingAndOutOfOrderAreDistinct() throws Exception {
    String a = "CREATE TABLE a (id int);\n";
    String c = "CREATE TABLE c (id int);\n";
    file("1_a.sql", a);
    file("2_b.sql", "CREATE TABLE b (id int);\n");
    file("3_c.sql", c);
    file("4_d.sql", "CREATE TABLE d (id int);\n");
    sqlxApply("1", "a", a);
    sqlxApply("3", "c", c);
    DriftReport report = sqlxCheck();
    assertThat(report.findings()).extracting(DriftFinding::kind, DriftFinding::version).containsExactly(
        org.assertj.core.groups.Tuple.tuple(DriftKind.OUT_OF_ORDER, "2"),
        org.assertj.core.groups.Tuple.tuple(DriftKind.MISSING, "4"));
  }

  @Test
  void appliedOutOfVersionOrderIsOutOfOrder() throws Exception {
    String a = "CREATE TABLE a (id int);\n";
    String b = "CREATE TABLE b (id int);\n";
    file("1_a.sql", a);
    file("2_b.sql", b);
    sqlxApply("2", "b", b);
    sqlxApply("1", "a", a);
    assertThat(sqlxCheck().findings()).extracting(DriftFinding::kind, DriftFinding::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftKind.OUT_OF_ORDER, "1"));
  }

  @Test
  void flywayHistoryWrittenByFlywayItselfAgreesWithTheFiles() throws Exception {
    file("V1__create_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\r\n-- a comment\r\n");
    file("V1.1__add_email.sql", "\uFEFFALTER TABLE users ADD COLUMN email text;\n");
    flyway().migrate();
    try (Connection c = db.connect()) {
      MigrationDrift.flyway(dir).check(c).assertNoDrift();
    }
    file("V1__create_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, x int);\n");
    file("V2__later.sql", "SELECT 1;\n");
    try (Connection c = db.connect()) {
      assertThat(MigrationDrift.flyway(dir).check(c).findings()).extracting(DriftFinding::kind, DriftFinding::version)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftKind.EDITED, "1"),
              org.assertj.core.groups.Tuple.tuple(DriftKind.MISSING, "2"));
    }
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(db.jdbcUrl(), db.server().user(), db.server().password())
        .locations("filesystem:" + dir)
        .load();
  }

  @Test
  void aDirectoryThatIsNotThereIsABadInput() {
    assertThatThrownBy(() -> Migrations.sqlx(dir.resolve("nope")))
        .hasMessageContaining("nope").hasMessageContaining("is not a directory of migration files");
  }
}
