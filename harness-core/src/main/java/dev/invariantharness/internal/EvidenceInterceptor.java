package dev.invariantharness.internal;

import dev.invariantharness.evidence.EvidenceLog;
import dev.invariantharness.evidence.EvidenceRef;
import dev.invariantharness.evidence.internal.CurrentEvidence;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The evidence capability of {@code @InvariantTest}: binds the check's {@link EvidenceLog} on
 * the thread that runs each invocation (test, template, dynamic test, before/after each), and
 * after the test publishes every piece of evidence as a report entry — one entry per piece, its
 * name, kind and path as separate keys — so the report listener links it from the row. The log
 * lives in the test's {@link ExtensionContext.Store}. Users must not use this class directly.
 */
public final class EvidenceInterceptor implements InvocationInterceptor, AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    publish(context);
  }

  /**
   * A dynamic test is a row of its own: it gets its own evidence log, and since JUnit runs no
   * {@code afterEach} per dynamic test, its evidence is published here, under its own id.
   */
  @Override
  public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
      ExtensionContext context) throws Throwable {
    try {
      withEvidence(invocation, context, CheckDescriptor.ofFactory(context));
    } finally {
      publish(context);
    }
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    withEvidence(invocation, context, CheckDescriptor.of(context));
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    withEvidence(invocation, context, CheckDescriptor.of(context));
  }

  @Override
  public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    withEvidence(invocation, context, CheckDescriptor.of(context));
  }

  @Override
  public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    withEvidence(invocation, context, CheckDescriptor.of(context));
  }

  private static void withEvidence(Invocation<Void> invocation, ExtensionContext context, Optional<CheckDescriptor> d)
      throws Throwable {
    if (d.isEmpty()) {
      invocation.proceed();
      return;
    }
    try (CurrentEvidence.Binding binding = CurrentEvidence.bind(log(context, d.get()))) {
      invocation.proceed();
    }
  }

  /** The check's evidence log, created on first use in the test's store. */
  static EvidenceLog log(ExtensionContext context, CheckDescriptor d) {
    RunState run = RunState.of(context);
    String name = d.checkId() + CheckDescriptor.invocationSuffix(context);
    return StoreValues.computeIfAbsent(context.getStore(RunState.NAMESPACE), EvidenceLog.class,
        k -> new EvidenceLog(run.evidenceStaging(), name, run.redactor()), EvidenceLog.class);
  }

  private static void publish(ExtensionContext context) {
    EvidenceLog log = context.getStore(RunState.NAMESPACE).get(EvidenceLog.class, EvidenceLog.class);
    if (log == null) {
      return;
    }
    for (EvidenceRef ref : log.list()) {
      context.publishReportEntry(Map.of(
          InvariantReportListener.EVIDENCE_NAME, ref.name().isBlank() ? ref.path() : ref.name(),
          InvariantReportListener.EVIDENCE_KIND, ref.kind(),
          InvariantReportListener.EVIDENCE_PATH, ref.path()));
    }
  }
}
