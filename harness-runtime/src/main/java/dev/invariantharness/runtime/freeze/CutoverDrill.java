package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.runtime.freeze.internal.BoundedSwitch;
import dev.invariantharness.runtime.freeze.internal.SideProbe;
import dev.invariantharness.runtime.freeze.internal.WriteExpectation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;

/**
 * The cutover runbook as a drill: switch both services step by step through a user-supplied
 * {@link ModeSwitch} (by default before cutover, staged cutover, rollback), and after each step
 * probe every write route of both sides and check that
 *
 * <ul>
 *   <li>each route answers what its side's state requires: 2xx on the authority side,
 *       {@code 503}/{@code 410 write_path_frozen} on the frozen side, and a refused write leaves
 *       no trace in the read paths ({@value FreezeAssertions#INVARIANT});
 *   <li>the runtime's {@code /healthz} reports the step's mode, the legacy {@code /healthz}
 *       (where it reports {@code legacy_write_freeze}) the step's freeze, and reads keep working
 *       ({@value FreezeAssertions#INVARIANT});
 *   <li>no step lets <em>both</em> sides accept writes — two authority writers
 *       ({@value FreezeAssertions#INVARIANT});
 *   <li>no step leaves <em>neither</em> side accepting writes, and every switch succeeds: a
 *       runbook that cannot be executed or leaves no writer is no rollback evidence, which
 *       legacy removal requires ({@value #ROLLBACK_INVARIANT}).
 * </ul>
 *
 * <p>As one check with the table as evidence:
 * <pre>{@code
 * @Test @Verifies({"INV-05", "INV-10"})
 * void cutoverAndRollbackDrill(HarnessConfiguration config) {
 *   CutoverDrill.of(runtime, legacy, step -> deploy.apply(step)).run().assertSafe();
 * }
 * }</pre>
 *
 * <p>As one report row per route and step ({@code POST /internal/v1/runs @ rust_active (staged
 * cutover)}), each step preceded by a row for the switch and the step-wide checks:
 * <pre>{@code
 * @TestFactory @Verifies({"INV-05", "INV-10"})
 * Stream<DynamicTest> everyRouteAtEveryStep() {
 *   return CutoverDrill.of(runtime, legacy, modeSwitch).dynamicTests();
 * }
 * }</pre>
 * The harness attaches evidence to {@code @Test} checks only, so the dynamic rows carry their
 * verdict in the row's reason; use {@link #run()} for the TSV table.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CutoverDrill {

  /** The invariant a step that leaves no writer, or a switch that fails, violates. */
  public static final String ROLLBACK_INVARIANT = "INV-10";

  private final AuthorityService runtime;
  private final AuthorityService legacy;
  private final ModeSwitch modeSwitch;
  private final List<CutoverStep> steps;
  private final Duration switchTimeout;

  private CutoverDrill(AuthorityService runtime, AuthorityService legacy, ModeSwitch modeSwitch, List<CutoverStep> steps,
      Duration switchTimeout) {
    this.runtime = runtime;
    this.legacy = legacy;
    this.modeSwitch = modeSwitch;
    this.steps = List.copyOf(steps);
    this.switchTimeout = switchTimeout;
  }

  /**
   * A drill of the runbook's steps over {@code runtime} and {@code legacy}, which need write
   * routes and read paths; each switch is bounded by three times the runtime's request timeout.
   */
  public static CutoverDrill of(AuthorityService runtime, AuthorityService legacy, ModeSwitch modeSwitch) {
    Objects.requireNonNull(modeSwitch, "modeSwitch");
    require(runtime, AuthoritySide.RUNTIME);
    require(legacy, AuthoritySide.LEGACY);
    return new CutoverDrill(runtime, legacy, modeSwitch, CutoverStep.runbook(), runtime.timeout().multipliedBy(3));
  }

  private static void require(AuthorityService service, AuthoritySide side) {
    Objects.requireNonNull(service, side.label());
    if (service.side() != side) {
      throw new IllegalArgumentException("expected the " + side.label() + " service, got the " + service);
    }
    if (service.writeRoutes().isEmpty() || service.readPaths().isEmpty()) {
      throw new HarnessInputException("drill target " + service,
          "needs write routes and read paths (withWriteRoutes, withReadPaths) to tell accepted, refused and applied writes apart");
    }
  }

  /** This drill with other steps, run in the given order. */
  public CutoverDrill withSteps(CutoverStep... steps) {
    return withSteps(Arrays.asList(steps));
  }

  /** This drill with other steps, run in the given order. */
  public CutoverDrill withSteps(List<CutoverStep> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a drill needs at least one step");
    }
    return new CutoverDrill(runtime, legacy, modeSwitch, steps, switchTimeout);
  }

  /** This drill with each {@link ModeSwitch} call bounded by {@code limit}. */
  public CutoverDrill withSwitchTimeout(Duration limit) {
    if (limit == null || limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("switch timeout must be positive, was " + limit);
    }
    return new CutoverDrill(runtime, legacy, modeSwitch, steps, limit);
  }

  /** Runs every step and reports what it saw; never throws for a violation (see {@link DrillReport#assertSafe()}). */
  public DrillReport run() {
    List<ProbeRow> rows = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (CutoverStep step : steps) {
      StepOutcome outcome = runStep(step);
      rows.addAll(outcome.rows());
      findings.addAll(outcome.stepFindings());
      findings.addAll(outcome.routeFindings());
      if (outcome.switchFailed()) {
        break;
      }
    }
    return new DrillReport(steps, rows, findings);
  }

  /**
   * The drill as dynamic tests, run in order: per step, one test that switches and runs the
   * step-wide checks ({@code step 2/3: staged cutover (...)}), then one per write route of each
   * side ({@code POST /internal/v1/runs @ rust_active (staged cutover)},
   * {@code DELETE /api/v1/runs/{id} @ legacy write freeze on (staged cutover)}).
   */
  public Stream<DynamicTest> dynamicTests() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      CutoverStep step = steps.get(i);
      AtomicReference<StepOutcome> outcome = new AtomicReference<>();
      tests.add(DynamicTest.dynamicTest("step " + (i + 1) + "/" + steps.size() + ": " + step.describe(), () -> {
        StepOutcome o = runStep(step);
        outcome.set(o);
        if (!o.stepFindings().isEmpty()) {
          throw DrillReport.violation("after step '" + step.name() + "' exactly one side writes, as its modes say", o.stepFindings());
        }
      }));
      addRouteTests(tests, step, runtime, step.runtimeMode().wireName(), outcome);
      addRouteTests(tests, step, legacy, "legacy write freeze " + (step.legacyFrozen() ? "on" : "off"), outcome);
    }
    return tests.stream();
  }

  private static void addRouteTests(List<DynamicTest> tests, CutoverStep step, AuthorityService service, String state,
      AtomicReference<StepOutcome> outcome) {
    for (WriteRoute route : service.writeRoutes()) {
      tests.add(DynamicTest.dynamicTest(route.name() + " @ " + state + " (" + step.name() + ")", () -> {
        StepOutcome o = outcome.get();
        if (o == null || o.switchFailed()) {
          throw new AssertionError("not probed: step '" + step.name() + "' did not run or could not be switched");
        }
        ProbeRow row = o.rows().stream().filter(r -> r.side() == service.side() && r.route().equals(route.name()))
            .findFirst().orElseThrow(() -> new AssertionError("no probe of " + route.name() + " at step '" + step.name() + "'"));
        if (!row.ok()) {
          throw DrillReport.violation("every write at step '" + step.name() + "' gets " + row.expected(),
              List.of(new Finding(FreezeAssertions.INVARIANT, service.side().label() + " " + row.route(), row.problem())));
        }
      }));
    }
  }

  /**
   * What one step showed.
   *
   * @param rows the probe rows
   * @param stepFindings violations of the step as a whole: switch, health, reads, traces, both/neither
   * @param routeFindings violations of single routes
   * @param switchFailed whether the switch failed, so nothing was probed
   */
  private record StepOutcome(List<ProbeRow> rows, List<Finding> stepFindings, List<Finding> routeFindings, boolean switchFailed) {}

  private StepOutcome runStep(CutoverStep step) {
    String at = "step '" + step.name() + "'";
    List<Finding> stepFindings = new ArrayList<>();
    Optional<String> switchProblem = switchTo(step);
    if (switchProblem.isPresent()) {
      stepFindings.add(new Finding(ROLLBACK_INVARIANT, at, "switching to " + step.describe() + " failed: " + switchProblem.get()
          + "; the runbook could not be executed, so the drill stops here"));
      return new StepOutcome(List.of(), stepFindings, List.of(), true);
    }
    AuthorityServiceAssert.healthProblem(runtime, step.runtimeMode())
        .ifPresent(p -> stepFindings.add(new Finding(FreezeAssertions.INVARIANT, at + " runtime GET " + runtime.healthPath(), p)));
    // the legacy health is judged only where it reports its freeze: not every legacy service does
    AuthorityServiceAssert.legacyHealthProblem(legacy, step.legacyFrozen(), false)
        .ifPresent(p -> stepFindings.add(new Finding(FreezeAssertions.INVARIANT, at + " legacy GET " + legacy.healthPath(), p)));
    SideProbe rt = SideProbe.run(runtime, WriteExpectation.runtime(step.runtimeMode()));
    SideProbe lg = SideProbe.run(legacy, WriteExpectation.legacy(step.legacyFrozen()));
    List<Finding> routeFindings = new ArrayList<>();
    for (SideProbe side : List.of(rt, lg)) {
      String label = side.service().side().label();
      for (SideProbe.RouteResult r : side.routes()) {
        if (!r.judgement().ok()) {
          routeFindings.add(new Finding(FreezeAssertions.INVARIANT, at + " " + label + " " + r.route().name(), r.judgement().problem()));
        }
      }
      for (String path : side.traces()) {
        stepFindings.add(new Finding(FreezeAssertions.INVARIANT, at + " " + label + " GET " + path,
            "changed although every write was refused: a refused write was applied"));
      }
      for (String failed : side.before().failedReads()) {
        stepFindings.add(new Finding(FreezeAssertions.INVARIANT, at + " " + label, failed + "; reads must keep working"));
      }
    }
    if (rt.acceptedAny() && lg.acceptedAny()) {
      stepFindings.add(new Finding(FreezeAssertions.INVARIANT, at, "both sides accepted writes — runtime " + rt.acceptedRoutes()
          + ", legacy " + lg.acceptedRoutes() + ": two authority writers"));
    } else if (!rt.acceptedAny() && !lg.acceptedAny()) {
      stepFindings.add(new Finding(ROLLBACK_INVARIANT, at, "neither side accepted a write: no authority writer after "
          + step.describe()));
    }
    List<ProbeRow> rows = new ArrayList<>(rt.rows(step.name()));
    rows.addAll(lg.rows(step.name()));
    return new StepOutcome(rows, stepFindings, routeFindings, false);
  }

  private Optional<String> switchTo(CutoverStep step) {
    return BoundedSwitch.run(() -> modeSwitch.switchTo(step), switchTimeout);
  }
}
