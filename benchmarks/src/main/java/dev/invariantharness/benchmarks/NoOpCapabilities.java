package dev.invariantharness.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * {@code @InvariantTest}'s registration with nothing behind it: the same tag and four extensions
 * with the interfaces of the harness's four capabilities (mapping condition, fixture resolver,
 * evidence interceptor, gate exception handler), each doing nothing. What JUnit itself charges
 * for the extension split by capability, before the harness does any work.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("invariant")
@ExtendWith({NoOpCapabilities.Mapping.class, NoOpCapabilities.Fixtures.class, NoOpCapabilities.Evidence.class,
    NoOpCapabilities.Gate.class})
public @interface NoOpCapabilities {

  /** As {@code @InvariantTest}'s lane. */
  String lane() default "default";

  /** The mapping condition's shape. */
  final class Mapping implements ExecutionCondition, BeforeEachCallback {
    private static final ConditionEvaluationResult ENABLED = ConditionEvaluationResult.enabled("no-op");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return ENABLED;
    }

    @Override
    public void beforeEach(ExtensionContext context) {}
  }

  /** The fixture resolver's shape. */
  final class Fixtures implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return false;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      throw new UnsupportedOperationException();
    }
  }

  /** The evidence interceptor's shape. */
  final class Evidence implements InvocationInterceptor, AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {}

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
        ExtensionContext context) throws Throwable {
      invocation.proceed();
    }
  }

  /** The gate exception handler's shape (its interceptions are the interface's defaults: proceed). */
  final class Gate implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler,
      InvocationInterceptor {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
      throw throwable;
    }
  }
}
