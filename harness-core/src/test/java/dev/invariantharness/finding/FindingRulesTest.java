package dev.invariantharness.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.invariantharness.evidence.EvidenceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings as data: how they are collected, what the failure says, what it carries. */
class FindingRulesTest {

  /** A minimal assertion class built on {@link InvariantAssert}, as a module writes one. */
  static final class RoutesAssert extends InvariantAssert<RoutesAssert, List<String>> {
    RoutesAssert(List<String> routes) {
      super(routes, RoutesAssert.class);
    }

    RoutesAssert hasNoEventStreams() {
      Findings findings = Findings.of("INV-03", "live sync is WS-only");
      actual.stream().filter(r -> r.endsWith("/events")).forEach(r -> findings.add(r, "serves SSE"));
      return failOn(findings);
    }

    RoutesAssert hasNoEventStreamsOrPolling() {
      SoftFindings soft = new SoftFindings();
      Findings sse = soft.of("INV-03", "live sync is WS-only");
      Findings polling = soft.of("INV-06", "no polling");
      actual.stream().filter(r -> r.endsWith("/events")).forEach(r -> sse.add(r, "serves SSE"));
      actual.stream().filter(r -> r.endsWith("/poll")).forEach(r -> polling.add(r, "polls"));
      return failOn(soft);
    }
  }

  @Test
  void aCollectorKnowsItsInvariantAndRuleAndReturnsItselfFromAdd() {
    Findings findings = Findings.of(" INV-03 ", null);

    assertThat(findings.invariant()).isEqualTo("INV-03");
    assertThat(findings.rule()).isEmpty();
    assertThat(findings.isEmpty()).isTrue();
    assertThat(findings.violation()).isEmpty();
    assertThat(findings.add("/a", "one")).isSameAs(findings);
    assertThat(findings.isEmpty()).isFalse();
    assertThat(findings.list()).containsExactly(new Finding("INV-03", "/a", "one"));
  }

