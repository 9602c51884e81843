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
  }

  /** Rules that destroy or rename what the other version still reads: INV-09-blocking during an overlap window. */
  public static final Set<String> DESTRUCTIVE = Set.of("ban-drop-column", "ban-drop-table", "ban-drop-database",
      "renaming-column", "renaming-table", "changing-column-type", "ban-drop-not-null", "ban-truncate-cascade",
      "adding-required-field");

  private static final Set<String> TABLE_CONSTRAINTS = Set.of("constraint", "primary", "unique", "check", "foreign", "exclude");

  private final String file;
  private final LineIndex lines;
  private final boolean assumeInTransaction;
  private final List<LintViolation> out = new ArrayList<>();
  private boolean inTransaction;
  private final Set<String> createdInTransaction = new HashSet<>();

  /** Rules over {@code file}'s text. */
  public Rules(String file, String text, boolean assumeInTransaction) {
    this.file = file;
    this.lines = new LineIndex(text);
    this.assumeInTransaction = assumeInTransaction;
    this.inTransaction = assumeInTransaction;
  }

  /** Runs every rule over the statements, in order, and returns the violations. */
  public List<LintViolation> run(List<Statement> statements) {
    for (Statement s : statements) {
      statement(s);
    }
    return out;
  }

  private void report(String rule, Token from, Token to) {
    int[] a = lines.position(from.start());
    int[] b = lines.position(to.end());
    String[] text = RULES.get(rule);
    out.add(new LintViolation(file, a[0], a[1], b[0], b[1], "Warning", text[0], text[1], rule));
  }

  private static Token last(List<Token> ts) {
    return ts.get(ts.size() - 1);
  }

  private void statement(Statement s) {
    Token first = s.at(0);
    Token end = last(s.tokens());
    if (first.is("begin") || s.words(0, "start", "transaction")) {
      inTransaction = true;
      createdInTransaction.clear();
    } else if (first.is("commit") || first.is("end") || first.is("rollback") || first.is("abort")) {
      inTransaction = assumeInTransaction;
      createdInTransaction.clear();
    } else if (s.words(0, "drop", "table")) {
      report("ban-drop-table", first, end);
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
      if (s.words(i + 1, "concurrently")) {
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
      int n = s.words(i + 1, "if", "not", "exists") ? i + 4 : i + 1;
      if (inTransaction) {
        createdInTransaction.add(qualifiedName(s, n));
      }
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
    for (List<Token> action : s.commaParts(i)) {
      if (!action.isEmpty()) {
        action(action, newTable);
      }
    }
  }

  private void action(List<Token> a, boolean newTable) {
    Token head = a.get(0);
    Token end = last(a);
    Token second = a.size() > 1 ? a.get(1) : null;
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
          return;
        }
        if (a.get(j).is("set") && j + 2 < a.size() && a.get(j + 1).is("data") && a.get(j + 2).is("type")) {
          report("changing-column-type", a.get(j), end);
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
        int e = j + 1;
        // the constraint ends before the next column constraint keyword
        int d = 0;
        while (e < a.size()) {
          Token x = a.get(e);
          if (x.kind() == Token.Kind.LPAREN) {
            d++;
          } else if (x.kind() == Token.Kind.RPAREN) {
            d--;
          } else if (d == 0 && (x.is("not") || x.is("null") || x.is("default") || x.is("check") || x.is("unique")
              || x.is("primary") || x.is("constraint") || x.is("generated") || x.is("collate"))) {
            break;
          }
          e++;
        }
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
}
