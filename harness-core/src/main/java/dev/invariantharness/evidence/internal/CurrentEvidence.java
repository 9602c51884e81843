package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.invariantharness.evidence.EvidenceLog;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Which {@link EvidenceLog} the {@link dev.invariantharness.evidence.Evidence} facade writes to
 * on the current thread. The harness extension binds the current check's log around each test
 * invocation, on the thread that runs it:
 *
 * <pre>{@code
 * try (CurrentEvidence.Binding binding = CurrentEvidence.bind(log)) {
 *   invocation.proceed();
 * }
 * }</pre>
 *
 * <p>Bindings nest (closing one restores the previous) and must be closed last-in first-out, on
 * the thread that opened them. Other threads (socket callbacks, executors) see no binding; code
 * that hands work to them captures {@code Evidence.current()} first.
 */
@API(status = INTERNAL, since = "0.1")
public final class CurrentEvidence {

  private static final ThreadLocal<EvidenceLog> CURRENT = new ThreadLocal<>();

  private CurrentEvidence() {}

  /** Binds {@code log} to the current thread until the returned binding is closed. */
  public static Binding bind(EvidenceLog log) {
    Objects.requireNonNull(log, "log");
    EvidenceLog previous = CURRENT.get();
    CURRENT.set(log);
    return new Binding(Thread.currentThread(), previous);
  }

  /** The log bound to the current thread, if any. */
  public static Optional<EvidenceLog> get() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Undoes one {@link #bind}; closing twice is harmless. */
  public static final class Binding implements AutoCloseable {

    private final Thread owner;
    private final EvidenceLog previous;
    private boolean closed;

    private Binding(Thread owner, EvidenceLog previous) {
      this.owner = owner;
      this.previous = previous;
    }

    /**
     * Restores the binding that was current before.
     *
     * @throws IllegalStateException when called on another thread than the one that bound,
     *     which would otherwise leave that thread writing into a finished check's evidence
     */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      if (Thread.currentThread() != owner) {
        throw new IllegalStateException(
            "an evidence binding must be closed on the thread that opened it (" + owner.getName()
                + "), not on " + Thread.currentThread().getName());
      }
      closed = true;
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
