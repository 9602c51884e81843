package dev.invariantharness.deploy.backfill;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.deploy.backfill.internal.AtomicRestore;
import dev.invariantharness.deploy.backfill.internal.Hashing;
import dev.invariantharness.finding.Findings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The rollback drill (INV-10: rollback stays available for the whole mixed-version window):
 * restore each store from its backup, recompute, and prove the hash returns to
 * {@code before_sha256}. A backup whose own hash does not match the manifest is never restored.
 * Every restore is atomic (temp file in the target directory, fsync, rename, directory fsync): a
 * drill killed at any moment leaves each store fully old or fully new.
 *
 * <pre>{@code
 * RollbackDrill.into(Path.of("target/rollback-scratch")).run(manifest, root).assertNone();   // drill
 * RollbackDrill.inPlace().run(manifest, root).assertNone();                                  // the real rollback
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RollbackDrill {

  private final Path scratch;
  private HashProgress progress = HashProgress.SILENT;

  private RollbackDrill(Path scratch) {
    this.scratch = scratch;
  }

  /** A drill restoring into scratch copies under {@code scratch}; the stores are not touched. */
  public static RollbackDrill into(Path scratch) {
    return new RollbackDrill(scratch);
  }

  /** The real rollback: restores each store in place. */
  public static RollbackDrill inPlace() {
    return new RollbackDrill(null);
  }

  /** Reports hashing progress to {@code progress}. Returns {@code this}. */
  public RollbackDrill withProgress(HashProgress progress) {
    this.progress = progress;
    return this;
  }

  /** Where store {@code s} is restored to. */
  public Path targetOf(BackfillManifest.Store s, Path root) {
    return scratch == null ? root.resolve(s.path()) : scratch.resolve(s.store()).resolve(Path.of(s.path()).getFileName());
  }

  /** Restores every store and checks the before-hashes; relative paths resolve against {@code root}. */
  public Findings run(BackfillManifest manifest, Path root) {
    Findings f = Findings.of("INV-10", "every store rolls back to its before_sha256 from a verified backup");
    try {
      for (BackfillManifest.Store s : manifest.stores()) {
        Path target = targetOf(s, root);
        String where = s.store() + " (" + s.path() + ")";
        if (!s.existed()) {
          // it did not exist before the backfill: rolling back removes it
          if (scratch == null) {
            AtomicRestore.remove(target);
          }
          if (Files.exists(target)) {
            f.add(where, "restore-mismatch: store " + s.store() + " did not exist before the backfill but " + target + " remains");
          }
          continue;
        }
        Path backup = root.resolve(s.backupPath());
        if (!Files.isRegularFile(backup)) {
          f.add(where, "backup-missing: backup of store " + s.store() + " is not at " + backup);
          continue;
        }
        String backupHash = Hashing.sha256(backup, progress);
        if (!backupHash.equals(s.beforeSha256())) {
          f.add(where, "backup-hash-mismatch: backup " + s.backupPath() + " of store " + s.store() + " hashes "
              + backupHash + ", manifest before_sha256 " + s.beforeSha256() + "; not restored");
          continue;
        }
        AtomicRestore.replace(backup, target);
        String restored = Hashing.sha256(target, progress);
        if (!restored.equals(s.beforeSha256())) {
          f.add(where, "restore-mismatch: store " + s.store() + " restored to " + target + " hashes " + restored
              + ", expected before_sha256 " + s.beforeSha256());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("rollback drill failed: " + e.getMessage(), e);
    }
    return f;
  }
}
