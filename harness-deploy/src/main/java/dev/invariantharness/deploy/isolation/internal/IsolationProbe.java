package dev.invariantharness.deploy.isolation.internal;

import dev.invariantharness.deploy.isolation.IsolationReport;
import dev.invariantharness.deploy.isolation.Plane;
import dev.invariantharness.deploy.isolation.WriteFinding;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One run of the isolation check: catalog queries, then write attempts, merged per write path. */
public final class IsolationProbe {

  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private static final String QUERY_CANCELED = "57014";

  private final Connection admin;
  private final List<Plane> planes;
  private final boolean attempts;
  /** (role, object, privilege) → the via roles and the proofs seen for it. */
  private final Map<List<String>, Path> paths = new LinkedHashMap<>();
  private int tablesChecked;
  private int attemptCount;

  private static final class Path {
    final String invariant;
    final Set<String> via = new LinkedHashSet<>();
    boolean catalog;
    boolean attempt;

    Path(String invariant) {
      this.invariant = invariant;
    }
  }

  /** A probe over {@code admin} for {@code planes}. */
  public IsolationProbe(Connection admin, List<Plane> planes, boolean attempts) {
    this.admin = admin;
    this.planes = planes;
    this.attempts = attempts;
  }

  /** Runs the catalog queries and, when enabled, the write attempts. */
  public IsolationReport run() throws SQLException {
    boolean autoCommit = admin.getAutoCommit();
    try {
      for (Plane writer : planes) {
        requireRole(writer.role());
        for (Plane victim : planes) {
          if (victim == writer) {
            continue;
          }
          catalog(writer, victim);
          if (attempts) {
            attempt(writer, victim);
          }
        }
      }
    } finally {
      admin.setAutoCommit(autoCommit);
    }
    List<WriteFinding> out = new ArrayList<>();
    paths.forEach((key, p) -> {
      String proof = p.catalog && p.attempt ? "catalog+attempt" : p.catalog ? "catalog" : "attempt";
      String via = p.via.isEmpty() ? "no grant the catalog shows" : String.join(", ", p.via);
      out.add(new WriteFinding(p.invariant, key.get(0), key.get(1), key.get(2), via, proof));
    });
    out.sort(Comparator.comparing(WriteFinding::invariant).thenComparing(WriteFinding::role)
        .thenComparing(WriteFinding::object).thenComparing(WriteFinding::privilege));
    return new IsolationReport(out, tablesChecked, attemptCount);
  }

