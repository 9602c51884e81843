package dev.invariantharness.runtime.freeze.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a user's mode switch (a redeploy, an admin call) on a daemon thread of its own and waits
 * for it at most a bound: a switch that hangs must fail the check, never hang the build.
 */
public final class BoundedSwitch {

  /** A switch that may throw anything. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private BoundedSwitch() {}

  /** Runs {@code action}; empty when it returned within {@code limit}, else why not. */
  public static Optional<String> run(Action action, Duration limit) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        action.run();
        done.complete(null);
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }, "cutover-mode-switch");
    worker.setDaemon(true);
    worker.start();
    try {
      done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (TimeoutException e) {
      worker.interrupt();
      return Optional.of("the mode switch did not return within " + limit.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return Optional.of(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while switching");
    }
  }
}
