package dev.invariantharness.runtime.freeze.samples;

import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.AuthorityServices;
import org.junit.jupiter.api.Test;

/** A freeze check written as a team writes it: the services injected, nothing built by hand. Run by {@code AuthorityServicesInjectionTest}. */
@InvariantTest(lane = "freeze")
public class InjectedAuthorityGates {

  @Test
  @Verifies("INV-05")
  void frozenRuntimeKeepsServingReads(AuthorityServices services) {
    assertThat(services.runtime().withReadPaths("/internal/v1/runs")).inWriteMode(WriteMode.READ_ONLY).keepsServingReads();
  }
}
