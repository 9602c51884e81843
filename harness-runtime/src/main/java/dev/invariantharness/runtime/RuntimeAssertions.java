package dev.invariantharness.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.runtime.freeze.AuthorityService;
import dev.invariantharness.runtime.freeze.AuthorityServiceAssert;
import dev.invariantharness.runtime.freeze.FreezeAssertions;
import dev.invariantharness.runtime.parity.ParityAssertions;
import dev.invariantharness.runtime.parity.ParityReport;
import dev.invariantharness.runtime.parity.ParityReportAssert;
import dev.invariantharness.runtime.smoke.ServiceSmoke;
import dev.invariantharness.runtime.smoke.ServiceSmokeAssert;
import dev.invariantharness.runtime.smoke.SmokeAssertions;
import dev.invariantharness.runtime.smoke.StaticHost;
import dev.invariantharness.runtime.smoke.StaticHostAssert;
import org.apiguardian.api.API;

/**
 * One static import for every harness-runtime assertion, as AssertJ's {@code Assertions} is for
 * its own: write-mode freeze, shadow parity and smoke lanes.
 *
 * <pre>{@code
 * import static dev.invariantharness.runtime.RuntimeAssertions.assertThat;
 *
 * assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites();   // INV-05
 * assertThat(ArtifactParity.defaults().compare(legacy, rust)).allows();           // INV-10
 * assertThat(ServiceSmoke.against(url, config)).isReady().reportsWriteMode();      // INV-08, INV-05
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RuntimeAssertions {

  private RuntimeAssertions() {}

  /** See {@link FreezeAssertions#assertThat(AuthorityService)}. */
  public static AuthorityServiceAssert assertThat(AuthorityService service) {
    return FreezeAssertions.assertThat(service);
  }

  /** See {@link ParityAssertions#assertThat(ParityReport)}. */
  public static ParityReportAssert assertThat(ParityReport report) {
    return ParityAssertions.assertThat(report);
  }

  /** See {@link SmokeAssertions#assertThat(ServiceSmoke)}. */
  public static ServiceSmokeAssert assertThat(ServiceSmoke service) {
    return SmokeAssertions.assertThat(service);
  }

  /** See {@link SmokeAssertions#assertThat(StaticHost)}. */
  public static StaticHostAssert assertThat(StaticHost host) {
    return SmokeAssertions.assertThat(host);
  }
}
