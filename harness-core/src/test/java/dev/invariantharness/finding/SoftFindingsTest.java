package dev.invariantharness.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoftFindingsTest {

  @Test
  void nothingFoundPasses() {
    SoftFindings soft = new SoftFindings();
    soft.of("INV-02", "http only");
    assertThat(soft.isEmpty()).isTrue();
    assertThatCode(soft::assertAll).doesNotThrowAnyException();
  }

  @Test
  void findingsOfEveryInvariantFailOnceInOrder() {
    SoftFindings soft = new SoftFindings();
    soft.of("INV-06", "delivery only").add("GET /runs/1", "changed");
    soft.of("INV-02", "http only").add("run.cancel", "answered ok").add("run.create", "answered ok");

    InvariantViolation v = catchThrowableOfType(InvariantViolation.class, soft::assertAll);

    assertThat(v.invariants()).containsExactly("INV-06", "INV-02");
    assertThat(v.invariant()).isEqualTo("INV-06");
    assertThat(v.findings()).extracting(Finding::location).containsExactly("GET /runs/1", "run.cancel", "run.create");
    assertThat(v).hasMessage("""
        INV-06 violated: 1 finding(s) — delivery only
          GET /runs/1: changed
        INV-02 violated: 2 finding(s) — http only
          run.cancel: answered ok
          run.create: answered ok""");
  }

  @Test
  void askingTwiceForAnInvariantGivesTheSameCollector() {
    SoftFindings soft = new SoftFindings();
    assertThat(soft.of("INV-07", "a")).isSameAs(soft.of(" INV-07 ", "b"));
  }

  @Test
  void anInvariantWithoutFindingsIsNotInTheFailure() {
    SoftFindings soft = new SoftFindings();
    soft.of("INV-02", "http only");
    soft.of("INV-06", "delivery only").add("GET /runs/1", "changed");
    assertThat(soft.violation()).get().satisfies(v -> assertThat(v.invariants()).containsExactly("INV-06"));
  }

  @Test
  void aDescriptionPrefixesTheMessageAsAssertjDoes() {
    InvariantViolation v = new InvariantViolation("INV-05", "frozen", List.of(new Finding("INV-05", "POST /runs", "201")));
    assertThat(v.describedAs("staging")).hasMessageStartingWith("[staging] INV-05 violated: 1 finding(s) — frozen")
        .satisfies(d -> assertThat(((InvariantViolation) d).findings()).isEqualTo(v.findings()));
    assertThat(v.describedAs(" ")).isSameAs(v);
  }

  @Test
  void aCollectorNeedsAnInvariant() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Findings.of(" ", "rule")))
        .hasMessageContaining("needs the id of the invariant");
  }
}
