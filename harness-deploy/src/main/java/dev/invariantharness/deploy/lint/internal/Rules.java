package dev.invariantharness.deploy.lint.internal;

import dev.invariantharness.deploy.lint.LintViolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** squawk 2.x default rules, on statements of one file, with squawk's names, messages and anchors. */
public final class Rules {

  /** Rule name → {message, help}. */
  public static final Map<String, String[]> RULES = new LinkedHashMap<>();

  static {
    RULES.put("adding-foreign-key-constraint", new String[] {"Adding a foreign key constraint requires a table scan and a "
        + "`SHARE ROW EXCLUSIVE` lock on both tables, which blocks writes to each table.",
        "Add `NOT VALID` to the constraint in one transaction and then VALIDATE the constraint in a separate transaction."});
    RULES.put("adding-required-field", new String[] {"Adding a new column that is `NOT NULL` and has no default value to an "
        + "existing table effectively makes it required.", "Make the field nullable or add a non-VOLATILE DEFAULT"});
    RULES.put("ban-drop-column", new String[] {"Dropping a column may break existing clients.", null});
    RULES.put("ban-drop-database", new String[] {"Dropping a database may break existing clients.", null});
    RULES.put("ban-drop-not-null", new String[] {"Dropping a `NOT NULL` constraint may break existing clients.", null});
    RULES.put("ban-drop-table", new String[] {"Dropping a table may break existing clients.", null});
    RULES.put("ban-truncate-cascade", new String[] {"Using `CASCADE` will recursively truncate any tables that foreign key "
        + "to the referenced tables! So if you had foreign keys setup as `a <- b <- c` and truncated `a`, then `b` & `c` "
        + "would also be truncated!", "Remove the `CASCADE` and specify exactly which tables you want to truncate."});
    RULES.put("changing-column-type", new String[] {"Changing a column type requires an `ACCESS EXCLUSIVE` lock on the table "
        + "which blocks reads and writes while the table is rewritten. Changing the type of the column may also break "
        + "other clients reading from the table.", null});
    RULES.put("renaming-column", new String[] {"Renaming a column may break existing clients.", null});
    RULES.put("renaming-table", new String[] {"Renaming a table may break existing clients.", null});
    RULES.put("require-concurrent-index-creation", new String[] {"During normal index creation, table updates are blocked, "
        + "but reads are still allowed.", "Use `concurrently` to avoid blocking writes."});
    RULES.put("require-concurrent-index-deletion", new String[] {"A normal `DROP INDEX` acquires an `ACCESS EXCLUSIVE` lock "
        + "on the table, blocking other accesses until the index drop can complete.", "Drop the index `CONCURRENTLY`."});
    RULES.put("ban-concurrent-index-creation-in-transaction", new String[] {"While regular index creation can happen inside "
        + "a transaction, this is not allowed when the `CONCURRENTLY` option is used.", "Build the index outside any transactions."});
    RULES.put("prefer-robust-stmts", new String[] {"Missing transaction, the migration can't be rerun if it fails part way through.", null});
    RULES.put("require-lock-timeout", new String[] {"Missing `set lock_timeout` before potentially slow operations",
        "Configure a `lock_timeout` before this statement."});
    RULES.put("require-statement-timeout", new String[] {"Missing `set statement_timeout` before potentially slow operations",
        "Configure a `statement_timeout` before this statement"});
    RULES.put("prefer-bigint-over-int", new String[] {"Using 32-bit integer fields can result in hitting the max `int` limit.",
        "Use 64-bit integer values instead to prevent hitting this limit."});
    RULES.put("prefer-bigint-over-smallint", new String[] {"Using 16-bit integer fields can result in hitting the max `int` "
        + "limit.", "Use 64-bit integer values instead to prevent hitting this limit."});
    RULES.put("prefer-identity", new String[] {"Serial types make schema, dependency, and permission management difficult.",
        "Use an `IDENTITY` column instead."});
    RULES.put("prefer-text-field", new String[] {"Changing the size of a `varchar` field requires an `ACCESS EXCLUSIVE` lock, "
        + "that will prevent all reads and writes to the table.", "Use a `TEXT` field with a `CHECK` constraint."});
    RULES.put("prefer-timestamp-tz", new String[] {"When Postgres stores a datetime in a `timestamp` field, Postgres drops "
        + "the UTC offset. This means 2019-10-11 21:11:24+02 and 2019-10-11 21:11:24-06 will both be stored as 2019-10-11 "
        + "21:11:24 in the database, even though they are eight hours apart in time.",
        "Use `timestamptz` instead of `timestamp` for your column type."});
    RULES.put("transaction-nesting", new String[] {"There is an existing transaction already in progress.",
        "Put migration statements in separate files to have them be in separate transactions or don't use the "
        + "assume-in-transaction setting."});
    RULES.put("ban-uncommitted-transaction", new String[] {"Transaction never committed or rolled back.",
        "Add a `COMMIT` or `ROLLBACK` statement to complete the transaction."});
    RULES.put("require-concurrent-reindex", new String[] {"Reindexing a table or index without `concurrently` blocks "
        + "reads and writes.", "Use `concurrently` to avoid blocking reads and writes."});
    RULES.put("require-concurrent-partition-detach", new String[] {"Detaching a partition requires an `ACCESS EXCLUSIVE` "
        + "lock, which prevents reads and writes to the table.", "Detach the partition `CONCURRENTLY`."});
    RULES.put("ban-create-domain-with-constraint", new String[] {"Domains with constraints have poor support for online "
        + "migrations. Use table and column constraints instead.", null});
    RULES.put("ban-alter-domain-with-add-constraint", new String[] {"Domains with constraints have poor support for online "
        + "migrations. Use table and column constraints instead.", null});
    RULES.put("constraint-missing-not-valid", new String[] {"By default new constraints require a table scan and block "
        + "writes to the table while that scan occurs.", "Use `NOT VALID` with a later `VALIDATE CONSTRAINT` call."});
    RULES.put("disallowed-unique-constraint", new String[] {"Adding a `UNIQUE` constraint requires an `ACCESS EXCLUSIVE` "
        + "lock which blocks reads and writes to the table while the index is built.",
        "Create an index `CONCURRENTLY` and create the constraint using the index."});
    RULES.put("adding-serial-primary-key-field", new String[] {"Adding a primary key constraint requires an `ACCESS "
        + "EXCLUSIVE` lock that will block all reads and writes to the table while the primary key index is built.",
        "Add the `PRIMARY KEY` constraint `USING` an index."});
    RULES.put("require-enum-value-ordering", new String[] {"ADD VALUE without BEFORE or AFTER appends the value to the end "
        + "of the enum, which may result in unexpected ordering.",
        "Add `BEFORE` or `AFTER` to specify the position of the new enum value."});
    RULES.put("ban-char-field", new String[] {"Using `character` is likely a mistake and should almost always be replaced by "
        + "`text` or `varchar`.", null});
    RULES.put("adding-field-with-default", new String[] {"Adding a generated column requires a table rewrite with an "
        + "`ACCESS EXCLUSIVE` lock. In Postgres versions 11+, non-VOLATILE DEFAULTs can be added without a rewrite.",
        "Add the column as nullable, backfill existing rows, and add a trigger to update the column on write instead."});
    RULES.put("adding-not-nullable-field", new String[] {"Setting a column `NOT NULL` blocks reads while the table is scanned.",
        "Make the field nullable and use a `CHECK` constraint instead."});
    RULES.put("ban-duplicate-column-assignments", new String[] {"Column `%s` is specified more than once.", null});
    RULES.put("identifier-too-long", new String[] {"`%s` is too long and will be truncated to 63 bytes.", null});
    RULES.put("unused-ignore", new String[] {"unknown name %s", null});
    RULES.put("prefer-repack", new String[] {"`%s` requires an `ACCESS EXCLUSIVE` lock which blocks reads and writes to the "
        + "table.", "Use `repack` to rewrite the table without blocking reads and writes."});
  }

