package dev.invariantharness.samples;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.config.HarnessConfiguration;
import org.junit.jupiter.api.Test;

/** Attaches a configured secret as plain text before anything reads it through {@code secret()}. */
@InvariantTest(lane = "secrets")
public class EarlySecretSample {

  public static final String KEY = "invariant.harness.target.khala.access-token";
  public static final String VALUE = "opaque-khala-value-5z5z5z";

  @Test @Verifies("INV-03")
  void leakBeforeSecretIsRead(HarnessConfiguration config) {
    String raw = config.get(KEY).orElseThrow();
    Evidence.text("early", "connected with " + raw);
    throw new AssertionError("peer refused " + raw);
  }
}
