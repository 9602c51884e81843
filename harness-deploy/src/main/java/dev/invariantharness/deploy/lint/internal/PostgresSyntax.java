package dev.invariantharness.deploy.lint.internal;

import dev.invariantharness.deploy.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.UUID;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL's own raw parser as the syntax oracle, with nothing executed: the file becomes the
 * body of a SQL function created with {@code check_function_bodies = on} in a transaction that is
 * rolled back. The server raw-parses the whole body first and reports a syntax error (SQLSTATE
 * 42601) with its position; any later error (a missing table) means the file parsed.
 */
public final class PostgresSyntax implements AutoCloseable {

  private static final String SYNTAX_ERROR = "42601";

  private final Connection connection;
  private final String tag = "$ih_" + UUID.randomUUID().toString().replace("-", "") + "$";
  private final String prefix = "CREATE FUNCTION pg_temp.ih_lint_probe() RETURNS void LANGUAGE sql AS " + tag;

  /** A syntax oracle on {@code server}'s {@code postgres} database. */
  public PostgresSyntax(PostgresServer server) throws SQLException {
    this.connection = server.connect("postgres");
    connection.setAutoCommit(false);
  }

  /** The offset of the first syntax error in {@code sql}, or empty when the server parses it. */
  public synchronized OptionalInt syntaxErrorAt(String sql) throws SQLException {
    if (sql.contains(tag)) {
      throw new IllegalArgumentException("file contains the probe's dollar-quote tag");
    }
    try (Statement s = connection.createStatement()) {
      s.execute("SET LOCAL check_function_bodies = on");
      s.execute("SET LOCAL statement_timeout = '10s'");
      s.execute(prefix + sql + tag);
      return OptionalInt.empty();
    } catch (PSQLException e) {
      if (!SYNTAX_ERROR.equals(e.getSQLState())) {
        return OptionalInt.empty();
      }
      int position = e.getServerErrorMessage() == null ? 0 : e.getServerErrorMessage().getPosition();
      return OptionalInt.of(Math.max(0, Math.min(sql.length(), position - 1 - prefix.length())));
    } finally {
      connection.rollback();
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