  /**
   * The names a {@code squawk-ignore} comment may give → the rules each silences: every rule,
   * squawk's opt-in rules, and its alias require-timeout-settings for the two timeout rules.
   */
  public static final Map<String, Set<String>> IGNORABLE = new java.util.HashMap<>();

  static {
    RULES.keySet().forEach(r -> IGNORABLE.put(r, Set.of(r)));
    IGNORABLE.put("require-table-schema", Set.of("require-table-schema"));
    IGNORABLE.put("require-timeout-settings", Set.of("require-timeout-settings", "require-lock-timeout",
        "require-statement-timeout"));
  }

  private static final String MISSING_TX = "Missing transaction, the migration can't be rerun if it fails part way through.";
  private static final String MISSING_IF_EXISTS = "Missing `IF EXISTS`, the migration can't be rerun if it fails part way through.";
  private static final String MISSING_IF_NOT_EXISTS =
      "Missing `IF NOT EXISTS`, the migration can't be rerun if it fails part way through.";

  private static final Set<String> INT_TYPES = Set.of("int", "integer", "int4", "serial", "serial4");
  private static final Set<String> SMALLINT_TYPES = Set.of("smallint", "int2", "smallserial", "serial2");
  private static final Set<String> SERIAL_TYPES = Set.of("serial", "serial2", "serial4", "serial8", "smallserial", "bigserial");
  private static final Set<String> CHAR_TYPES = Set.of("char", "character", "bpchar");
  /** Words that end a column's type in a column definition or ALTER COLUMN ... TYPE. */
  private static final Set<String> TYPE_END = Set.of("constraint", "not", "null", "default", "primary", "unique", "check",
      "references", "generated", "collate", "using", "deferrable", "initially", "compression", "storage");
  /** Statement heads that squawk counts as possibly slow (a lock the timeouts should bound). */
  private static final Set<String> SLOW_HEADS = Set.of("alter", "drop", "cluster", "comment", "import", "load", "lock",
      "refresh", "reindex", "truncate", "vacuum");

  /** Rules that destroy or rename what the other version still reads: INV-09-blocking during an overlap window. */
  public static final Set<String> DESTRUCTIVE = Set.of("ban-drop-column", "ban-drop-table", "ban-drop-database",
      "renaming-column", "renaming-table", "changing-column-type", "ban-drop-not-null", "ban-truncate-cascade",
      "adding-required-field");

  private static final Set<String> TABLE_CONSTRAINTS = Set.of("constraint", "primary", "unique", "check", "foreign", "exclude");

  private final String file;
  private final LineIndex lines;
  private final boolean assumeInTransaction;
  private final PgVersion pg;
  private final Set<String> nonVolatileFunctions;
  /** adding-not-nullable-field: NOT VALID {@code CHECK (col IS NOT NULL)} constraints by name → "table.column". */
  private final Map<String, String> notNullChecks = new java.util.HashMap<>();
  /** "table.column" whose NOT NULL check was validated in this file. */
  private final Set<String> validatedNotNull = new HashSet<>();
  /** Tables with a VALIDATE CONSTRAINT of a constraint added elsewhere (an earlier migration). */
  private final Set<String> validatedElsewhere = new HashSet<>();
  private final List<LintViolation> out = new ArrayList<>();
  private boolean inTransaction;
  private final Set<String> createdInTransaction = new HashSet<>();
  private final Map<String, Boolean> droppedConstraints = new java.util.HashMap<>();
  private boolean lockTimeoutSet;
  private boolean statementTimeoutSet;
  private int statementCount;
  private final List<LintViolation> concurrentInTransaction = new ArrayList<>();
  private boolean inExplicitTransaction;
  /** Tables created inside a transaction anywhere in the file, as squawk's constraint rules see them. */
  private final Set<String> createdInAnyTransaction = new HashSet<>();
  private boolean validateInTransaction;
  private final Set<String> notValidNames = new HashSet<>();
  private Statement uncommittedBegin;

