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

  /** The first two tests wait for each other: they only finish if tests really run in parallel. */
  @InvariantTest(lane = "parallel")
  public static class Parallel {
    static final CountDownLatch TWO_STARTED = new CountDownLatch(2);

    static void meet() throws InterruptedException {
      TWO_STARTED.countDown();
      if (!TWO_STARTED.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("tests did not run in parallel");
      }
    }

    @Test @Verifies("INV-01") void a() throws InterruptedException { meet(); }
    @Test @Verifies("INV-02") void b() throws InterruptedException { meet(); }
    @Test @Verifies("INV-03") void c() throws InterruptedException { meet(); }
    @Test @Verifies("INV-04") void d() throws InterruptedException { meet(); }
  }

  /** Plants a distinct secret in every path that can reach a report or an evidence file. */
  @InvariantTest(lane = "secrets")
  public static class LeakySecrets {
    public static final java.util.List<String> SECRETS = java.util.List.of(
        "hdr-bearer-5e1f0a", "cookie-sess-77ab21", "url-pass-93kd02", "query-token-a81c3f",
        "json-token-0c4e7d", "json-password-d1f2", "fail-bearer-6b2e91", "fail-url-pass-0x7q",
        "sk_live_9f8e7d6c5b", "display-token-4c4c4c", "frame-secret-11aa22", "diff-token-cc33dd");

    @org.junit.jupiter.api.DisplayName("probe https://staging.example.test/sync/socket/websocket?token=display-token-4c4c4c")
    @Test @Verifies("INV-03") void leaks(dev.invariantharness.evidence.EvidenceLog log) {
      dev.invariantharness.evidence.Evidence.http(new dev.invariantharness.evidence.HttpExchange(
          "POST", "https://ops:url-pass-93kd02@runtime.example.test/internal/v1/runs?access_token=query-token-a81c3f",
          java.util.Map.of("Authorization", java.util.List.of("Bearer hdr-bearer-5e1f0a"), "Cookie", java.util.List.of("session=cookie-sess-77ab21")),
          "{\"access_token\":\"json-token-0c4e7d\",\"password\":\"json-password-d1f2\"}",
          503, java.util.Map.of(), "{\"error\":\"write_path_frozen\",\"api\":\"sk_live_9f8e7d6c5b\"}", java.time.Duration.ofMillis(12)));
      log.frames("frames", java.util.List.of("[null,\"1\",\"sync:v1\",\"phx_join\",{\"secret\":\"frame-secret-11aa22\"}]"));
      dev.invariantharness.evidence.Evidence.diff("diff", "{\"token\":\"diff-token-cc33dd\"}", "{}");
      throw new AssertionError("peer answered 200 to Authorization: Bearer fail-bearer-6b2e91 at https://u:fail-url-pass-0x7q@h.example.test/");
    }
  }

  @InvariantTest(lane = "fixtures")
  public static class Fixtures {
    @Test @Verifies("INV-01") void first(SampleFixtures.Tracked fixture) {}
    @Test @Verifies("INV-01") void second(SampleFixtures.Tracked fixture) {}
  }

  @InvariantTest(lane = "fixtures")
  public static class UnreachableTarget {
    @Test @Verifies("INV-07") void replay(SampleFixtures.Unreachable target) {}
  }

  @InvariantTest(lane = "fixtures")
  public static class HangingClose {
    @Test @Verifies("INV-07") void replay(SampleFixtures.StuckOnClose target) {}
  }

  @InvariantTest(lane = "runtime")
  public static class DynamicRows {
    @org.junit.jupiter.api.TestFactory @Verifies("INV-05")
    java.util.stream.Stream<org.junit.jupiter.api.DynamicNode> everyRouteIsFrozen() {
      java.util.stream.Stream<org.junit.jupiter.api.DynamicNode> routes = java.util.stream.IntStream.rangeClosed(1, 11)
          .mapToObj(i -> org.junit.jupiter.api.DynamicTest.dynamicTest("POST /r/" + i + " @ read_only", () -> {
            dev.invariantharness.evidence.Evidence.text("answer", "route " + i + " answered 503 write_path_frozen");
            if (i == 3) {
              throw new AssertionError("POST /r/3 answered 201 in read_only");
            }
          }));
      return java.util.stream.Stream.concat(routes, java.util.stream.Stream.of(org.junit.jupiter.api.DynamicContainer.dynamicContainer(
          "rollback", java.util.stream.Stream.of(org.junit.jupiter.api.DynamicTest.dynamicTest("POST /r/1 @ shadow_only", () -> {})))));
    }
  }
}
