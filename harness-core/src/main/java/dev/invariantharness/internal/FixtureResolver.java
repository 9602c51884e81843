package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.EvidenceLog;
import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The fixture capability of {@code @InvariantTest}: resolves {@link HarnessConfiguration},
 * {@link InvariantCatalogue}, the check's {@link EvidenceLog} and every type a
 * {@link FixtureProvider} offers, with creation and closing bounded. A fixture lives in the
 * store of its scope (the test, or the class for {@link FixtureProvider.Scope#CLASS}), which
 * closes it. Users must not use this class directly.
 */
public final class FixtureResolver implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == HarnessConfiguration.class || type == InvariantCatalogue.class
        || (type == EvidenceLog.class && CheckDescriptor.of(context).isPresent())
        || provider(RunState.of(context), type).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunState run = RunState.of(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == HarnessConfiguration.class) {
      return run.configFor(context);
    }
    if (type == InvariantCatalogue.class) {
      return run.requireInputs().catalogue();
    }
    if (type == EvidenceLog.class) {
      return EvidenceInterceptor.log(context, CheckDescriptor.of(context).orElseThrow());
    }
    FixtureProvider<?> provider = provider(run, type).orElseThrow();
    ExtensionContext owner = provider.scope() == FixtureProvider.Scope.CLASS
        ? context.getTestClass().isPresent() ? classContext(context) : context
        : context;
    Store store = owner.getStore(RunState.NAMESPACE);
    Object key = List.of(provider.getClass().getName(), owner.getUniqueId());
    Fixture fixture = StoreValues.computeIfAbsent(store, key, k -> create(run.configFor(owner), provider, owner), Fixture.class);
    return fixture.value();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static Fixture create(HarnessConfiguration config, FixtureProvider<?> provider, ExtensionContext owner) {
    Duration setup = provider.setupTimeout(config);
    String name = provider.type().getSimpleName();
    FixtureContext fc = new FixtureContext(config, setup, laneOf(owner), owner.getDisplayName());
    try {
      Object value = BoundedCall.call("fixture " + name + " (" + provider.getClass().getName() + ")", setup, () -> provider.create(fc));
      if (value == null) {
        throw new ParameterResolutionException("fixture provider " + provider.getClass().getName() + " returned null for " + name);
      }
      return new Fixture(name, value, config.timeout("fixture-close"));
    } catch (BoundedCall.TimedOut e) {
      throw new ParameterResolutionException(e.getMessage()
          + " (" + provider.getClass().getSimpleName() + ".setupTimeout, by default invariant.harness.timeout.fixture);"
          + " is the target up and reachable?");
    } catch (ParameterResolutionException | HarnessInputException e) {
      throw e;
    } catch (Exception e) {
      throw new ParameterResolutionException("fixture " + name + " could not be created: " + e.getMessage(), e);
    }
  }

  private static String laneOf(ExtensionContext context) {
    return context.getTestClass().flatMap(CheckDescriptor::suiteOf).map(s -> s.lane()).orElse("default");
  }

  private static Optional<FixtureProvider<?>> provider(RunState run, Class<?> type) {
    return run.providers().stream().filter(p -> p.type() == type).findFirst()
        .or(() -> run.providers().stream().filter(p -> type.isAssignableFrom(p.type())).findFirst());
  }

  /** A created fixture; closing it is bounded too. */
  record Fixture(String name, Object value, Duration closeLimit) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (value instanceof AutoCloseable closeable) {
        try {
          BoundedCall.call("closing fixture " + name, closeLimit, () -> {
            closeable.close();
            return null;
          });
        } catch (BoundedCall.TimedOut e) {
          throw new IllegalStateException(e.getMessage() + " (invariant.harness.timeout.fixture-close); it may leak a socket or thread");
        }
      }
    }
  }
}