  /**
   * Rules over {@code file} (positions by {@code lines}) for target version {@code pg}; {@code nonVolatileFunctions} are
   * the names of PostgreSQL's built-in functions that are not VOLATILE (a call of one without
   * arguments is a default that needs no table rewrite).
   */
  public Rules(String file, LineIndex lines, boolean assumeInTransaction, PgVersion pg, Set<String> nonVolatileFunctions) {
    this.file = file;
    this.lines = lines;
    this.assumeInTransaction = assumeInTransaction;
    this.inTransaction = assumeInTransaction;
    this.pg = pg;
    this.nonVolatileFunctions = nonVolatileFunctions;
  }

  /** Runs every rule over the statements, in order, and returns the violations. */
  public List<LintViolation> run(List<Statement> statements) {
    boolean inside = assumeInTransaction;
    for (Statement s : statements) {
      Token first = s.at(0);
      if (first.is("begin") || s.words(0, "start", "transaction")) {
        inside = true;
      } else if (first.is("commit") || first.is("end")) {
        inside = false;
      } else if (inside && first.is("create")) {
        int i = 1;
        while (s.at(i) != null && (s.at(i).is("global") || s.at(i).is("local") || s.at(i).is("temp")
            || s.at(i).is("temporary") || s.at(i).is("unlogged"))) {
          i++;
        }
        if (s.words(i, "table")) {
          createdInAnyTransaction.add(qualifiedName(s, s.words(i + 1, "if", "not", "exists") ? i + 4 : i + 1));
        }
      }
    }
    validateInTransaction = assumeInTransaction;
    for (Statement s : statements) {
      statementCount++;
      timeouts(s);
      statement(s);
      identifiers(s);
      DuplicateColumns.check(s, this::duplicate);
    }
    // squawk reports CONCURRENTLY-in-a-transaction only for files of more than one statement
    if (statementCount > 1) {
      out.addAll(concurrentInTransaction);
    }
    if (uncommittedBegin != null) {
      report("ban-uncommitted-transaction", uncommittedBegin.at(0), last(uncommittedBegin.tokens()));
    }
    return out;
  }

  private void report(String rule, Token from, Token to) {
    String[] text = RULES.get(rule);
    report(rule, from, to, text[0], text[1]);
  }

  private void report(String rule, Token from, Token to, String message, String help) {
    out.add(violation(rule, from, to, message, help));
  }

  private LintViolation violation(String rule, Token from, Token to, String message, String help) {
    int[] a = lines.position(from.start());
    int[] b = lines.position(to.end());
    return new LintViolation(file, a[0], a[1], b[0], b[1], "Warning", message, help, rule);
  }

  private static Token last(List<Token> ts) {
    return ts.get(ts.size() - 1);
  }

  private void statement(Statement s) {
    Token first = s.at(0);
    Token end = last(s.tokens());
    if (first.is("begin") || s.words(0, "start", "transaction")) {
      if (!validateInTransaction) {
        notValidNames.clear();
      }
      validateInTransaction = true;
      transactionNesting(s, true);
      inTransaction = true;
      uncommittedBegin = s;
      createdInTransaction.clear();
    } else if (first.is("commit") || first.is("end")) {
      validateInTransaction = false;
      transactionNesting(s, false);
      inTransaction = false;
      uncommittedBegin = null;
      createdInTransaction.clear();
    } else if (first.is("rollback") || first.is("abort")) {
      // squawk reads ROLLBACK TO SAVEPOINT as a rollback too
      transactionNesting(s, false);
      uncommittedBegin = null;
      createdInTransaction.clear();
    } else if (first.is("cluster") || first.is("vacuum")) {
      repack(s);
    } else if (first.is("reindex")) {
      boolean concurrently = indexOf(s.tokens(), "concurrently") >= 0;
      boolean system = s.words(1, "system") || (s.at(1) != null && s.at(1).kind() == Token.Kind.LPAREN
          && indexOf(s.tokens(), "system") >= 0);
      if (!concurrently && !system) {
        report("require-concurrent-reindex", first, end);
      }
    } else if (s.words(0, "alter", "type")) {
      for (int k = 2; k + 1 < s.tokens().size(); k++) {
        if (s.at(k).is("add") && s.at(k + 1).is("value")) {
          if (indexOf(s.tokens(), "before") < 0 && indexOf(s.tokens(), "after") < 0) {
            report("require-enum-value-ordering", s.at(k), end);
          }
          break;
        }
      }
    } else if (s.words(0, "create", "domain")) {
      createDomain(s);
    } else if (s.words(0, "alter", "domain")) {
      for (int k = 2; k < s.tokens().size(); k++) {
        if (s.at(k).is("add")) {
          report("ban-alter-domain-with-add-constraint", s.at(k), end);
          break;
        }
      }
    } else if (s.words(0, "drop", "table")) {
      report("ban-drop-table", first, end);
      if (!s.words(2, "if", "exists") && !inTransaction) {
        report("prefer-robust-stmts", first, end, MISSING_IF_EXISTS, null);
      }
    } else if (s.words(0, "drop", "index")) {
      boolean concurrently = s.words(2, "concurrently");
      int k = concurrently ? 3 : 2;
      if (!concurrently) {
        report("require-concurrent-index-deletion", first, end);
      }
      if (!s.words(k, "if", "exists") && !inTransaction) {
        report("prefer-robust-stmts", first, end, MISSING_IF_EXISTS, null);
      }
    } else if (s.words(0, "drop", "type")) {
      if (!s.words(2, "if", "exists") && !inTransaction) {
        report("prefer-robust-stmts", first, end, MISSING_IF_EXISTS, null);
      }
    } else if (s.words(0, "drop", "database")) {
      report("ban-drop-database", first, end);
    } else if (first.is("truncate")) {
      if (end.is("cascade")) {
        report("ban-truncate-cascade", end, end);
      }
    } else if (first.is("create")) {
      create(s, end);
    } else if (s.words(0, "alter", "table")) {
      alterTable(s);
    }
  }

