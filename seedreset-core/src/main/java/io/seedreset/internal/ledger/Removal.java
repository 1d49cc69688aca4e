package io.seedreset.internal.ledger;

import io.seedreset.api.Progress;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.schema.TenantSchema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deletes rows children first, in the order foreign-key metadata gives: exactly the ledger's
 * rows of some applications (teardown), or every row of an organization (reset).
 */
public final class Removal {

    private static final int EXAMPLES = 3;
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private Removal() {
    }

    /** What removing applications did: rows deleted and rows put back, per table. */
    public record Removed(Map<String, Long> deleted, Map<String, Long> restored) {
        public static final Removed NOTHING = new Removed(Map.of(), Map.of());
    }

    /**
     * Puts back the rows the applications changed, then deletes the rows they created. Refuses,
     * naming the rows, when a row they did not create references one of them: deleting would
     * break it or cascade into it.
     */
    public static Removed seededRows(Connection connection, TenantSchema schema, UUID organizationId,
                                     List<UUID> applications, Progress progress) throws SQLException {
        Array ids = connection.createArrayOf("uuid", applications.toArray());
        // Foreign keys that cascade (or set null) would silently change rows people made, and deferred
        // ones would only fail at commit: those are checked before deleting. The others make the
        // delete itself fail, and only then are the rows looked up by name, so a teardown without
        // offenders pays for no check at all.
        RowChanges.refuseUndoingLaterChanges(connection, organizationId, ids);
        // Nor undo a person's change of a row the applications updated: their work would be lost.
        RowChanges.refuseOverwritingLaterChanges(connection, schema, organizationId, ids);
        // Rows a scenario re-pointed go back first, so the check below sees the references as they will be.
        Map<String, Long> restored = RowChanges.restore(connection, schema, organizationId, ids);
        refuseForeignReferences(connection, schema, organizationId, ids, true);
        Savepoint beforeDeletes = connection.setSavepoint();
        try {
            return new Removed(deleteChildrenFirst(connection, schema, progress, table -> """
                    DELETE FROM %s t USING (SELECT unnest(s.row_ids) AS row_id FROM platform.seed_row_sets s
                                             WHERE s.application_id = ANY (?) AND s.table_name = '%s' AND s.org_id = ?) s
                     WHERE %s AND %s = %s""".formatted(TenantSchema.sql(table.name()), table.name().replace("'", "''"),
                            table.tenantIs("t"), table.keyColumn("t"), table.keyOf("s.row_id")),
                    List.of("DELETE FROM platform.seed_updates WHERE application_id = ANY (?) AND org_id = ?",
                            "DELETE FROM platform.seed_row_sets WHERE application_id = ANY (?) AND org_id = ?"),
                    table -> table.key() == null ? null : new Object[] {ids, organizationId, organizationId},
                    ids, organizationId), restored);
        } catch (SQLException e) {
            if (!FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeDeletes);
            refuseForeignReferences(connection, schema, organizationId, ids, false);
            // Not found by name: a foreign key outside the tenant tables, say.
            throw new SeedResetException(Reason.ROWS_CHANGED, "teardown refused: a row that was not created by the application(s) being torn down"
                    + " references a seeded row (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + "): delete or re-point it first; nothing was deleted");
        }
    }

