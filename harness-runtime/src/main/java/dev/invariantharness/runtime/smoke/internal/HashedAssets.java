package dev.invariantharness.runtime.smoke.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises content-hashed asset paths and finds them in an index page or a JSON manifest.
 *
 * <p>A file name is content-hashed when some {@code -} or {@code .} in it is followed by a hash
 * of at least 8 characters from {@code [A-Za-z0-9_-]}, then only extensions:
 * {@code app-3f9a2c1b.js}, {@code index-CmlKDCQS.js} (Vite), {@code main.3f9a2c1b.chunk.js}
 * (webpack). The control service's own rule is "at least 8 alphanumerics after the last
 * hyphen"; to keep ordinary words out ({@code app-component.js},
 * {@code vendor-react-dom-production.js}) the hash must also contain a digit or mix upper and
 * lower case. Only discovered assets are filtered this way; assets a user lists are checked as
 * given.
 */
public final class HashedAssets {

  /** Beyond this many, more assets add run time but no confidence. */
  public static final int MAX_DISCOVERED = 20;

  private static final Pattern ATTRIBUTE =
      Pattern.compile("(?i)\\b(?:src|href)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))");

  private HashedAssets() {}

  /** Whether the last segment of {@code path} names a content-hashed file. */
  public static boolean isHashed(String path) {
    String file = stripQuery(path);
    file = file.substring(file.lastIndexOf('/') + 1);
    for (int i = 1; i < file.length(); i++) {
      char c = file.charAt(i);
      if (c != '-' && c != '.') {
        continue;
      }
      int dot = file.indexOf('.', i + 1);
      if (dot < 0) {
        continue;
      }
      String hash = file.substring(i + 1, dot);
      String extensions = file.substring(dot + 1);
      if (hash.length() >= 8 && hash.chars().allMatch(HashedAssets::isHashChar) && looksRandom(hash)
          && !extensions.isEmpty() && extensions.chars().allMatch(x -> Character.isLetterOrDigit(x) || x == '.')
          && !extensions.endsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Same-origin hashed asset paths referenced by {@code src}/{@code href} attributes of the page
   * at {@code pagePath}; relative references are resolved against it.
   */
  public static List<String> fromHtml(String html, String pagePath) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = ATTRIBUTE.matcher(html);
    while (m.find() && found.size() < MAX_DISCOVERED) {
      String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      normalise(v, pagePath).filter(HashedAssets::isHashed).ifPresent(found::add);
    }
    return List.copyOf(found);
  }

  /**
   * Hashed asset paths among the string values of the JSON document at {@code documentPath}, at
   * any depth; relative paths are resolved against it.
   */
  public static List<String> fromJson(JsonNode root, String documentPath) {
    Set<String> found = new LinkedHashSet<>();
    List<JsonNode> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty() && found.size() < MAX_DISCOVERED) {
      JsonNode n = stack.remove(stack.size() - 1);
      if (n.isTextual()) {
        normalise(n.asText(), documentPath).filter(HashedAssets::isHashed).ifPresent(found::add);
      } else {
        List<JsonNode> children = new ArrayList<>();
        n.elements().forEachRemaining(children::add);
        for (int i = children.size() - 1; i >= 0; i--) {
          stack.add(children.get(i));
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * A same-origin absolute path for {@code reference} found in the document at {@code base}, or
   * empty for absolute, protocol-relative and fragment-only references.
   */
  static Optional<String> normalise(String reference, String base) {
    if (reference == null) {
      return Optional.empty();
    }
    String r = reference.trim();
    if (r.isEmpty() || r.startsWith("//") || r.startsWith("#") || r.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
      return Optional.empty();
    }
    try {
      URI resolved = URI.create("http://host" + (base.startsWith("/") ? base : "/" + base)).resolve(stripQuery(r)).normalize();
      String path = resolved.getRawPath();
      return path == null || path.isEmpty() || path.startsWith("/..") ? Optional.empty() : Optional.of(path);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private static String stripQuery(String path) {
    int cut = path.length();
    for (char c : new char[] {'?', '#'}) {
      int i = path.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return path.substring(0, cut);
  }

  private static boolean isHashChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private static boolean looksRandom(String hash) {
    boolean digit = hash.chars().anyMatch(Character::isDigit);
    boolean upper = hash.chars().anyMatch(Character::isUpperCase);
    boolean lower = hash.chars().anyMatch(Character::isLowerCase);
    return digit || (upper && lower);
  }
}
