package dev.invariantharness.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvariantCatalogueTest {

  @TempDir Path dir;

  @Test
  void defaultCatalogueHoldsInv01ToInv12InOrder() {
    assertThat(InvariantCatalogue.defaults().ids()).containsExactly(
        "INV-01", "INV-02", "INV-03", "INV-04", "INV-05", "INV-06",
        "INV-07", "INV-08", "INV-09", "INV-10", "INV-11", "INV-12");
  }

  @Test
  void escalationClassesFollowTheGateDocument() {
    InvariantCatalogue c = InvariantCatalogue.defaults();
    for (String id : new String[] {"INV-01", "INV-02", "INV-03", "INV-04", "INV-05", "INV-06"}) {
      assertThat(c.require(id).escalation()).as(id).isEqualTo(EscalationClass.BLOCK_MERGE);
    }
    assertThat(c.require("INV-07").escalation()).isEqualTo(EscalationClass.BLOCK_MERGE_UNLESS_MITIGATED);
    assertThat(c.require("INV-08").escalation()).isEqualTo(EscalationClass.BLOCK_MERGE_UNLESS_MITIGATED);
    assertThat(c.require("INV-09").escalation()).isEqualTo(EscalationClass.BLOCK_RELEASE_PROMOTION);
    assertThat(c.require("INV-10").escalation()).isEqualTo(EscalationClass.BLOCK_RELEASE_PROMOTION);
  }

  @Test
  void v2WordingIsCurrentAndV1WordingIsKeptAsHistory() {
    Invariant inv08 = InvariantCatalogue.defaults().require("INV-08");
    assertThat(inv08.title()).isEqualTo("Service deploy isolation");
    assertThat(inv08.history()).anySatisfy(h -> assertThat(h).contains("WorkOS"));
    assertThat(InvariantCatalogue.defaults().require("INV-09").history()).anySatisfy(h -> assertThat(h).contains("migrate job"));
    assertThat(InvariantCatalogue.defaults().require("INV-03").statement()).contains("ADR-0008");
  }

  @Test
  void userFileAddsIdsAndSupersedesExistingOnes() throws IOException {
    Path file = write("team.yaml", """
        invariants:
          - id: INV-13
            title: Spacetime WS-only live transport
            escalation: block-merge
            appliesTo: [spacetime]
          - id: INV-03
            supersededBy: INV-13
        """);
    InvariantCatalogue c = InvariantCatalogue.defaults().extendedWith(file);
    assertThat(c.ids()).endsWith("INV-12", "INV-13");
    assertThat(c.require("INV-03").supersededBy()).isEqualTo("INV-13");
    assertThat(c.require("INV-03").title()).isEqualTo("Khala WS-only live transport");
    assertThat(c.active()).extracting(Invariant::id).doesNotContain("INV-03").contains("INV-13");
  }

  @Test
  void replaceModeUsesOnlyTheUsersEntries() throws IOException {
    Path file = write("own.json", """
        {"mode": "replace", "invariants": [{"id": "A-1", "title": "Only one", "escalation": "advisory"}]}
        """);
    assertThat(InvariantCatalogue.defaults().extendedWith(file).ids()).containsExactly("A-1");
  }

  @Test
  void malformedYamlNamesFileAndLine() throws IOException {
    Path file = write("broken.yaml", """
        invariants:
          - id: INV-13
            title: "unterminated
            escalation: block-merge
        """);
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("malformed")
        .satisfies(e -> assertThat(((HarnessInputException) e).line()).isPositive());
  }

  @Test
  void entryWithoutTitleIsRejectedAtItsLine() throws IOException {
    Path file = write("no-title.yaml", """
        invariants:
          - id: INV-13
            title: fine
            escalation: advisory
          - id: INV-14
            escalation: advisory
        """);
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
        .hasMessage(file + ":5: invariant INV-14 has no 'title'");
  }

  @Test
  void misspelledFieldIsRejectedNotIgnored() throws IOException {
    Path file = write("typo.yaml", """
        invariants:
          - id: INV-13
            title: x
            escalation: advisory
            superseededBy: INV-03
        """);
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
        .hasMessageContaining(file + ":2: invariant entry has unknown field 'superseededBy'");
  }

  @Test
  void unknownEscalationClassListsTheKnownOnes() throws IOException {
    Path file = write("esc.yaml", "invariants:\n  - id: X-1\n    title: x\n    escalation: block-everything\n");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
        .hasMessageContaining("unknown escalation class 'block-everything'")
        .hasMessageContaining("block-merge-unless-mitigated");
  }

  @Test
  void duplicateIdInOneFileIsAnError() throws IOException {
    Path file = write("dup.yaml", "invariants:\n  - {id: X-1, title: a, escalation: advisory}\n  - {id: X-1, title: b, escalation: advisory}\n");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
        .hasMessage(file + ":3: invariant X-1 is defined twice in this file");
  }

  @Test
  void supersededByUnknownIdIsAnError() throws IOException {
    Path file = write("sup.yaml", "invariants:\n  - {id: INV-03, supersededBy: INV-99}\n");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(file))
        .hasMessageContaining("INV-03 is supersededBy 'INV-99', which is not in the catalogue");
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> InvariantCatalogue.defaults().extendedWith(missing))
        .hasMessage(missing + ": catalogue file does not exist");
  }

  @Test
  void unknownIdListsTheKnownIds() {
    assertThatThrownBy(() -> InvariantCatalogue.defaults().require("INV-99"))
        .hasMessageContaining("unknown invariant id 'INV-99'; the catalogue has INV-01, INV-02");
  }

  @Test
  void idsSortNumerically() {
    assertThat(InvariantCatalogue.compareIds("INV-2", "INV-10")).isNegative();
    assertThat(InvariantCatalogue.compareIds("INV-10", "INV-10")).isZero();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
