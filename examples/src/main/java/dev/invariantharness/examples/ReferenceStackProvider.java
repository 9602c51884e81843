package dev.invariantharness.examples;

import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import java.util.Locale;

/**
 * Injects a started {@link ReferenceStack} into {@code @InvariantTest} methods, one per test
 * class. {@code invariant.examples.variant} ({@code correct}, {@code sse-lane},
 * {@code unauthenticated-mutation}) chooses the service's defects;
 * {@code invariant.examples.broken-repository=true} adds a GitHub workflow and a polling lane to
 * the repository.
 */
public final class ReferenceStackProvider implements FixtureProvider<ReferenceStack> {

  /** Configuration key that selects the stack's variant. */
  public static final String VARIANT = "invariant.examples.variant";

  /** Configuration key that breaks the repository. */
  public static final String BROKEN_REPOSITORY = "invariant.examples.broken-repository";

  @Override
  public Class<ReferenceStack> type() {
    return ReferenceStack.class;
  }

  @Override
  public ReferenceStack create(FixtureContext context) throws Exception {
    String variant = context.configuration().get(VARIANT).orElse("correct");
    return ReferenceStack.start(ReferenceControlService.Variant.valueOf(variant.toUpperCase(Locale.ROOT).replace('-', '_')),
        context.configuration().flag(BROKEN_REPOSITORY, false));
  }

  @Override
  public Scope scope() {
    return Scope.CLASS;
  }
}
