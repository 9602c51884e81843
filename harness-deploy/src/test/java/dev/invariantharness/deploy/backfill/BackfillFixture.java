package dev.invariantharness.deploy.backfill;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** A storage directory after a backfill: stores, their backups and the manifest that describes them. */
final class BackfillFixture {

  final Path root;
  final Path manifest;

  private BackfillFixture(Path root, Path manifest) {
    this.root = root;
    this.manifest = manifest;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Stores auth and codex_threads (changed, backed up) and domain (new); stores of {@code size} bytes. */
  static BackfillFixture create(Path root, int size) throws Exception {
    return create(root, size, m -> m);
  }

  static BackfillFixture create(Path root, int size, java.util.function.UnaryOperator<String> edit) throws Exception {
    Random r = new Random(42);
    Files.createDirectories(root.resolve("stores"));
    Files.createDirectories(root.resolve("backups"));
    StringBuilder stores = new StringBuilder();
    String[][] spec = {
        {"auth", "\"users\":12,\"sessions\":40,\"personal_access_tokens\":3"},
        {"codex_threads", "\"threads\":7,\"messages\":300"},
    };
    for (String[] s : spec) {
      byte[] before = new byte[size];
      byte[] after = new byte[size];
      r.nextBytes(before);
      r.nextBytes(after);
      Files.write(root.resolve("backups/" + s[0] + ".json.bak"), before);
      Files.write(root.resolve("stores/" + s[0] + ".json"), after);
      stores.append("{\"store\":\"").append(s[0]).append("\",\"path\":\"stores/").append(s[0])
          .append(".json\",\"existed\":true,\"backup_path\":\"backups/").append(s[0]).append(".json.bak\",")
          .append("\"before_sha256\":\"").append(sha256(before)).append("\",\"after_sha256\":\"").append(sha256(after))
          .append("\",\"changed\":true,\"counts\":{").append(s[1]).append("}},");
    }
    byte[] domain = "{\"autopilots\":[]}".getBytes(StandardCharsets.UTF_8);
    Files.write(root.resolve("stores/domain.json"), domain);
    stores.append("{\"store\":\"domain\",\"path\":\"stores/domain.json\",\"existed\":false,\"backup_path\":null,")
        .append("\"before_sha256\":null,\"after_sha256\":\"").append(sha256(domain)).append("\",\"changed\":true,")
        .append("\"counts\":{\"autopilots\":0,\"l402_paywalls\":0,\"integrations\":0,\"shouts\":0,\"whispers\":0}}");
    String json = "{\"schema\":\"openagents.rust_store_migration.v1\",\"generated_at\":\"2026-02-22T10:00:00Z\","
        + "\"stores\":[" + stores + "]}";
    Path manifest = root.resolve("manifest.json");
    Files.writeString(manifest, edit.apply(json));
    return new BackfillFixture(root, manifest);
  }
}
