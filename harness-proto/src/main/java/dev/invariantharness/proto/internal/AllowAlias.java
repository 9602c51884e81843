package dev.invariantharness.proto.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where protoc and buf's compiler disagree about {@code allow_alias}, buf's answer.
 *
 * <ul>
 *   <li>{@code option allow_alias = false;} is an error for protoc ("has no effect") and legal for
 *       buf: the declaration is blanked (same length, so every position stays) and the file
 *       compiled again.
 *   <li>{@code allow_alias = true} without an alias is an error for both, but protoc places it at
 *       the enum's closing brace and buf at the option ({@code allow_alias = true}, start of the
 *       name to the end of the value): the finding is moved there, with buf's message.
 * </ul>
 */
final class AllowAlias {

  private static final Pattern FALSE_ERROR =
      Pattern.compile("^(.+?):(\\d+):(\\d+): \"([^\"]+)\" declares 'option allow_alias = false;' which has no effect.*$",
          Pattern.MULTILINE);
  private static final Pattern UNUSED_ERROR =
      Pattern.compile("\"([^\"]+)\" declares support for enum aliases but no enum values share field numbers.*");
  private static final Pattern FALSE_OPTION =
      Pattern.compile("option\\s+allow_alias\\s*=\\s*false\\s*;");
  private static final Pattern TRUE_OPTION = Pattern.compile("allow_alias\\s*=\\s*true");
  static final String UNUSED_MESSAGE = "`allow_alias` requires at least one aliasing enum value";

  private AllowAlias() {}

  /**
   * The files protoc rejected only for {@code allow_alias = false}, each with its text blanked
   * there; empty when protoc complained of nothing of the kind.
   *
   * @param output protoc's error output
   * @param source the current text of a file by its name as protoc printed it, or null
   */
  static Map<String, String> withoutFalseOptions(String output, Function<String, String> source) {
    Map<String, String> patched = new LinkedHashMap<>();
    Matcher m = FALSE_ERROR.matcher(output);
    while (m.find()) {
      String file = m.group(1);
      String text = patched.containsKey(file) ? patched.get(file) : source.apply(file);
      if (text == null) {
        continue;
      }
      int at = enumBodyStart(text, m.group(4), Integer.parseInt(m.group(2)));
      Matcher option = FALSE_OPTION.matcher(text);
      if (at >= 0 && option.find(at)) {
        patched.put(file, text.substring(0, option.start()) + blank(option.group())
            + text.substring(option.end()));
      }
    }
    return patched;
  }

  /** True when {@code message} is protoc's "allow_alias without an alias" error. */
  static boolean isUnusedAlias(String message) {
    return UNUSED_ERROR.matcher(message).matches();
  }

  /**
   * buf's span of the {@code allow_alias = true} option protoc complained about at
   * {@code line} (the enum's end): {@code {startLine, startColumn, endLine, endColumn}}, 1-based,
   * end exclusive, or null when the text does not show it.
   */
  static int[] unusedAliasSpan(String message, String text, int line) {
    Matcher error = UNUSED_ERROR.matcher(message);
    if (text == null || !error.matches()) {
      return null;
    }
    int at = enumBodyStart(text, error.group(1), line);
    Matcher option = TRUE_OPTION.matcher(text);
    if (at < 0 || !option.find(at)) {
      return null;
    }
    int[] start = lineColumn(text, option.start());
    int[] end = lineColumn(text, option.end());
    return new int[] {start[0], start[1], end[0], end[1]};
  }

  /** Offset after the {@code {} of the last {@code enum NAME} declared before {@code line}. */
  private static int enumBodyStart(String text, String qualifiedName, int line) {
    String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    Matcher decl = Pattern.compile("\\benum\\s+" + Pattern.quote(simple) + "\\s*\\{").matcher(text);
    int limit = offsetOfLine(text, line + 1);
    int found = -1;
    while (decl.find() && decl.start() < limit) {
      found = decl.end();
    }
    return found;
  }

  private static int offsetOfLine(String text, int line) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', offset);
      if (nl < 0) {
        return text.length();
      }
      offset = nl + 1;
    }
    return offset;
  }

  private static int[] lineColumn(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }

  private static String blank(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(c == '\n' || c == '\r' ? c : ' ');
    }
    return sb.toString();
  }
}
