package dev.invariantharness.samples;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.finding.InvariantAssert;
import dev.invariantharness.finding.SoftFindings;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Suites whose checks fail with findings as data: inputs of the specification of how findings
 * travel from a check to the gate ({@code FindingsReachTheGateTest}).
 */
public final class FindingSamples {

  private FindingSamples() {}

  /** Verifies INV-02 and INV-06; only INV-06 is violated. */
  @InvariantTest(lane = "khala")
  public static class TwoInvariantsOneViolated {
    @Test @Verifies({"INV-02", "INV-06"})
    void mutationOverWsChangesNothing() {
      Findings.of("INV-06", "Khala is delivery, not authority")
          .add("GET /runs/42", "state changed after the WS attempt", Evidence.text("read back", "status: cancelled"))
          .assertNone();
    }
  }

  /** One check, findings of two invariants collected softly. */
  @InvariantTest(lane = "khala")
  public static class SoftAcrossInvariants {
    @Test @Verifies({"INV-02", "INV-06"})
    void mutationOverWsIsRejectedAndChangesNothing() {
      SoftFindings soft = new SoftFindings();
      Findings httpOnly = soft.of("INV-02", "authority mutations are HTTP-only");
      Findings delivery = soft.of("INV-06", "Khala is delivery, not authority");
      httpOnly.add("sync:v1 run.cancel", "answered ok instead of an error");
      delivery.add("GET /runs/42", "state changed after the WS attempt");
      soft.assertAll();
    }
  }

  /** An INV-07 finding (mitigated by the spec's file) beside an INV-03 finding (not mitigable). */
  @InvariantTest(lane = "khala")
  public static class MitigatedBesideUnmitigated {
    @Test @Verifies(value = {"INV-07", "INV-03"}, check = "khala-live")
    void liveLaneIsWsOnlyAndResumesExactly() {
      SoftFindings soft = new SoftFindings();
      soft.of("INV-07", "resume redelivers exactly the frames after the watermark").add("run:1:events", "seq 41 redelivered");
      soft.of("INV-03", "live sync is WS-only").add("GET /sync/stream", "answers 200 text/event-stream");
      soft.assertAll();
    }
  }

  /** Only a mitigable finding, in a test that also verifies INV-03. */
  @InvariantTest(lane = "khala")
  public static class OnlyMitigatedFinding {
    @Test @Verifies(value = {"INV-07", "INV-03"}, check = "khala-live")
    void liveLaneIsWsOnlyAndResumesExactly() {
      Findings.of("INV-07", "resume redelivers exactly").add("run:1:events", "seq 41 redelivered").assertNone();
    }
  }

  /** A plain assertion failure carries no findings: every verified invariant is blamed. */
  @InvariantTest(lane = "khala")
  public static class PlainFailure {
    @Test @Verifies({"INV-02", "INV-06"})
    void mutationOverWs() {
      throw new AssertionError("the WS attempt was answered ok");
    }
  }

  /** Class-level N/A declarations are never blamed for a method's failure. */
  @InvariantTest(lane = "khala")
  @NotApplicable(value = "INV-11", reason = "no iOS client")
  @NotApplicable(value = "INV-12", reason = "checked in another repository")
  public static class ClassLevelNotApplicable {
    @Test @Verifies("INV-07")
    void resume() {
      throw new AssertionError("resume redelivered seq 41 twice");
    }
  }

  /** AssertJ soft assertions holding a violation beside a plain failure. */
  @InvariantTest(lane = "control")
  public static class ViolationInsideAssertjSoftAssertions {
    @Test @Verifies({"INV-02", "INV-03"})
    void routes() {
      SoftAssertions soft = new SoftAssertions();
      soft.check(() -> Findings.of("INV-03", "live sync is WS-only").add("GET /events", "serves SSE").assertNone());
      soft.assertThat(List.of("POST /runs")).isEmpty();
      soft.assertAll();
    }
  }

  /** A fluent assertion built on {@link InvariantAssert}, described with {@code as(...)}. */
  @InvariantTest(lane = "runtime")
  public static class DescribedAssertion {
    @Test @Verifies("INV-05")
    void frozenRuntimeRejectsWrites() {
      new RouteTableAssert(List.of("POST /internal/v1/runs")).as("staging").rejectsEveryWrite();
    }
  }

  /** A tiny assertion over a list of routes that accepted a write while frozen. */
  public static final class RouteTableAssert extends InvariantAssert<RouteTableAssert, List<String>> {
    public RouteTableAssert(List<String> acceptedWrites) {
      super(acceptedWrites, RouteTableAssert.class);
    }

    public RouteTableAssert rejectsEveryWrite() {
      Findings findings = Findings.of("INV-05", "a frozen runtime rejects every authority write");
      actual.forEach(route -> findings.add(route, "answered 201 while frozen"));
      return failOn(findings);
    }
  }

  /** An optional check that fails. */
  @InvariantTest(lane = "control")
  public static class OptionalFailure {
    @Test @Verifies(value = "INV-03", required = false)
    void presentationAdapterHasNoSse() {
      Findings.of("INV-03", "live sync is WS-only").add("GET /adapter/events", "answers 200 text/event-stream").assertNone();
    }
  }
}
