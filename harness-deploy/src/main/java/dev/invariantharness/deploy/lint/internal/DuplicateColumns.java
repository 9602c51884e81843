package dev.invariantharness.deploy.lint.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * squawk's ban-duplicate-column-assignments over one statement: a column assigned twice in an
 * {@code UPDATE ... SET} (also {@code ON CONFLICT DO UPDATE SET} and {@code MERGE}) or named twice
 * in an {@code INSERT} column list, and a column defined twice by {@code CREATE TABLE}, a view's
 * column list, or (without one) the output names of a view's or a {@code SELECT INTO}'s select
 * list. Names compare as PostgreSQL resolves them (unquoted folded to lower case).
 */
final class DuplicateColumns {

  /** Receives each duplicate: the token naming it, the column, and whether it is an assignment. */
  interface Sink {
    void duplicate(Token name, String column, boolean assignment);
  }

  private static final Set<String> TABLE_CONSTRAINTS = Set.of("constraint", "primary", "unique", "check", "foreign",
      "exclude", "like");
  private static final Set<String> SET_CLAUSE_ENDS = Set.of("from", "where", "returning", "when");
  private static final Set<String> TARGET_ENDS = Set.of("from", "into", "where", "group", "having", "window", "union",
      "intersect", "except", "order", "limit", "offset", "fetch", "for");
  private static final Set<String> CREATE_MODIFIERS = Set.of("or", "replace", "global", "local", "temp", "temporary",
      "unlogged", "materialized", "recursive");

  private record Named(Token token, String name, boolean partial) {}

  private DuplicateColumns() {}

  static void check(Statement s, Sink sink) {
    List<Token> t = s.tokens();
    Token first = t.get(0);
    if (first.is("update") || first.is("insert") || first.is("with") || first.is("merge")) {
      assignments(t, sink);
    }
    if (first.is("create")) {
      create(t, sink);
    } else if (first.is("select")) {
      int into = topLevel(t, 1, "into");
      if (into > 0) {
        definitions(targets(t, 0), sink);
      }
    }
  }

  /** SET clauses after UPDATE and the column lists of INSERT, at any depth (CTEs, ON CONFLICT, MERGE). */
  private static void assignments(List<Token> t, Sink sink) {
    for (int i = 0; i < t.size(); i++) {
      Token x = t.get(i);
      if (x.is("update")) {
        for (int k = i + 1; k < Math.min(t.size(), i + 8); k++) {
          if (t.get(k).is("set")) {
            assigned(setClause(t, k + 1), sink);
            break;
          }
          if (t.get(k).kind() == Token.Kind.LPAREN || t.get(k).kind() == Token.Kind.RPAREN) {
            break;
          }
        }
      } else if (x.is("insert")) {
        int k = i + 1;
        if (k < t.size() && t.get(k).is("into")) {
          k = skipName(t, k + 1);
          if (k < t.size() && t.get(k).is("as")) {
            k += 2;
          } else if (k < t.size() && t.get(k).kind() != Token.Kind.LPAREN && t.get(k).kind() == Token.Kind.WORD
              && !t.get(k).is("values") && !t.get(k).is("select") && !t.get(k).is("default")
              && !t.get(k).is("overriding") && !t.get(k).is("with")) {
            k++;
          }
        }
        if (k + 1 < t.size() && t.get(k).kind() == Token.Kind.LPAREN
            && !t.get(k + 1).is("select") && !t.get(k + 1).is("with") && !t.get(k + 1).is("values")) {
          List<Named> cols = new ArrayList<>();
          for (List<Token> part : parts(t, k)) {
            Named n = target(part, 0);
            if (n != null) {
              cols.add(n);
            }
          }
          assigned(cols, sink);
        }
      }
    }
  }

