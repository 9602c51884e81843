package dev.invariantharness.deploy.lint.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement: its tokens without comments, from its first token to the one before its semicolon.
 *
 * @param tokens the statement's tokens
 */
public record Statement(List<Token> tokens) {

  /** Splits a token stream at top-level semicolons; comments are dropped. */
  public static List<Statement> split(List<Token> all) {
    List<Statement> out = new ArrayList<>();
    List<Token> cur = new ArrayList<>();
    int depth = 0;
    for (Token t : all) {
      if (t.kind() == Token.Kind.COMMENT) {
        continue;
      }
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth = Math.max(0, depth - 1);
      }
      if (t.kind() == Token.Kind.SEMI && depth == 0) {
        if (!cur.isEmpty()) {
          out.add(new Statement(List.copyOf(cur)));
        }
        cur = new ArrayList<>();
      } else {
        cur.add(t);
      }
    }
    if (!cur.isEmpty()) {
      out.add(new Statement(List.copyOf(cur)));
    }
    return out;
  }

  /** Token {@code i}, or null past the end. */
  public Token at(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  /** Whether tokens from {@code i} are the words {@code words}. */
  public boolean words(int i, String... words) {
    for (int k = 0; k < words.length; k++) {
      Token t = at(i + k);
      if (t == null || !t.is(words[k])) {
        return false;
      }
    }
    return true;
  }

  /** The top-level comma-separated parts of tokens {@code from} to the end. */
  public List<List<Token>> commaParts(int from) {
    List<List<Token>> out = new ArrayList<>();
    List<Token> cur = new ArrayList<>();
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Token.Kind.LPAREN) {
        depth++;
      } else if (t.kind() == Token.Kind.RPAREN) {
        depth--;
      }
      if (t.kind() == Token.Kind.COMMA && depth == 0) {
        out.add(cur);
        cur = new ArrayList<>();
      } else {
        cur.add(t);
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }
}
