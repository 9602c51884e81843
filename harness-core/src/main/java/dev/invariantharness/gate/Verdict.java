package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The answer of the gate. */
@API(status = STABLE, since = "0.1")
public enum Verdict {
  GO("GO"),
  NO_GO("NO-GO");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** {@code GO} or {@code NO-GO}. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
