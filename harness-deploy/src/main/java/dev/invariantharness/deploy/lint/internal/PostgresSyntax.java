package dev.invariantharness.deploy.lint.internal;

import dev.invariantharness.deploy.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL's own raw parser as the syntax oracle, with nothing executed: the files become the
 * body of a SQL function created with {@code check_function_bodies = on} in a transaction that is
 * rolled back. The server raw-parses the whole body first and reports a syntax error (SQLSTATE
 * 42601) with its position; any later error (a missing table) means the text parsed.
 *
 * <p>Files are checked many to one round trip: each file is closed by a statement separator of
 * its own, and the lexer has already proven every file's strings, quotes and comments closed, so
 * no file's text can run into the next one. An error's position names its file; the files after
 * it are checked again.
 */
public final class PostgresSyntax implements AutoCloseable {

  /** One oracle per server for the JVM: a connection costs more than parsing hundreds of files. */
  private static final Map<PostgresServer, PostgresSyntax> SHARED = new HashMap<>();

  private static final String SYNTAX_ERROR = "42601";
  private static final String SEPARATOR = "\n;\n";
  /** Body size at which a batch is sent. */
  private static final int BATCH_CHARS = 1 << 20;

  /** Texts kept with their answers: a few migration directories' worth. */
  private static final long CACHE_CHARS = 32L << 20;
  private static final int NO_ERROR = -1;

  private final Map<String, Integer> judged = new HashMap<>();
  private long judgedChars;
  private final Connection connection;
  private final String tag = "$ih_" + UUID.randomUUID().toString().replace("-", "") + "$";
  private final String prefix = "CREATE FUNCTION pg_temp.ih_lint_probe() RETURNS void LANGUAGE sql AS " + tag;

  /** The JVM's oracle on {@code server}, opened on first use; a broken connection is replaced. */
  public static PostgresSyntax on(PostgresServer server) throws SQLException {
    synchronized (SHARED) {
      PostgresSyntax s = SHARED.get(server);
      if (s == null || !s.connection.isValid(2)) {
        s = new PostgresSyntax(server);
        SHARED.put(server, s);
      }
      return s;
    }
  }

  /** A syntax oracle on {@code server}'s {@code postgres} database. */
  public PostgresSyntax(PostgresServer server) throws SQLException {
    this.connection = server.connect("postgres");
    try (Statement s = connection.createStatement()) {
      s.execute("SET check_function_bodies = on");
      s.execute("SET statement_timeout = '30s'");
    }
    connection.setAutoCommit(false);
  }

  /**
   * For each text with a syntax error, its index → the offset of the error in that text. A text
   * this oracle has judged before, or that occurs twice, is sent once: the answer is kept by
   * content (up to {@link #CACHE_CHARS} characters of text, then forgotten).
   */
  public synchronized Map<Integer, Integer> syntaxErrors(List<String> texts) throws SQLException {
    Map<String, Integer> answers = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String t : texts) {
      Integer known = judged.get(t);
      if (known != null) {
        answers.put(t, known);
      } else if (answers.putIfAbsent(t, NO_ERROR) == null) {
        unknown.add(t);
      }
    }
    Map<Integer, Integer> found = parse(unknown);
    if (judgedChars > CACHE_CHARS) {
      judged.clear();
      judgedChars = 0;
    }
    for (int i = 0; i < unknown.size(); i++) {
      int answer = found.getOrDefault(i, NO_ERROR);
      answers.put(unknown.get(i), answer);
      judged.put(unknown.get(i), answer);
      judgedChars += unknown.get(i).length();
    }
    Map<Integer, Integer> out = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      int answer = answers.get(texts.get(i));
      if (answer != NO_ERROR) {
        out.put(i, answer);
      }
    }
    return out;
  }

  private Map<Integer, Integer> parse(List<String> texts) throws SQLException {
    Map<Integer, Integer> out = new HashMap<>();
    int from = 0;
    while (from < texts.size()) {
      int to = from;
      int size = 0;
      while (to < texts.size() && (to == from || size + texts.get(to).length() < BATCH_CHARS)) {
        size += texts.get(to).length() + SEPARATOR.length();
        to++;
      }
      int failed = check(texts, from, to, out);
      from = failed < 0 ? to : failed + 1;
    }
    return out;
  }

  /** Checks texts [from, to); returns the index of the one with an error (recorded in out), or -1. */
  private int check(List<String> texts, int from, int to, Map<Integer, Integer> out) throws SQLException {
    StringBuilder body = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (texts.get(i).contains(tag)) {
        throw new IllegalArgumentException("a file contains the probe's dollar-quote tag");
      }
      starts.add(body.length());
      body.append(texts.get(i)).append(SEPARATOR);
    }
    try (Statement s = connection.createStatement()) {
      s.execute(prefix + body + tag);
      return -1;
    } catch (PSQLException e) {
      if (!SYNTAX_ERROR.equals(e.getSQLState())) {
        return -1;
      }
      int position = e.getServerErrorMessage() == null ? 1 : e.getServerErrorMessage().getPosition();
      int offset = Math.max(0, position - 1 - prefix.length());
      int k = starts.size() - 1;
      while (k > 0 && starts.get(k) > offset) {
        k--;
      }
      int index = from + k;
      out.put(index, Math.min(texts.get(index).length(), offset - starts.get(k)));
      return index;
    } finally {
      connection.rollback();
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
