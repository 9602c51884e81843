package dev.invariantharness.deploy.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.deploy.cli.DeployCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's in-place rollback killed (SIGKILL) at random instants, 50 times: every store must be
 * byte for byte either its post-backfill content or its backup, never a mix, and a rerun must
 * finish the rollback.
 */
class RollbackKillTest {

  private static final int KILLS = 50;
  private static final int STORE_BYTES = 3 << 20;

  @TempDir Path dir;

  private Process rollback(BackfillFixture fx) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        DeployCommand.class.getName(), "rollback", fx.manifest.toString(), "--root", fx.root.toString())
        .redirectErrorStream(true).redirectOutput(fx.root.resolveSibling("child-" + System.nanoTime() + ".log").toFile()).start();
  }

  @Test
  void aKilledRollbackLeavesEveryStoreFullyOldOrFullyNew() throws Exception {
    // two storage trees killed side by side: the machine's two cores, half the wall time
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> killRepeatedly(dir.resolve("a"), KILLS / 2, 1));
      var b = pool.submit(() -> killRepeatedly(dir.resolve("b"), KILLS - KILLS / 2, 2));
      int[] x = a.get(5, TimeUnit.MINUTES);
      int[] y = b.get(5, TimeUnit.MINUTES);
      // the kills landed on both sides of the renames, or the test proved nothing
      assertThat(x[0] + y[0]).isPositive();
      assertThat(x[1] + y[1]).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  private int[] killRepeatedly(Path root, int kills, long seed) throws Exception {
    BackfillFixture fx = BackfillFixture.create(root.resolve("storage"), STORE_BYTES);
    List<String> stores = List.of("auth", "codex_threads");
    byte[][] after = new byte[stores.size()][];
    byte[][] before = new byte[stores.size()][];
    for (int i = 0; i < stores.size(); i++) {
      after[i] = Files.readAllBytes(fx.root.resolve("stores/" + stores.get(i) + ".json"));
      before[i] = Files.readAllBytes(fx.root.resolve("backups/" + stores.get(i) + ".json.bak"));
    }
    byte[] domain = Files.readAllBytes(fx.root.resolve("stores/domain.json"));

    // how long one uninterrupted rollback takes here, so kills spread over its whole run
    long t0 = System.nanoTime();
    Process whole = rollback(fx);
    assertThat(whole.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(whole.exitValue()).isZero();
    long fullMillis = Math.max(50, (System.nanoTime() - t0) / 1_000_000);

    Random random = new Random(seed);
    int sawOld = 0;
    int sawNew = 0;
    for (int k = 0; k < kills; k++) {
      // put the post-backfill state back, then roll back and kill at a random instant
      for (int i = 0; i < stores.size(); i++) {
        Files.write(fx.root.resolve("stores/" + stores.get(i) + ".json"), after[i]);
      }
      Files.write(fx.root.resolve("stores/domain.json"), domain);
      Process p = rollback(fx);
      long delay = (long) (random.nextDouble() * fullMillis * 1.1);
      if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < stores.size(); i++) {
        byte[] now = Files.readAllBytes(fx.root.resolve("stores/" + stores.get(i) + ".json"));
        boolean isOld = Arrays.equals(now, after[i]);
        boolean isNew = Arrays.equals(now, before[i]);
        assertThat(isOld || isNew).as("kill %d after %d ms: store %s is torn (%d bytes)", k, delay, stores.get(i), now.length)
            .isTrue();
        if (isOld) {
          sawOld++;
        } else {
          sawNew++;
        }
      }
      for (int i = 0; i < stores.size(); i++) {
        assertThat(Files.readAllBytes(fx.root.resolve("backups/" + stores.get(i) + ".json.bak"))).isEqualTo(before[i]);
      }
    }
    Process finish = rollback(fx);
    assertThat(finish.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(finish.exitValue()).isZero();
    for (int i = 0; i < stores.size(); i++) {
      assertThat(Files.readAllBytes(fx.root.resolve("stores/" + stores.get(i) + ".json"))).isEqualTo(before[i]);
    }
    List<Path> leftovers = new ArrayList<>();
    try (var s = Files.list(fx.root.resolve("stores"))) {
      s.filter(p -> !p.getFileName().toString().endsWith(".json")).forEach(leftovers::add);
    }
    // a killed restore may leave a temp file, never a torn store; they are named as such
    assertThat(leftovers).allSatisfy(p -> assertThat(p.getFileName().toString()).startsWith(".ih-restore-"));
    return new int[] {sawOld, sawNew};
  }
}
