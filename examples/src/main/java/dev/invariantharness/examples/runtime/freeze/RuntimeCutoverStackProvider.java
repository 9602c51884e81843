package dev.invariantharness.examples.runtime.freeze;

import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;

/**
 * Injects a started {@link RuntimeCutoverStack} into {@code @InvariantTest} methods, a fresh one
 * per test (tests switch modes). {@code invariant.examples.runtime.variant} ({@code correct},
 * {@code frozen-without-code}, {@code accepts-in-read-only}, {@code applies-while-frozen},
 * {@code reads-frozen}, {@code healthz-lies}, {@code legacy-partial-freeze}, {@code drops-accepted-writes}, the {@code legacy-*} variants of
 * {@link RuntimeVariant})
 * chooses the defects;
 * requests are bounded by {@code invariant.harness.timeout.http}.
 */
public final class RuntimeCutoverStackProvider implements FixtureProvider<RuntimeCutoverStack> {

  /** Configuration key that selects the variant. */
  public static final String VARIANT = "invariant.examples.runtime.variant";

  @Override
  public Class<RuntimeCutoverStack> type() {
    return RuntimeCutoverStack.class;
  }

  @Override
  public RuntimeCutoverStack create(FixtureContext context) throws Exception {
    RuntimeVariant variant = RuntimeVariant.parse(context.configuration().get(VARIANT).orElse("correct"));
    return RuntimeCutoverStack.start(variant, context.configuration().timeout("http"));
  }
}
