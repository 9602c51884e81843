package dev.invariantharness.samples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small invariant suites the harness's own tests run through EngineTestKit and the launcher.
 * Surefire excludes this package: these classes are inputs, not tests of the build.
 */
public final class Samples {

  private Samples() {}

  @InvariantTest(lane = "control")
  public static class AllGo {
    @Test @Verifies("INV-01") void contractsAreProtoFirst() {}
    @Test @Verifies("INV-02") void mutationsAreHttpOnly(HarnessConfiguration config) {
      if (config == null) {
        throw new AssertionError("configuration not injected");
      }
    }
    @Test @Verifies(value = "INV-03", required = false, check = "control-no-sse") void noSseLane() {}
    @Test @NotApplicable(value = "INV-11", reason = "no iOS client in this service") void ios() {
      throw new AssertionError("an N/A test must not run");
    }
  }

  @InvariantTest(lane = "control")
  public static class BlockMergeFailure {
    @Test @Verifies("INV-02") void mutationOverWebSocketIsRejected() {
      throw new AssertionError("WS accepted {\"op\":\"create_run\"} and the run exists when read back over HTTP");
    }
  }

  @InvariantTest(lane = "khala-contract")
  public static class MitigableFailure {
    @Test @Verifies(value = "INV-07", check = "khala-resume-exact") void resumeRedeliversExactly() {
      throw new AssertionError("resume after seq 41 redelivered seq 41 again");
    }
  }

  @InvariantTest(lane = "runtime")
  public static class ReleaseFailure {
    @Test @Verifies("INV-09") void deployRunsMigrateJob() {
      throw new AssertionError("service image sha256:aaa != migrate-job image sha256:bbb");
    }
  }

  @InvariantTest(lane = "control")
  public static class Unmapped {
    @Test @Verifies("INV-01") void mapped() {}
    @Test void forgotTheMapping() {}
  }

  @InvariantTest
  public static class UnknownId {
    @Test @Verifies("INV-99") void typo() {}
  }

  @InvariantTest
  public static class BlankNaReason {
    @Test @NotApplicable(value = "INV-11", reason = " ") void ios() {}
  }

  @InvariantTest(lane = "khala-contract")
  public static class AbortedRequired {
    @Test @Verifies("INV-07") void replayAgainstStaging() {
      assumeTrue(false, "STAGING_KHALA_BASE_URL not set");
    }
    @Test @Verifies(value = "INV-03", required = false) void optionalProbe() {
      assumeTrue(false, "no presentation adapter configured");
    }
  }

  @InvariantTest(lane = "runtime")
  public static class DisabledRequired {
    @Test @Verifies("INV-05") @Disabled("flaky on CI") void runtimeRoleWritesOnlyItsSchema() {}
  }

  @InvariantTest(lane = "runtime")
  public static class SetupFailure {
    @BeforeAll static void startStack() {
      throw new IllegalStateException("runtime did not become ready on 127.0.0.1:0");
    }
    @Test @Verifies("INV-04") void controlPlaneIsolated() {}
    @Test @Verifies("INV-05") void runtimePlaneIsolated() {}
  }

  @InvariantTest(lane = "khala-contract")
  @Verifies("INV-07")
  public static class ClassLevelMappingAndInvocations {
    @ParameterizedTest @ValueSource(ints = {1, 2, 3}) void duplicateFrameIsDiscarded(int seq) {}
    @Nested class Resume {
      @Test void resumeFromWatermark() {}
    }
  }

  /** Tests that wait on one latch: they only all finish if they really run in parallel. */
  @InvariantTest(lane = "parallel")
  public static class Parallel {
    static final CountDownLatch ALL_STARTED = new CountDownLatch(4);

    static void meet() throws InterruptedException {
      ALL_STARTED.countDown();
      if (!ALL_STARTED.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("tests did not run in parallel");
      }
    }

    @Test @Verifies("INV-01") void a() throws InterruptedException { meet(); }
    @Test @Verifies("INV-02") void b() throws InterruptedException { meet(); }
    @Test @Verifies("INV-03") void c() throws InterruptedException { meet(); }
    @Test @Verifies("INV-04") void d() throws InterruptedException { meet(); }
  }
}
