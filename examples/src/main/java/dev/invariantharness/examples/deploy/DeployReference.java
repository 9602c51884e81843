package dev.invariantharness.examples.deploy;

import dev.invariantharness.deploy.isolation.PlaneIsolation;
import dev.invariantharness.deploy.postgres.ScratchDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.Random;

/**
 * Builds the deploy targets the example gates check, correct unless {@link #VARIANT} names a
 * broken one: {@code runtime-grant-on-control}, {@code inherited-cross-plane-write},
 * {@code edited-migration}, {@code applied-missing-from-files}, {@code drop-column-during-overlap},
 * {@code wrong-after-hash}, {@code backup-mismatch}, {@code missing-count-key}.
 */
public final class DeployReference {

  /** Configuration key selecting a broken variant. */
  public static final String VARIANT = "invariant.examples.deploy.variant";

  private DeployReference() {}

  /** Three planes, each owning its schema; the variant adds a cross-plane write path. */
  public static PlaneIsolation planes(ScratchDatabase db, String variant) {
    String control = db.createRole("control_rw");
    String runtime = db.createRole("runtime_rw");
    String khala = db.createRole("khala_rw");
    db.execute(String.join("\n",
        "CREATE SCHEMA control AUTHORIZATION " + control + ";",
        "CREATE SCHEMA runtime AUTHORIZATION " + runtime + ";",
        "CREATE SCHEMA khala AUTHORIZATION " + khala + ";",
        "SET ROLE " + control + ";",
        "CREATE TABLE control.users (id bigserial PRIMARY KEY, email text NOT NULL);",
        "CREATE TABLE control.sessions (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES control.users);",
        "SET ROLE " + runtime + ";",
        "CREATE TABLE runtime.runs (id bigserial PRIMARY KEY, status text NOT NULL);",
        "CREATE TABLE runtime.events (run_id bigint NOT NULL, seq bigint NOT NULL, PRIMARY KEY (run_id, seq));",
        "SET ROLE " + khala + ";",
        "CREATE TABLE khala.watermarks (topic text PRIMARY KEY, watermark bigint NOT NULL DEFAULT 0);",
        "RESET ROLE;",
        // legal: Khala reads run summaries across planes
        "GRANT USAGE ON SCHEMA runtime TO " + khala + ";",
        "GRANT SELECT ON ALL TABLES IN SCHEMA runtime TO " + khala + ";"));
    if (variant.equals("runtime-grant-on-control")) {
      db.execute("GRANT USAGE ON SCHEMA control TO " + runtime + "; GRANT INSERT, UPDATE ON control.sessions TO " + runtime);
    } else if (variant.equals("inherited-cross-plane-write")) {
      String writer = db.createRole("runtime_writer");
      db.execute("GRANT USAGE ON SCHEMA runtime TO " + writer + "; GRANT INSERT ON runtime.events TO " + writer
          + "; GRANT " + writer + " TO " + khala);
    }
    return PlaneIsolation.planes().plane("control", control, "control").plane("runtime", runtime, "runtime")
        .plane("khala", khala, "khala");
  }

