package dev.invariantharness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a catalogue is built, extended and ordered; every mistake named with its file and line. */
class CatalogueRulesTest {

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("team.yaml"), content);
  }

  private static Invariant inv(String id, EscalationClass escalation, String supersededBy) {
    return new Invariant(id, "title of " + id, null, escalation, null, null, supersededBy, null);
  }

  @Test
  void theDefaultCatalogueIsReadAfreshEachTimeSoNoRunSeesAnothersCopy() {
    InvariantCatalogue first = InvariantCatalogue.defaults();
    InvariantCatalogue second = InvariantCatalogue.defaults();

    assertThat(second).isNotSameAs(first);
    assertThat(second.all()).isEqualTo(first.all());
    assertThat(first.all()).allSatisfy(i -> {
      assertThat(i.title()).isNotBlank();
      assertThat(i.statement()).isNotBlank();
    });
  }

  @Test
  void ofKeepsEveryInvariantAndRefusesADuplicateId() {
    InvariantCatalogue c = InvariantCatalogue.of(List.of(inv("B-2", EscalationClass.ADVISORY, null),
        inv("A-10", EscalationClass.BLOCK_MERGE, null), inv("A-9", EscalationClass.BLOCK_MERGE, "A-10")));

    assertThat(c.ids()).containsExactly("A-9", "A-10", "B-2");
    assertThat(c.active()).extracting(Invariant::id).containsExactly("A-10", "B-2");
    assertThat(c.contains("A-9")).isTrue();
    assertThat(c.contains("A-1")).isFalse();
    assertThat(c.find("B-2")).map(Invariant::escalation).contains(EscalationClass.ADVISORY);
    assertThat(c.find("B-3")).isEmpty();
    assertThat(c).hasToString("InvariantCatalogue[A-9, A-10, B-2]");
    assertThatThrownBy(() -> InvariantCatalogue.of(List.of(inv("A-1", EscalationClass.ADVISORY, null),
        inv("A-1", EscalationClass.BLOCK_MERGE, null)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate invariant id A-1");
  }

  @Test
  void ofRefusesASupersededByThatPointsNowhere() {
    assertThatThrownBy(() -> InvariantCatalogue.of(List.of(inv("A-1", EscalationClass.ADVISORY, "A-2"))))
        .isInstanceOf(HarnessInputException.class)
        .hasMessage("catalogue: A-1 is supersededBy 'A-2', which is not in the catalogue");
  }

  @Test
  void ofTheFirstOfSeveralBrokenSupersedesInFileOrderIsReported() throws IOException {
    // the same file always gives the same message, on every JVM
    Path file = write("""
        invariants:
          - id: INV-31
            title: thirty-one
            escalation: advisory
            supersededBy: INV-98
          - id: INV-20
            title: twenty
            escalation: advisory
            supersededBy: INV-97
          - id: INV-25
            title: twenty-five
            escalation: advisory
            supersededBy: INV-96
        """);

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
          .hasMessage(file + ": INV-31 is supersededBy 'INV-98', which is not in the catalogue");
    }
  }

  @Test
  void requireNamesAnUnknownId() {
    assertThatThrownBy(() -> InvariantCatalogue.defaults().require("INV-99"))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith("invariant id 'INV-99': unknown invariant id 'INV-99'; the catalogue has INV-01, INV-02");
    assertThat(InvariantCatalogue.defaults().require("INV-07").id()).isEqualTo("INV-07");
  }

  @Test
  void overridingOneFieldKeepsTheOthers() throws IOException {
    Path file = write("""
        invariants:
          - id: INV-07
            statement: Apply by (topic, seq), exactly once.
        """);

    Invariant before = InvariantCatalogue.defaults().require("INV-07");
    Invariant after = InvariantCatalogue.defaults().extendedWith(file).require("INV-07");

    assertThat(after.statement()).isEqualTo("Apply by (topic, seq), exactly once.");
    assertThat(after.title()).isEqualTo(before.title());
    assertThat(after.escalation()).isEqualTo(before.escalation());
    assertThat(after.verification()).isEqualTo(before.verification());
    assertThat(after.appliesTo()).isEqualTo(before.appliesTo());
    assertThat(after.history()).isEqualTo(before.history());
    assertThat(after.supersededBy()).isEqualTo(before.supersededBy());
  }

  @Test
  void overridingEveryFieldReplacesEach() throws IOException {
    Path file = write("""
        invariants:
          - id: INV-13
            title: Spacetime
            escalation: advisory
          - id: INV-08
            title: Deploys are isolated
            escalation: advisory
            verification: smoke lanes
            appliesTo: [control]
            history: [older words]
            supersededBy: INV-13
        """);

    Invariant inv = InvariantCatalogue.defaults().extendedWith(file).require("INV-08");

    assertThat(inv).isEqualTo(new Invariant("INV-08", "Deploys are isolated",
        InvariantCatalogue.defaults().require("INV-08").statement(), EscalationClass.ADVISORY, "smoke lanes",
        List.of("control"), "INV-13", List.of("older words")));
  }

  @Test
  void aSupersededInvariantCanBeReinstated() throws IOException {
    Path superseded = write("""
        invariants:
          - id: INV-13
            title: Spacetime
            escalation: block-merge
          - id: INV-03
            supersededBy: INV-13
        """);
    InvariantCatalogue once = InvariantCatalogue.defaults().extendedWith(superseded);
    Path reinstated = Files.writeString(dir.resolve("back.yaml"), """
        invariants:
          - id: INV-03
            supersededBy: null
            appliesTo: []
            history: []
        """);

    Invariant inv = once.extendedWith(reinstated).require("INV-03");

    assertThat(inv.isSuperseded()).isFalse();
    assertThat(inv.appliesTo()).isEmpty();
    assertThat(inv.history()).isEmpty();
  }

  @Test
  void aNewIdWithoutEscalationIsRejectedListingTheClasses() throws IOException {
    Path file = write("""
        invariants:
          - id: INV-13
            title: Spacetime
        """);

    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
        .hasMessage(file + ":2: invariant INV-13 has no 'escalation'; expected one of block-merge, "
            + "block-merge-unless-mitigated, block-release-promotion, advisory");
  }

  @Test
  void anEntryWithoutIdOrWithABlankTitleIsRejected() throws IOException {
    Path noId = write("invariants:\n  - title: nameless\n    escalation: advisory\n");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(noId))
        .hasMessage(noId + ":2: invariant entry has no 'id'");

    Path blankTitle = write("invariants:\n  - id: INV-13\n    title: \" \"\n    escalation: advisory\n");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(blankTitle))
        .hasMessage(blankTitle + ":2: invariant INV-13 has no 'title'");
  }

  @Test
  void anUnknownEscalationNamesTheEntrysLine() throws IOException {
    Path file = write("invariants:\n  - id: INV-01\n    escalation: panic\n");

    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
        .hasMessageStartingWith(file + ":2: invariant INV-01: unknown escalation class 'panic'");
  }

  @Test
  void onlySchemaVersionOneAndModesExtendOrReplaceAreRead() throws IOException {
    Path v2 = write("schemaVersion: 2\ninvariants: []\n");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(v2))
        .hasMessage(v2 + ": schemaVersion 2 is not supported; this harness reads catalogue schemaVersion 1");
    Path text = write("schemaVersion: one\ninvariants: []\n");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(text)).hasMessageContaining("is not supported");
    Path v1 = write("schemaVersion: 1\nmode: extend\ninvariants: []\n");
    assertThat(InvariantCatalogue.defaults().extendedWith(v1).ids()).hasSize(12);
    Path merge = write("mode: merge\ninvariants: []\n");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(merge))
        .hasMessage(merge + ": mode must be 'extend' or 'replace', found 'merge'");
  }

  @Test
  void aDirectoryIsNotACatalogueFile() {
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(dir))
        .isInstanceOf(HarnessInputException.class).hasMessageContaining(dir.toString());
  }

  @Test
  void idsCompareByTheirNumbersThenTheirText() {
    assertThat(InvariantCatalogue.compareIds("INV-9", "INV-10")).isNegative();
    assertThat(InvariantCatalogue.compareIds("INV-10", "INV-9")).isPositive();
    assertThat(InvariantCatalogue.compareIds("INV-007", "INV-7")).isZero();
    assertThat(InvariantCatalogue.compareIds("INV-10", "INV-10a")).isNegative();
    assertThat(InvariantCatalogue.compareIds("INV-10b", "INV-10a")).isPositive();
    assertThat(InvariantCatalogue.compareIds("A-1", "B-1")).isNegative();
    assertThat(InvariantCatalogue.compareIds("INV-99999999999999999999", "INV-100000000000000000000")).isNegative();
  }

  @Test
  void anInvariantNormalisesMissingFieldsAndKnowsWhetherItIsSuperseded() {
    Invariant bare = new Invariant("X-1", "t", null, EscalationClass.ADVISORY, null, null, null, null);

    assertThat(bare.statement()).isEmpty();
    assertThat(bare.verification()).isEmpty();
    assertThat(bare.appliesTo()).isEmpty();
    assertThat(bare.history()).isEmpty();
    assertThat(bare.isSuperseded()).isFalse();
    assertThat(new Invariant("X-1", "t", null, EscalationClass.ADVISORY, null, null, " ", null).isSuperseded()).isFalse();
    assertThat(new Invariant("X-1", "t", null, EscalationClass.ADVISORY, null, null, "X-2", null).isSuperseded()).isTrue();
    assertThatThrownBy(() -> new Invariant(null, "t", null, EscalationClass.ADVISORY, null, null, null, null)).hasMessage("id");
    assertThatThrownBy(() -> new Invariant("X", null, null, EscalationClass.ADVISORY, null, null, null, null)).hasMessage("title");
    assertThatThrownBy(() -> new Invariant("X", "t", null, null, null, null, null, null)).hasMessage("escalation");
  }
}
