package dev.invariantharness.examples.khala;

import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import java.util.Locale;

/**
 * Injects a started {@link ReferenceKhalaService} into {@code @InvariantTest} methods, one per
 * test class. {@code invariant.examples.khala.variant} ({@code correct},
 * {@code resend-after-resume}, {@code skip-on-resume}, {@code sse-endpoint},
 * {@code mutation-over-ws}, {@code silent-subscribe}) chooses the service's defect.
 */
public final class ReferenceKhalaProvider implements FixtureProvider<ReferenceKhalaService> {

  /** Configuration key that selects the service's variant. */
  public static final String VARIANT = "invariant.examples.khala.variant";

  @Override
  public Class<ReferenceKhalaService> type() {
    return ReferenceKhalaService.class;
  }

  @Override
  public ReferenceKhalaService create(FixtureContext context) {
    String variant = context.configuration().get(VARIANT).orElse("correct");
    return ReferenceKhalaService.start(ReferenceKhalaService.Variant.valueOf(variant.toUpperCase(Locale.ROOT).replace('-', '_')));
  }

  @Override
  public Scope scope() {
    return Scope.CLASS;
  }
}
