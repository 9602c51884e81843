package dev.invariantharness.deploy.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillTest {

  @TempDir Path dir;

  @Test
  void aManifestThatMatchesItsStoresVerifies() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir, 4096);
    ManifestVerifier.against(CountBaseline.defaults()).verify(BackfillManifest.read(fx.manifest), fx.root).assertNone();
  }

  @Test
  void aWrongAfterHashIsInv09() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir, 4096);
    Files.writeString(fx.root.resolve("stores/auth.json"), "edited after the manifest was written");
    assertThatThrownBy(() -> ManifestVerifier.against(CountBaseline.defaults())
        .verify(BackfillManifest.read(fx.manifest), fx.root).assertNone())
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.invariant()).isEqualTo("INV-09");
          assertThat(v.findings()).singleElement().extracting(Finding::message).asString()
              .startsWith("after-hash-mismatch: store auth manifest after_sha256 ");
        });
  }

  @Test
  void aStoreWithAMissingCountKeyIsFound() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir, 64, m -> m.replace("\"sessions\":40,", ""));
    assertThat(ManifestVerifier.against(CountBaseline.defaults()).verify(BackfillManifest.read(fx.manifest), fx.root)
        .list()).extracting(Finding::message).containsExactly("count-key-missing: store auth has no count sessions"
            + " (expected keys users, sessions, personal_access_tokens)");
  }

  @Test
  void countsOutsideTheEnvironmentsBaselineAreFoundAndExtraKeysAreLegal() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir, 64, m -> m.replace("\"threads\":7", "\"threads\":7,\"archived\":2"));
    Path baseline = Files.writeString(dir.resolve("baseline.json"),
        "{\"stores\":{\"auth\":{\"users\":{\"min\":20},\"sessions\":40},\"codex_threads\":{\"threads\":{},\"messages\":{\"max\":500}}}}");
    assertThat(ManifestVerifier.against(CountBaseline.read(baseline)).verify(BackfillManifest.read(fx.manifest), fx.root)
        .list()).extracting(Finding::message)
        .containsExactly("count-out-of-baseline: store auth count users = 12, baseline expects at least 20");
  }

  @Test
  void aManifestWithAMissingOrMalformedFieldIsRejectedNamingTheField() throws Exception {
    BackfillFixture a = BackfillFixture.create(dir.resolve("a"), 64, m -> m.replaceFirst("\"after_sha256\":\"[0-9a-f]+\",", ""));
    assertThatThrownBy(() -> BackfillManifest.read(a.manifest)).isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("field stores[0].after_sha256 is missing");
    BackfillFixture b = BackfillFixture.create(dir.resolve("b"), 64, m -> m.replaceFirst("\"after_sha256\":\"[0-9a-f]", "\"after_sha256\":\"X"));
    assertThatThrownBy(() -> BackfillManifest.read(b.manifest)).hasMessageContaining("field stores[0].after_sha256 must be 64 lowercase hex digits");
    BackfillFixture c = BackfillFixture.create(dir.resolve("c"), 64, m -> m.replace("\"users\":12", "\"users\":\"12\""));
    assertThatThrownBy(() -> BackfillManifest.read(c.manifest)).hasMessageContaining("field stores[0].counts.users must be a non-negative integer");
    BackfillFixture d = BackfillFixture.create(dir.resolve("d"), 64, m -> m.replace("rust_store_migration.v1", "something.v9"));
    assertThatThrownBy(() -> BackfillManifest.read(d.manifest)).hasMessageContaining("field schema must be openagents.rust_store_migration.v1");
  }

  @Test
  void theDrillRestoresScratchCopiesToTheBeforeHashesAndLeavesTheStoresAlone() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir.resolve("s"), 100_000);
    byte[] authNow = Files.readAllBytes(fx.root.resolve("stores/auth.json"));
    Path scratch = dir.resolve("scratch");
    RollbackDrill.into(scratch).run(BackfillManifest.read(fx.manifest), fx.root).assertNone();
    assertThat(scratch.resolve("auth/auth.json")).hasSameBinaryContentAs(fx.root.resolve("backups/auth.json.bak"));
    assertThat(Files.readAllBytes(fx.root.resolve("stores/auth.json"))).isEqualTo(authNow);
  }

  @Test
  void aBackupThatDoesNotMatchTheManifestIsNeverRestored() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir.resolve("s"), 1000);
    Files.writeString(fx.root.resolve("backups/codex_threads.json.bak"), "corrupted backup");
    byte[] before = Files.readAllBytes(fx.root.resolve("stores/codex_threads.json"));
    assertThatThrownBy(() -> RollbackDrill.inPlace().run(BackfillManifest.read(fx.manifest), fx.root).assertNone())
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.invariant()).isEqualTo("INV-10");
          assertThat(v.findings()).singleElement().extracting(Finding::message).asString()
              .startsWith("backup-hash-mismatch: backup backups/codex_threads.json.bak of store codex_threads hashes")
              .endsWith("; not restored");
        });
    assertThat(Files.readAllBytes(fx.root.resolve("stores/codex_threads.json"))).isEqualTo(before);
    // the other stores did roll back, and the store that did not exist before is gone
    assertThat(fx.root.resolve("stores/auth.json")).hasSameBinaryContentAs(fx.root.resolve("backups/auth.json.bak"));
    assertThat(fx.root.resolve("stores/domain.json")).doesNotExist();
  }

  @Test
  void runHarnessWritesTheSeedsFormatAndSignedEvidenceThatVerifies() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir.resolve("s"), 1000);
    KeyPair keys = SignedEvidence.generateKeys();
    HarnessRun.Result r = HarnessRun.of(fx.manifest, fx.root).signWith(keys.getPrivate()).writeInto(dir.resolve("out"));
    assertThat(r.passed()).isTrue();
    Path out = r.directory();
    assertThat(Files.readAllLines(out.resolve("checks.jsonl"))).hasSize(4).allSatisfy(line -> {
      JsonNode row = new ObjectMapper().readTree(line);
      assertThat(row.fieldNames()).toIterable().containsExactly("check_id", "description", "command", "status", "reason",
          "started_at", "ended_at", "log_path");
      assertThat(row.get("status").asText()).isEqualTo("pass");
      assertThat(out.resolve(row.get("log_path").asText())).exists();
    });
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("overall_status").asText()).isEqualTo("passed");
    assertThat(summary.get("totals").toString()).isEqualTo("{\"check_count\":4,\"passed\":4,\"failed\":0}");
    assertThat(Files.readString(out.resolve("SUMMARY.md"))).contains("| Check | Status | Description | Log |",
        "| manifest_checksums | pass |");
    SignedEvidence.verify(out, keys.getPublic()).assertNone();

    Files.writeString(out.resolve("logs/manifest_counts.log"), "rewritten");
    assertThat(SignedEvidence.verify(out, keys.getPublic()).list()).extracting(Finding::message)
        .containsExactly("artifact-hash-mismatch: logs/manifest_counts.log no longer hashes to "
            + summary.get("artifacts").get(3).get("sha256").asText());
    Files.writeString(out.resolve("summary.json"), Files.readString(out.resolve("summary.json")).replace("passed", "PASSED"));
    assertThat(SignedEvidence.verify(out, keys.getPublic()).list()).extracting(Finding::message)
        .contains("signature-invalid: summary.json does not match its Ed25519 signature");
    assertThat(SignedEvidence.verify(out, SignedEvidence.generateKeys().getPublic()).list()).isNotEmpty();
  }

  @Test
  void runHarnessRecordsFailedChecksWithTheirReason() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir.resolve("s"), 1000);
    Files.writeString(fx.root.resolve("backups/auth.json.bak"), "not the backup");
    HarnessRun.Result r = HarnessRun.of(fx.manifest, fx.root).writeInto(dir.resolve("out"));
    assertThat(r.passed()).isFalse();
    assertThat(r.checks()).filteredOn(c -> !c.passed()).singleElement().satisfies(c -> {
      assertThat(c.checkId()).isEqualTo("rollback_hash_restoration");
      assertThat(c.reason()).startsWith("1 finding(s): backup-hash-mismatch: backup backups/auth.json.bak");
    });
    assertThat(new ObjectMapper().readTree(r.directory().resolve("summary.json").toFile()).get("overall_status").asText())
        .isEqualTo("failed");
  }
}
