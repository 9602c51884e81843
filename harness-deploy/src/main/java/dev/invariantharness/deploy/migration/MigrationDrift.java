package dev.invariantharness.deploy.migration;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.deploy.migration.internal.Migrations;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Compares a database's migration history with the migration files. Missing, extra, edited,
 * out-of-order and failed migrations are distinct, named failures ({@link DriftKind}).
 *
 * <pre>{@code
 * MigrationDrift.sqlx(Path.of("apps/runtime/migrations")).check(connection).assertNoDrift();
 * MigrationDrift.flyway(Path.of("db/migration")).inSchema("control").check(connection);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MigrationDrift {

  private final String tool;
  private final Path directory;
  private String schema = "public";

  private MigrationDrift(String tool, Path directory) {
    this.tool = tool;
    this.directory = directory;
  }

  /** sqlx: {@code _sqlx_migrations}, files {@code <VERSION>_<DESCRIPTION>.sql}, SHA-384 checksums. */
  public static MigrationDrift sqlx(Path migrations) {
    return new MigrationDrift("sqlx", migrations);
  }

  /** Flyway: {@code flyway_schema_history}, files {@code V<VERSION>__<DESCRIPTION>.sql}, CRC32 checksums. */
  public static MigrationDrift flyway(Path migrations) {
    return new MigrationDrift("flyway", migrations);
  }

  /** The schema that holds the history table (default {@code public}). Returns {@code this}. */
  public MigrationDrift inSchema(String schema) {
    this.schema = schema;
    return this;
  }

  private record Applied(String version, List<BigInteger> order, String description, String checksum, boolean success) {}

  /** Reads the history table over {@code connection} and compares it with the files. */
  public DriftReport check(Connection connection) throws SQLException {
    List<Migrations.File> files = tool.equals("sqlx") ? Migrations.sqlx(directory) : Migrations.flyway(directory);
    List<Applied> applied = tool.equals("sqlx") ? sqlxHistory(connection) : flywayHistory(connection);
    Map<String, Migrations.File> byVersion = new LinkedHashMap<>();
    files.forEach(f -> byVersion.put(f.version(), f));
    Map<String, Applied> appliedByVersion = new LinkedHashMap<>();
    applied.forEach(a -> appliedByVersion.put(a.version(), a));
    String table = tool.equals("sqlx") ? "_sqlx_migrations" : "flyway_schema_history";
    List<DriftFinding> out = new ArrayList<>();

    List<BigInteger> highest = List.of();
    for (Applied a : applied) {
      if (a.success() && Migrations.compare(a.order(), highest) > 0) {
        highest = a.order();
      }
    }
    // applied order against version order
    List<BigInteger> seen = List.of();
    for (Applied a : applied) {
      String where = schema + "." + table + " version " + a.version();
      if (!a.success()) {
        out.add(new DriftFinding(DriftKind.FAILED, a.version(), where,
            "migration " + a.version() + " (" + a.description() + ") is recorded as failed"));
      }
      if (Migrations.compare(a.order(), seen) < 0) {
        out.add(new DriftFinding(DriftKind.OUT_OF_ORDER, a.version(), where, "migration " + a.version() + " ("
            + a.description() + ") was applied after a newer version had been"));
      } else {
        seen = a.order();
      }
      Migrations.File f = byVersion.get(a.version());
      if (f == null) {
        out.add(new DriftFinding(DriftKind.EXTRA, a.version(), where, "migration " + a.version() + " ("
            + a.description() + ") is applied in " + table + " but no file in " + directory + " has that version"));
      } else if (!f.checksum().equalsIgnoreCase(a.checksum())) {
        out.add(new DriftFinding(DriftKind.EDITED, a.version(), f.path().toString(), "migration " + a.version()
            + " was edited after it was applied: " + table + " records checksum " + abbreviate(a.checksum())
            + ", the file's is " + abbreviate(f.checksum())));
      }
    }
    for (Migrations.File f : files) {
      if (appliedByVersion.containsKey(f.version())) {
        continue;
      }
      if (Migrations.compare(f.order(), highest) < 0) {
        out.add(new DriftFinding(DriftKind.OUT_OF_ORDER, f.version(), f.path().toString(), "migration " + f.version()
            + " (" + f.description() + ") is not applied although newer versions are: it would run out of order"));
      } else {
        out.add(new DriftFinding(DriftKind.MISSING, f.version(), f.path().toString(), "migration " + f.version()
            + " (" + f.description() + ") is not applied in " + table));
      }
    }
    out.sort((x, y) -> {
      int c = Migrations.compare(orderOf(x.version()), orderOf(y.version()));
      return c != 0 ? c : x.kind().compareTo(y.kind());
    });
    return new DriftReport(tool, files.size(), applied.size(), out);
  }

  private static List<BigInteger> orderOf(String version) {
    List<BigInteger> out = new ArrayList<>();
    for (String p : version.split("\\.")) {
      out.add(new BigInteger(p));
    }
    return out;
  }

  private static String abbreviate(String checksum) {
    return checksum.length() > 16 ? checksum.substring(0, 16) + "…" : checksum;
  }

  private List<Applied> sqlxHistory(Connection c) throws SQLException {
    String sql = "SELECT version, description, checksum, success FROM " + quote(schema)
        + "._sqlx_migrations ORDER BY installed_on, version";
    List<Applied> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long v = rs.getLong(1);
        out.add(new Applied(Long.toString(v), List.of(BigInteger.valueOf(v)), rs.getString(2),
            HexFormat.of().formatHex(rs.getBytes(3)), rs.getBoolean(4)));
      }
    }
    return out;
  }

  private List<Applied> flywayHistory(Connection c) throws SQLException {
    String sql = "SELECT version, description, checksum, success FROM " + quote(schema)
        + ".flyway_schema_history WHERE version IS NOT NULL AND type NOT IN ('BASELINE', 'SCHEMA', 'DELETE')"
        + " ORDER BY installed_rank";
    List<Applied> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String v = rs.getString(1);
        out.add(new Applied(v, orderOf(v), rs.getString(2), String.valueOf(rs.getObject(3)), rs.getBoolean(4)));
      }
    }
    return out;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
