package dev.invariantharness.internal;

import dev.invariantharness.config.HarnessConfiguration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One run of a {@code @PerEnvironment} suite per configured environment. The environment is kept
 * in the invocation's store, where every test below it finds it: the harness's configuration and
 * fixtures then see that environment, and check ids carry it. Users must not use this class
 * directly.
 */
public final class EnvironmentTemplates implements ClassTemplateInvocationContextProvider {

  private static final String KEY = "environment";

  @Override
  public boolean supportsClassTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
    HarnessConfiguration config = RunState.of(context).config();
    return config.environments().stream().map(env -> new ClassTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return env;
      }

      @Override
      public void prepareInvocation(ExtensionContext invocation) {
        invocation.getStore(RunState.NAMESPACE).put(KEY, env);
      }
    });
  }

  /** The environment of the {@code @PerEnvironment} run {@code context} is in, if any. */
  static Optional<String> environmentOf(ExtensionContext context) {
    return Optional.ofNullable(context.getStore(RunState.NAMESPACE).get(KEY, String.class));
  }

  /** Whether several environments were asked for, so rows must say which one they ran in. */
  static boolean keyed(HarnessConfiguration config) {
    return config.get(HarnessConfiguration.ENVIRONMENTS).isPresent();
  }
}
