package dev.invariantharness.khala.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;

/**
 * A Tyrus client container whose executors are never shut down but let their threads idle out.
 *
 * <p>Why: Tyrus shuts a container's executors down when the container's last session closes. With
 * a container shared by many connections, a connection opened in that moment is handed the dying
 * executor and its first send fails with a {@code RejectedExecutionException} — seen in CI as a
 * false INV-07 finding against a correct service. Here the executors outlive every session, and
 * their threads (daemons, named {@code khala-client-*}) end after {@link #IDLE_MILLIS} ms without work, so
 * nothing is kept alive once the connections are gone.
 */
final class IdlingClientManager extends ClientManager {

  /** How long an idle executor thread lives. */
  static final long IDLE_MILLIS = 2_000;

  private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_MILLIS,
      TimeUnit.MILLISECONDS, new SynchronousQueue<>(), daemons("khala-client-"));

  private static final ScheduledThreadPoolExecutor TIMERS = timers();

  private static ScheduledThreadPoolExecutor timers() {
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemons("khala-client-timer-"));
    timers.setKeepAliveTime(IDLE_MILLIS, TimeUnit.MILLISECONDS);
    timers.allowCoreThreadTimeOut(true);
    // Tyrus schedules an idle-timeout command per session and cancels it on close: drop those at once.
    timers.setRemoveOnCancelPolicy(true);
    return timers;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger next = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + next.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public ExecutorService getExecutorService() {
    return WORKERS;
  }

  @Override
  public ScheduledExecutorService getScheduledExecutorService() {
    return TIMERS;
  }

  @Override
  public void shutdown() {
    // shared by every container: the threads idle out instead
  }

  @Override
  protected void shutdown(ShutDownCondition condition) {
    // see the class comment
  }
}
