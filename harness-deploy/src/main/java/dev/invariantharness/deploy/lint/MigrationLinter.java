package dev.invariantharness.deploy.lint;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.deploy.lint.internal.LineIndex;
import dev.invariantharness.deploy.lint.internal.NonVolatileFunctions;
import dev.invariantharness.deploy.lint.internal.PgVersion;
import dev.invariantharness.deploy.lint.internal.PostgresSyntax;
import dev.invariantharness.deploy.lint.internal.Rules;
import dev.invariantharness.deploy.lint.internal.SqlLexer;
import dev.invariantharness.deploy.lint.internal.Statement;
import dev.invariantharness.deploy.lint.internal.Token;
import dev.invariantharness.deploy.postgres.PostgresServer;
import dev.invariantharness.deploy.postgres.PostgresServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Lints migration files with the rules squawk 2.x has on by default ({@link #rules()}), squawk's
 * rule names, messages and positions, {@code squawk-ignore rule[, rule]} comments (on the
 * statement's line or the line before), {@code squawk-ignore-file} and
 * {@code squawk-disable-assume-in-transaction}; the target PostgreSQL version decides the rules
 * squawk gates on it.
 *
 * <pre>{@code
 * LintReport report = MigrationLinter.squawkDefaults()
 *     .exclude("require-concurrent-index-creation")
 *     .assumeInTransaction(true)
 *     .pgVersion("16")
 *     .lint(List.of(Path.of("migrations/0042.sql")));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MigrationLinter {

  /** Bound on one parse of all files; the server's statement_timeout (30 s a batch) normally ends it first. */
  private static final long PARSE_TIMEOUT_SECONDS = 120;

  private final Set<String> excluded = new HashSet<>();
  private boolean assumeInTransaction;
  private PgVersion pgVersion = PgVersion.DEFAULT;
  private PostgresServer server;

  private MigrationLinter() {}

  /** Every implemented default rule on. */
  public static MigrationLinter squawkDefaults() {
    return new MigrationLinter();
  }

  /** The rule names this linter implements, each with squawk's semantics. */
  public static Set<String> rules() {
    return Rules.RULES.keySet();
  }

  /** Turns rules off, like squawk's {@code --exclude}. Returns {@code this}. */
  public MigrationLinter exclude(String... rules) {
    for (String r : rules) {
      for (String one : r.split(",")) {
        if (!one.isBlank()) {
          excluded.add(one.trim());
        }
      }
    }
    return this;
  }

  /** Like squawk's {@code --assume-in-transaction}: each file runs in a transaction. Returns {@code this}. */
  public MigrationLinter assumeInTransaction(boolean assume) {
    this.assumeInTransaction = assume;
    return this;
  }

  /**
   * Like squawk's {@code --pg-version}: the PostgreSQL version the migrations will run on
   * ({@code major[.minor[.patch]]}, default 15.0.0). It decides adding-field-with-default (a
   * non-volatile default is free after 11), adding-not-nullable-field (a validated
   * {@code CHECK (col IS NOT NULL)} makes {@code SET NOT NULL} safe from 12) and prefer-repack
   * (from 19). As in squawk, {@code 11} is older than {@code 11.0}. Returns {@code this}.
   *
   * @throws HarnessInputException when {@code version} is not a version
   */
  public MigrationLinter pgVersion(String version) {
    try {
      this.pgVersion = PgVersion.parse(version);
    } catch (IllegalArgumentException e) {
      throw new HarnessInputException("--pg-version", "'" + version + "' is not a PostgreSQL version: " + e.getMessage());
    }
    return this;
  }

  /** The server whose parser judges syntax (default: the shared one). Returns {@code this}. */
  public MigrationLinter parseWith(PostgresServer server) {
    this.server = server;
    return this;
  }

  /** Lints {@code files}. */
  public LintReport lint(List<Path> files) {
    List<String> texts = new ArrayList<>();
    List<List<Token>> tokens = new ArrayList<>();
    Map<Integer, Integer> errors = new HashMap<>();
    List<Integer> lexed = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new HarnessInputException(file.toString(), "cannot be read: " + e.getMessage());
      }
      texts.add(text);
      try {
        tokens.add(SqlLexer.tokenize(text));
        lexed.add(texts.size() - 1);
      } catch (SqlLexer.LexError e) {
        tokens.add(null);
        errors.put(texts.size() - 1, e.offset);
      }
    }
    // PostgreSQL parses in its own process while this thread runs the rules: the lint costs the
    // longer of the two, not their sum
    FutureTask<Map<Integer, Integer>> parsed = null;
    Set<String> nonVolatile = NonVolatileFunctions.names();
    if (!lexed.isEmpty()) {
      try {
        PostgresSyntax syntax = PostgresSyntax.on(server == null ? PostgresServers.shared() : server);
        List<String> lexedTexts = lexed.stream().map(texts::get).toList();
        parsed = new FutureTask<>(() -> syntax.syntaxErrors(lexedTexts));
        Thread parser = new Thread(parsed, "migration-lint-parse");
        parser.setDaemon(true);
        parser.start();
      } catch (SQLException e) {
        throw unreachable(e);
      }
    }
    List<List<LintViolation>> linted = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      linted.add(tokens.get(i) == null ? List.of()
          : lintTokens(files.get(i).toString(), texts.get(i), tokens.get(i), nonVolatile));
    }
    if (parsed != null) {
      try {
        parsed.get(PARSE_TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((k, offset) -> errors.put(lexed.get(k), offset));
      } catch (ExecutionException e) {
        throw e.getCause() instanceof SQLException sql ? unreachable(sql)
            : new IllegalStateException("PostgreSQL's parser failed: " + e.getCause(), e.getCause());
      } catch (TimeoutException e) {
        parsed.cancel(true);
        throw new IllegalStateException("PostgreSQL's parser did not answer within " + PARSE_TIMEOUT_SECONDS + " s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while PostgreSQL parsed the migrations", e);
      }
    }
    List<LintViolation> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Integer error = errors.get(i);
      if (error != null) {
        int[] p = new LineIndex(texts.get(i)).position(error);
        out.add(new LintViolation(files.get(i).toString(), p[0], p[1], p[0], p[1], "Error",
            "PostgreSQL cannot parse this file", null, "syntax-error"));
      } else {
        out.addAll(linted.get(i));
      }
    }
    return new LintReport(out, false);
  }

  private static IllegalStateException unreachable(SQLException e) {
    return new IllegalStateException("PostgreSQL's parser could not be reached: " + e.getMessage(), e);
  }

  private List<LintViolation> lintTokens(String name, String text, List<Token> tokens, Set<String> nonVolatile) {
    LineIndex lines = new LineIndex(text);
    List<LintViolation> found = new ArrayList<>();
    Ignores ignores = ignores(name, tokens, lines, found);
    boolean assume = assumeInTransaction && !disablesAssumeInTransaction(tokens);
    found.addAll(new Rules(name, lines, assume, pgVersion, nonVolatile).run(Statement.split(tokens)));
    List<LintViolation> kept = new ArrayList<>();
    for (LintViolation v : found) {
      if (!excluded.contains(v.ruleName()) && !ignores.ignored(v)) {
        kept.add(v);
      }
    }
    kept.sort(Comparator.comparingInt(LintViolation::line).thenComparingInt(LintViolation::column));
    return kept;
  }

  private record Ignore(int line, Set<String> rules, boolean all) {}

  private record Ignores(List<Ignore> lines, Set<String> file, boolean wholeFile) {
    boolean ignored(LintViolation v) {
      if (wholeFile || file.contains(v.ruleName())) {
        return true;
      }
      for (Ignore i : lines) {
        if ((i.line() == v.line() || i.line() == v.line() - 1) && (i.all() || i.rules().contains(v.ruleName()))) {
          return true;
        }
      }
      return false;
    }
  }

  /** The body of a {@code --} or block comment and the offset where it starts. */
  private record CommentBody(String text, int start) {
    static CommentBody of(Token t) {
      String s = t.text();
      if (s.startsWith("--")) {
        return new CommentBody(s.substring(2), t.start() + 2);
      }
      if (s.startsWith("/*") && s.endsWith("*/") && s.length() >= 4) {
        return new CommentBody(s.substring(2, s.length() - 2), t.start() + 2);
      }
      return null;
    }
  }

  /** squawk's reading of a comment: trimmed, and anything after a nested {@code --} is a remark. */
  private static String withoutRemark(String body) {
    String trimmed = body.strip();
    int remark = trimmed.indexOf("--");
    return remark < 0 ? trimmed : trimmed.substring(0, remark).stripTrailing();
  }

  /** {@code -- squawk-disable-assume-in-transaction}: this file runs outside the tool's transaction. */
  private static boolean disablesAssumeInTransaction(List<Token> tokens) {
    for (Token t : tokens) {
      CommentBody c = t.kind() == Token.Kind.COMMENT ? CommentBody.of(t) : null;
      if (c != null && withoutRemark(c.text()).equals("squawk-disable-assume-in-transaction")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code squawk-ignore[-file] [rule[, rule]...]} in {@code --} and block comments, as squawk
   * reads them: names separated by commas, none meaning every rule; a name squawk does not know
   * is an {@code unused-ignore} violation (added to {@code violations}) and ignores nothing.
   */
  private static Ignores ignores(String file, List<Token> tokens, LineIndex lines, List<LintViolation> violations) {
    List<Ignore> out = new ArrayList<>();
    Set<String> fileRules = new HashSet<>();
    boolean whole = false;
    for (Token t : tokens) {
      CommentBody c = t.kind() == Token.Kind.COMMENT ? CommentBody.of(t) : null;
      if (c == null) {
        continue;
      }
      String afterStart = c.text().stripLeading();
      int leading = c.text().length() - afterStart.length();
      String body = withoutRemark(afterStart);
      boolean fileWide = body.startsWith("squawk-ignore-file");
      String prefix = fileWide ? "squawk-ignore-file" : "squawk-ignore";
      if (!body.startsWith(prefix)) {
        continue;
      }
      String names = body.substring(prefix.length());
      int at = c.start() + leading + prefix.length();
      Set<String> rules = new HashSet<>();
      int offset = 0;
      for (String part : names.split(",", -1)) {
        if (!part.isEmpty()) {
          String name = part.strip();
          Set<String> known = Rules.IGNORABLE.get(name);
          if (known != null) {
            rules.addAll(known);
          } else {
            int from = at + offset + (part.length() - part.stripLeading().length());
            int[] a = lines.position(from);
            int[] b = lines.position(from + name.length());
            violations.add(new LintViolation(file, a[0], a[1], b[0], b[1], "Warning", "unknown name " + name, null,
                "unused-ignore"));
          }
        }
        offset += part.length() + 1;
      }
      boolean all = names.isBlank();
      if (fileWide) {
        whole |= all;
        fileRules.addAll(rules);
      } else {
        out.add(new Ignore(lines.position(t.start())[0], rules, all));
      }
    }
    return new Ignores(out, fileRules, whole);
  }
}
