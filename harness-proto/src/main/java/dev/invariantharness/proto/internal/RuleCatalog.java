package dev.invariantharness.proto.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * buf's rule ids and categories per configuration version, as {@code buf config ls-*-rules}
 * lists them (resources {@code rules-<kind>-<version>.tsv}).
 */
public final class RuleCatalog {

  private final Map<String, List<String>> categoriesByRule = new LinkedHashMap<>();
  private final Set<String> defaults = new LinkedHashSet<>();
  private final Set<String> categories = new LinkedHashSet<>();

  private RuleCatalog(String resource) {
    try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        List<String> cats = cols[1].isEmpty() ? List.of() : List.of(cols[1].split(","));
        categoriesByRule.put(cols[0], cats);
        categories.addAll(cats);
        if (cols.length > 2 && cols[2].equals("default")) {
          defaults.add(cols[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Map<String, RuleCatalog> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code kind} is lint or breaking, {@code version} v1 or v2 (v1beta1 reads as v1). */
  public static RuleCatalog of(String kind, String version) {
    String v = version.equals("v2") ? "v2" : "v1";
    return CACHE.computeIfAbsent(kind + "-" + v, k -> new RuleCatalog("rules-" + k + ".tsv"));
  }

  public Set<String> rules() {
    return Collections.unmodifiableSet(categoriesByRule.keySet());
  }

  public Set<String> defaults() {
    return Collections.unmodifiableSet(defaults);
  }

  public boolean isCategory(String id) {
    return categories.contains(id);
  }

  public boolean isRule(String id) {
    return categoriesByRule.containsKey(id);
  }

  /**
   * Deprecated ids buf still accepts in configuration, with the rules that replace them (none for
   * rules buf dropped); from {@code buf config ls-*-rules --include-deprecated}.
   */
  private static final Map<String, List<String>> DEPRECATED = Map.of(
      "breaking:FIELD_SAME_CTYPE", List.of("FIELD_SAME_CPP_STRING_TYPE"),
      "breaking:FIELD_SAME_LABEL", List.of("FIELD_SAME_CARDINALITY", "FIELD_WIRE_COMPATIBLE_CARDINALITY",
          "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY"),
      "breaking:FILE_SAME_JAVA_STRING_CHECK_UTF8", List.of("FIELD_SAME_JAVA_UTF8_VALIDATION"),
      "breaking:FILE_SAME_PHP_GENERIC_SERVICES", List.of(),
      "breaking:MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT", List.of(),
      "lint:IMPORT_NO_WEAK", List.of());

  /** The replacements of a deprecated id of {@code kind}, or null when {@code id} is not deprecated. */
  public static List<String> deprecated(String kind, String version, String id) {
    if (version.equals("v2") && !id.equals("MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT") && !id.equals("IMPORT_NO_WEAK")) {
      return null;
    }
    return DEPRECATED.get(kind + ":" + id);
  }

  /** The rules named by {@code id}: the rule itself, or every rule in the category. */
  public List<String> expand(String id) {
    if (categoriesByRule.containsKey(id)) {
      return List.of(id);
    }
    List<String> out = new ArrayList<>();
    categoriesByRule.forEach((rule, cats) -> {
      if (cats.contains(id)) {
        out.add(rule);
      }
    });
    return out;
  }
}
