package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** What a NO-GO blocks. Merge blocked implies release promotion blocked too. */
@API(status = STABLE, since = "0.1")
public enum BlockedScope {
  NOTHING("nothing"),
  RELEASE_PROMOTION("release promotion"),
  MERGE("merge");

  private final String label;

  BlockedScope(String label) {
    this.label = label;
  }

  /** Words for reports, e.g. {@code release promotion}. */
  public String label() {
    return label;
  }

  /** The wider of two scopes. */
  public BlockedScope max(BlockedScope other) {
    return compareTo(other) >= 0 ? this : other;
  }

  @Override
  public String toString() {
    return label;
  }
}
