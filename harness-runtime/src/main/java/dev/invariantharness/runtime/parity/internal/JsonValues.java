package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Value equality for compared JSON: numbers by numeric value, everything else structurally. */
public final class JsonValues {

  private JsonValues() {}

  /** Whether {@code a} and {@code b} are the same value ({@code 7} equals {@code 7.0}). */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
