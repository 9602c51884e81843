package dev.invariantharness.examples.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.BlockedScope;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Verdict;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The INV-01 gates against a contract change that deletes a field, changes a field's type and
 * breaks a lint rule: NO-GO, merge blocked, every row naming the rule and the position buf would.
 */
class BrokenProtoIsNoGoTest {

  @TempDir Path reports;

  @Test
  void aBreakingContractChangeIsNoGoOnInv01() {
    Outcome out = GateRun.into(reports).with(ProtoContractGates.CURRENT, "src/test/proto/broken").run(ProtoContractGates.class);

    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(out.report().decision().blocked()).isEqualTo(BlockedScope.MERGE);
    CheckResult wire = row(out, "proto-wire-compatible");
    assertThat(wire.status()).isEqualTo(CheckStatus.FAILED);
    assertThat(wire.invariants()).containsExactly("INV-01");
    assertThat(wire.reason()).startsWith("[shop contracts] INV-01 violated: 2 finding(s)")
        .contains("acme/shop/v1/order.proto:9:1: [FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED] Previously present field \"2\"")
        .contains("acme/shop/v1/order.proto:13:3: [FIELD_WIRE_COMPATIBLE_TYPE] Field \"3\" with name \"state\" on message"
            + " \"Order\" changed type from \"enum\" to \"string\".");
    assertThat(wire.evidence()).singleElement().satisfies(e -> assertThat(out.reportDir().resolve(e.path()))
        .content().contains("acme/shop/v1/order.proto:13:3:Field \"3\" with name \"state\""));
    assertThat(row(out, "proto-breaking").reason()).contains("[FIELD_NO_DELETE]").contains("[FIELD_SAME_TYPE]");
    assertThat(row(out, "proto-lint").reason())
        .contains("acme/shop/v1/order.proto:35:10: [FIELD_LOWER_SNAKE_CASE] Field name \"orderId\"");
    assertThat(out.file("SUMMARY.md")).contains("NO-GO");
  }

  @Test
  void theReviewedContractsAreGo() {
    Outcome out = GateRun.into(reports).run(ProtoContractGates.class);
    assertThat(out.report().decision().verdict()).isEqualTo(Verdict.GO);
  }

  private static CheckResult row(Outcome out, String id) {
    return out.report().results().stream().filter(r -> r.checkId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + id + " in " + out.report().results()));
  }
}
