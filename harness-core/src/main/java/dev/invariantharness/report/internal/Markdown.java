package dev.invariantharness.report.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few Markdown escapes the summary needs, so arbitrary text cannot break its layout. */
final class Markdown {

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Pattern BACKTICK_RUN = Pattern.compile("`+");

  private Markdown() {}

  /** Text safe inside a table cell: pipes escaped, line breaks as {@code <br>}. */
  static String cell(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String escaped = text.indexOf('|') < 0 ? text : text.replace("|", "\\|");
    return hasAny(escaped, "\r\n") ? LINE_BREAK.matcher(escaped).replaceAll("<br>") : escaped;
  }

  /** An inline code span that survives backticks in the text; line breaks become spaces. */
  static String code(String text) {
    String flat = oneLine(text);
    String ticks = "`".repeat(longestBacktickRun(flat) + 1);
    String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return ticks + pad + flat + pad + ticks;
  }

  /**
   * A fenced code block, each line prefixed with {@code indent} (to nest it in a list item),
   * with a fence longer than any backtick run in the text so the text cannot close it.
   */
  static String fence(String text, String indent) {
    return fence(new StringBuilder(), text, indent).toString();
  }

  /** As {@link #fence(String, String)}, appended to {@code out}; returns {@code out}. */
  static StringBuilder fence(StringBuilder out, String text, String indent) {
    int run = longestBacktickRun(text);
    String fence = run < 3 ? "```" : "`".repeat(run + 1);
    out.append(indent).append(fence).append('\n');
    if (hasAny(text, "\r\n")) {
      for (String line : LINE_BREAK.split(text, -1)) {
        out.append(indent).append(line).append('\n');
      }
    } else {
      // one line, as almost every command is: no split
      out.append(indent).append(text).append('\n');
    }
    return out.append(indent).append(fence).append('\n');
  }

  /** {@code text} on one line: line breaks become spaces. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return hasAny(text, "\r\n") ? LINE_BREAK.matcher(text).replaceAll(" ") : text;
  }

  /** The first line of {@code text}. */
  static String firstLine(String text) {
    String t = text == null ? "" : text;
    return hasAny(t, "\r\n") ? LINE_BREAK.split(t, 2)[0] : t;
  }

  /** Whether {@code text} spans more than one line. */
  static boolean multiLine(String text) {
    return text != null && hasAny(text, "\r\n");
  }

  /** Whether {@code text} holds any of {@code chars}: a cheap test before a regex replace. */
  static boolean hasAny(String text, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (text.indexOf(chars.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int longestBacktickRun(String text) {
    if (text.indexOf('`') < 0) {
      return 0;
    }
    int longest = 0;
    Matcher m = BACKTICK_RUN.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }
}
