package dev.invariantharness.deploy.migration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.finding.Findings;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * INV-09 image alignment, as the seed's drift check does it: the service's image digest equals
 * the migrate job's, and the latest successful migration ran with that digest. Images must be
 * pinned by digest ({@code name@sha256:...}): a tag can move under a running job.
 *
 * <pre>{@code
 * ImageAlignment.of(DeployDescriptor.read(Path.of("deploy.json"))).assertAligned();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ImageAlignment {

  private static final Pattern DIGEST = Pattern.compile(".*@(sha256:[0-9a-f]{64})");

  private final DeployDescriptor deploy;

  private ImageAlignment(DeployDescriptor deploy) {
    this.deploy = deploy;
  }

  /** The alignment check of {@code deploy}. */
  public static ImageAlignment of(DeployDescriptor deploy) {
    return new ImageAlignment(deploy);
  }

  /** Every misalignment, without failing. */
  public Findings findings() {
    Findings f = Findings.of("INV-09", "service and migrate job run the same image digest");
    Optional<String> service = digest(deploy.serviceImage());
    Optional<String> job = digest(deploy.migrateJobImage());
    if (service.isEmpty()) {
      f.add(deploy.source() + "#service.image", "image-not-pinned: service " + deploy.serviceName() + " image "
          + deploy.serviceImage() + " is not pinned by a sha256 digest");
    }
    if (job.isEmpty()) {
      f.add(deploy.source() + "#migrate_job.image", "image-not-pinned: migrate job " + deploy.migrateJobName()
          + " image " + deploy.migrateJobImage() + " is not pinned by a sha256 digest");
    }
    if (service.isPresent() && job.isPresent() && !service.get().equals(job.get())) {
      f.add(deploy.source() + "#migrate_job.image", "image-digest-mismatch: service " + deploy.serviceName() + " runs "
          + service.get() + " but migrate job " + deploy.migrateJobName() + " runs " + job.get());
    }
    Optional<DeployDescriptor.Execution> latest = deploy.executions().stream()
        .filter(e -> e.status().equals("succeeded"))
        .max(Comparator.comparing(DeployDescriptor.Execution::completedAt));
    if (latest.isEmpty()) {
      f.add(deploy.source() + "#executions", "no-successful-migration: migrate job " + deploy.migrateJobName()
          + " has no succeeded execution");
    } else if (service.isPresent()) {
      Optional<String> ran = digest(latest.get().image());
      if (ran.isEmpty() || !ran.get().equals(service.get())) {
        f.add(deploy.source() + "#executions/" + latest.get().id(), "latest-migration-image-mismatch: the latest "
            + "successful migration " + latest.get().id() + " ran " + latest.get().image() + ", not the service's "
            + service.get());
      }
    }
    return f;
  }

  /** Passes when aligned; else one INV-09 violation with every finding. */
  public ImageAlignment assertAligned() {
    findings().assertNone();
    return this;
  }

  private static Optional<String> digest(String image) {
    Matcher m = DIGEST.matcher(image);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
