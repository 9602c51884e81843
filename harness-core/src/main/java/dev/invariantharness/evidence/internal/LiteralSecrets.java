package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Redacts known secret values (configured tokens, passwords) wherever they appear, also in their
 * URL-encoded and JSON-escaped forms. Longer secrets are replaced first, so a secret that
 * contains another is still redacted whole.
 */
@API(status = INTERNAL, since = "0.1")
public final class LiteralSecrets implements RedactionRule {

  private final List<String> literals;

  /** A rule for {@code secrets}, each already checked to be worth redacting. */
  public LiteralSecrets(List<String> secrets) {
    Set<String> all = new LinkedHashSet<>();
    for (String secret : secrets) {
      all.addAll(formsOf(secret));
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.literals = List.copyOf(sorted);
  }

  @Override
  public String apply(String text) {
    String result = text;
    for (String literal : literals) {
      result = replaceAll(result, literal);
    }
    return result;
  }

  private static String replaceAll(String text, String literal) {
    int i = text.indexOf(literal);
    if (i < 0) {
      return text;
    }
    Splicer out = new Splicer(text);
    while (i >= 0) {
      int end = i + literal.length();
      out.replace(i, end, MARKER);
      i = text.indexOf(literal, end);
    }
    return out.result();
  }

  private static Set<String> formsOf(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    forms.add(form);
    forms.add(form.replace("+", "%20"));
    forms.add(jsonEscaped(secret));
    // a form inside the marker would rewrite the marker itself: redaction must stay idempotent
    forms.removeIf(f -> RedactionRule.MARKER.contains(f));
    return forms;
  }

  private static String jsonEscaped(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