  private void create(Statement s, Token end) {
    int i = 1;
    if (s.words(i, "unique")) {
      i++;
    }
    if (s.words(i, "index")) {
      boolean concurrently = s.words(i + 1, "concurrently");
      int n = concurrently ? i + 2 : i + 1;
      boolean ifNotExists = s.words(n, "if", "not", "exists");
      boolean named = !s.words(n, "on") && !ifNotExists;
      if (concurrently && inTransaction) {
        Token c = s.at(i + 1);
        String[] text = RULES.get("ban-concurrent-index-creation-in-transaction");
        concurrentInTransaction.add(violation("ban-concurrent-index-creation-in-transaction", c, c, text[0], text[1]));
      }
      if (!ifNotExists && named && (concurrently || !inTransaction)) {
        report("prefer-robust-stmts", s.at(0), end, MISSING_IF_NOT_EXISTS, "Use an explicit name for a concurrently created index");
      }
      if (concurrently) {
        return;
      }
      int on = i + 1;
      while (on < s.tokens().size() && !s.at(on).is("on")) {
        on++;
      }
      String table = qualifiedName(s, s.words(on + 1, "only") ? on + 2 : on + 1);
      if (inTransaction && createdInTransaction.contains(table)) {
        return;
      }
      report("require-concurrent-index-creation", s.at(0), end);
      return;
    }
    // CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name
    while (s.at(i) != null && (s.at(i).is("global") || s.at(i).is("local") || s.at(i).is("temp")
        || s.at(i).is("temporary") || s.at(i).is("unlogged"))) {
      i++;
    }
    if (s.words(i, "table")) {
      boolean ifNotExists = s.words(i + 1, "if", "not", "exists");
      int n = ifNotExists ? i + 4 : i + 1;
      boolean temp = s.words(1, "temp") || s.words(1, "temporary") || s.words(2, "temp") || s.words(2, "temporary");
      boolean onCommitDrop = false;
      for (int k = 0; k + 2 < s.tokens().size(); k++) {
        if (s.words(k, "on", "commit", "drop")) {
          onCommitDrop = true;
        }
      }
      if (!ifNotExists && !inTransaction && !(temp && onCommitDrop)) {
        report("prefer-robust-stmts", s.at(0), end, MISSING_IF_NOT_EXISTS, null);
      }
      if (inTransaction) {
        createdInTransaction.add(qualifiedName(s, n));
      }
      columnTypes(s, n);
    }
  }

  /** The last part of a possibly qualified name at {@code i}, as PostgreSQL resolves it. */
  private static String qualifiedName(Statement s, int i) {
    Token t = s.at(i);
    if (t == null) {
      return "";
    }
    String name = t.name();
    while (s.at(i + 1) != null && s.at(i + 1).kind() == Token.Kind.DOT && s.at(i + 2) != null) {
      i += 2;
      name = s.at(i).name();
    }
    return name;
  }

  private void alterTable(Statement s) {
    int i = 2;
    if (s.words(i, "if", "exists")) {
      i += 2;
    }
    if (s.words(i, "only")) {
      i++;
    }
    String table = qualifiedName(s, i);
    // skip the name and an optional '*'
    i++;
    while (s.at(i) != null && (s.at(i).kind() == Token.Kind.DOT || (s.at(i - 1).kind() == Token.Kind.DOT))) {
      i++;
    }
    if (s.at(i) != null && s.at(i).text().equals("*")) {
      i++;
    }
    boolean newTable = inTransaction && createdInTransaction.contains(table);
    boolean createdInFile = createdInAnyTransaction.contains(table);
    for (List<Token> action : s.commaParts(i)) {
      if (!action.isEmpty()) {
        action(action, newTable);
        notNullable(action, table);
        robust(action);
        constraints(action, createdInFile);
      }
    }
  }