  /** The assignment targets of a SET clause whose first item starts at {@code from}. */
  private static List<Named> setClause(List<Token> t, int from) {
    List<Named> out = new ArrayList<>();
    int depth = 0;
    boolean itemStart = true;
    for (int k = from; k < t.size(); k++) {
      Token x = t.get(k);
      if (depth == 0 && itemStart) {
        itemStart = false;
        if (x.kind() == Token.Kind.LPAREN) {
          for (List<Token> part : parts(t, k)) {
            Named n = target(part, 0);
            if (n != null) {
              out.add(n);
            }
          }
        } else {
          Named n = target(t, k);
          if (n != null) {
            out.add(n);
          }
        }
      }
      if (x.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN) {
        depth--;
        if (depth < 0) {
          break;
        }
      } else if (depth == 0 && x.kind() == Token.Kind.COMMA) {
        itemStart = true;
      } else if (depth == 0 && x.kind() == Token.Kind.WORD && SET_CLAUSE_ENDS.contains(x.name())) {
        break;
      }
    }
    return out;
  }

  /** A column target at {@code k}: its name, and whether a field or subscript follows (a partial assignment). */
  private static Named target(List<Token> t, int k) {
    if (k >= t.size() || (t.get(k).kind() != Token.Kind.WORD && t.get(k).kind() != Token.Kind.QUOTED_IDENT)) {
      return null;
    }
    Token next = k + 1 < t.size() ? t.get(k + 1) : null;
    boolean partial = next != null && (next.kind() == Token.Kind.DOT || next.text().equals("["));
    return new Named(t.get(k), key(t.get(k)), partial);
  }

  private static void assigned(List<Named> targets, Sink sink) {
    for (List<Named> same : byName(targets).values()) {
      if (same.size() > 1 && !same.stream().allMatch(Named::partial)) {
        same.forEach(n -> sink.duplicate(n.token(), n.name(), true));
      }
    }
  }

  private static void definitions(List<Named> columns, Sink sink) {
    for (List<Named> same : byName(columns).values()) {
      if (same.size() > 1) {
        same.forEach(n -> sink.duplicate(n.token(), n.name(), false));
      }
    }
  }

  private static Map<String, List<Named>> byName(List<Named> all) {
    Map<String, List<Named>> out = new LinkedHashMap<>();
    for (Named n : all) {
      out.computeIfAbsent(n.name(), x -> new ArrayList<>()).add(n);
    }
    return out;
  }

  private static void create(List<Token> t, Sink sink) {
    int i = 1;
    while (i < t.size() && t.get(i).kind() == Token.Kind.WORD && CREATE_MODIFIERS.contains(t.get(i).name())) {
      i++;
    }
    if (i >= t.size()) {
      return;
    }
    if (t.get(i).is("table")) {
      i++;
      if (i + 2 < t.size() && t.get(i).is("if") && t.get(i + 1).is("not") && t.get(i + 2).is("exists")) {
        i += 3;
      }
      i = skipName(t, i);
      if (i + 1 < t.size() && t.get(i).is("partition") && t.get(i + 1).is("of")) {
        i = skipName(t, i + 2);
      } else if (i < t.size() && t.get(i).is("of")) {
        i = skipName(t, i + 1);
      }
      if (i < t.size() && t.get(i).kind() == Token.Kind.LPAREN) {
        List<Named> cols = new ArrayList<>();
        for (List<Token> part : parts(t, i)) {
          if (!part.isEmpty() && !(part.get(0).kind() == Token.Kind.WORD && TABLE_CONSTRAINTS.contains(part.get(0).name()))) {
            Named n = target(part, 0);
            if (n != null) {
              cols.add(n);
            }
          }
        }
        definitions(cols, sink);
      }
    } else if (t.get(i).is("view")) {
      i++;
      if (i + 2 < t.size() && t.get(i).is("if") && t.get(i + 1).is("not") && t.get(i + 2).is("exists")) {
        i += 3;
      }
      i = skipName(t, i);
      if (i < t.size() && t.get(i).kind() == Token.Kind.LPAREN) {
        List<Named> cols = new ArrayList<>();
        for (List<Token> part : parts(t, i)) {
          Named n = target(part, 0);
          if (n != null) {
            cols.add(n);
          }
        }
        definitions(cols, sink);
        return;
      }
      int select = topLevel(t, i, "select");
      if (select > 0) {
        definitions(targets(t, select), sink);
      }
    }
  }

