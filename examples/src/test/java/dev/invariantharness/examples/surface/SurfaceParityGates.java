package dev.invariantharness.examples.surface;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.surface.SurfaceParity;
import dev.invariantharness.surface.compare.CanonicalOptions;
import dev.invariantharness.surface.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Cross-surface contract parity of the reference run service (INV-01, proto-first contracts):
 * one scenario over HTTP JSON, gRPC on a real Netty port (contract from server reflection, calls
 * by dynamic invocation) and Khala WebSocket frames, one report row per step and surface pair;
 * and the same HTTP routes on a legacy and a new deployment.
 */
@InvariantTest(lane = "surface-parity")
class SurfaceParityGates {

  @TestFactory
  @Verifies("INV-01")
  Stream<DynamicTest> runLifecycleReadsAlikeOnEverySurface(SurfaceStack stack, HarnessConfiguration config) {
    return SurfaceParity.of(scenario("run-lifecycle.yaml"), stack.contract(), stack.http(), stack.grpc(), stack.ws())
        .withOptions(CanonicalOptions.standard().withEnumsAsNumbers(config.flag(SurfaceStackProvider.ENUMS_AS_NUMBERS, false)))
        .dynamicTests();
  }

  @TestFactory
  @Verifies("INV-01")
  Stream<DynamicTest> legacyAndNewDeploymentsAnswerAlike(SurfaceStack stack, HarnessConfiguration config) {
    return SurfaceParity.of(scenario("mixed-version.yaml"), stack.contract(), stack.legacy(), stack.fresh())
        .withOptions(CanonicalOptions.standard().withEnumsAsNumbers(config.flag(SurfaceStackProvider.ENUMS_AS_NUMBERS, false)))
        .dynamicTests();
  }

  static Scenario scenario(String name) {
    try (InputStream in = SurfaceParityGates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no scenario resource " + name);
      }
      return Scenario.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