  /** constraint-missing-not-valid and disallowed-unique-constraint for one ALTER TABLE action. */
  private void constraints(List<Token> a, boolean createdInFile) {
    Token head = a.get(0);
    Token second = a.size() > 1 ? a.get(1) : null;
    if (second == null) {
      return;
    }
    boolean notValid = notValid(a);
    if (head.is("validate") && second.is("constraint") && a.size() > 2) {
      if (validateInTransaction && notValidNames.contains(a.get(2).name())) {
        report("constraint-missing-not-valid", head, last(a), "Using `NOT VALID` and `VALIDATE CONSTRAINT` in the same "
            + "transaction will block all reads while the constraint is validated.", "Add constraint as `NOT VALID` in "
            + "one transaction and `VALIDATE CONSTRAINT` in a separate transaction.");
      }
      return;
    }
    if (!head.is("add")) {
      return;
    }
    boolean tableConstraint = second.kind() == Token.Kind.WORD && TABLE_CONSTRAINTS.contains(second.name());
    if (tableConstraint) {
      int kind = second.is("constraint") ? 3 : 1;
      Token what = a.size() > kind ? a.get(kind) : null;
      boolean usingIndex = indexOf(a, "using") >= 0 && indexOf(a, "index") > indexOf(a, "using");
      if (notValid && second.is("constraint") && a.size() > 2) {
        notValidNames.add(a.get(2).name());
      }
      boolean uniqueOrKey = what != null && (what.is("unique") || what.is("primary"));
      if (!createdInFile && !notValid && !(uniqueOrKey && usingIndex)) {
        report("constraint-missing-not-valid", head, last(a));
      }
      if (what != null && what.is("unique") && !usingIndex && !createdInFile) {
        report("disallowed-unique-constraint", second, last(a));
      }
      if (what != null && what.is("primary") && !usingIndex) {
        report("adding-serial-primary-key-field", second, last(a));
      }
      return;
    }
    // ADD [COLUMN] name type ... [CONSTRAINT n] UNIQUE ...: a unique column constraint
    int depth = 0;
    for (int j = 1; j < a.size(); j++) {
      Token t = a.get(j);
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && (t.is("unique") || (t.is("primary") && j + 1 < a.size() && a.get(j + 1).is("key")))) {
        String rule = t.is("unique") ? "disallowed-unique-constraint" : "adding-serial-primary-key-field";
        Token from = j >= 2 && a.get(j - 2).is("constraint") ? a.get(j - 2) : t;
        int e = constraintEnd(a, j + 1, KEY_CONSTRAINT_ENDS);
        report(rule, from, a.get(e - 1));
      }
    }
  }

  private void transactionNesting(Statement s, boolean begin) {
    Token first = s.at(0);
    Token end = last(s.tokens());
    String help = RULES.get("transaction-nesting")[1];
    if (begin) {
      if (assumeInTransaction) {
        report("transaction-nesting", first, end,
            "There is an existing transaction already in progress, managed by your migration tool.", help);
      } else if (inExplicitTransaction) {
        report("transaction-nesting", first, end, RULES.get("transaction-nesting")[0], help);
      }
      inExplicitTransaction = true;
    } else {
      if (assumeInTransaction) {
        report("transaction-nesting", first, end,
            "Attempting to end the transaction that is managed by your migration tool", help);
      } else if (!inExplicitTransaction) {
        report("transaction-nesting", first, end, "There is no transaction to `COMMIT` or `ROLLBACK`.",
            "`BEGIN` a transaction at an earlier point in the migration or remove this statement.");
      }
      inExplicitTransaction = false;
    }
  }

  /**
   * ban-create-domain-with-constraint: from the first column-constraint clause after the type
   * (CONSTRAINT, NOT NULL, NULL, CHECK, DEFAULT, COLLATE, as PostgreSQL's grammar and squawk's
   * count them) to the end of the statement.
   */
  private void createDomain(Statement s) {
    int depth = 0;
    for (int k = 3; k < s.tokens().size(); k++) {
      Token t = s.at(k);
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && t.kind() == Token.Kind.WORD && (t.is("constraint") || t.is("check") || t.is("not")
          || t.is("null") || t.is("default") || t.is("collate"))) {
        report("ban-create-domain-with-constraint", t, last(s.tokens()));
        return;
      }
    }
  }

  /** prefer-robust-stmts for one ALTER TABLE action: IF [NOT] EXISTS, or a transaction around it. */
  private void robust(List<Token> a) {
    Token head = a.get(0);
    Token second = a.size() > 1 ? a.get(1) : null;
    String message = MISSING_TX;
    if (head.is("drop") && second != null && second.is("constraint")) {
      boolean ifExists = a.size() > 3 && a.get(2).is("if") && a.get(3).is("exists");
      int nameAt = ifExists ? 4 : 2;
      if (a.size() > nameAt) {
        droppedConstraints.put(a.get(nameAt).name(), true);
      }
      if (ifExists) {
        return;
      }
      message = MISSING_IF_EXISTS;
    } else if (head.is("validate") && second != null && second.is("constraint") && a.size() > 2
        && droppedConstraints.containsKey(a.get(2).name())) {
      return;
    } else if (head.is("add") && second != null && second.is("constraint") && a.size() > 2
        && Boolean.TRUE.equals(droppedConstraints.get(a.get(2).name()))) {
      droppedConstraints.put(a.get(2).name(), false);
      return;
    } else if (head.is("add") && (second == null || second.kind() != Token.Kind.WORD
        || !TABLE_CONSTRAINTS.contains(second.name()))) {
      int k = second != null && second.is("column") ? 2 : 1;
      if (a.size() > k + 2 && a.get(k).is("if") && a.get(k + 1).is("not") && a.get(k + 2).is("exists")) {
        return;
      }
      message = MISSING_IF_NOT_EXISTS;
    } else if (head.is("drop")) {
      int k = second != null && second.is("column") ? 2 : 1;
      if (a.size() > k + 1 && a.get(k).is("if") && a.get(k + 1).is("exists")) {
        return;
      }
      message = MISSING_IF_EXISTS;
    }
    if (!inTransaction) {
      report("prefer-robust-stmts", head, last(a), message, null);
    }
  }

  /** The lock-timeout and statement-timeout rules: once per file, at the first possibly slow statement. */
  private void timeouts(Statement s) {
    Token first = s.at(0);
    if (first.is("set")) {
      int k = s.words(1, "local") || s.words(1, "session") ? 2 : 1;
      Token name = s.at(k);
      Token next = s.at(k + 1);
      if (name != null && (next == null || next.kind() != Token.Kind.DOT)) {
        if (name.name().equals("lock_timeout")) {
          lockTimeoutSet = true;
        } else if (name.name().equals("statement_timeout")) {
          statementTimeoutSet = true;
        }
      }
      return;
    }
    if (!possiblySlow(s)) {
      return;
    }
    Token end = last(s.tokens());
    if (!lockTimeoutSet) {
      String lock = lockOf(s);
      String message = lock.isEmpty() ? RULES.get("require-lock-timeout")[0]
          : "Missing `set lock_timeout` before potentially slow " + lock + " lock operations";
      report("require-lock-timeout", first, end, message, lockHelp(lock));
      lockTimeoutSet = true;
    }
    if (!statementTimeoutSet) {
      report("require-statement-timeout", first, end);
      statementTimeoutSet = true;
    }
  }

  private static boolean possiblySlow(Statement s) {
    Token first = s.at(0);
    if (first.is("create")) {
      int i = 1;
      while (s.at(i) != null && (s.at(i).is("global") || s.at(i).is("local") || s.at(i).is("temp")
          || s.at(i).is("temporary") || s.at(i).is("unlogged"))) {
        i++;
      }
      if (s.words(i, "table")) {
        // CREATE TABLE AS is slow; a plain CREATE TABLE only when it references another table
        return indexOf(s.tokens(), "references") >= 0 || indexOf(s.tokens(), "foreign") >= 0 || topLevelAs(s);
      }
      return true;
    }
    if (first.is("select")) {
      // SELECT ... INTO creates a table
      return indexOf(s.tokens(), "into") >= 0;
    }
    if (first.is("comment")) {
      return s.words(1, "on");
    }
    return first.kind() == Token.Kind.WORD && SLOW_HEADS.contains(first.name());
  }

  /** Whether {@code AS} appears outside parentheses: CREATE TABLE ... AS SELECT. */
  private static boolean topLevelAs(Statement s) {
    int depth = 0;
    for (Token t : s.tokens()) {
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && t.is("as")) {
        return true;
      }
    }
    return false;
  }

  /** The lock a statement takes, as squawk names it; empty when unknown. */
  private static String lockOf(Statement s) {
    Token first = s.at(0);
    if (s.words(0, "alter", "table")) {
      int best = 0;
      String name = "ACCESS EXCLUSIVE";
      for (List<Token> a : s.commaParts(2)) {
        int strength = 8;
        String lock = "ACCESS EXCLUSIVE";
        if (!a.isEmpty()) {
          Token head = a.get(0);
          Token second = a.size() > 1 ? a.get(1) : null;
          boolean setOptions = head.is("set") && second != null && second.kind() == Token.Kind.LPAREN;
          boolean columnOptions = head.is("alter") && (indexOf(a, "statistics") >= 0 || indexOf(a, "reset") >= 0);
          if (head.is("validate") || head.is("cluster") || head.is("reset") || setOptions || columnOptions
              || (head.is("set") && second != null && second.is("without") && a.size() > 2 && a.get(2).is("cluster"))) {
            strength = 4;
            lock = "SHARE UPDATE EXCLUSIVE";
          } else if ((head.is("add") && indexOf(a, "foreign") >= 0)
              || ((head.is("enable") || head.is("disable")) && indexOf(a, "trigger") >= 0)) {
            strength = 6;
            lock = "SHARE ROW EXCLUSIVE";
          }
        }
        if (strength > best) {
          best = strength;
          name = lock;
        }
      }
      return name;
    }
    if (first.is("create")) {
      int i = s.words(1, "unique") ? 2 : 1;
      if (s.words(i, "index")) {
        return s.words(i + 1, "concurrently") ? "SHARE UPDATE EXCLUSIVE" : "SHARE";
      }
      return "";
    }
    if (s.words(0, "drop", "index")) {
      return s.words(2, "concurrently") ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE";
    }
    if (s.words(0, "drop", "table") || s.words(0, "drop", "view") || first.is("truncate") || first.is("cluster")) {
      return "ACCESS EXCLUSIVE";
    }
    if (s.words(0, "comment", "on")) {
      return "SHARE UPDATE EXCLUSIVE";
    }
    if (first.is("refresh")) {
      return indexOf(s.tokens(), "concurrently") >= 0 ? "EXCLUSIVE" : "ACCESS EXCLUSIVE";
    }
    if (first.is("reindex")) {
      return indexOf(s.tokens(), "concurrently") >= 0 ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE";
    }
    if (first.is("vacuum")) {
      return indexOf(s.tokens(), "full") >= 0 ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE";
    }
    if (first.is("lock")) {
      int in = indexOf(s.tokens(), "in");
      int mode = indexOf(s.tokens(), "mode");
      if (in > 0 && mode > in) {
        StringBuilder b = new StringBuilder();
        for (int k = in + 1; k < mode; k++) {
          b.append(b.length() == 0 ? "" : " ").append(s.at(k).text().toUpperCase(java.util.Locale.ROOT));
        }
        return b.toString();
      }
      return "ACCESS EXCLUSIVE";
    }
    return "";
  }

  private static String lockHelp(String lock) {
    String help = "Configure a `lock_timeout` before this statement.";
    if (lock.isEmpty()) {
      return help;
    }
    String blocked;
    switch (lock) {
      case "ACCESS EXCLUSIVE":
        blocked = "reads, writes, schema changes";
        break;
      case "EXCLUSIVE":
      case "SHARE":
      case "SHARE ROW EXCLUSIVE":
        blocked = "writes, schema changes";
        break;
      default:
        blocked = "schema changes";
    }
    return help + " Statement requires: " + lock + " lock; blocking: " + blocked + ".";
  }

  /** The type rules over the column definitions of {@code CREATE TABLE name ( ... )}. */
  private void columnTypes(Statement s, int nameAt) {
    int i = nameAt + 1;
    while (s.at(i) != null && s.at(i).kind() == Token.Kind.DOT) {
      i += 2;
    }
    if (s.at(i) == null || s.at(i).kind() != Token.Kind.LPAREN) {
      return;
    }
    List<Token> inner = new ArrayList<>();
    int depth = 0;
    for (int k = i; k < s.tokens().size(); k++) {
      Token t = s.at(k);
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
        if (depth == 1) {
          continue;
        }
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth--;
        if (depth == 0) {
          break;
        }
      }
      inner.add(t);
    }
    for (List<Token> part : new Statement(inner).commaParts(0)) {
      if (part.isEmpty() || (part.get(0).kind() == Token.Kind.WORD
          && (TABLE_CONSTRAINTS.contains(part.get(0).name()) || part.get(0).is("like")))) {
        continue;
      }
      type(part, 1);
    }
  }

  /** Applies the type rules to the column type starting at {@code from} in {@code a}. */
  private void type(List<Token> a, int from) {
    int end = from;
    int depth = 0;
    while (end < a.size()) {
      Token t = a.get(end);
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && t.kind() == Token.Kind.WORD && TYPE_END.contains(t.name())) {
        break;
      }
      end++;
    }
    if (end <= from) {
      return;
    }
    // the type's name: the last part of a qualified name
    int n = from;
    while (n + 2 < end && a.get(n + 1).kind() == Token.Kind.DOT) {
      n += 2;
    }
    Token first = a.get(from);
    Token last = a.get(end - 1);
    String name = a.get(n).name();
    boolean args = n + 1 < end && a.get(n + 1).kind() == Token.Kind.LPAREN;
    if (INT_TYPES.contains(name)) {
      report("prefer-bigint-over-int", first, last);
    }
    if (SMALLINT_TYPES.contains(name)) {
      report("prefer-bigint-over-smallint", first, last);
    }
    if (SERIAL_TYPES.contains(name)) {
      report("prefer-identity", first, last);
    }
    boolean varying = (name.equals("character") || name.equals("char")) && n + 1 < end && a.get(n + 1).is("varying");
    if (varying) {
      if (n + 2 < end && a.get(n + 2).kind() == Token.Kind.LPAREN) {
        report("prefer-text-field", first, last);
      }
    } else if (CHAR_TYPES.contains(name)) {
      report("ban-char-field", first, last);
    }
    if (name.equals("varchar") && args) {
      report("prefer-text-field", first, last);
    }
    // squawk reads a qualified or quoted type name as a path type: `pg_catalog.timestamp` is not its
    // timestamp type, and its timestamptz rule also matches a path-typed varchar with a length
    boolean pathType = n > from || a.get(n).kind() == Token.Kind.QUOTED_IDENT;
    if (pathType && name.equals("varchar") && args) {
      report("prefer-timestamp-tz", first, last);
    }
    if (!pathType && name.equals("timestamp")) {
      boolean withTz = false;
      for (int k = n + 1; k + 2 < end; k++) {
        if (a.get(k).is("with") && a.get(k + 1).is("time") && a.get(k + 2).is("zone")) {
          withTz = true;
        }
      }
      if (!withTz) {
        report("prefer-timestamp-tz", first, last);
      }
    }
  }


  private void action(List<Token> a, boolean newTable) {
    Token head = a.get(0);
    Token end = last(a);
    Token second = a.size() > 1 ? a.get(1) : null;
    if (head.is("detach") && second != null && second.is("partition")) {
      if (indexOf(a, "concurrently") < 0 && indexOf(a, "finalize") < 0) {
        report("require-concurrent-partition-detach", head, end);
      }
      return;
    }
    if (head.is("rename")) {
      if (second != null && second.is("to")) {
        report("renaming-table", head, end);
      } else if (second != null && (second.is("constraint"))) {
        return;
      } else {
        report("renaming-column", head, end);
      }
    } else if (head.is("drop")) {
      if (second != null && second.is("constraint")) {
        return;
      }
      report("ban-drop-column", head, end);
    } else if (head.is("alter")) {
      int k = second != null && second.is("column") ? 2 : 1;
      k++;
      for (int j = k; j < a.size(); j++) {
        if (a.get(j).is("type")) {
          report("changing-column-type", a.get(j), end);
          type(a, j + 1);
          return;
        }
        if (a.get(j).is("set") && j + 2 < a.size() && a.get(j + 1).is("data") && a.get(j + 2).is("type")) {
          report("changing-column-type", a.get(j), end);
          type(a, j + 3);
          return;
        }
        if (a.get(j).is("drop") && j + 2 < a.size() && a.get(j + 1).is("not") && a.get(j + 2).is("null")) {
          report("ban-drop-not-null", a.get(j), end);
          return;
        }
        if (j == k) {
          break;
        }
      }
    } else if (head.is("add")) {
      if (second != null && TABLE_CONSTRAINTS.contains(second.name()) && second.kind() == Token.Kind.WORD) {
        int f = indexOf(a, "foreign");
        if (f >= 0 && !notValid(a) && !newTable) {
          report("adding-foreign-key-constraint", second, end);
        }
        return;
      }
      addColumn(a, newTable);
      fieldWithDefault(a);
      int k = second != null && second.is("column") ? 2 : 1;
      if (a.size() > k + 2 && a.get(k).is("if") && a.get(k + 1).is("not") && a.get(k + 2).is("exists")) {
        k += 3;
      }
      type(a, k + 1);
    }
  }

  private void addColumn(List<Token> a, boolean newTable) {
    boolean notNull = false;
    boolean defaulted = false;
    int depth = 0;
    for (int j = 1; j < a.size(); j++) {
      Token t = a.get(j);
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth--;
      }
      if (depth != 0) {
        continue;
      }
      if (t.is("not") && j + 1 < a.size() && a.get(j + 1).is("null")) {
        notNull = true;
      } else if (t.is("default") || t.is("generated")) {
        defaulted = true;
      } else if (t.is("references") && !newTable) {
        Token from = j >= 2 && a.get(j - 2).is("constraint") ? a.get(j - 2) : t;
        // the constraint ends before the next column constraint keyword
        int e = constraintEnd(a, j + 1, REFERENCES_ENDS);
        report("adding-foreign-key-constraint", from, a.get(e - 1));
      }
    }
    // squawk flags this even for a table created earlier in the same transaction
    if (notNull && !defaulted) {
      report("adding-required-field", a.get(0), last(a));
    }
  }

  private static int indexOf(List<Token> a, String word) {
    for (int j = 0; j < a.size(); j++) {
      if (a.get(j).is(word)) {
        return j;
      }
    }
    return -1;
  }

  private static boolean notValid(List<Token> a) {
    for (int j = 0; j + 1 < a.size(); j++) {
      if (a.get(j).is("not") && a.get(j + 1).is("valid")) {
        return true;
      }
    }
    return false;
  }

  /** Words that end a UNIQUE or PRIMARY KEY column constraint: the next column constraint starts. */
  private static final List<String> KEY_CONSTRAINT_ENDS = List.of(
      "not", "null", "default", "check", "primary", "unique", "references", "constraint", "generated", "collate");
  /** Words that end a REFERENCES column constraint. */
  private static final List<String> REFERENCES_ENDS = List.of(
      "not", "null", "default", "check", "unique", "primary", "constraint", "generated", "collate");

  /**
   * The index after a column constraint whose tokens start at {@code start}: the first top-level
   * (outside parentheses) token that is one of {@code ends}, or the end of the list.
   */
  private static boolean isAny(Token t, List<String> words) {
    if (t.kind() != Token.Kind.WORD) {
      return false;
    }
    for (String w : words) {
      if (t.is(w)) {
        return true;
      }
    }
    return false;
  }

  private static int constraintEnd(List<Token> a, int start, List<String> ends) {
    int e = start;
    int depth = 0;
    while (e < a.size()) {
      Token x = a.get(e);
      if (x.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && isAny(x, ends)) {
        break;
      }
      e++;
    }
    return e;
  }

  /** Words that end a DEFAULT expression or a GENERATED clause of a column definition. */
  private static final List<String> DEFAULT_ENDS = List.of(
      "not", "null", "default", "check", "unique", "primary", "references", "constraint", "generated");

  /**
   * adding-field-with-default: a GENERATED column, or a DEFAULT that PostgreSQL must evaluate per
   * row (a volatile or unknown function, a column reference) or that the target version cannot add
   * without a rewrite (before 11, every default).
   */
  private void fieldWithDefault(List<Token> a) {
    int depth = 0;
    for (int j = 1; j < a.size(); j++) {
      Token t = a.get(j);
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth--;
      }
      if (depth != 0) {
        continue;
      }
      if (t.is("default") && j + 1 < a.size()) {
        int e = expressionEnd(a, j + 1);
        boolean free = pg.compareTo(PgVersion.major(11)) > 0
            && new DefaultExpression(a, nonVolatileFunctions).nonVolatile(j + 1, e);
        if (!free) {
          report("adding-field-with-default", a.get(j + 1), a.get(e - 1));
        }
        j = e - 1;
      } else if (t.is("generated")) {
        // GENERATED BY DEFAULT AS IDENTITY: that DEFAULT is part of the clause
        int from = j + 2 < a.size() && a.get(j + 1).is("by") && a.get(j + 2).is("default") ? j + 3 : j + 1;
        int e = constraintEnd(a, from, DEFAULT_ENDS);
        report("adding-field-with-default", t, a.get(e - 1));
        j = e - 1;
      }
    }
  }

  /** The end of the DEFAULT expression starting at {@code start}: a NOT or NULL inside it (NOT x, IS NOT NULL) stays in. */
  private static int expressionEnd(List<Token> a, int start) {
    int e = start;
    int depth = 0;
    while (e < a.size()) {
      Token x = a.get(e);
      if (x.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && e > start && isAny(x, DEFAULT_ENDS)) {
        Token prev = a.get(e - 1);
        boolean inside = (x.is("not") || x.is("null")) && (prev.is("is") || prev.is("not"));
        if (!inside) {
          break;
        }
      }
      e++;
    }
    return e;
  }

  /**
   * adding-not-nullable-field: {@code SET NOT NULL} scans the table under an ACCESS EXCLUSIVE
   * lock, unless (from PostgreSQL 12) a validated {@code CHECK (col IS NOT NULL)} proves it, in
   * this file or, when the file validates a constraint added elsewhere, in an earlier one.
   */
  private void notNullable(List<Token> a, String table) {
    boolean pg12 = pg.compareTo(PgVersion.major(12)) >= 0;
    Token head = a.get(0);
    if (head.is("add") && a.size() > 2 && a.get(1).is("constraint")) {
      if (!pg12 || !notValid(a) || a.size() < 9 || !a.get(3).is("check") || a.get(4).kind() != Token.Kind.LPAREN) {
        return;
      }
      Token column = a.get(5);
      boolean isNotNull = (column.kind() == Token.Kind.WORD || column.kind() == Token.Kind.QUOTED_IDENT)
          && a.get(6).is("is") && a.get(7).is("not") && a.get(8).is("null")
          && a.size() > 9 && a.get(9).kind() == Token.Kind.RPAREN;
      if (isNotNull) {
        notNullChecks.put(a.get(2).name(), table + "." + column.name());
      }
    } else if (head.is("validate") && a.size() > 2 && a.get(1).is("constraint")) {
      if (!pg12) {
        return;
      }
      String checked = notNullChecks.get(a.get(2).name());
      if (checked != null && checked.startsWith(table + ".")) {
        validatedNotNull.add(checked);
      } else {
        validatedElsewhere.add(table);
      }
    } else if (head.is("alter")) {
      int k = a.size() > 1 && a.get(1).is("column") ? 2 : 1;
      if (a.size() < k + 4 || !a.get(k + 1).is("set") || !a.get(k + 2).is("not") || !a.get(k + 3).is("null")) {
        return;
      }
      if (pg12 && (validatedNotNull.contains(table + "." + a.get(k).name()) || validatedElsewhere.contains(table))) {
        return;
      }
      report("adding-not-nullable-field", a.get(k + 1), a.get(k + 3));
    }
  }

  /** prefer-repack: from PostgreSQL 19, CLUSTER and VACUUM FULL have a non-blocking REPACK. */
  private void repack(Statement s) {
    if (pg.compareTo(PgVersion.major(19)) < 0) {
      return;
    }
    Token first = s.at(0);
    boolean full = false;
    if (first.is("vacuum")) {
      full = s.words(1, "full");
      if (s.at(1) != null && s.at(1).kind() == Token.Kind.LPAREN) {
        for (int k = 2; k < s.tokens().size() && s.at(k).kind() != Token.Kind.RPAREN; k++) {
          full |= s.at(k).is("full");
        }
      }
      if (!full) {
        return;
      }
    }
    String[] text = RULES.get("prefer-repack");
    report("prefer-repack", first, last(s.tokens()), String.format(text[0], full ? "vacuum full" : "cluster"), text[1]);
  }

  /** identifier-too-long: PostgreSQL truncates names past NAMEDATALEN - 1 = 63 bytes. */
  private void identifiers(Statement s) {
    for (Token t : s.tokens()) {
      // a UTF-16 unit is at most 3 UTF-8 bytes: shorter tokens cannot be too long
      if ((t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENT) && t.text().length() > 21
          && t.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
        report("identifier-too-long", t, t, String.format(RULES.get("identifier-too-long")[0], t.name()), null);
      }
    }
  }

  /** ban-duplicate-column-assignments, reported by {@link DuplicateColumns}. */
  private void duplicate(Token name, String column, boolean assignment) {
    String message = assignment ? "Multiple assignments to the same column `" + column + "`."
        : String.format(RULES.get("ban-duplicate-column-assignments")[0], column);
    report("ban-duplicate-column-assignments", name, name, message, null);
  }
}
