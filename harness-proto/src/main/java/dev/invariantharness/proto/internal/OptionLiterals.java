package dev.invariantharness.proto.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The locations buf's compiler records inside an option's message literal
 * ({@code [(buf.validate.field) = {string: {min_len: 1}}]}) and protoc does not: one per field
 * with a scalar or list value, spanning {@code name: value}; a repeated field's path ends with the
 * index of its first element in that occurrence; a message value gets no location of its own (only
 * its fields) unless it is an element of a repeated field ({@code example: {seconds: 1}}), which
 * spans from the name to the closing brace.
 */
final class OptionLiterals {

  /** A location found in a literal; columns are buf's (characters, tabs to the next multiple of 4). */
  record Found(List<Integer> path, Span span) {}

  private record Token(String text, int line, int column, int endLine, int endColumn) {}

  private final List<Token> tokens;
  private final List<Found> found = new ArrayList<>();
  private int pos;

  private OptionLiterals(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * The literal locations inside the option text {@code lines} (the option's source, from its
   * start), whose value at {@code path} has message type {@code type}.
   */
  static List<Found> of(List<String> lines, int firstLine, int firstChar, List<Integer> path, Descriptor type) {
    List<Token> tokens = tokenize(lines, firstLine, firstChar);
    int start = -1;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).text().equals("=") && tokens.get(i + 1).text().equals("{")) {
        start = i + 1;
        break;
      }
      if (tokens.get(i).text().equals(";") || tokens.get(i).text().equals("]")) {
        break;
      }
    }
    if (start < 0) {
      return List.of();
    }
    OptionLiterals literals = new OptionLiterals(tokens);
    literals.pos = start;
    try {
      literals.message(path, type);
    } catch (IndexOutOfBoundsException | IllegalStateException malformed) {
      // protoc accepted the text, so this only happens past the literal's end: keep what was found
    }
    return literals.found;
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private Token peek() {
    return tokens.get(pos);
  }

  /** At an opening brace: the fields up to the matching closing brace. */
  private void message(List<Integer> path, Descriptor type) {
    String close = next().text().equals("{") ? "}" : ">";
    Map<Integer, Integer> counts = new HashMap<>();
    while (!peek().text().equals(close)) {
      Token name = next();
      if (name.text().equals(",") || name.text().equals(";")) {
        continue;
      }
      FieldDescriptor field = null;
      if (name.text().equals("[")) {
        while (!next().text().equals("]")) {
          // an extension or Any type name: not located
        }
      } else if (type != null) {
        field = type.findFieldByName(name.text());
      }
      if (peek().text().equals(":")) {
        next();
      }
      value(name, field, path, counts);
    }
    next();
  }

  private void value(Token name, FieldDescriptor field, List<Integer> path, Map<Integer, Integer> counts) {
    boolean isMessage = field != null && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
    int number = field == null ? -1 : field.getNumber();
    String t = peek().text();
    if (t.equals("[")) {
      next();
      int first = field == null ? 0 : counts.getOrDefault(number, 0);
      int n = 0;
      while (!peek().text().equals("]")) {
        if (peek().text().equals(",")) {
          next();
          continue;
        }
        if (isMessage && (peek().text().equals("{") || peek().text().equals("<"))) {
          // buf records the fields of every element of a list literal under the list's first index
          message(El.child(path, number, first), field.getMessageType());
        } else {
          scalar();
        }
        n++;
      }
      Token end = next();
      if (field != null) {
        counts.put(number, first + n);
        found.add(new Found(El.child(path, number, first), span(name, end, El.child(path, number, first))));
      }
      return;
    }
    if (t.equals("{") || t.equals("<")) {
      if (isMessage) {
        List<Integer> at = field.isRepeated() ? El.child(path, number, counts.getOrDefault(number, 0)) : El.child(path, number);
        if (field.isRepeated()) {
          counts.merge(number, 1, Integer::sum);
        }
        message(at, field.getMessageType());
        if (field.isRepeated()) {
          found.add(new Found(at, span(name, tokens.get(pos - 1), at)));
        }
      } else {
        message(path, null);
      }
      return;
    }
    Token end = scalar();
    if (field != null) {
      List<Integer> at = field.isRepeated() ? El.child(path, number, counts.getOrDefault(number, 0)) : El.child(path, number);
      if (field.isRepeated()) {
        counts.merge(number, 1, Integer::sum);
      }
      found.add(new Found(at, span(name, end, at)));
    }
  }

  /** A scalar value: a sign and a number or identifier, or adjacent strings; returns its last token. */
  private Token scalar() {
    Token last = next();
    if (last.text().equals("-")) {
      last = next();
    } else if (last.text().startsWith("\"") || last.text().startsWith("'")) {
      while (pos < tokens.size() && (peek().text().startsWith("\"") || peek().text().startsWith("'"))) {
        last = next();
      }
    }
    return last;
  }

  private static Span span(Token from, Token to, List<Integer> path) {
    return new Span(from.line(), from.column(), to.endLine(), to.endColumn(), "", path);
  }

  /** Tokens with buf's 1-based line and column, from {@code firstChar} of line {@code firstLine} on. */
  private static List<Token> tokenize(List<String> lines, int firstLine, int firstChar) {
    List<Token> out = new ArrayList<>();
    for (int l = firstLine; l <= lines.size(); l++) {
      String line = lines.get(l - 1);
      int i = l == firstLine ? firstChar : 0;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
          break;
        } else if (c == '"' || c == '\'') {
          int j = i + 1;
          while (j < line.length() && line.charAt(j) != c) {
            j += line.charAt(j) == '\\' ? 2 : 1;
          }
          j = Math.min(j + 1, line.length());
          out.add(token(line, l, i, j));
          i = j;
        } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
          int j = i + 1;
          while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_'
              || line.charAt(j) == '.' || (line.charAt(j) == '+' || line.charAt(j) == '-')
              && (line.charAt(j - 1) == 'e' || line.charAt(j - 1) == 'E') && Character.isDigit(c))) {
            j++;
          }
          out.add(token(line, l, i, j));
          i = j;
        } else {
          out.add(token(line, l, i, i + 1));
          i++;
        }
      }
      if (out.size() > 4096) {
        break;
      }
    }
    return out;
  }

  private static Token token(String line, int lineNo, int from, int to) {
    return new Token(line.substring(from, to), lineNo, bufColumn(line, from), lineNo, bufColumn(line, to));
  }

  /** buf's 1-based column of character {@code index}: one per code point, a tab to the next multiple of 4. */
  static int bufColumn(String line, int index) {
    int col = 0;
    for (int i = 0; i < index && i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        col = (col / 4 + 1) * 4;
      } else if (!Character.isLowSurrogate(c)) {
        col++;
      }
    }
    return col + 1;
  }

  /** The character index of protoc's 0-based column (UTF-8 bytes, a tab to the next multiple of 8). */
  static int charIndex(String line, int protocColumn) {
    int col = 0;
    int i = 0;
    while (i < line.length() && col < protocColumn) {
      int cp = line.codePointAt(i);
      if (cp == '\t') {
        col = (col / 8 + 1) * 8;
      } else {
        col += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      }
      i += Character.charCount(cp);
    }
    return i;
  }
}
