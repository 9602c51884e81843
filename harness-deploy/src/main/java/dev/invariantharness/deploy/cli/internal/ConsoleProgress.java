package dev.invariantharness.deploy.cli.internal;

import dev.invariantharness.deploy.backfill.HashProgress;
import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal, plain start/done lines otherwise (logs and CI stay readable). */
public final class ConsoleProgress {

  /** Tasks smaller than this show nothing. */
  private static final long SHOW_FROM = 64L << 20;

  private ConsoleProgress() {}

  /** Progress to {@code err}: a bar when a console is attached, lines otherwise. */
  public static HashProgress to(PrintStream err) {
    boolean terminal = System.console() != null;
    return (task, total) -> {
      if (total < SHOW_FROM) {
        return HashProgress.Tracker.NONE;
      }
      if (terminal) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
            .setUnit("MiB", 1L << 20).setStyle(ProgressBarStyle.ASCII).build();
        return new HashProgress.Tracker() {
          @Override
          public void advance(long bytes) {
            bar.stepBy(bytes);
          }

          @Override
          public void close() {
            bar.close();
          }
        };
      }
      err.println(task + ": " + (total >> 20) + " MiB ...");
      long start = System.nanoTime();
      return new HashProgress.Tracker() {
        @Override
        public void advance(long bytes) {}

        @Override
        public void close() {
          err.println(task + ": done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
      };
    };
  }
}
