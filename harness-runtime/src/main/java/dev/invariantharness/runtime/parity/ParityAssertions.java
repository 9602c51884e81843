package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Entry point of the shadow parity assertions.
 *
 * <pre>{@code
 * import static dev.invariantharness.runtime.parity.ParityAssertions.assertThat;
 *
 * @Test @Verifies("INV-10")
 * void shadowParityAllowsTheCutover() {
 *   ParityReport report = ArtifactParity.defaults().compare(legacyManifest, rustManifest);
 *   assertThat(report).allows();
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ParityAssertions {

  private ParityAssertions() {}

  /** Assertions on a shadow parity report. */
  public static ParityReportAssert assertThat(ParityReport actual) {
    return new ParityReportAssert(actual);
  }
}