  /** The output names of the select list of the SELECT at {@code select}, where they can be known. */
  private static List<Named> targets(List<Token> t, int select) {
    int k = select + 1;
    if (k < t.size() && t.get(k).is("all")) {
      k++;
    } else if (k < t.size() && t.get(k).is("distinct")) {
      k++;
      if (k + 1 < t.size() && t.get(k).is("on") && t.get(k + 1).kind() == Token.Kind.LPAREN) {
        k = close(t, k + 1) + 1;
      }
    }
    List<Named> out = new ArrayList<>();
    List<Token> item = new ArrayList<>();
    int depth = 0;
    for (; k < t.size(); k++) {
      Token x = t.get(k);
      if (x.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN) {
        depth--;
      }
      if (depth == 0 && (x.kind() == Token.Kind.COMMA
          || (x.kind() == Token.Kind.WORD && TARGET_ENDS.contains(x.name())))) {
        addTarget(item, out);
        item = new ArrayList<>();
        if (x.kind() != Token.Kind.COMMA) {
          return out;
        }
      } else {
        item.add(x);
      }
    }
    addTarget(item, out);
    return out;
  }

  /** Words that make a select-list item an expression PostgreSQL names {@code ?column?}. */
  private static final Set<String> EXPRESSION_WORDS = Set.of("is", "not", "and", "or", "between", "like", "ilike", "in",
      "similar");

  private static void addTarget(List<Token> item, List<Named> out) {
    Named n = targetName(item);
    if (n != null) {
      out.add(n);
    }
  }

  /** The output name of one select-list item, where it can be known, and the token squawk points at. */
  private static Named targetName(List<Token> item) {
    if (item.isEmpty()) {
      return null;
    }
    int n = item.size();
    Token first = item.get(0);
    Token last = item.get(n - 1);
    if (n >= 2 && item.get(n - 2).is("as")) {
      return new Named(last, key(last), false);
    }
    int cast = -1;
    for (int j = 0, depth = 0; j < n; j++) {
      Token x = item.get(j);
      if (x.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && x.text().equals("::") && cast < 0) {
        cast = j;
      }
    }
    if (cast > 0) {
      // x::t is named by x; a literal cast is named by its type
      Named inner = targetName(item.subList(0, cast));
      if (inner != null && !inner.name().equals("?column?")) {
        return inner;
      }
      Token type = cast + 1 < n ? item.get(cast + 1) : null;
      return type != null && (type.kind() == Token.Kind.WORD || type.kind() == Token.Kind.QUOTED_IDENT)
          ? new Named(type, key(type), false) : inner;
    }
    Token prev = n >= 2 ? item.get(n - 2) : null;
    boolean bareAlias = prev != null && (last.kind() == Token.Kind.QUOTED_IDENT
        || (last.kind() == Token.Kind.WORD && !last.is("end") && !last.is("null") && !last.is("true")
            && !last.is("false")))
        && (prev.kind() == Token.Kind.NUMBER || prev.kind() == Token.Kind.STRING || prev.kind() == Token.Kind.RPAREN
            || prev.kind() == Token.Kind.WORD || prev.kind() == Token.Kind.QUOTED_IDENT)
        && !prev.is("over") && !prev.is("is") && !prev.is("not");
    if (bareAlias) {
      return new Named(last, key(last), false);
    }
    if (first.is("case")) {
      return new Named(first, "case", false);
    }
    if (first.kind() == Token.Kind.LPAREN && close(item, 0) == n - 1) {
      List<Token> inner = item.subList(1, n - 1);
      if (!inner.isEmpty() && inner.get(0).is("select")) {
        // a scalar subquery is named by its own first output column
        List<Named> sub = targets(inner, 0);
        return sub.isEmpty() ? null : sub.get(0);
      }
      return targetName(inner);
    }
    if (last.text().equals("*")) {
      // t.* and * stand for many columns, none of them named here
      return null;
    }
    if (first.is("cast") && n >= 2 && item.get(1).kind() == Token.Kind.LPAREN && close(item, 1) == n - 1) {
      int as = topLevel(item.subList(2, n - 1), 0, "as");
      if (as > 0) {
        Named inner = targetName(item.subList(2, 2 + as));
        if (inner != null && !inner.name().equals("?column?")) {
          return inner;
        }
        Token type = 2 + as + 1 < n - 1 ? item.get(2 + as + 1) : null;
        return type != null && type.kind() == Token.Kind.WORD ? new Named(type, key(type), false) : inner;
      }
    }
    if ((first.is("exists") || first.is("array")) && n >= 2
        && (item.get(1).kind() == Token.Kind.LPAREN || item.get(1).text().equals("["))
        && (item.get(1).text().equals("[") ? bracketClose(item, 1) : close(item, 1)) == n - 1) {
      return new Named(first, first.name(), false);
    }
    if (n == 1 && (first.kind() == Token.Kind.NUMBER || first.kind() == Token.Kind.STRING)) {
      return new Named(first, "?column?", false);
    }
    // a column reference or a function call: a qualified name, then an argument list, FILTER,
    // OVER and subscripts
    int j = 0;
    Token name = null;
    while (j < n && (item.get(j).kind() == Token.Kind.WORD || item.get(j).kind() == Token.Kind.QUOTED_IDENT)) {
      name = item.get(j);
      j++;
      if (j < n && item.get(j).kind() == Token.Kind.DOT) {
        j++;
      } else {
        break;
      }
    }
    if (name != null && !EXPRESSION_WORDS.contains(name.name()) && !name.is("not")) {
      int k = j;
      if (k < n && item.get(k).kind() == Token.Kind.LPAREN) {
        k = close(item, k) + 1;
        if (k + 1 < n && item.get(k).is("filter") && item.get(k + 1).kind() == Token.Kind.LPAREN) {
          k = close(item, k + 1) + 1;
        }
        if (k + 1 < n && item.get(k).is("over")) {
          k = item.get(k + 1).kind() == Token.Kind.LPAREN ? close(item, k + 1) + 1 : k + 2;
        }
      }
      while (k < n && item.get(k).text().equals("[")) {
        k = bracketClose(item, k) + 1;
      }
      if (k == n) {
        return new Named(name, key(name), false);
      }
    }
    for (int m = 0, depth = 0; m < n; m++) {
      Token x = item.get(m);
      if (x.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && ((x.kind() == Token.Kind.OP && !x.text().equals("[") && !x.text().equals("]"))
          || (x.kind() == Token.Kind.WORD && EXPRESSION_WORDS.contains(x.name())))) {
        return new Named(first, "?column?", false);
      }
    }
    return null;
  }

