package dev.invariantharness.deploy.lint.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's lexical rules (scan.l): whitespace, {@code --} and nested {@code /* *\/} comments,
 * identifiers, {@code "quoted"} identifiers, {@code '...'} strings with {@code ''}, {@code E'...'}
 * strings with backslash escapes, {@code $tag$...$tag$} dollar quoting, numbers, operators,
 * parameters and punctuation. Comments are kept as tokens so {@code squawk-ignore} can be read.
 */
public final class SqlLexer {

  /** Thrown for input the lexer cannot tokenize (an unterminated string, comment or quote). */
  public static final class LexError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Offset where the problem starts. */
    public final int offset;

    LexError(String message, int offset) {
      super(message);
      this.offset = offset;
    }
  }

  private static final String OP_CHARS = "+-*/<>=~!@#%^&|`?";

  private SqlLexer() {}

  /** Every token of {@code sql}. */
  public static List<Token> tokenize(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int e = sql.indexOf('\n', i);
        e = e < 0 ? n : e;
        out.add(new Token(Token.Kind.COMMENT, sql.substring(i, e), i, e));
        i = e;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int depth = 0;
        int j = i;
        do {
          if (j + 1 < n && sql.charAt(j) == '/' && sql.charAt(j + 1) == '*') {
            depth++;
            j += 2;
          } else if (j + 1 < n && sql.charAt(j) == '*' && sql.charAt(j + 1) == '/') {
            depth--;
            j += 2;
          } else if (j >= n) {
            throw new LexError("unterminated /* comment", i);
          } else {
            j++;
          }
        } while (depth > 0);
        out.add(new Token(Token.Kind.COMMENT, sql.substring(i, j), i, j));
        i = j;
      } else if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'') {
        int j = string(sql, i + 1, true);
        out.add(new Token(Token.Kind.STRING, sql.substring(i, j), i, j));
        i = j;
      } else if (c == '\'') {
        int j = string(sql, i, false);
        out.add(new Token(Token.Kind.STRING, sql.substring(i, j), i, j));
        i = j;
      } else if (c == '"') {
        int j = i + 1;
        while (true) {
          if (j >= n) {
            throw new LexError("unterminated quoted identifier", i);
          }
          if (sql.charAt(j) == '"') {
            if (j + 1 < n && sql.charAt(j + 1) == '"') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        out.add(new Token(Token.Kind.QUOTED_IDENT, sql.substring(i, j + 1), i, j + 1));
        i = j + 1;
      } else if (c == '$') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_') && !(j == i + 1 && Character.isDigit(sql.charAt(j)))) {
          j++;
        }
        if (j < n && sql.charAt(j) == '$') {
          String tag = sql.substring(i, j + 1);
          int close = sql.indexOf(tag, j + 1);
          if (close < 0) {
            throw new LexError("unterminated dollar-quoted string " + tag, i);
          }
          int e = close + tag.length();
          out.add(new Token(Token.Kind.STRING, sql.substring(i, e), i, e));
          i = e;
        } else {
          int k = i + 1;
          while (k < n && Character.isDigit(sql.charAt(k))) {
            k++;
          }
          out.add(new Token(Token.Kind.PARAM, sql.substring(i, k), i, k));
          i = Math.max(k, i + 1);
        }
      } else if (Character.isLetter(c) || c == '_' || c > 127) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$' || sql.charAt(j) > 127)) {
          j++;
        }
        out.add(new Token(Token.Kind.WORD, sql.substring(i, j), i, j));
        i = j;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.' || sql.charAt(j) == '_')) {
          if ((sql.charAt(j) == 'e' || sql.charAt(j) == 'E') && j + 1 < n && (sql.charAt(j + 1) == '+' || sql.charAt(j + 1) == '-')) {
            j++;
          }
          j++;
        }
        out.add(new Token(Token.Kind.NUMBER, sql.substring(i, j), i, j));
        i = j;
      } else if (c == '(') {
        out.add(new Token(Token.Kind.LPAREN, "(", i, i + 1));
        i++;
      } else if (c == ')') {
        out.add(new Token(Token.Kind.RPAREN, ")", i, i + 1));
        i++;
      } else if (c == ',') {
        out.add(new Token(Token.Kind.COMMA, ",", i, i + 1));
        i++;
      } else if (c == ';') {
        out.add(new Token(Token.Kind.SEMI, ";", i, i + 1));
        i++;
      } else if (c == '.') {
        out.add(new Token(Token.Kind.DOT, ".", i, i + 1));
        i++;
      } else if (c == ':' || c == '[' || c == ']') {
        int j = (c == ':' && i + 1 < n && (sql.charAt(i + 1) == ':' || sql.charAt(i + 1) == '=')) ? i + 2 : i + 1;
        out.add(new Token(Token.Kind.OP, sql.substring(i, j), i, j));
        i = j;
      } else if (OP_CHARS.indexOf(c) >= 0) {
        int j = i;
        while (j < n && OP_CHARS.indexOf(sql.charAt(j)) >= 0
            && !(sql.charAt(j) == '-' && j + 1 < n && sql.charAt(j + 1) == '-')
            && !(sql.charAt(j) == '/' && j + 1 < n && sql.charAt(j + 1) == '*')) {
          j++;
        }
        j = Math.max(j, i + 1);
        out.add(new Token(Token.Kind.OP, sql.substring(i, j), i, j));
        i = j;
      } else {
        throw new LexError("unexpected character '" + c + "'", i);
      }
    }
    return out;
  }

  private static int string(String sql, int quote, boolean backslashEscapes) {
    int j = quote + 1;
    int n = sql.length();
    while (true) {
      if (j >= n) {
        throw new LexError("unterminated string literal", quote);
      }
      char ch = sql.charAt(j);
      if (backslashEscapes && ch == '\\') {
        j += 2;
        continue;
      }
      if (ch == '\'') {
        if (j + 1 < n && sql.charAt(j + 1) == '\'') {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
  }
}
