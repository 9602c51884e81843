package dev.invariantharness.deploy.backfill;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.deploy.backfill.internal.Hashing;
import dev.invariantharness.finding.Findings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Verifies a backfill manifest against the stores as they are now (INV-09): every store's
 * {@code after_sha256} is deterministic (two reads hash alike) and matches the store; every
 * expected count key is present; counts lie within the environment's baseline.
 *
 * <pre>{@code
 * ManifestVerifier.against(CountBaseline.read(baselineFile))
 *     .verify(BackfillManifest.read(manifestFile), Path.of("apps/openagents.com"))
 *     .assertNone();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ManifestVerifier {

  private final CountBaseline baseline;
  private HashProgress progress = HashProgress.SILENT;

  private ManifestVerifier(CountBaseline baseline) {
    this.baseline = baseline;
  }

  /** A verifier expecting {@code baseline}'s count keys and bounds. */
  public static ManifestVerifier against(CountBaseline baseline) {
    return new ManifestVerifier(baseline);
  }

  /** Reports hashing progress to {@code progress}. Returns {@code this}. */
  public ManifestVerifier withProgress(HashProgress progress) {
    this.progress = progress;
    return this;
  }

  /** Checks every store; relative store paths resolve against {@code root}. */
  public Findings verify(BackfillManifest manifest, Path root) {
    Findings f = Findings.of("INV-09", "backfill manifest matches the stores and the count baseline");
    for (BackfillManifest.Store s : manifest.stores()) {
      Path path = root.resolve(s.path());
      String where = s.store() + " (" + s.path() + ")";
      if (!Files.isRegularFile(path)) {
        f.add(where, "store-missing: store " + s.store() + " is not at " + path);
      } else {
        try {
          String first = Hashing.sha256(path, progress);
          String second = Hashing.sha256(path, HashProgress.SILENT);
          if (!first.equals(second)) {
            f.add(where, "after-hash-not-deterministic: store " + s.store() + " hashed " + first + " then " + second
                + " (it is changing under the check)");
          } else if (!first.equals(s.afterSha256())) {
            f.add(where, "after-hash-mismatch: store " + s.store() + " manifest after_sha256 " + s.afterSha256()
                + ", store now " + first);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot hash " + path, e);
        }
      }
      Map<String, CountBaseline.Range> expected = baseline.stores().get(s.store());
      if (expected == null) {
        continue;
      }
      expected.forEach((key, range) -> {
        Long v = s.counts().get(key);
        if (v == null) {
          f.add(where, "count-key-missing: store " + s.store() + " has no count " + key + " (expected keys "
              + String.join(", ", expected.keySet()) + ")");
        } else if (!range.holds(v)) {
          f.add(where, "count-out-of-baseline: store " + s.store() + " count " + key + " = " + v + ", baseline expects "
              + range.describe());
        }
      });
    }
    return f;
  }
}
