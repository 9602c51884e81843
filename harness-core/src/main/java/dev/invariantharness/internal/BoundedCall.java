package dev.invariantharness.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a call on its own daemon thread and waits at most a bound for it, so a fixture that hangs
 * while starting or closing fails with a message instead of hanging the build.
 */
public final class BoundedCall {

  private BoundedCall() {}

  /** Thrown when the call did not finish in time; the message says what and how long. */
  public static final class TimedOut extends Exception {
    private static final long serialVersionUID = 1L;

    TimedOut(String message) {
      super(message);
    }
  }

  /**
   * The call's result, or its exception unwrapped.
   *
   * @throws TimedOut when {@code limit} passed first; the call's thread is interrupted
   */
  public static <T> T call(String what, Duration limit, Callable<T> call) throws Exception {
    FutureTask<T> task = new FutureTask<>(call);
    Thread t = new Thread(task, "invariant-harness: " + what);
    t.setDaemon(true);
    t.start();
    try {
      return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new TimedOut(what + " did not finish within " + format(limit));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** {@code 250ms}, {@code 10s}, {@code 2m 5s}. */
  public static String format(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + "ms";
    }
    long s = d.getSeconds();
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60 == 0 ? "" : " " + (s % 60) + "s");
  }
}
