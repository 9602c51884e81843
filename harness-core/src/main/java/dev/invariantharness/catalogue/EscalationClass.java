package dev.invariantharness.catalogue;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a violated invariant blocks, from the escalation rules of the invariant gates document:
 * INV-01..06 block merge, INV-07..08 block merge unless an approved mitigation exists, INV-09..10
 * block release promotion. Later ids say their class in the catalogue.
 */
@API(status = STABLE, since = "0.1")
public enum EscalationClass {
  /** Violation blocks merge immediately. */
  BLOCK_MERGE("block-merge", true, false),
  /** Violation blocks merge unless an owner-approved mitigation with a follow-up issue exists. */
  BLOCK_MERGE_UNLESS_MITIGATED("block-merge-unless-mitigated", true, true),
  /** Violation blocks release promotion until remediated; merge is allowed. */
  BLOCK_RELEASE_PROMOTION("block-release-promotion", false, false),
  /** Violation is reported as a warning and blocks nothing. */
  ADVISORY("advisory", false, false);

  private final String id;
  private final boolean blocksMerge;
  private final boolean mitigable;

  EscalationClass(String id, boolean blocksMerge, boolean mitigable) {
    this.id = id;
    this.blocksMerge = blocksMerge;
    this.mitigable = mitigable;
  }

  /** The id used in catalogue files and reports, e.g. {@code block-merge}. */
  public String id() {
    return id;
  }

  /** Whether an unmitigated violation blocks merge. */
  public boolean blocksMerge() {
    return blocksMerge;
  }

  /** Whether an approved mitigation may turn a violation into a warning. */
  public boolean mitigable() {
    return mitigable;
  }

  /** How severe the class is; a check mapped to several invariants takes the most severe. */
  public int severity() {
    return switch (this) {
      case BLOCK_MERGE -> 3;
      case BLOCK_MERGE_UNLESS_MITIGATED -> 2;
      case BLOCK_RELEASE_PROMOTION -> 1;
      case ADVISORY -> 0;
    };
  }

  /**
   * Parses a catalogue id, accepting the enum name too.
   *
   * @throws IllegalArgumentException naming the accepted ids
   */
  public static EscalationClass fromId(String text) {
    for (EscalationClass c : values()) {
      if (c.id.equalsIgnoreCase(text) || c.name().equalsIgnoreCase(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown escalation class '" + text + "', expected one of "
            + Arrays.stream(values()).map(EscalationClass::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
