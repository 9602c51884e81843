package dev.invariantharness.runtime.freeze.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {name}} placeholders of a path template. */
public final class PathTemplates {

  /** The value a path parameter gets when none is supplied. */
  public static final String PLACEHOLDER = "harness-probe";

  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

  private PathTemplates() {}

  /** {@code template} with each {@code {name}} replaced by {@code values.get(name)} (URL-encoded), else {@link #PLACEHOLDER}. */
  public static String fill(String template, Map<String, String> values) {
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.getOrDefault(m.group(1), PLACEHOLDER);
      m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
