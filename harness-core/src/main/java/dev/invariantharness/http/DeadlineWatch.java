package dev.invariantharness.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Expires the deadlines of exchanges that run on their callers' threads. One daemon thread per
 * prober looks at the exchanges in flight every {@code tick} and sleeps without a timeout while
 * there are none, so a probe costs a set insertion and removal — not a timer scheduled, signalled
 * and cancelled per request, which woke a second thread for every call. A deadline expires at most
 * one tick late, never early.
 */
final class DeadlineWatch implements AutoCloseable {

  /** One exchange's deadline. */
  static final class Watched {
    private final CallerDeadline deadline;
    private final long dueNanos;

    private Watched(CallerDeadline deadline, long dueNanos) {
      this.deadline = deadline;
      this.dueNanos = dueNanos;
    }
  }

  private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
  private final long tickNanos;
  private final Thread thread;
  private volatile boolean idle;
  private volatile boolean closed;

  DeadlineWatch(String name, Duration tick) {
    this.tickNanos = tick.toNanos();
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts watching: {@code deadline} expires {@code after} from now unless {@link #done} comes first. */
  Watched watch(CallerDeadline deadline, Duration after) {
    if (closed) {
      throw new IllegalStateException("the prober is closed");
    }
    Watched w = new Watched(deadline, System.nanoTime() + after.toNanos());
    inFlight.add(w);
    if (idle) {
      LockSupport.unpark(thread);
    }
    return w;
  }

  /** Stops watching {@code w}. */
  void done(Watched w) {
    inFlight.remove(w);
  }

  private void run() {
    while (!closed) {
      if (inFlight.isEmpty()) {
        idle = true;
        // re-check after announcing: a watch() that saw idle == false added before this read
        if (inFlight.isEmpty() && !closed) {
          LockSupport.park(this);
        }
        idle = false;
        continue;
      }
      long now = System.nanoTime();
      for (Watched w : inFlight) {
        if (now - w.dueNanos >= 0) {
          inFlight.remove(w);
          w.deadline.expire();
        }
      }
      LockSupport.parkNanos(this, tickNanos);
    }
  }

  /** Ends the thread; exchanges still watched are expired so that their callers return. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    for (Watched w : inFlight) {
      w.deadline.expire();
    }
    inFlight.clear();
  }

  /** The tick for a prober whose deadline is {@code deadline}: a tenth of it, between 1 and 50 ms. */
  static Duration tickFor(Duration deadline) {
    long tenth = deadline.toMillis() / 10;
    return Duration.ofMillis(Math.max(1, Math.min(50, tenth)));
  }
}
