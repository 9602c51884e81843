package dev.invariantharness.deploy.lint.internal;

import java.util.Comparator;

/**
 * A target PostgreSQL version as squawk's {@code --pg-version} reads it: {@code major[.minor[.patch]]}.
 * A part left out sorts below any given part, as squawk compares versions, so {@code 11} is older
 * than {@code 11.0}: squawk's "after 11" test for non-volatile defaults holds for {@code 11.0} and
 * not for {@code 11}.
 *
 * @param major major version
 * @param minor minor version, or -1 when not given
 * @param patch patch version, or -1 when not given
 */
public record PgVersion(int major, int minor, int patch) implements Comparable<PgVersion> {

  /** squawk's default target when no version is given. */
  public static final PgVersion DEFAULT = new PgVersion(15, 0, 0);

  private static final Comparator<PgVersion> ORDER = Comparator.<PgVersion>comparingInt(v -> v.major())
      .thenComparingInt(PgVersion::minor).thenComparingInt(PgVersion::patch);

  /** Parses {@code text}; throws {@link IllegalArgumentException} with squawk's reason when it is not a version. */
  public static PgVersion parse(String text) {
    String[] parts = text.split("\\.", -1);
    int[] n = {-1, -1, -1};
    for (int i = 0; i < Math.min(3, parts.length); i++) {
      try {
        n[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Invalid number in version: \"" + parts[i] + "\"");
      }
    }
    return new PgVersion(n[0], n[1], n[2]);
  }

  /** A version given by its major number only, as squawk's rules name their thresholds. */
  public static PgVersion major(int major) {
    return new PgVersion(major, -1, -1);
  }

  @Override
  public int compareTo(PgVersion o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return major + (minor < 0 ? "" : "." + minor) + (patch < 0 ? "" : "." + patch);
  }
}
