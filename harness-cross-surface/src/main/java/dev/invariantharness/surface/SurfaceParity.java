package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.surface.compare.CanonicalOptions;
import dev.invariantharness.surface.internal.ScenarioRun;
import dev.invariantharness.surface.internal.Violations;
import dev.invariantharness.surface.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs one contract {@link Scenario} on every surface it names and holds the answers to each
 * other and to the proto contract: each step's answers are parsed into the operation's message
 * type, put in canonical form, stripped of volatile fields and compared with the reference
 * surface's (the step's first); each answer must give the expected outcome class; a field the
 * proto does not declare is a finding of its own (INV-01 by default).
 *
 * <p>As JUnit rows, one dynamic test per step and surface pair:
 *
 * <pre>{@code
 * @TestFactory
 * @Verifies("INV-01")
 * Stream<DynamicTest> notesAgreeOnEverySurface(NotesStack stack) {
 *   return SurfaceParity.of(Scenario.load(Path.of("src/test/resources/notes.yaml")),
 *           ProtoContract.fromReflection(stack.channel(), Duration.ofSeconds(2)),
 *           stack.http(), stack.grpc(), stack.ws())
 *       .dynamicTests();
 * }
 * }</pre>
 *
 * <p>Or in one go: {@code SurfaceParity.of(...).run()} gives a {@link ParityReport};
 * {@link #assertParity()} fails with every finding.
 *
 * <p>Surfaces are opened (e.g. a WebSocket subscribed) before the first step and stay open; the
 * caller closes them. Every call is bounded by its step's deadline.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SurfaceParity {

  private final Scenario scenario;
  private final ProtoContract contract;
  private final List<Surface> surfaces;
  private final CanonicalOptions options;
  private final StatusMapping mapping;

  private SurfaceParity(Scenario scenario, ProtoContract contract, List<Surface> surfaces, CanonicalOptions options,
      StatusMapping mapping) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.contract = Objects.requireNonNull(contract, "contract");
    this.surfaces = List.copyOf(surfaces);
    this.options = Objects.requireNonNull(options, "options");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  /** {@code scenario} held to {@code contract} on {@code surfaces}, with the standard conventions. */
  public static SurfaceParity of(Scenario scenario, ProtoContract contract, Surface... surfaces) {
    return new SurfaceParity(scenario, contract, Arrays.asList(surfaces), CanonicalOptions.standard(), StatusMapping.standard());
  }

  /** A copy with other canonical-form conventions (enums as numbers, field-name style, ...). */
  public SurfaceParity withOptions(CanonicalOptions options) {
    return new SurfaceParity(scenario, contract, surfaces, options, mapping);
  }

  /** A copy with another HTTP ↔ gRPC status mapping. */
  public SurfaceParity withStatusMapping(StatusMapping mapping) {
    return new SurfaceParity(scenario, contract, surfaces, options, mapping);
  }

  /**
   * Runs every step and returns every row.
   *
   * @throws dev.invariantharness.HarnessInputException when the scenario names an unknown surface,
   *     operation, request field or variable, naming the scenario and the step
   */
  public ParityReport run() {
    ScenarioRun run = bind();
    return new ParityReport(scenario.name(), run.all());
  }

  /** Runs every step and fails with every finding (see {@link ParityReport#assertNone()}). */
  public void assertParity() {
    run().assertNone();
  }

  /**
   * One dynamic test per step and surface pair ({@code note-lifecycle › read back: http ↔ grpc}),
   * run in step order; a failed row throws an {@code InvariantViolation} under the step's
   * invariant, and attaches the answers and the diff of their canonical forms as evidence.
   *
   * @throws dev.invariantharness.HarnessInputException as {@link #run()}, before any test is made
   */
  public Stream<DynamicTest> dynamicTests() {
    ScenarioRun run = bind();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < run.stepCount(); i++) {
      List<String> labels = run.labels(i);
      for (int j = 0; j < labels.size(); j++) {
        int step = i;
        int row = j;
        tests.add(DynamicTest.dynamicTest(scenario.name() + " › " + run.step(i).name() + ": " + labels.get(j), () -> {
          ParityRow r = run.row(step, row);
          if (!r.passed()) {
            attachEvidence(r);
          }
          Violations.throwIfAny(rule(r), r.findings());
        }));
      }
    }
    return tests.stream();
  }

  private static String rule(ParityRow r) {
    return "scenario '" + r.scenario() + "' step '" + r.step() + "': every surface answers as expected and alike";
  }

  private static void attachEvidence(ParityRow r) {
    Evidence.text("answers " + r.name(), String.join("\n", r.answers()));
    if (!r.leftCanonical().isEmpty() && !r.rightCanonical().isEmpty() && !r.leftCanonical().equals(r.rightCanonical())) {
      Evidence.diff("canonical answers " + r.name(), r.leftCanonical(), r.rightCanonical());
    }
  }

  private ScenarioRun bind() {
    return new ScenarioRun(scenario, contract, surfaces, options, mapping);
  }
}
