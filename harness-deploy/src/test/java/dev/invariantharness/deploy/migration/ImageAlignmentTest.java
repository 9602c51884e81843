package dev.invariantharness.deploy.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAlignmentTest {

  static final String A = "registry.example/runtime@sha256:" + "a".repeat(64);
  static final String B = "registry.example/runtime@sha256:" + "b".repeat(64);

  @TempDir Path dir;

  private DeployDescriptor descriptor(String service, String job, String executions) throws Exception {
    Path f = dir.resolve("deploy.json");
    Files.writeString(f, "{\"service\":{\"name\":\"runtime\",\"image\":\"" + service + "\"},"
        + "\"migrate_job\":{\"name\":\"runtime-migrate\",\"image\":\"" + job + "\"},"
        + "\"executions\":[" + executions + "],\"overlap_window\":{\"open\":false}}");
    return DeployDescriptor.read(f);
  }

  private static String exec(String id, String image, String status, String at) {
    return "{\"id\":\"" + id + "\",\"image\":\"" + image + "\",\"status\":\"" + status + "\",\"completed_at\":\"" + at + "\"}";
  }

  @Test
  void sameDigestAndLatestSuccessfulRunWithItIsAligned() throws Exception {
    // an older run of another image and a later failed one do not matter
    ImageAlignment.of(descriptor(A, A, exec("m-1", B, "succeeded", "2026-02-20T10:00:00Z") + ","
        + exec("m-2", A, "succeeded", "2026-02-21T10:00:00Z") + "," + exec("m-3", B, "failed", "2026-02-22T10:00:00Z")))
        .assertAligned();
  }

  @Test
  void jobOnAnotherDigestIsAMismatch() throws Exception {
    assertThat(ImageAlignment.of(descriptor(A, B, exec("m-1", A, "succeeded", "2026-02-21T10:00:00Z"))).findings().list())
        .extracting(Finding::message).containsExactly("image-digest-mismatch: service runtime runs sha256:" + "a".repeat(64)
            + " but migrate job runtime-migrate runs sha256:" + "b".repeat(64));
  }

  @Test
  void latestSuccessfulMigrationOnAnotherImageIsAMismatch() throws Exception {
    assertThatThrownBy(() -> ImageAlignment.of(descriptor(A, A, exec("m-1", A, "succeeded", "2026-02-20T10:00:00Z") + ","
        + exec("m-2", B, "succeeded", "2026-02-21T10:00:00Z"))).assertAligned())
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.invariant()).isEqualTo("INV-09");
          assertThat(v.findings()).singleElement().satisfies(f ->
              assertThat(f.message()).startsWith("latest-migration-image-mismatch: the latest successful migration m-2 ran"));
        });
  }

  @Test
  void tagsAreNotPinsAndNoSuccessIsAFinding() throws Exception {
    assertThat(ImageAlignment.of(descriptor("registry.example/runtime:latest", A, exec("m-1", A, "failed",
        "2026-02-20T10:00:00Z"))).findings().list()).extracting(Finding::message).containsExactly(
        "image-not-pinned: service runtime image registry.example/runtime:latest is not pinned by a sha256 digest",
        "no-successful-migration: migrate job runtime-migrate has no succeeded execution");
  }

  @Test
  void aDescriptorWithoutTheJobImageNamesTheField() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"service\":{\"name\":\"runtime\",\"image\":\"" + A + "\"},\"migrate_job\":{\"name\":\"m\"}}");
    assertThatThrownBy(() -> DeployDescriptor.read(f)).isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("field migrate_job.image is missing");
  }
}
