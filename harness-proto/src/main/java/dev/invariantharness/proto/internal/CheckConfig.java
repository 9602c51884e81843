package dev.invariantharness.proto.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lint or breaking section of one module's buf.yaml, resolved to rule ids.
 *
 * @param rules the rules in force (use minus except)
 * @param ignore paths (relative to the module root) no rule reports on
 * @param ignoreOnly rule id to paths that rule does not report on
 * @param options buf's rule options ({@code enum_zero_value_suffix}, {@code service_suffix},
 *     {@code rpc_allow_*}, {@code allow_comment_ignores}, {@code ignore_unstable_packages})
 */
public record CheckConfig(Set<String> rules, List<String> ignore, Map<String, List<String>> ignoreOnly,
    Map<String, Object> options) {

  public String option(String key, String fallback) {
    Object value = options.get(key);
    return value == null ? fallback : value.toString();
  }

  public boolean flag(String key, boolean fallback) {
    Object value = options.get(key);
    return value == null ? fallback : Boolean.parseBoolean(value.toString());
  }

  /** Whether {@code rule} reports nothing for the module-relative {@code path}. */
  public boolean ignores(String rule, String path) {
    if (matches(ignore, path)) {
      return true;
    }
    List<String> only = ignoreOnly.get(rule);
    return only != null && matches(only, path);
  }

  private static boolean matches(List<String> roots, String path) {
    for (String root : roots) {
      if (root.equals(".") || path.equals(root) || path.startsWith(root.endsWith("/") ? root : root + "/")) {
        return true;
      }
    }
    return false;
  }
}
