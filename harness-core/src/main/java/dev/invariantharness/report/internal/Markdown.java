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
    return LINE_BREAK.matcher(text.replace("|", "\\|")).replaceAll("<br>");
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
    String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
    StringBuilder out = new StringBuilder(indent).append(fence).append('\n');
    for (String line : LINE_BREAK.split(text, -1)) {
      out.append(indent).append(line).append('\n');
    }
    return out.append(indent).append(fence).append('\n').toString();
  }

  /** {@code text} on one line: line breaks become spaces. */
  static String oneLine(String text) {
    return text == null ? "" : LINE_BREAK.matcher(text).replaceAll(" ");
  }

  /** The first line of {@code text}. */
  static String firstLine(String text) {
    return LINE_BREAK.split(text == null ? "" : text, 2)[0];
  }

  /** Whether {@code text} spans more than one line. */
  static boolean multiLine(String text) {
    return text != null && LINE_BREAK.matcher(text).find();
  }

  private static int longestBacktickRun(String text) {
    int longest = 0;
    Matcher m = BACKTICK_RUN.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }
}
