package dev.invariantharness.deploy.backfill;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A backfill manifest as the store migration writes it:
 * {@code {"schema":"openagents.rust_store_migration.v1", generated_at, stores:[{store, path,
 * existed, backup_path?, before_sha256?, after_sha256, changed, counts:{...}}]}}.
 * Reading is strict: a missing or malformed field is rejected with the field named
 * ({@code stores[1].after_sha256 must be 64 lowercase hex digits}).
 *
 * <pre>{@code
 * BackfillManifest m = BackfillManifest.read(Path.of("manifests/20260222T100000Z.json"));
 * }</pre>
 *
 * @param source the file it was read from
 * @param schema the schema id
 * @param generatedAt as written
 * @param stores every store entry
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BackfillManifest(Path source, String schema, String generatedAt, List<Store> stores) {

  /** The schema this reader accepts. */
  public static final String SCHEMA = "openagents.rust_store_migration.v1";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /**
   * One store's entry.
   *
   * @param store store name, e.g. {@code auth}
   * @param path the store file
   * @param existed whether it existed before the backfill
   * @param backupPath its backup, null when it did not exist
   * @param beforeSha256 hash before, null when it did not exist
   * @param afterSha256 hash after the backfill
   * @param changed whether the backfill changed it
   * @param counts count snapshot, e.g. {@code users → 12}
   */
  public record Store(String store, String path, boolean existed, String backupPath, String beforeSha256,
      String afterSha256, boolean changed, Map<String, Long> counts) {}

  public BackfillManifest {
    stores = List.copyOf(stores);
  }

  /** Reads and validates {@code file}. */
  public static BackfillManifest read(Path file) {
    JsonNode root;
    try {
      root = Json.strict().readTree(file.toFile());
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), "is not readable JSON: " + e.getMessage());
    }
    String src = file.toString();
    if (root == null || !root.isObject()) {
      throw new HarnessInputException(src, "is not a JSON object");
    }
    String schema = text(src, root, "schema");
    if (!SCHEMA.equals(schema)) {
      throw new HarnessInputException(src, "field schema must be " + SCHEMA + ", got '" + schema + "'");
    }
    String generatedAt = text(src, root, "generated_at");
    JsonNode stores = root.get("stores");
    if (stores == null || !stores.isArray()) {
      throw new HarnessInputException(src, "field stores is missing or not an array");
    }
    if (stores.isEmpty()) {
      throw new HarnessInputException(src, "field stores is empty: a backfill migrates at least one store");
    }
    List<Store> out = new ArrayList<>();
    for (int i = 0; i < stores.size(); i++) {
      JsonNode s = stores.get(i);
      String at = "stores[" + i + "]";
      if (!s.isObject()) {
        throw new HarnessInputException(src, "field " + at + " is not an object");
      }
      boolean existed = bool(src, s, at, "existed");
      String backup = optionalText(src, s, at, "backup_path");
      String before = optionalText(src, s, at, "before_sha256");
      if (existed && backup == null) {
        throw new HarnessInputException(src, "field " + at + ".backup_path is missing for a store that existed");
      }
      if (existed && before == null) {
        throw new HarnessInputException(src, "field " + at + ".before_sha256 is missing for a store that existed");
      }
      if (before != null) {
        sha(src, at + ".before_sha256", before);
      }
      String after = text(src, s, at + ".after_sha256", "after_sha256");
      sha(src, at + ".after_sha256", after);
      JsonNode counts = s.get("counts");
      if (counts == null || !counts.isObject()) {
        throw new HarnessInputException(src, "field " + at + ".counts is missing or not an object");
      }
      Map<String, Long> c = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber() || e.getValue().asLong() < 0) {
          throw new HarnessInputException(src, "field " + at + ".counts." + e.getKey() + " must be a non-negative integer");
        }
        c.put(e.getKey(), e.getValue().asLong());
      }
      out.add(new Store(text(src, s, at + ".store", "store"), text(src, s, at + ".path", "path"), existed, backup,
          before, after, bool(src, s, at, "changed"), c));
    }
    return new BackfillManifest(file, schema, generatedAt, out);
  }

  private static void sha(String src, String field, String value) {
    if (!SHA256.matcher(value).matches()) {
      throw new HarnessInputException(src, "field " + field + " must be 64 lowercase hex digits, got '" + value + "'");
    }
  }

  private static String text(String src, JsonNode n, String field) {
    return text(src, n, field, field);
  }

  private static String text(String src, JsonNode n, String field, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new HarnessInputException(src, "field " + field + " is missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new HarnessInputException(src, "field " + field + " must be a non-empty string");
    }
    return v.asText();
  }

  private static String optionalText(String src, JsonNode n, String at, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new HarnessInputException(src, "field " + at + "." + key + " must be a non-empty string or null");
    }
    return v.asText();
  }

  private static boolean bool(String src, JsonNode n, String at, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.isBoolean()) {
      throw new HarnessInputException(src, "field " + at + "." + key + " is missing or not a boolean");
    }
    return v.booleanValue();
  }
}
