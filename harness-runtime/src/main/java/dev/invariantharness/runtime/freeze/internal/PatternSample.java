package dev.invariantharness.runtime.freeze.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Sample strings for a regular expression of the common subset that request schemas use
 * (literals, escapes, {@code \d \w \s}, {@code .}, character classes with ranges and negation,
 * groups with alternation, the quantifiers {@code ? * + {n} {n,} {n,m}}): each repeat at its
 * minimum, and once more at one more than its minimum. Callers check the samples with
 * {@link java.util.regex.Pattern}; an expression outside the subset just yields samples that do
 * not match.
 */
final class PatternSample {

  private final String regex;
  private final int variant;
  private final int extra;
  private int pos;

  private PatternSample(String regex, int variant, int extra) {
    this.regex = regex;
    this.variant = variant;
    this.extra = extra;
  }

  /** Candidate strings for {@code regex}, the first with every repeat at its minimum. */
  static List<String> samples(String regex, int variant) {
    List<String> out = new ArrayList<>();
    for (int extra = 0; extra <= 1; extra++) {
      try {
        PatternSample s = new PatternSample(regex, variant, extra);
        out.add(s.alternation());
      } catch (RuntimeException outsideTheSubset) {
        // no sample from this pass; the caller keeps its plain value
      }
    }
    return out;
  }

  private String alternation() {
    String first = sequence();
    while (pos < regex.length() && regex.charAt(pos) == '|') {
      pos++;
      sequence();
    }
    return first;
  }

  private String sequence() {
    StringBuilder out = new StringBuilder();
    while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
      String atom = atom();
      int[] range = quantifier();
      int times = range[0] + (range[1] > range[0] ? extra : 0);
      for (int i = 0; i < times; i++) {
        out.append(atom);
      }
    }
    return out.toString();
  }

  private String atom() {
    char c = regex.charAt(pos++);
    switch (c) {
      case '^', '$':
        return "";
      case '.':
        return "a";
      case '(':
        if (regex.startsWith("?:", pos)) {
          pos += 2;
        } else if (regex.startsWith("?", pos)) {
          throw new IllegalArgumentException("lookaround or named group");
        }
        String inner = alternation();
        expect(')');
        return inner;
      case '[':
        return charClass();
      case '\\':
        return escape(regex.charAt(pos++), false);
      default:
        return String.valueOf(c);
    }
  }

  private String escape(char e, boolean inClass) {
    return switch (e) {
      case 'd' -> String.valueOf((char) ('0' + variant % 10));
      case 'w' -> "a";
      case 's' -> " ";
      case 'D', 'W', 'S' -> e == 'S' ? "a" : e == 'D' ? "a" : "-";
      case 'b', 'B' -> {
        if (inClass) {
          throw new IllegalArgumentException("\\b in a class");
        }
        yield "";
      }
      case 'n' -> "\n";
      case 't' -> "\t";
      default -> String.valueOf(e);
    };
  }

  private String charClass() {
    boolean negated = pos < regex.length() && regex.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    StringBuilder members = new StringBuilder();
    List<char[]> ranges = new ArrayList<>();
    boolean first = true;
    while (pos < regex.length() && (regex.charAt(pos) != ']' || first)) {
      first = false;
      char c = regex.charAt(pos++);
      String single = c == '\\' ? escape(regex.charAt(pos++), true) : String.valueOf(c);
      if (single.length() == 1 && pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
        pos++;
        char to = regex.charAt(pos++);
        if (to == '\\') {
          to = escape(regex.charAt(pos++), true).charAt(0);
        }
        ranges.add(new char[] {single.charAt(0), to});
      } else {
        members.append(single);
      }
    }
    expect(']');
    if (!negated) {
      if (!ranges.isEmpty()) {
        char[] r = ranges.get(0);
        int span = r[1] - r[0] + 1;
        return String.valueOf((char) (r[0] + (span > 0 ? variant % span : 0)));
      }
      if (members.length() == 0) {
        throw new IllegalArgumentException("empty class");
      }
      return String.valueOf(members.charAt(variant % members.length()));
    }
    for (char candidate : "a0A_-x9Z".toCharArray()) {
      boolean excluded = members.indexOf(String.valueOf(candidate)) >= 0
          || ranges.stream().anyMatch(r -> candidate >= r[0] && candidate <= r[1]);
      if (!excluded) {
        return String.valueOf(candidate);
      }
    }
    throw new IllegalArgumentException("negated class excludes every candidate");
  }

  /** {min, max} of the quantifier at the cursor ({1, 1} when none); a lazy or possessive suffix is skipped. */
  private int[] quantifier() {
    if (pos >= regex.length()) {
      return new int[] {1, 1};
    }
    char c = regex.charAt(pos);
    int[] range;
    if (c == '?') {
      range = new int[] {0, 1};
      pos++;
    } else if (c == '*') {
      range = new int[] {0, Integer.MAX_VALUE};
      pos++;
    } else if (c == '+') {
      range = new int[] {1, Integer.MAX_VALUE};
      pos++;
    } else if (c == '{' && regex.indexOf('}', pos) > pos) {
      String body = regex.substring(pos + 1, regex.indexOf('}', pos));
      if (!body.matches("\\d+(,\\d*)?")) {
        return new int[] {1, 1};
      }
      pos = regex.indexOf('}', pos) + 1;
      String[] parts = body.split(",", -1);
      int min = Integer.parseInt(parts[0]);
      int max = parts.length == 1 ? min : parts[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(parts[1]);
      range = new int[] {min, max};
    } else {
      return new int[] {1, 1};
    }
    if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
      pos++;
    }
    return range;
  }

  private void expect(char c) {
    if (pos >= regex.length() || regex.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + pos);
    }
    pos++;
  }
}