  private static int bracketClose(List<Token> t, int open) {
    int depth = 0;
    for (int k = open; k < t.size(); k++) {
      if (t.get(k).text().equals("[")) {
        depth++;
      } else if (t.get(k).text().equals("]") && --depth == 0) {
        return k;
      }
    }
    return t.size() - 1;
  }

  /** The name PostgreSQL stores: folded unless quoted, cut at 63 bytes as PostgreSQL cuts it. */
  private static String key(Token t) {
    String name = t.name();
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 63) {
      return name;
    }
    int cut = 63;
    while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
      cut--;
    }
    return new String(bytes, 0, cut, StandardCharsets.UTF_8);
  }

  /** The index after a possibly qualified name at {@code i}. */
  private static int skipName(List<Token> t, int i) {
    i++;
    while (i + 1 < t.size() && t.get(i).kind() == Token.Kind.DOT) {
      i += 2;
    }
    return i;
  }

  /** The first top-level (depth 0) {@code word} from {@code from}, or -1. */
  private static int topLevel(List<Token> t, int from, String word) {
    int depth = 0;
    for (int k = from; k < t.size(); k++) {
      Token x = t.get(k);
      if (x.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && x.is(word)) {
        return k;
      }
    }
    return -1;
  }

  private static int close(List<Token> t, int open) {
    int depth = 0;
    for (int k = open; k < t.size(); k++) {
      if (t.get(k).kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.get(k).kind() == Token.Kind.RPAREN && --depth == 0) {
        return k;
      }
    }
    return t.size() - 1;
  }

  /** The top-level comma-separated parts inside the parenthesised group opening at {@code open}. */
  private static List<List<Token>> parts(List<Token> t, int open) {
    int close = close(t, open);
    return new Statement(t.subList(open + 1, Math.max(open + 1, close))).commaParts(0);
  }
}
