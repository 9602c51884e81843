package dev.invariantharness.runtime.smoke.internal;

import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import dev.invariantharness.runtime.smoke.SmokeTargets;

/**
 * Injects {@link SmokeTargets} into {@code @InvariantTest} methods. Registered in
 * {@code META-INF/services/dev.invariantharness.fixture.FixtureProvider}; users must not use this
 * class directly.
 */
public final class SmokeTargetsProvider implements FixtureProvider<SmokeTargets> {

  @Override
  public Class<SmokeTargets> type() {
    return SmokeTargets.class;
  }

  @Override
  public SmokeTargets create(FixtureContext context) {
    return SmokeTargets.fromConfiguration(context.configuration());
  }
}