  @Test
  void aCollectorWithoutAnInvariantIsRefused() {
    assertThatThrownBy(() -> Findings.of(" ", "rule")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Findings collector needs the id of the invariant it collects for");
    assertThatThrownBy(() -> Findings.of(null, "rule")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void assertNonePassesOnNothingAndOtherwiseFailsOnceWithEveryFindingAndItsEvidence() {
    EvidenceRef frames = new EvidenceRef("frames", "frames", "evidence/x/001.txt");
    Findings findings = Findings.of("INV-07", "apply by (topic, seq)");
    findings.assertNone();
    findings.add("seq 41", "redelivered twice", frames).add("", "gap after 50");

    InvariantViolation v = catchThrowableOfType(InvariantViolation.class, findings::assertNone);

    assertThat(v).hasMessage("INV-07 violated: 2 finding(s) — apply by (topic, seq)\n"
        + "  seq 41: redelivered twice\n"
        + "  gap after 50");
    assertThat(v.invariant()).isEqualTo("INV-07");
    assertThat(v.invariants()).containsExactly("INV-07");
    assertThat(v.findings()).containsExactly(new Finding("INV-07", "seq 41", "redelivered twice", List.of(frames)),
        new Finding("INV-07", "", "gap after 50"));
  }

  @Test
  void theMessageListsFiftyFindingsAndCountsTheRestWhileTheDataKeepsAll() {
    Findings findings = Findings.of("INV-03", "");
    for (int i = 1; i <= 53; i++) {
      findings.add("/r" + i, "sse");
    }

    InvariantViolation v = findings.violation().orElseThrow();

    assertThat(v.getMessage()).startsWith("INV-03 violated: 53 finding(s)\n  /r1: sse")
        .contains("\n  /r50: sse\n  … and 3 more").doesNotContain("/r51");
    assertThat(v.findings()).hasSize(53);
  }

  @Test
  void exactlyFiftyFindingsAreAllListed() {
    Findings findings = Findings.of("INV-03", "");
    for (int i = 1; i <= 50; i++) {
      findings.add("/r" + i, "sse");
    }

    assertThat(findings.violation().orElseThrow().getMessage()).endsWith("\n  /r50: sse").doesNotContain("more");
  }

  @Test
  void combiningKeepsEverySectionInOrderAndNeedsAPart() {
    InvariantViolation a = new InvariantViolation("INV-02", "HTTP only", List.of(new Finding("INV-02", "ws", "accepted")));
    InvariantViolation b = new InvariantViolation("INV-06", "", List.of(new Finding("INV-06", "GET /runs", "changed")));
    InvariantViolation c = new InvariantViolation("INV-02", "again", List.of(new Finding("INV-02", "ws2", "accepted")));

    InvariantViolation all = InvariantViolation.combining(List.of(a, b, c));

    assertThat(all).hasMessage("INV-02 violated: 1 finding(s) — HTTP only\n  ws: accepted\n"
        + "INV-06 violated: 1 finding(s)\n  GET /runs: changed\n"
        + "INV-02 violated: 1 finding(s) — again\n  ws2: accepted");
    assertThat(all.invariants()).containsExactly("INV-02", "INV-06");
    assertThat(all.invariant()).isEqualTo("INV-02");
    assertThat(all.findings()).hasSize(3);
    assertThat(InvariantViolation.combining(List.of(b))).isSameAs(b);
    assertThatThrownBy(() -> InvariantViolation.combining(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a violation needs at least one part");
  }

  @Test
  void aDescriptionPrefixesTheMessageKeepsTheDataAndTheStackTrace() {
    InvariantViolation v = new InvariantViolation("INV-05", "frozen", List.of(new Finding("INV-05", "POST /runs", "201")));

    InvariantViolation described = v.describedAs("staging");

    assertThat(described).hasMessage("[staging] INV-05 violated: 1 finding(s) — frozen\n  POST /runs: 201");
    assertThat(described.findings()).isEqualTo(v.findings());
    assertThat(described.getStackTrace()).isEqualTo(v.getStackTrace());
    assertThat(v.describedAs(" ")).isSameAs(v);
    assertThat(v.describedAs(null)).isSameAs(v);
  }

  @Test
  void aFindingReadsAsLocationThenMessageAndKnowsWhetherItNamesAnInvariant() {
    assertThat(new Finding("INV-01", "a.proto:3", "field renumbered")).hasToString("a.proto:3: field renumbered");
    assertThat(new Finding("INV-01", null, "no location")).hasToString("no location");
    assertThat(new Finding("INV-01", null, "x").location()).isEmpty();
    assertThat(new Finding("INV-01", "", "x", null).evidence()).isEmpty();
    assertThat(new Finding("INV-01", "", "x").attributed()).isTrue();
    assertThat(new Finding(" ", "", "x").attributed()).isFalse();
    assertThatThrownBy(() -> new Finding(null, "", "x")).hasMessage("invariant");
    assertThatThrownBy(() -> new Finding("INV-01", "", null)).hasMessage("message");
  }

  @Test
  void softFindingsFailOnceAcrossInvariantsAndOnlyWhenSomethingWasFound() {
    SoftFindings soft = new SoftFindings();
    Findings sse = soft.of("INV-03", "WS only");
    soft.of("INV-06", "delivery only");
    assertThat(soft.isEmpty()).isTrue();
    assertThat(soft.violation()).isEmpty();
    soft.assertAll();

    sse.add("/events", "serves SSE");
    soft.of(" INV-06 ", "ignored: the first rule names it").add("GET /runs", "changed");

    assertThat(soft.isEmpty()).isFalse();
    assertThat(soft.list()).extracting(Finding::invariant).containsExactly("INV-03", "INV-06");
    InvariantViolation v = catchThrowableOfType(InvariantViolation.class, soft::assertAll);
    assertThat(v).hasMessage("INV-03 violated: 1 finding(s) — WS only\n  /events: serves SSE\n"
        + "INV-06 violated: 1 finding(s) — delivery only\n  GET /runs: changed");
  }

  @Test
  void anAssertionPassesReturningItselfAndFailsWithItsDescription() {
    RoutesAssert ok = new RoutesAssert(List.of("/runs"));
    assertThat(ok.hasNoEventStreams()).isSameAs(ok);
    assertThat(ok.hasNoEventStreamsOrPolling()).isSameAs(ok);

    InvariantViolation v = catchThrowableOfType(InvariantViolation.class,
        () -> new RoutesAssert(List.of("/a/events", "/b/poll")).as("staging").hasNoEventStreamsOrPolling());
    assertThat(v).hasMessageStartingWith("[staging] INV-03 violated: 1 finding(s)");
    assertThat(v.invariants()).containsExactly("INV-03", "INV-06");

    InvariantViolation single = catchThrowableOfType(InvariantViolation.class,
        () -> new RoutesAssert(List.of("/a/events")).hasNoEventStreams());
    assertThat(single).hasMessage("INV-03 violated: 1 finding(s) — live sync is WS-only\n  /a/events: serves SSE");
  }
}
