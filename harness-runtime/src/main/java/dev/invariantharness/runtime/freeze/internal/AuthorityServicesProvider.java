package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import dev.invariantharness.runtime.freeze.AuthorityServices;

/**
 * Injects {@link AuthorityServices} into {@code @InvariantTest} methods. Registered in
 * {@code META-INF/services/dev.invariantharness.fixture.FixtureProvider}; users must not use this
 * class directly.
 */
public final class AuthorityServicesProvider implements FixtureProvider<AuthorityServices> {

  @Override
  public Class<AuthorityServices> type() {
    return AuthorityServices.class;
  }

  @Override
  public AuthorityServices create(FixtureContext context) {
    return AuthorityServices.fromConfiguration(context.configuration());
  }
}
