package dev.invariantharness.examples.proto;

import static dev.invariantharness.proto.ProtoAssertions.assertThat;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.proto.ProtoInput;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * INV-01, proto-first contracts, gated the way the seeds gate them with {@code buf lint} and
 * {@code buf breaking --against}: the shop contracts pass buf's STANDARD lint, stay wire
 * compatible with the released baseline and keep buf's default FILE breaking rules. The contracts
 * checked are configured by path ({@value #CURRENT}, {@value #BASELINE}), so the same suite gates
 * a broken change (see {@link BrokenProtoIsNoGoTest}).
 */
@InvariantTest(lane = "proto-contract")
class ProtoContractGates {

  /** The contracts under review. */
  static final String CURRENT = "invariant.examples.proto.current";
  /** The released contracts they must stay compatible with. */
  static final String BASELINE = "invariant.examples.proto.baseline";

  private static ProtoInput current(HarnessConfiguration config) {
    return ProtoInput.directory(Path.of(config.get(CURRENT).orElse("src/test/proto/current")));
  }

  private static ProtoInput baseline(HarnessConfiguration config) {
    return ProtoInput.directory(Path.of(config.get(BASELINE).orElse("src/test/proto/baseline")));
  }

  @Test
  @Verifies(value = "INV-01", check = "proto-lint")
  void contractsPassBufLint(HarnessConfiguration config) {
    assertThat(current(config)).as("shop contracts").passesLint();
  }

  @Test
  @Verifies(value = "INV-01", check = "proto-wire-compatible")
  void contractsStayWireCompatibleWithTheBaseline(HarnessConfiguration config) {
    assertThat(current(config)).as("shop contracts").isWireCompatibleWith(baseline(config));
  }

  @Test
  @Verifies(value = "INV-01", check = "proto-breaking")
  void contractsKeepBufsFileBreakingRules(HarnessConfiguration config) {
    assertThat(current(config)).as("shop contracts").hasNoBreakingChangesAgainst(baseline(config));
  }
}
