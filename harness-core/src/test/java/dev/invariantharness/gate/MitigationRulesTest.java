package dev.invariantharness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.InvariantCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the gate accepts as a mitigation: every field present and meaningful, a mitigable
 * invariant the catalogue knows, not expired; anything else is rejected with a message naming
 * the file, line and problem, and the failure it meant to cover still blocks.
 */
class MitigationRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  static String entry(String invariant, String check, String owner, String followUp, String reason, String expires) {
    StringBuilder y = new StringBuilder("mitigations:\n  - invariant: ").append(invariant).append('\n');
    y.append("    check: ").append(check).append('\n');
    if (owner != null) {
      y.append("    owner: ").append(owner).append('\n');
    }
    if (followUp != null) {
      y.append("    followUp: ").append(followUp).append('\n');
    }
    if (reason != null) {
      y.append("    reason: ").append(reason).append('\n');
    }
    if (expires != null) {
      y.append("    expires: ").append(expires).append('\n');
    }
    return y.toString();
  }

  static String valid(String followUp) {
    return entry("INV-07", "Replay.resume", "\"@runtime-oncall\"", followUp, "fix in flight", "2026-12-31");
  }

  static GateEvaluation judge(String yaml, CheckResult... rows) {
    return new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.parse(yaml, "m.yaml"), GateMode.GATING, TODAY, false)
        .evaluate(List.of(rows));
  }

  static CheckResult failed(String check, String... invariants) {
    return new CheckResult(check, true, CheckStatus.FAILED, check, "khala", List.of(invariants), 1, "boom", "", List.of(), null);
  }

  static void assertRejected(GateEvaluation e, String expected) {
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().rejectedMitigations()).singleElement().asString().isEqualTo(expected);
    assertThat(e.mitigationsInForce()).isEmpty();
    assertThat(e.results().get(0).status()).isEqualTo(CheckStatus.FAILED);
    assertThat(e.decision().blockers()).singleElement().satisfies(b -> assertThat(b.reason()).endsWith(" — no accepted mitigation"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"TBD", "later", "\"see Slack\"", "OA-RUST", "https://"})
  void freeTextFollowUpIsRejected(String followUp) {
    GateEvaluation e = judge(valid(followUp), failed("Replay.resume", "INV-07"));

    assertThat(e.decision().rejectedMitigations()).singleElement().asString()
        .startsWith("m.yaml:2: mitigation for INV-07 on check Replay.resume rejected: 'followUp' must link the follow-up issue "
            + "(a URL or an issue key like OA-RUST-143), found '");
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"OA-RUST-143", "https://tracker.example.test/OA-RUST-143", "http://x.test/1", "org/repo#12", "repo#12"})
  void followUpLinkingAnIssueIsAccepted(String followUp) {
    GateEvaluation e = judge(valid(followUp), failed("Replay.resume", "INV-07"));

    assertThat(e.decision().rejectedMitigations()).isEmpty();
    assertThat(e.decision().verdict()).isEqualTo(Verdict.GO);
    assertThat(e.mitigationsInForce()).singleElement().satisfies(m -> assertThat(m.followUp()).isEqualTo(followUp));
  }

  @Test
  void blankOwnerIsRejected() {
    GateEvaluation e = judge(entry("INV-07", "Replay.resume", "\"  \"", "OA-RUST-143", "fix in flight", "2026-12-31"),
        failed("Replay.resume", "INV-07"));

    assertRejected(e, "m.yaml:2: mitigation for INV-07 on check Replay.resume rejected: missing 'owner'");
  }

  @Test
  void blankReasonIsRejected() {
    GateEvaluation e = judge(entry("INV-07", "Replay.resume", "\"@o\"", "OA-RUST-143", "\"\"", "2026-12-31"),
        failed("Replay.resume", "INV-07"));

    assertRejected(e, "m.yaml:2: mitigation for INV-07 on check Replay.resume rejected: missing 'reason'");
  }

  @Test
  void missingExpiryIsRejected() {
    GateEvaluation e = judge(entry("INV-07", "Replay.resume", "\"@o\"", "OA-RUST-143", "fix in flight", null),
        failed("Replay.resume", "INV-07"));

    assertRejected(e, "m.yaml:2: mitigation for INV-07 on check Replay.resume rejected: missing 'expires'");
  }

  @Test
  void blankExpiryIsRejected() {
    GateEvaluation e = judge(entry("INV-07", "Replay.resume", "\"@o\"", "OA-RUST-143", "fix in flight", "\" \""),
        failed("Replay.resume", "INV-07"));

    assertRejected(e, "m.yaml:2: mitigation for INV-07 on check Replay.resume rejected: missing 'expires'");
  }

  @Test
  void expiryThatIsNotADateIsRejected() {
    GateEvaluation e = judge(entry("INV-07", "Replay.resume", "\"@o\"", "OA-RUST-143", "fix in flight", "next week"),
        failed("Replay.resume", "INV-07"));

    assertRejected(e, "m.yaml:2: mitigation for INV-07 on check Replay.resume rejected: "
        + "'expires' must be a date like 2026-12-31, found 'next week'");
  }

  @Test
  void unknownInvariantIdIsAClearRejectionNotACrash() {
    GateEvaluation e = judge(entry("INV-99", "Replay.resume", "\"@o\"", "OA-RUST-143", "fix in flight", "2026-12-31"),
        failed("Replay.resume", "INV-07"));

    assertThat(e.decision().rejectedMitigations()).singleElement().asString()
        .isEqualTo("m.yaml:2: mitigation for INV-99 on check Replay.resume rejected: unknown invariant id 'INV-99'; "
            + "the catalogue has " + String.join(", ", InvariantCatalogue.defaults().ids()));
    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
  }

  @Test
  void everyProblemOfAnEntryIsListed() {
    GateEvaluation e = judge(entry("INV-02", "Replay.resume", null, "TBD", null, "2026-01-01"), failed("Replay.resume", "INV-02"));

    assertThat(e.decision().rejectedMitigations()).singleElement().asString()
        .isEqualTo("m.yaml:2: mitigation for INV-02 on check Replay.resume rejected: missing 'owner'; missing 'reason'; "
            + "'followUp' must link the follow-up issue (a URL or an issue key like OA-RUST-143), found 'TBD'; "
            + "INV-02 is block-merge, which no mitigation can waive (only block-merge-unless-mitigated invariants such as "
            + "INV-07 and INV-08 can be mitigated); expired on 2026-01-01 (today is 2026-11-22)");
  }

  @Test
  void anEntryWithoutInvariantOrCheckIsRejectedSayingSo() {
    GateEvaluation e = judge("mitigations:\n  - owner: \"@o\"\n", failed("Replay.resume", "INV-07"));

    assertThat(e.decision().rejectedMitigations()).singleElement().asString()
        .isEqualTo("m.yaml:2: mitigation rejected: missing 'invariant'; missing 'check'; missing 'followUp'; "
            + "missing 'reason'; missing 'expires'");
  }

  @Test
  void aMitigationDoesNotWaiveASkippedRequiredCheck() {
    CheckResult skipped = new CheckResult("Replay.resume", true, CheckStatus.SKIPPED, "", "khala", List.of("INV-07"), 0,
        "no target configured", "", List.of(), null);

    GateEvaluation e = judge(valid("OA-RUST-143"), skipped);

    assertThat(e.decision().verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(e.decision().blockers()).singleElement().satisfies(b -> {
      assertThat(b.invariant()).isEqualTo("INV-07");
      assertThat(b.reason()).isEqualTo("required check was skipped (no target configured); "
          + "required checks cannot be skipped in gating mode (FAIL_ON_REQUIRED_FAILURE=1)");
    });
    assertThat(e.results().get(0).status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(e.results().get(0).outcomes()).containsEntry("INV-07", CheckStatus.SKIPPED);
    assertThat(e.mitigationsInForce()).isEmpty();
    assertThat(e.decision().warnings()).anySatisfy(w -> assertThat(w).contains("is not needed by this run"));
  }

  @Test
  void mitigationsInForceListOnlyTheWaiversThatCoveredAFailure() {
    String two = valid("OA-RUST-143") + entry("INV-07", "Replay.other", "\"@o\"", "OA-RUST-144", "other", "2026-12-31")
        .replace("mitigations:\n", "");

    GateEvaluation e = judge(two, failed("Replay.resume", "INV-07"),
        new CheckResult("Replay.other", true, CheckStatus.PASSED, "", "khala", List.of("INV-07"), 1, "", "", List.of(), null));

    assertThat(e.mitigationsInForce()).extracting(Mitigation::check).containsExactly("Replay.resume");
    assertThat(e.results().get(0).mitigation().check()).isEqualTo("Replay.resume");
    assertThat(e.results().get(0).outcomes()).containsEntry("INV-07", CheckStatus.MITIGATED);
    assertThat(e.decision().warnings())
        .contains("mitigation for INV-07 on check Replay.other is not needed by this run (the check did not fail or did "
            + "not run); remove it when the follow-up OA-RUST-144 is done")
        .contains("INV-07 failure of Replay.resume is mitigated until 2026-12-31 (owner @runtime-oncall, follow-up "
            + "OA-RUST-143): fix in flight");
  }

  @Test
  void noMitigationIsInForceWhenNothingFailed() {
    GateEvaluation e = judge(valid("OA-RUST-143"),
        new CheckResult("Replay.resume", true, CheckStatus.PASSED, "", "khala", List.of("INV-07"), 1, "", "", List.of(), null));

    assertThat(e.mitigationsInForce()).isEmpty();
    assertThat(e.decision().verdict()).isEqualTo(Verdict.GO);
  }

  @Test
  void loadReadsAFileAndNamesItAsTheSource(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("invariant-mitigations.yaml"), "schemaVersion: 1\n" + valid("OA-RUST-143"));

    MitigationFile loaded = MitigationFile.load(file);

    assertThat(loaded.source()).isEqualTo(file.toString());
    assertThat(loaded.candidates()).singleElement().satisfies(c -> {
      assertThat(c.location()).isEqualTo(file + ":3");
      assertThat(c.problems()).isEmpty();
      assertThat(c.mitigation()).isEqualTo(new Mitigation("INV-07", "Replay.resume", "@runtime-oncall", "OA-RUST-143",
          "fix in flight", LocalDate.of(2026, 12, 31)));
    });
  }

  @Test
  void loadingAMissingFileNamesIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> MitigationFile.load(missing)).isInstanceOf(HarnessInputException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("mitigation file does not exist");
  }

  @Test
  void loadingADirectoryNamesIt(@TempDir Path dir) {
    assertThatThrownBy(() -> MitigationFile.load(dir)).isInstanceOf(HarnessInputException.class)
        .hasMessage(dir + ": is a directory, expected a mitigation file");
  }

  @Test
  void noneHasNoEntries() {
    assertThat(MitigationFile.none().candidates()).isEmpty();
    assertThat(MitigationFile.none().source()).isEqualTo("(none)");
  }
}
