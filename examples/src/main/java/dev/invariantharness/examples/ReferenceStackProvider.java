package dev.invariantharness.examples;

import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import java.util.Locale;

/**
 * Injects a started {@link ReferenceStack} into {@code @InvariantTest} methods, one per test
 * class. {@code invariant.examples.variant} ({@code correct}, {@code sse-lane},
 * {@code unauthenticated-mutation}) chooses the defects.
 */
public final class ReferenceStackProvider implements FixtureProvider<ReferenceStack> {

  /** Configuration key that selects the stack's variant. */
  public static final String VARIANT = "invariant.examples.variant";

  @Override
  public Class<ReferenceStack> type() {
    return ReferenceStack.class;
  }

  @Override
  public ReferenceStack create(FixtureContext context) throws Exception {
    String variant = context.configuration().get(VARIANT).orElse("correct");
    return ReferenceStack.start(ReferenceControlService.Variant.valueOf(variant.toUpperCase(Locale.ROOT).replace('-', '_')));
  }

  @Override
  public Scope scope() {
    return Scope.CLASS;
  }
}
