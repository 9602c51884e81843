package dev.invariantharness.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Proves which JUnit the examples ran on: Surefire runs them twice, on the Jupiter 5.14 the
 * harness is built against and on JUnit 6, and each execution says which major it expects.
 */
class JUnitPlatformVersionTest {

  @Test
  void runsOnTheExpectedJUnitMajorVersion() {
    String expected = System.getProperty("expected.junit.major");
    assumeTrue(expected != null, "set by the Surefire executions in examples/pom.xml, absent in an IDE");
    String actual = ExtensionContext.class.getPackage().getImplementationVersion();
    assertThat(actual).as("junit-jupiter-api on the test class path").startsWith(expected + ".");
    // The harness keeps its state with the store method the running JUnit recommends.
    assertThat(dev.invariantharness.internal.StoreValues.usesComputeIfAbsent()).isEqualTo(!"5".equals(expected));
  }
}
