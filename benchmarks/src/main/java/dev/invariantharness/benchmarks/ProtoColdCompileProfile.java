package dev.invariantharness.benchmarks;

import dev.invariantharness.proto.ProtoChecks;
import dev.invariantharness.proto.ProtoImage;
import dev.invariantharness.proto.ProtoInput;
import dev.invariantharness.proto.internal.CompileCache;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the time of {@code ProtoBreakingBenchmark.harnessWarmInProcessColdCompile} goes: the same
 * input and the same check (compile cache cleared, a new buf.yaml), split into loading the new
 * version, loading the old one and running the rules, with the CPU time of the protoc processes
 * (their user + system time, as the kernel accounts it to this JVM once they were waited for) and
 * of the JVM itself. Not a JMH benchmark: one line per check, to read beside the JMH figures.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.invariantharness.benchmarks.ProtoColdCompileProfile 7
 * }</pre>
 */
public final class ProtoColdCompileProfile {

  private static final String CONFIG = "version: v2\nbreaking:\n  use:\n    - FILE\n";
  private static final int WARM_UP = 3;

  private ProtoColdCompileProfile() {}

  public static void main(String[] args) throws Exception {
    int checks = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Path root = Files.createTempDirectory("proto-cold");
    Path before = ProtoBreakingBenchmark.generate(root.resolve("before"), false);
    Path after = ProtoBreakingBenchmark.generate(root.resolve("after"), true);
    for (int i = 0; i < WARM_UP + checks; i++) {
      CompileCache.clear();
      String config = CONFIG + "# " + i + "\n";
      long children0 = childrenCpuMillis();
      long jvm0 = jvmCpuMillis();
      long t0 = System.nanoTime();
      ProtoImage current = ProtoInput.directory(after).withConfig(config).load();
      long t1 = System.nanoTime();
      long children1 = childrenCpuMillis();
      ProtoImage baseline = ProtoInput.directory(before).withConfig(config).load();
      long t2 = System.nanoTime();
      long children2 = childrenCpuMillis();
      int findings = ProtoChecks.breaking(current, baseline).size();
      long t3 = System.nanoTime();
      if (i >= WARM_UP) {
        System.out.printf("cold check %d: %d ms = new version %d ms (protoc CPU %d ms) + old version %d ms"
                + " (protoc CPU %d ms) + rules %d ms; JVM CPU %d ms; %d findings%n",
            i - WARM_UP + 1, ms(t3 - t0), ms(t1 - t0), children1 - children0, ms(t2 - t1), children2 - children1,
            ms(t3 - t2), jvmCpuMillis() - jvm0, findings);
      }
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static long jvmCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1_000_000;
  }

  /** cutime + cstime of /proc/self/stat (Linux, 100 ticks a second): CPU of the child processes waited for. */
  private static long childrenCpuMillis() throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
  }
}
