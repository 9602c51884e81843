package dev.invariantharness.deploy.postgres;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * A database of its own for one test on the shared server, with roles named for it, dropped on
 * {@link #close()}. Roles are cluster-wide in PostgreSQL, so {@link #role(String)} prefixes a
 * plane's role name with the database's name: parallel tests never see each other's roles.
 *
 * <pre>{@code
 * try (ScratchDatabase db = ScratchDatabase.create()) {
 *   String runtime = db.createRole("runtime_rw");
 *   db.execute("CREATE SCHEMA runtime AUTHORIZATION " + runtime);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ScratchDatabase implements AutoCloseable {

  private final PostgresServer server;
  private final String name;
  private final List<String> roles = new ArrayList<>();

  private ScratchDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
  }

  /** A fresh database on {@link PostgresServers#shared()}. */
  public static ScratchDatabase create() {
    return create(PostgresServers.shared());
  }

  /** A fresh database on {@code server}. */
  public static ScratchDatabase create(PostgresServer server) {
    String name = "ih_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create scratch database on " + server + ": " + e.getMessage(), e);
    }
    return new ScratchDatabase(server, name);
  }

  /** The database's name. */
  public String name() {
    return name;
  }

  /** The server it lives on. */
  public PostgresServer server() {
    return server;
  }

  /** The JDBC URL of this database (no credentials). */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** A new administrative connection to this database. */
  public Connection connect() throws SQLException {
    return server.connect(name);
  }

  /** The cluster-wide name this database uses for the plane role {@code logical}. */
  public String role(String logical) {
    return name + "_" + logical.toLowerCase(Locale.ROOT);
  }

  /**
   * Creates role {@link #role(String) role(logical)} with {@code options} (e.g. {@code NOINHERIT}),
   * dropped with the database, and returns its name.
   */
  public String createRole(String logical, String... options) {
    String role = role(logical);
    execute("CREATE ROLE " + role + (options.length == 0 ? "" : " " + String.join(" ", options)));
    synchronized (roles) {
      roles.add(role);
    }
    return role;
  }

  /** Runs SQL statements (separated as the server's simple query protocol allows) in this database. */
  public ScratchDatabase execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("in " + name + ": " + e.getMessage() + "\n" + sql, e);
    }
    return this;
  }

  /** Drops the database and its roles. */
  @Override
  public void close() {
    try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      List<String> mine;
      synchronized (roles) {
        mine = List.copyOf(roles);
      }
      for (String role : mine) {
        s.execute("DROP ROLE IF EXISTS " + role);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop scratch database " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "scratch database " + name + " on " + server;
  }
}
