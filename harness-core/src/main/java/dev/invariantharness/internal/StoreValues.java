package dev.invariantharness.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * Values the extension keeps in JUnit's {@link Store}, created on first use. The harness is built
 * against the Jupiter 5.14 API, where {@code getOrComputeIfAbsent} is the only way; JUnit 6 adds
 * {@code computeIfAbsent} and deprecates the old method (6.1), so on JUnit 6 the new one is used,
 * found once when this class loads. Users must not use this class directly.
 */
public final class StoreValues {

  /** {@code Store.computeIfAbsent(key, creator, type)} when the running JUnit has it, else null. */
  private static final MethodHandle COMPUTE_IF_ABSENT = computeIfAbsent();

  private StoreValues() {}

  /** The value under {@code key}, created by {@code creator} when there is none yet. */
  @SuppressWarnings({"unchecked", "deprecation"})
  public static <K, V> V computeIfAbsent(Store store, K key, Function<K, V> creator, Class<V> type) {
    if (COMPUTE_IF_ABSENT != null) {
      try {
        return (V) COMPUTE_IF_ABSENT.invoke(store, key, creator, type);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException("Store.computeIfAbsent failed for key " + key, t);
      }
    }
    return store.getOrComputeIfAbsent(key, creator, type);
  }

  /** Whether the running JUnit's store has {@code computeIfAbsent} (JUnit 6) and the harness uses it. */
  public static boolean usesComputeIfAbsent() {
    return COMPUTE_IF_ABSENT != null;
  }

  private static MethodHandle computeIfAbsent() {
    try {
      return MethodHandles.publicLookup().findVirtual(Store.class, "computeIfAbsent",
          MethodType.methodType(Object.class, Object.class, Function.class, Class.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