  private void requireRole(String role) throws SQLException {
    try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("plane role " + role + " does not exist in this database's cluster");
        }
      }
    }
  }

  private void record(Plane victim, String role, String object, String privilege, String via, boolean byCatalog) {
    if (!byCatalog) {
      Path known = explainedByCatalog(role, object, privilege);
      if (known != null) {
        known.attempt = true;
        return;
      }
    }
    Path p = paths.computeIfAbsent(List.of(role, object, privilege), k -> new Path(victim.invariant()));
    if (via != null) {
      p.via.add(via);
    }
    if (byCatalog) {
      p.catalog = true;
    } else {
      p.attempt = true;
    }
  }

  /**
   * The catalog path that explains a successful attempt: the same grant, a column grant, ownership
   * of the table or schema, or a write-everything attribute over the schema.
   */
  private Path explainedByCatalog(String role, String object, String privilege) {
    String schema = object.contains(".") ? object.substring(0, object.indexOf('.')) : object;
    for (Map.Entry<List<String>, Path> e : paths.entrySet()) {
      List<String> k = e.getKey();
      if (!k.get(0).equals(role) || !e.getValue().catalog) {
        continue;
      }
      boolean sameObject = k.get(1).equals(object);
      if (sameObject && (k.get(2).equals(privilege) || k.get(2).startsWith(privilege + " (column") || k.get(2).equals("OWNER"))) {
        return e.getValue();
      }
      if (k.get(1).equals(schema + ".*")) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String via(String role, String grantee) {
    if (grantee == null) {
      return "PUBLIC";
    }
    return grantee.equals(role) ? "role " + role + " itself" : "role " + grantee;
  }

  private void catalog(Plane writer, Plane victim) throws SQLException {
    String role = writer.role();
    Array schemas = admin.createArrayOf("text", victim.schemas().toArray());
    // superuser is not inherited through membership: only the role's own attribute counts
    try (PreparedStatement ps = admin.prepareStatement(
        "SELECT rolsuper, pg_has_role(rolname, 'pg_write_all_data', 'USAGE') FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          for (String schema : victim.schemas()) {
            if (rs.getBoolean(1)) {
              record(victim, role, schema + ".*", "SUPERUSER", "role " + role + " itself", true);
            } else if (rs.getBoolean(2)) {
              record(victim, role, schema + ".*", "ALL", "role pg_write_all_data", true);
            }
          }
        }
      }
    }
    // table-level grants (PUBLIC, own, inherited), sequences' UPDATE, and ownership
    String tables = "SELECT n.nspname, c.relname, c.relkind, a.privilege_type, g.rolname"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " CROSS JOIN LATERAL aclexplode(coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner))) a"
        + " LEFT JOIN pg_roles g ON g.oid = a.grantee"
        + " WHERE n.nspname = ANY(?) AND c.relkind IN ('r','p','v','m','f','S')"
        + " AND a.grantee <> c.relowner"
        + " AND (a.grantee = 0 OR pg_has_role(?, a.grantee, 'USAGE'))"
        + " AND ((c.relkind <> 'S' AND a.privilege_type IN ('INSERT','UPDATE','DELETE','TRUNCATE'))"
        + "   OR (c.relkind = 'S' AND a.privilege_type = 'UPDATE'))";
    eachRow(tables, schemas, role, rs -> {
      record(victim, role, rs.getString(1) + "." + rs.getString(2), rs.getString(4), via(role, rs.getString(5)), true);
    });
    String owners = "SELECT n.nspname, c.relname, o.rolname FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles o ON o.oid = c.relowner"
        + " WHERE n.nspname = ANY(?) AND c.relkind IN ('r','p','v','m','f','S')"
        + " AND pg_has_role(?, c.relowner, 'USAGE')"
        // a serial's sequence follows its table's owner: the table's finding already says it
        + " AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
        + "   AND d.objid = c.oid AND d.deptype IN ('a', 'i')))";
    eachRow(owners, schemas, role, rs -> {
      record(victim, role, rs.getString(1) + "." + rs.getString(2), "OWNER", via(role, rs.getString(3)), true);
    });
    // column-level INSERT / UPDATE grants
    String columns = "SELECT n.nspname, c.relname, at.attname, a.privilege_type, g.rolname"
        + " FROM pg_attribute at JOIN pg_class c ON c.oid = at.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " CROSS JOIN LATERAL aclexplode(at.attacl) a LEFT JOIN pg_roles g ON g.oid = a.grantee"
        + " WHERE at.attacl IS NOT NULL AND n.nspname = ANY(?) AND at.attnum > 0 AND NOT at.attisdropped"
        + " AND a.grantee <> c.relowner AND (a.grantee = 0 OR pg_has_role(?, a.grantee, 'USAGE'))"
        + " AND a.privilege_type IN ('INSERT','UPDATE')";
    eachRow(columns, schemas, role, rs -> {
      record(victim, role, rs.getString(1) + "." + rs.getString(2), rs.getString(4) + " (column " + rs.getString(3) + ")",
          via(role, rs.getString(5)), true);
    });
    // schema CREATE (DDL) and schema ownership
    String schemaAcl = "SELECT n.nspname, a.privilege_type, g.rolname, pg_has_role(?, n.nspowner, 'USAGE'), o.rolname"
        + " FROM pg_namespace n JOIN pg_roles o ON o.oid = n.nspowner"
        + " CROSS JOIN LATERAL aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a"
        + " LEFT JOIN pg_roles g ON g.oid = a.grantee"
        + " WHERE n.nspname = ANY(?)";
    try (PreparedStatement ps = admin.prepareStatement(schemaAcl)) {
      ps.setString(1, role);
      ps.setArray(2, schemas);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String schema = rs.getString(1);
          if (rs.getBoolean(4)) {
            record(victim, role, schema, "OWNER", via(role, rs.getString(5)), true);
          }
        }
      }
    }
    String schemaCreate = "SELECT n.nspname, g.rolname FROM pg_namespace n"
        + " CROSS JOIN LATERAL aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a"
        + " LEFT JOIN pg_roles g ON g.oid = a.grantee"
        + " WHERE n.nspname = ANY(?) AND a.privilege_type = 'CREATE' AND a.grantee <> n.nspowner"
        + " AND (a.grantee = 0 OR pg_has_role(?, a.grantee, 'USAGE'))";
    eachRow(schemaCreate, schemas, role, rs -> {
      record(victim, role, rs.getString(1), "CREATE", via(role, rs.getString(2)), true);
    });
    // default privileges: tables created later in the schema become writable
    String defaults = "SELECT n.nspname, a.privilege_type, g.rolname, d_owner.rolname"
        + " FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace"
        + " JOIN pg_roles d_owner ON d_owner.oid = d.defaclrole"
        + " CROSS JOIN LATERAL aclexplode(d.defaclacl) a LEFT JOIN pg_roles g ON g.oid = a.grantee"
        + " WHERE n.nspname = ANY(?) AND d.defaclobjtype = 'r'"
        + " AND a.privilege_type IN ('INSERT','UPDATE','DELETE','TRUNCATE')"
        + " AND (a.grantee = 0 OR pg_has_role(?, a.grantee, 'USAGE'))";
    eachRow(defaults, schemas, role, rs -> {
      record(victim, role, rs.getString(1) + ".<future tables of " + rs.getString(4) + ">", rs.getString(2),
          via(role, rs.getString(3)) + " (default privileges)", true);
    });
  }

  /** Runs {@code sql} with the victim's schemas as parameter 1 and the writer's role as parameter 2, row by row. */
  private void eachRow(String sql, Array schemas, String role, RowAction action) throws SQLException {
    try (PreparedStatement ps = admin.prepareStatement(sql)) {
      ps.setArray(1, schemas);
      ps.setString(2, role);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(rs);
        }
      }
    }
  }

  /** What to do with one catalog row. */
  @FunctionalInterface
  private interface RowAction {
    void accept(ResultSet rs) throws SQLException;
  }

  private record Table(String schema, String name, List<String> columns) {
    String qualified() {
      return quote(schema) + "." + quote(name);
    }
  }

  private List<Table> tablesOf(Plane victim) throws SQLException {
    List<Table> out = new ArrayList<>();
    String sql = "SELECT n.nspname, c.relname,"
        // the first updatable column, and every column that carries a column grant
        + " ARRAY(SELECT attname FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped"
        + "   AND attgenerated = '' AND attidentity <> 'a'"
        + "   AND (attacl IS NOT NULL OR attnum = (SELECT min(attnum) FROM pg_attribute WHERE attrelid = c.oid"
        + "     AND attnum > 0 AND NOT attisdropped AND attgenerated = '' AND attidentity <> 'a')) ORDER BY attnum)"
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = ANY(?) AND c.relkind IN ('r','p') ORDER BY 1, 2";
    try (PreparedStatement ps = admin.prepareStatement(sql)) {
      ps.setArray(1, admin.createArrayOf("text", victim.schemas().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Table(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray())));
        }
      }
    }
    return out;
  }

  private void attempt(Plane writer, Plane victim) throws SQLException {
    List<Table> tables = tablesOf(victim);
    tablesChecked += tables.size();
    admin.setAutoCommit(false);
    try (Statement s = admin.createStatement()) {
      s.execute("SET LOCAL lock_timeout = '2s'");
      s.execute("SET LOCAL statement_timeout = '10s'");
      s.execute("SET LOCAL ROLE " + quote(writer.role()));
      for (String schema : victim.schemas()) {
        try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
          ps.setString(1, schema);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              continue;
            }
          }
        }
        if (tryWrite(s, "CREATE TABLE " + quote(schema) + ".ih_isolation_probe ()")) {
          record(victim, writer.role(), schema, "CREATE", null, false);
        }
      }
      for (Table t : tables) {
        String q = t.qualified();
        if (tryWrite(s, "INSERT INTO " + q + " DEFAULT VALUES")) {
          record(victim, writer.role(), t.schema() + "." + t.name(), "INSERT", null, false);
        }
        for (String column : t.columns()) {
          if (tryWrite(s, "UPDATE " + q + " SET " + quote(column) + " = DEFAULT WHERE false")) {
            record(victim, writer.role(), t.schema() + "." + t.name(), "UPDATE", null, false);
            break;
          }
        }
        if (tryWrite(s, "DELETE FROM " + q + " WHERE false")) {
          record(victim, writer.role(), t.schema() + "." + t.name(), "DELETE", null, false);
        }
        if (tryWrite(s, "TRUNCATE " + q)) {
          record(victim, writer.role(), t.schema() + "." + t.name(), "TRUNCATE", null, false);
        }
        if (tryWrite(s, "ALTER TABLE " + q + " ADD COLUMN ih_isolation_probe int")) {
          record(victim, writer.role(), t.schema() + "." + t.name(), "OWNER", null, false);
        }
      }
    } finally {
      admin.rollback();
    }
  }

  /** True when the write got past the privilege check; the savepoint undoes whatever it did. */
  private boolean tryWrite(Statement s, String sql) throws SQLException {
    attemptCount++;
    Savepoint sp = admin.setSavepoint();
    try {
      s.execute(sql);
      admin.rollback(sp);
      return true;
    } catch (SQLException e) {
      admin.rollback(sp);
      String state = e.getSQLState();
      if (INSUFFICIENT_PRIVILEGE.equals(state)) {
        // refused on a sequence or function the row needed: the table's own check had passed
        String m = String.valueOf(e.getMessage());
        return m.contains("permission denied for sequence") || m.contains("permission denied for function");
      }
      if (LOCK_NOT_AVAILABLE.equals(state) || QUERY_CANCELED.equals(state)) {
        // busy, not refused: the catalog half of the check still stands for this table
        return false;
      }
      // a constraint, a type or a trigger refused the row: the privilege check had passed
      return state != null && (state.startsWith("23") || state.startsWith("22") || state.startsWith("P0"));
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
