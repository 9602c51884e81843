package dev.invariantharness.deploy.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PostgresServersTest {

  @Test
  void theSharedServerIsStartedOnceAndIsRealPostgres() throws Exception {
    PostgresServer a = PostgresServers.shared();
    assertThat(PostgresServers.shared()).isSameAs(a);
    try (Connection c = a.connect("postgres"); ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(140000);
    }
  }

  @Test
  void aUsersJdbcUrlServesScratchDatabasesLikeTheEmbeddedOne() throws Exception {
    PostgresServer embedded = PostgresServers.shared();
    PostgresServer user = PostgresServers.fromUrl(embedded.jdbcUrl("postgres") + "?sslmode=disable", embedded.user(), null);
    assertThat(user.kind()).isEqualTo("url");
    assertThat(user.port()).isEqualTo(embedded.port());
    try (ScratchDatabase db = ScratchDatabase.create(user); Connection c = db.connect();
         ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(db.name());
    }
  }

  @Test
  void scratchDatabasesAreIsolatedAndDroppedWithTheirRoles() throws Exception {
    String name;
    String role;
    try (ScratchDatabase a = ScratchDatabase.create(); ScratchDatabase b = ScratchDatabase.create()) {
      assertThat(a.name()).isNotEqualTo(b.name());
      role = a.createRole("runtime_rw");
      assertThat(b.role("runtime_rw")).isNotEqualTo(role);
      a.execute("CREATE TABLE only_here (id bigint)");
      assertThatThrownBy(() -> b.execute("SELECT * FROM only_here")).hasMessageContaining("only_here");
      name = a.name();
    }
    try (Connection c = PostgresServers.shared().connect("postgres");
         ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM pg_database WHERE datname = '" + name
             + "') + (SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "')")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void aUrlThatIsNotPostgresIsABadInputNamingTheKey() {
    assertThatThrownBy(() -> PostgresServers.fromUrl("jdbc:mysql://db:3306/x", "u", null))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining(PostgresServers.URL).hasMessageContaining("is not a jdbc:postgresql://host:port/database URL");
  }

  @Test
  void thePasswordNeverShowsInTheServersDescription() {
    PostgresServer s = PostgresServers.fromUrl("jdbc:postgresql://db.internal:6432/app", "deployer", "s3cret-pa55word");
    assertThat(s.toString()).isEqualTo("url PostgreSQL at db.internal:6432 as deployer").doesNotContain("s3cret");
    assertThat(s.jdbcUrl("x")).isEqualTo("jdbc:postgresql://db.internal:6432/x");
  }
}
