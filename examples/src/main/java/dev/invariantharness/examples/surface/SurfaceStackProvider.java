package dev.invariantharness.examples.surface;

import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;

/**
 * Injects a started {@link SurfaceStack}, fresh per test. {@code invariant.examples.surface.variant}
 * ({@code correct}, {@code field-renamed}, {@code error-code}, {@code enum-missing},
 * {@code http-only-field}, {@code drops-step}, {@code ws-frame-missing}, {@code stream-missing-element},
 * and the legal {@code field-order}, {@code defaults-present}, {@code int64-as-number},
 * {@code enum-as-number}, {@code status-without-code}, {@code stream-as-array}) chooses the drift; waits are bounded by
 * {@code invariant.harness.timeout.http}.
 */
public final class SurfaceStackProvider implements FixtureProvider<SurfaceStack> {

  /** Configuration key that selects the variant. */
  public static final String VARIANT = "invariant.examples.surface.variant";
  /** Configuration key that lets surfaces send enums as numbers ({@code true}/{@code false}). */
  public static final String ENUMS_AS_NUMBERS = "invariant.examples.surface.enums-as-numbers";

  @Override
  public Class<SurfaceStack> type() {
    return SurfaceStack.class;
  }

  @Override
  public SurfaceStack create(FixtureContext context) throws Exception {
    SurfaceVariant variant = SurfaceVariant.parse(context.configuration().get(VARIANT).orElse("correct"));
    return SurfaceStack.start(variant, context.configuration().timeout("http"));
  }
}
