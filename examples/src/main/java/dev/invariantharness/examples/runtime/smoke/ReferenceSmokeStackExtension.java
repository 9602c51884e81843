package dev.invariantharness.examples.runtime.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one started {@link ReferenceSmokeStack} per test run, closed by JUnit when the run
 * ends. {@value #VARIANT} ({@code correct}, {@code sw-cached}, {@code asset-not-immutable},
 * {@code not-ready}, {@code no-write-mode}, {@code token-echo}) selects its defect.
 *
 * <pre>{@code
 * @ExtendWith(ReferenceSmokeStackExtension.class)
 * class SmokeLaneGates {
 *   @Nested class ControlLane extends ControlSmokeSuite {
 *     ReferenceSmokeStack stack;
 *     @BeforeEach void on(ReferenceSmokeStack stack) { this.stack = stack; }
 *     @Override protected SmokeTarget target(HarnessConfiguration config) {
 *       return super.target(config).withBaseUrl(stack.control());
 *     }
 *   }
 * }
 * }</pre>
 */
public final class ReferenceSmokeStackExtension implements ParameterResolver {

  /** Configuration parameter selecting the stack's defect. */
  public static final String VARIANT = "invariant.examples.smoke.variant";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReferenceSmokeStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ReferenceSmokeStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SmokeVariant variant = variant(context);
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(variant, v -> {
      try {
        return ReferenceSmokeStack.start(variant);
      } catch (IOException e) {
        throw new UncheckedIOException("reference smoke stack could not start", e);
      }
    }, ReferenceSmokeStack.class);
  }

  private static SmokeVariant variant(ExtensionContext context) {
    String v = context.getConfigurationParameter(VARIANT).orElse("correct");
    try {
      return SmokeVariant.valueOf(v.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException(VARIANT + "='" + v + "' is not a smoke variant; use one of "
          + java.util.Arrays.toString(SmokeVariant.values()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }
  }
}