    /**
     * Counts, per tenant table, the organization's rows that no application created (not in the
     * ledger): the rows people made. Reads only.
     */
    public static Map<String, Long> unseededRows(Connection connection, TenantSchema schema, UUID organizationId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : schema.childrenFirst()) {
            TenantSchema.Table table = schema.table(name).orElseThrow();
            long count = table.key() == null
                    ? count(connection, "SELECT count(*) FROM " + TenantSchema.sql(name) + " t WHERE " + table.tenantIs("t"), organizationId)
                    : count(connection, "SELECT count(*) FROM " + TenantSchema.sql(name) + " t WHERE " + table.tenantIs("t") + """
                       AND NOT EXISTS (SELECT 1 FROM platform.seed_rows s
                                        WHERE s.org_id = ? AND s.table_name = ? AND s.row_id = """ + table.keyColumn("t") + "::text)",
                    organizationId, organizationId, name);
            if (count > 0) {
                counts.put(name, count);
            }
        }
        return counts;
    }

    /** Counts, per table, the ledger's rows of these applications. Reads only. */
    public static Map<String, Long> ledgerRows(Connection connection, UUID organizationId, List<UUID> applications) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT table_name, count(*) FROM platform.seed_rows WHERE org_id = ? AND application_id = ANY (?)
                 GROUP BY table_name""")) {
            statement.setObject(1, organizationId);
            statement.setArray(2, connection.createArrayOf("uuid", applications.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Deletes every row of the organization in every tenant table, and its ledger rows. */
    public static Map<String, Long> everyRow(Connection connection, TenantSchema schema, UUID organizationId,
                                             Progress progress) throws SQLException {
        return deleteChildrenFirst(connection, schema, progress,
                table -> "DELETE FROM " + TenantSchema.sql(table.name()) + " t WHERE " + table.tenantIs("t"),
                List.of("DELETE FROM platform.seed_updates WHERE org_id = ?", "DELETE FROM platform.seed_row_sets WHERE org_id = ?"),
                table -> new Object[] {organizationId},
                organizationId);
    }

    /**
     * Runs one delete per tenant table, children first, then the ledger's: the database guard lets
     * a ledger row go only once the rows it records are gone. A table's delete takes the parameters
     * {@code tableParameters} gives it (none: the table is skipped); the ledger's take {@code parameters}.
     */
    private static Map<String, Long> deleteChildrenFirst(Connection connection, TenantSchema schema, Progress progress,
                                                         java.util.function.Function<TenantSchema.Table, String> deleteFrom,
                                                         List<String> deleteLedger,
                                                         java.util.function.Function<TenantSchema.Table, Object[]> tableParameters,
                                                         Object... parameters) throws SQLException {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (String name : schema.childrenFirst()) {
            TenantSchema.Table table = schema.table(name).orElseThrow();
            Object[] given = tableParameters.apply(table);
            if (given == null) {
                continue; // no key: the ledger cannot hold rows of it
            }
            long count = execute(connection, deleteFrom.apply(table), given);
            if (count > 0) {
                deleted.put(name, count);
                progress.advance(count);
            }
        }
        for (String delete : deleteLedger) {
            execute(connection, delete, parameters);
        }
        return deleted;
    }

    private static long execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeLargeUpdate();
        }
    }

    /**
     * Names up to three unseeded rows that reference the applications' rows, through every foreign
     * key, or ({@code silentOnly}) only through those a delete would not stop at once: cascading or deferred.
     */
    private static void refuseForeignReferences(Connection connection, TenantSchema schema, UUID organizationId,
                                                Array applications, boolean silentOnly) throws SQLException {
        List<String> offenders = new ArrayList<>();
        for (TenantSchema.ForeignKey fk : schema.foreignKeys()) {
            if (silentOnly && !fk.silentOnDelete() && !fk.deferrable()) {
                continue;
            }
            String join = fk.join("c", "p");
            TenantSchema.Table child = schema.table(fk.child()).orElseThrow();
            TenantSchema.Table parent = schema.table(fk.parent()).orElseThrow();
            if (parent.key() == null) {
                continue; // the ledger holds no rows of it
            }
            // A child without a key of its own has no seeded rows: every one of them is a person's.
            String childText = child.key() == null ? "'(a row)'" : child.keyColumn("c") + "::text";
            String sql = "SELECT " + childText + ", " + parent.keyColumn("p") + "::text FROM " + TenantSchema.sql(fk.child()) + " c JOIN "
                    + TenantSchema.sql(fk.parent()) + " p ON " + join
                    + " JOIN platform.seed_rows sp ON sp.org_id = ? AND sp.table_name = ? AND sp.row_id = " + parent.keyColumn("p") + "::text"
                    + " AND sp.application_id = ANY (?)"
                    + " WHERE " + child.tenantIs("c")
                    + (child.key() == null ? "" : " AND NOT EXISTS (SELECT 1 FROM platform.seed_rows sc WHERE sc.org_id = ? AND sc.table_name = ?"
                                                  + " AND sc.row_id = " + childText + " AND sc.application_id = ANY (?))")
                    + " LIMIT " + EXAMPLES;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, organizationId);
                statement.setString(2, fk.parent());
                statement.setArray(3, applications);
                statement.setObject(4, organizationId);
                if (child.key() != null) {
                    statement.setObject(5, organizationId);
                    statement.setString(6, fk.child());
                    statement.setArray(7, applications);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next() && offenders.size() < EXAMPLES) {
                        offenders.add(fk.child() + " row " + rs.getString(1) + " references " + fk.parent() + " row " + rs.getString(2));
                    }
                }
            }
            if (offenders.size() >= EXAMPLES) {
                break;
            }
        }
        if (!offenders.isEmpty()) {
            throw new SeedResetException(Reason.ROWS_CHANGED, "teardown refused: rows that were not created by the application(s) being torn down reference seeded rows ("
                    + String.join("; ", offenders) + "): delete or re-point them first; nothing was deleted");
        }
    }
}
