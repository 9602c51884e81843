package dev.invariantharness.khala.replay;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Checks one frame log file and prints the verdict; run in a separate JVM with a small heap by
 * {@link LargeFrameLogTest}, to show the check's memory does not grow with the log. Exits 0 for
 * a clean log, 1 for violations.
 */
final class LargeFrameLogCheck {

  private LargeFrameLogCheck() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    ReplayReport report = ReplayCheck.of(GapPolicy.of(args[1])).check(Path.of(args[0]));
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("checked " + report.events() + " events in " + millis + " ms; max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, peak heap used "
        + peakHeap / (1024 * 1024) + " MiB");
    System.out.println(report);
    report.violations().forEach(System.out::println);
    System.exit(report.isClean() ? 0 : 1);
  }
}
