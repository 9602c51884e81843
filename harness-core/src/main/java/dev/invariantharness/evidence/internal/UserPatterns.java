package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Redacts what user-configured patterns match: group 1 when the pattern has a group and it
 * took part in the match, else the whole match. Empty matches and matches lying inside an
 * existing marker are left alone, so a second run changes nothing. The cost of these patterns
 * is the user's: the harness cannot make an arbitrary regular expression linear.
 */
@API(status = INTERNAL, since = "0.1")
public final class UserPatterns implements RedactionRule {

  private final List<Pattern> patterns;

  /** A rule applying {@code patterns} in order. */
  public UserPatterns(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  @Override
  public String apply(String text) {
    String result = text;
    for (Pattern pattern : patterns) {
      result = applyOne(pattern, result);
    }
    return result;
  }

  private static String applyOne(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    Splicer out = null;
    while (m.find()) {
      boolean group = m.groupCount() >= 1 && m.start(1) >= 0;
      int start = group ? m.start(1) : m.start();
      int end = group ? m.end(1) : m.end();
      if (end == start || Splicer.insideMarker(text, start, end)) {
        continue;
      }
      if (out == null) {
        out = new Splicer(text);
      }
      out.replace(start, end, RedactionRule.MARKER);
    }
    return out == null ? text : out.result();
  }
}
