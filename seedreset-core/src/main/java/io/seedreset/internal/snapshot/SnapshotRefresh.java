package io.seedreset.internal.snapshot;

import io.seedreset.internal.schema.Sequences;
import io.seedreset.internal.schema.TenantSchema;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Returns an organization that was restored from a snapshot to that snapshot again by changing only what
 * differs, instead of deleting everything and loading it all back: the snapshot's rows go to temporary
 * tables (no triggers, keys or indexes to maintain), then rows missing are inserted, rows changed are
 * written back and rows that are not in the snapshot are deleted. A demo tenant a few people used
 * overnight differs in a handful of rows, so a reset to its baseline costs little more than reading the
 * snapshot.
 *
 * <p>Every row the snapshot holds is already in the ledger of the application that restored it, so the
 * ledger stays as it is: rows people deleted come back under their old entries, and the rows deleted
 * now are rows people made (not in the ledger) or tables snapshots leave out. Anything the database
 * refuses (a row a person made that holds a unique value a restored row needs, say) fails the refresh;
 * the caller rolls back to before it and restores the slow way.
 */
public final class SnapshotRefresh {

    /** What the refresh changed, per table: rows deleted, and rows written (inserted or put back). */
    public record Refreshed(Map<String, Long> deleted, Map<String, Long> written) {
    }

    private SnapshotRefresh() {
    }

    public static Refreshed refresh(Connection connection, TenantSchema schema, Manifest manifest, SnapshotLoad.Tables tables,
                                    UUID organizationId, String tenantKey) throws SQLException, IOException {
        Map<String, String> staged = new LinkedHashMap<>();
        int n = 0;
        for (Manifest.TableEntry entry : manifest.tables()) {
            if (entry.rows() == 0) {
                continue; // nothing to stage: the table's rows of the organization all go
            }
            TenantSchema.Table known = schema.table(entry.table()).orElseThrow();
            if (known.key() == null) {
                // Rows are matched by key: without one the caller restores the slow way.
                throw new SnapshotFile.Invalid(entry.table() + " has no key to match rows by");
            }
            String temp = "seedreset_refresh_" + n++;
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE " + temp + " ON COMMIT DROP AS SELECT " + known.tenant("") + ", "
                        + CopyColumns.list(entry.columns()) + " FROM " + TenantSchema.sql(entry.table()) + " WITH NO DATA");
            }
            try (InputStream in = tables.open(entry)) {
                TableLoad.copy(connection, known, entry, in, tenantKey, temp);
            } catch (TableLoad.Mismatch e) {
                throw new SnapshotFile.Invalid(manifest.name() + ": " + e.getMessage() + " (altered or damaged)");
            }
            try (Statement statement = connection.createStatement()) {
                // Without statistics the planner takes a temporary table for a small one and may loop over it per row.
                statement.execute("ANALYZE " + temp);
            }
            staged.put(entry.table(), temp);
        }
        Map<String, Long> written = new LinkedHashMap<>();
        for (Manifest.TableEntry entry : manifest.tables()) {
            String temp = staged.get(entry.table());
            if (temp == null) {
                continue;
            }
            TenantSchema.Table known = schema.table(entry.table()).orElseThrow();
            String table = TenantSchema.sql(entry.table());
            String columns = CopyColumns.list(entry.columns());
            String row = entry.columns().stream().map(c -> "t." + TenantSchema.quote(c)).collect(Collectors.joining(", "));
            String staged_row = entry.columns().stream().map(c -> "s." + TenantSchema.quote(c)).collect(Collectors.joining(", "));
            String sameKey = known.keyColumn("t") + " = " + known.keyColumn("s");
            long inserted = update(connection, "INSERT INTO " + table + " (" + known.tenant("") + ", " + columns + ") SELECT " + known.tenant("s")
                    + ", " + staged_row + " FROM " + temp + " s WHERE NOT EXISTS (SELECT 1 FROM " + table + " t WHERE " + known.tenantIs("t")
                    + " AND " + sameKey + ")", organizationId);
            List<String> settable = entry.columns().stream().filter(c -> !c.equals(known.key())).toList();
            long changed = settable.isEmpty() ? 0 : update(connection, "UPDATE " + table + " t SET "
                    + settable.stream().map(c -> TenantSchema.quote(c) + " = s." + TenantSchema.quote(c)).collect(Collectors.joining(", "))
                    + " FROM " + temp + " s WHERE " + known.tenantIs("t") + " AND " + sameKey + " AND ROW(" + row + ")::text IS DISTINCT FROM ROW("
                    + staged_row + ")::text", organizationId);
            if (inserted > 0) {
                Sequences.advance(connection, known);
            }
            if (inserted + changed > 0) {
                written.put(entry.table(), inserted + changed);
            }
        }
        // Tables the snapshot leaves out, and tables it holds no rows of, keep none of the organization's rows.
        Set<String> kept = new HashSet<>(staged.keySet());
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (String table : schema.childrenFirst()) {
            TenantSchema.Table known = schema.table(table).orElseThrow();
            long count = kept.contains(table)
                    ? update(connection, "DELETE FROM " + TenantSchema.sql(table) + " t WHERE " + known.tenantIs("t") + " AND NOT EXISTS (SELECT 1 FROM "
                            + staged.get(table) + " s WHERE " + known.keyColumn("s") + " = " + known.keyColumn("t") + ")", organizationId)
                    : update(connection, "DELETE FROM " + TenantSchema.sql(table) + " t WHERE " + known.tenantIs("t"), organizationId);
            if (count > 0) {
                deleted.put(table, count);
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String temp : new ArrayList<>(staged.values())) {
                statement.execute("DROP TABLE " + temp);
            }
        }
        return new Refreshed(deleted, written);
    }

    private static long update(Connection connection, String sql, UUID organizationId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, organizationId);
            return statement.executeLargeUpdate();
        }
    }
}
