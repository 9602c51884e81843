package dev.invariantharness.benchmarks;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * An extension with the same callback interfaces as the harness's, doing nothing: what JUnit
 * itself spends per test on an extension of that shape, the floor under the harness's overhead.
 */
public final class NoOpExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver,
    TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler, InvocationInterceptor {

  private static final ConditionEvaluationResult ENABLED = ConditionEvaluationResult.enabled("no-op");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return ENABLED;
  }

  @Override
  public void beforeEach(ExtensionContext context) {}

  @Override
  public void afterEach(ExtensionContext context) {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return false;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw throwable;
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    invocation.proceed();
  }
}
