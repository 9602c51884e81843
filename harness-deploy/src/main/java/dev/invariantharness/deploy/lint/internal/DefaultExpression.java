package dev.invariantharness.deploy.lint.internal;

import java.util.List;
import java.util.Set;

/**
 * Whether a column DEFAULT is non-volatile as squawk judges it, so that PostgreSQL 11+ adds the
 * column without rewriting the table: literals, arrays, {@code CURRENT_TIMESTAMP}, calls without
 * arguments of built-in functions that are not VOLATILE, and casts, collations and binary
 * operations of those. Anything else (a parenthesised or prefixed expression, a column, a call
 * with arguments or of an unknown or schema-qualified function) counts as volatile, as it does
 * for squawk.
 */
final class DefaultExpression {

  private final List<Token> tokens;
  private final Set<String> nonVolatileFunctions;
  private int at;
  private int end;

  DefaultExpression(List<Token> tokens, Set<String> nonVolatileFunctions) {
    this.tokens = tokens;
    this.nonVolatileFunctions = nonVolatileFunctions;
  }

  /** Whether tokens [from, to) form one non-volatile expression. */
  boolean nonVolatile(int from, int to) {
    at = from;
    end = to;
    boolean ok = expression();
    return ok && at == end;
  }

  private Token peek() {
    return at < end ? tokens.get(at) : null;
  }

  private boolean expression() {
    boolean ok = operand();
    while (at < end) {
      Token t = tokens.get(at);
      if (t.kind() == Token.Kind.OP && !t.text().equals("[") && !t.text().equals("]")) {
        at++;
      } else if (t.is("and") || t.is("or") || t.is("like") || t.is("ilike")) {
        at++;
      } else if (t.is("is")) {
        at++;
        if (peek() != null && peek().is("not")) {
          at++;
        }
      } else {
        return false;
      }
      ok &= operand();
    }
    return ok;
  }

  /** One operand with its postfix casts and collations. */
  private boolean operand() {
    boolean ok = primary();
    while (at < end) {
      Token t = tokens.get(at);
      if (t.kind() == Token.Kind.OP && t.text().equals("::")) {
        at++;
        type();
      } else if (t.is("collate")) {
        at++;
        name();
      } else {
        break;
      }
    }
    return ok;
  }

  private boolean primary() {
    Token t = peek();
    if (t == null) {
      return false;
    }
    Token next = at + 1 < end ? tokens.get(at + 1) : null;
    switch (t.kind()) {
      case STRING, NUMBER -> {
        at++;
        return true;
      }
      case OP -> {
        // a prefix operator: squawk counts -1 as volatile
        at++;
        primary();
        return false;
      }
      case LPAREN -> {
        skipGroup();
        return false;
      }
      case WORD, QUOTED_IDENT -> {
        if (t.kind() == Token.Kind.WORD) {
          if (t.is("true") || t.is("false") || t.is("null") || t.is("current_timestamp")) {
            at++;
            return true;
          }
          if (t.is("not")) {
            at++;
            primary();
            return false;
          }
          if (t.is("array") && next != null && (next.text().equals("[") || next.kind() == Token.Kind.LPAREN)) {
            at++;
            skipGroup();
            return true;
          }
          if (t.is("cast") && next != null && next.kind() == Token.Kind.LPAREN) {
            return cast();
          }
          if (next != null && next.kind() == Token.Kind.STRING) {
            // a typed literal: interval '1 day', date '2026-01-01'
            at += 2;
            return true;
          }
        }
        if (next != null && next.kind() == Token.Kind.LPAREN) {
          at++;
          boolean noArgs = at + 1 < end && tokens.get(at + 1).kind() == Token.Kind.RPAREN;
          skipGroup();
          return noArgs && nonVolatileFunctions.contains(t.name());
        }
        // a column or a qualified name (pg_catalog.now()): squawk does not look into either
        name();
        if (peek() != null && peek().kind() == Token.Kind.LPAREN) {
          skipGroup();
        }
        return false;
      }
      default -> {
        at++;
        return false;
      }
    }
  }

  /** CAST(expr AS type): as non-volatile as expr. */
  private boolean cast() {
    at++;
    int open = at;
    int close = matching(open);
    int depth = 0;
    int as = -1;
    for (int k = open + 1; k < close; k++) {
      Token x = tokens.get(k);
      if (x.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN) {
        depth--;
      } else if (depth == 0 && x.is("as")) {
        as = k;
      }
    }
    boolean ok = false;
    if (as > open + 1) {
      int savedEnd = end;
      at = open + 1;
      end = as;
      ok = expression() && at == as;
      end = savedEnd;
    }
    at = Math.min(close + 1, end);
    return ok;
  }

  /** A type after {@code ::}: words, a qualified name, modifiers in parentheses, array brackets. */
  private void type() {
    while (at < end) {
      Token t = tokens.get(at);
      if (t.kind() == Token.Kind.LPAREN) {
        skipGroup();
      } else if (t.kind() == Token.Kind.DOT || t.kind() == Token.Kind.QUOTED_IDENT || t.text().equals("[")
          || t.text().equals("]") || t.kind() == Token.Kind.NUMBER) {
        at++;
      } else if (t.kind() == Token.Kind.WORD && !t.is("and") && !t.is("or") && !t.is("is") && !t.is("collate")
          && !t.is("like") && !t.is("ilike")) {
        at++;
      } else {
        return;
      }
    }
  }

  /** A possibly qualified name. */
  private void name() {
    at++;
    while (at + 1 < end && tokens.get(at).kind() == Token.Kind.DOT) {
      at += 2;
    }
  }

  /** Skips a parenthesised or bracketed group starting at the current token. */
  private void skipGroup() {
    at = Math.min(matching(at) + 1, end);
  }

  private int matching(int open) {
    int depth = 0;
    for (int k = open; k < end; k++) {
      Token x = tokens.get(k);
      if (x.kind() == Token.Kind.LPAREN || x.text().equals("[")) {
        depth++;
      } else if (x.kind() == Token.Kind.RPAREN || x.text().equals("]")) {
        depth--;
        if (depth == 0) {
          return k;
        }
      }
    }
    return end - 1;
  }
}