  /** sqlx migration files in {@code dir}, applied to {@code db} as sqlx records them. */
  public static Path migrations(Path dir, ScratchDatabase db, String variant) throws Exception {
    Files.createDirectories(dir);
    String[][] files = {
        {"20260101000000", "create runs", "CREATE TABLE runs (id bigint PRIMARY KEY, status text NOT NULL);\n"},
        {"20260201000000", "add run owner", "ALTER TABLE runs ADD COLUMN owner_id bigint;\n"},
    };
    try (Connection c = db.connect()) {
      c.createStatement().execute("CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL,"
          + " installed_on TIMESTAMPTZ NOT NULL DEFAULT now(), success BOOLEAN NOT NULL, checksum BYTEA NOT NULL,"
          + " execution_time BIGINT NOT NULL)");
      for (String[] f : files) {
        c.createStatement().execute(f[2]);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO _sqlx_migrations (version, description, success,"
            + " checksum, execution_time) VALUES (?, ?, true, sha384(convert_to(?, 'UTF8')), 3)")) {
          ps.setLong(1, Long.parseLong(f[0]));
          ps.setString(2, f[1]);
          ps.setString(3, f[2]);
          ps.executeUpdate();
        }
        boolean skipFile = variant.equals("applied-missing-from-files") && f == files[1];
        if (!skipFile) {
          String text = variant.equals("edited-migration") && f == files[0]
              ? f[2].replace("status text NOT NULL", "status text NOT NULL, note text") : f[2];
          Files.writeString(dir.resolve(f[0] + "_" + f[1].replace(' ', '_') + ".sql"), text);
        }
      }
    }
    return dir;
  }

  /** The release's next migration and its deploy descriptor (overlap window open). */
  public static Path releaseMigration(Path dir, String variant) throws Exception {
    Files.createDirectories(dir);
    String sql = variant.equals("drop-column-during-overlap")
        ? "ALTER TABLE runs DROP COLUMN owner_id;\n"
        : "ALTER TABLE runs ADD COLUMN finished_at timestamptz;\nCREATE INDEX CONCURRENTLY runs_finished_idx ON runs (finished_at);\n";
    return Files.writeString(dir.resolve("20260301000000_release.sql"), sql);
  }

  /** A deploy descriptor with the overlap window open and aligned images. */
  public static Path deployDescriptor(Path dir) throws Exception {
    String image = "registry.example/runtime@sha256:" + "3f".repeat(32);
    return Files.writeString(dir.resolve("deploy.json"), "{\"service\":{\"name\":\"runtime\",\"image\":\"" + image + "\"},"
        + "\"migrate_job\":{\"name\":\"runtime-migrate\",\"image\":\"" + image + "\"},"
        + "\"executions\":[{\"id\":\"m-7\",\"image\":\"" + image + "\",\"status\":\"succeeded\","
        + "\"completed_at\":\"2026-03-01T10:00:00Z\"}],\"overlap_window\":{\"open\":true}}");
  }

  /** A storage tree after a backfill: stores, backups, and the manifest (returned). */
  public static Path backfill(Path root, String variant) throws Exception {
    Files.createDirectories(root.resolve("stores"));
    Files.createDirectories(root.resolve("backups"));
    Random r = new Random(7);
    StringBuilder stores = new StringBuilder();
    String[][] spec = {
        {"auth", "\"users\":12,\"sessions\":40,\"personal_access_tokens\":3"},
        {"codex_threads", "\"threads\":7,\"messages\":300"},
        {"domain", "\"autopilots\":2,\"l402_paywalls\":0,\"integrations\":1,\"shouts\":9,\"whispers\":4"},
    };
    for (String[] s : spec) {
      byte[] before = new byte[20_000];
      byte[] after = new byte[20_000];
      r.nextBytes(before);
      r.nextBytes(after);
      Files.write(root.resolve("backups/" + s[0] + ".json.bak"), variant.equals("backup-mismatch") && s[0].equals("auth")
          ? "truncated".getBytes(StandardCharsets.UTF_8) : before);
      Files.write(root.resolve("stores/" + s[0] + ".json"), after);
      String afterHash = variant.equals("wrong-after-hash") && s[0].equals("codex_threads") ? sha256(before) : sha256(after);
      String counts = variant.equals("missing-count-key") && s[0].equals("domain") ? s[1].replace("\"shouts\":9,", "") : s[1];
      stores.append(stores.length() == 0 ? "" : ",").append("{\"store\":\"").append(s[0]).append("\",\"path\":\"stores/")
          .append(s[0]).append(".json\",\"existed\":true,\"backup_path\":\"backups/").append(s[0]).append(".json.bak\",")
          .append("\"before_sha256\":\"").append(sha256(before)).append("\",\"after_sha256\":\"").append(afterHash)
          .append("\",\"changed\":true,\"counts\":{").append(counts).append("}}");
    }
    return Files.writeString(root.resolve("manifest.json"), "{\"schema\":\"openagents.rust_store_migration.v1\","
        + "\"generated_at\":\"2026-03-01T10:00:00Z\",\"stores\":[" + stores + "]}");
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
