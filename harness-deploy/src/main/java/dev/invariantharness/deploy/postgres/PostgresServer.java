package dev.invariantharness.deploy.postgres;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * A running PostgreSQL server reachable over JDBC with an administrative login (one that may
 * create databases and roles).
 *
 * <pre>{@code
 * PostgresServer server = PostgresServers.shared();
 * try (Connection c = server.connect("postgres")) { ... }
 * }</pre>
 *
 * @param kind how it was provisioned: {@code embedded}, {@code testcontainers} or {@code url}
 * @param host host name
 * @param port TCP port
 * @param user administrative login
 * @param password its password; never printed ({@link #toString()} hides it)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PostgresServer(String kind, String host, int port, String user, String password) {

  /** The JDBC URL of {@code database} on this server (no credentials in it). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** A new connection to {@code database} as the administrative login. */
  public Connection connect(String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("connectTimeout", "10");
    p.setProperty("socketTimeout", "120");
    return DriverManager.getConnection(jdbcUrl(database), p);
  }

  @Override
  public String toString() {
    return kind + " PostgreSQL at " + host + ":" + port + " as " + user;
  }
}
