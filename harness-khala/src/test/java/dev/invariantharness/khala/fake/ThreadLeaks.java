package dev.invariantharness.khala.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds threads a test started and did not stop. */
final class ThreadLeaks {

  private ThreadLeaks() {}

  /**
   * Names of the threads alive now that were not alive in {@code before}, after giving each until
   * {@code limit} to end (joining is the bounded wait: no sleeping).
   */
  static List<String> aliveAfter(Set<Thread> before, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    List<String> leftover = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t)) {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        if (t.isAlive()) {
          leftover.add(t.getName());
        }
      }
    }
    return leftover;
  }
}
