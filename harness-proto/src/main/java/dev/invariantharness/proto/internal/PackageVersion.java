package dev.invariantharness.proto.internal;

/** buf's package version suffix ({@code v1}, {@code v1beta1}, {@code v1p1alpha1}, {@code v1test}). */
public record PackageVersion(int major, boolean stable) {

  /** The version of {@code pkg}'s last component, or null when it has none. */
  public static PackageVersion of(String pkg) {
    if (pkg == null || pkg.isEmpty()) {
      return null;
    }
    String[] parts = pkg.split("\\.", -1);
    if (parts.length < 2) {
      return null;
    }
    String c = parts[parts.length - 1];
    if (c.length() < 2 || c.charAt(0) != 'v') {
      return null;
    }
    String version = c.substring(1);
    if (version.contains("test")) {
      int i = version.indexOf("test");
      Integer major = number(version.substring(0, i), 1);
      return major == null ? null : new PackageVersion(major, false);
    }
    boolean alpha = version.contains("alpha");
    boolean beta = version.contains("beta");
    if (alpha && beta) {
      return null;
    }
    if (alpha || beta) {
      String level = alpha ? "alpha" : "beta";
      int i = version.indexOf(level);
      String rest = version.substring(i + level.length());
      if (!rest.isEmpty() && number(rest, 1) == null) {
        return null;
      }
      String head = version.substring(0, i);
      Integer major;
      if (head.contains("p")) {
        int p = head.indexOf('p');
        major = number(head.substring(0, p), 1);
        if (major == null || number(head.substring(p + 1), 1) == null) {
          return null;
        }
      } else {
        major = number(head, 1);
      }
      return major == null ? null : new PackageVersion(major, false);
    }
    Integer major = number(version, 1);
    return major == null ? null : new PackageVersion(major, true);
  }

  private static Integer number(String s, int minimum) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      long v = Long.parseLong(s);
      return v < minimum || v > Integer.MAX_VALUE ? null : (int) v;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
