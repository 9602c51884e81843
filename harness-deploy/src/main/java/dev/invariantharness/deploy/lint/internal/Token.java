package dev.invariantharness.deploy.lint.internal;

import java.util.Locale;

/**
 * A lexical token of PostgreSQL SQL.
 *
 * @param kind what it is
 * @param text its source text
 * @param start offset of its first character
 * @param end offset after its last character
 */
public record Token(Kind kind, String text, int start, int end) {

  /** Token kinds of PostgreSQL's lexer that the rules need apart. */
  public enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, OP, LPAREN, RPAREN, COMMA, SEMI, DOT, PARAM, COMMENT }

  /** Whether this is the keyword (or unquoted identifier) {@code word}, case-insensitively. */
  public boolean is(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  /** The identifier's name as PostgreSQL resolves it: unquoted folded to lower case, quoted as written. */
  public String name() {
    if (kind == Kind.QUOTED_IDENT) {
      return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }
    return text.toLowerCase(Locale.ROOT);
  }
}
