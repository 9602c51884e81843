package dev.invariantharness.proto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Entry point for INV-01 proto contract assertions.
 *
 * <pre>{@code
 * @Test @Verifies("INV-01")
 * void contractsStayWireCompatible() {
 *   assertThat(ProtoInput.directory(Path.of("proto")))
 *       .passesLint()
 *       .isWireCompatibleWith(ProtoInput.gitRef(Path.of(".."), "main", "proto"));
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtoAssertions {

  private ProtoAssertions() {}

  /** Assertions on compiled contracts. */
  public static ProtoContractAssert assertThat(ProtoImage current) {
    return new ProtoContractAssert(current, null);
  }

  /** Assertions on contracts compiled on first use; a compile error fails the assertion under INV-01. */
  public static ProtoContractAssert assertThat(ProtoInput current) {
    return new ProtoContractAssert(null, current);
  }
}
