package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.fixture.FixtureProvider;
import dev.invariantharness.gate.GateInputs;
import dev.invariantharness.gate.GateMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * What every capability of the harness extension shares for one engine run: configuration, the
 * gate inputs, fixture providers, the redactor and the evidence staging directory. Created once,
 * on first use, in the root {@link ExtensionContext.Store}, and never in a field: the extension
 * classes are stateless, as JUnit's own are.
 *
 * @param config the harness configuration
 * @param inputs the gate inputs, or null when they could not be assembled ({@link #problem})
 * @param problem why the gate inputs could not be assembled; every test fails with it
 * @param providers fixture providers found with {@link ServiceLoader}
 * @param redactor the redactor for this configuration
 * @param evidenceStaging where evidence is written while the run lasts
 * @param environmentsKeyed whether several environments were asked for, so row ids name theirs;
 *     read once, since every test asks
 * @param secrets this engine run's hold on the run's secret scope, shared with the run's report
 *     listener; released when JUnit closes the root context's store
 */
record RunState(HarnessConfiguration config, GateInputs inputs, HarnessInputException problem,
    List<FixtureProvider<?>> providers, Redactor redactor, Path evidenceStaging, boolean environmentsKeyed,
    RunSecrets.Lease secrets) implements AutoCloseable {

  static final Namespace NAMESPACE = Namespace.create("dev.invariantharness");

  /** The run's state, created on first use and shared by every test of the engine run. */
  static RunState of(ExtensionContext context) {
    return StoreValues.computeIfAbsent(context.getRoot().getStore(NAMESPACE), RunState.class, k -> create(context), RunState.class);
  }

  private static RunState create(ExtensionContext context) {
    HarnessConfiguration given = HarnessConfiguration.of(context::getConfigurationParameter);
    // The run's listener holds the same scope: what either reads as a secret, both hide. JUnit
    // closes the lease with the engine's root context.
    RunSecrets.Lease secrets = RunSecrets.lease(RunIdentity.of(given));
    HarnessConfiguration config = given.withKnownSecrets(secrets.scope());
    GateInputs inputs = null;
    HarnessInputException problem = null;
    try {
      inputs = GateInputs.from(config);
    } catch (HarnessInputException e) {
      problem = e;
    }
    List<FixtureProvider<?>> providers = new ArrayList<>();
    for (FixtureProvider<?> p : ServiceLoader.load(FixtureProvider.class, Thread.currentThread().getContextClassLoader())) {
      providers.add(p);
    }
    Path staging = config.reportDirectory().toAbsolutePath().resolve(".staging").resolve(RunIdentity.of(config));
    return new RunState(config, inputs, problem, List.copyOf(providers), ReportPublisher.redactor(config), staging,
        EnvironmentTemplates.keyed(config), secrets);
  }

  /**
   * The gate inputs.
   *
   * @throws HarnessInputException when the configuration names a malformed value or file: a gate
   *     that cannot be judged fails every check rather than passing silently
   */
  GateInputs requireInputs() {
    if (problem != null) {
      throw new HarnessInputException(problem.input(), problem.line(),
          problem.problem() + " — the invariant gate cannot be judged, so every check fails until this is fixed", problem);
    }
    return inputs;
  }

  /** Releases the run's secret scope; JUnit calls this when the engine's root context closes. */
  @Override
  public void close() {
    secrets.close();
  }

  /** The configuration as a test under {@code context} sees it: in its {@code @PerEnvironment} run's environment. */
  HarnessConfiguration configFor(ExtensionContext context) {
    return EnvironmentTemplates.environmentOf(context).map(config::withEnvironment).orElse(config);
  }

  /** Whether the run gates (FAIL_ON_REQUIRED_FAILURE=1); true when the inputs are broken. */
  boolean gating() {
    return inputs == null || inputs.mode() == GateMode.GATING;
  }
}
