package io.seedreset.internal.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.internal.schema.TenantSchema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Updates of existing rows, and their undoing. Each update records the row's previous values
 * of the columns it sets ({@code platform.seed_updates.before}) in the same statement that
 * changes it; teardown writes them back, latest first. Values travel as JSON and are typed by
 * the table itself ({@code jsonb_populate_record} over the row being changed), and before-images
 * go from the database back to the database without being parsed in Java, so any column type
 * round-trips exactly.
 */
public final class RowChanges {

    /** Updates handed to the database at once (one JDBC batch). */
    public static final int BATCH = 500;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /** One update: the row's key (under {@code id}, whatever the key column's name) and the columns to set. */
    public record Change(String table, Map<String, Object> values) {
        Object id() {
            return values.get("id");
        }

        List<String> columns() {
            return values.keySet().stream().filter(c -> !c.equals("id")).sorted().toList();
        }
    }

    /** A before-image to write back: the row and its previous values as JSON text. */
    private record Restore(String table, String id, List<String> columns, String json) {
    }

    private RowChanges() {
    }

    /** Applies the changes in order, recording before-images; a row the organization lacks fails the batch. */
    public static void write(Connection connection, TenantSchema schema, String packId, UUID organizationId, UUID applicationId,
                             List<Change> changes) throws SQLException {
        for (List<Change> run : runsOfSameShape(changes, c -> c.table() + c.columns())) {
            Change first = run.get(0);
            List<String> columns = first.columns();
            TenantSchema.Table known = schema.table(first.table()).orElseThrow();
            String table = TenantSchema.sql(first.table());
            // The before-image is read from the statement's snapshot, before the UPDATE. No FOR UPDATE
            // there: the UPDATE locks the row, and a locking read of a row its own statement updates
            // returns nothing. The after-image is the row as the UPDATE left it (typed by the table),
            // and the count of images logged is the count of rows changed.
            String sql = """
                    WITH target AS (SELECT * FROM %1$s t WHERE %3$s AND %4$s = %5$s),
                         changed AS (UPDATE %1$s u SET %2$s WHERE %6$s AND %7$s = %5$s RETURNING u.*)
                    INSERT INTO platform.seed_updates (org_id, application_id, table_name, row_id, before, after)
                    SELECT ?, ?, ?, %4$s::text,
                           (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(to_jsonb(t)) e WHERE e.key = ANY (?)),
                           (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(to_jsonb(c)) e WHERE e.key = ANY (?))
                      FROM target t JOIN changed c ON %8$s = %4$s""".formatted(table, assignFromJson(columns), known.tenantIs("t"),
                    known.keyColumn("t"), known.keyOf("?"), known.tenantIs("u"), known.keyColumn("u"), known.keyColumn("c"));
            Array columnNames = connection.createArrayOf("text", columns.toArray());
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Change change : run) {
                    statement.setObject(1, organizationId);
                    statement.setString(2, String.valueOf(change.id()));
                    statement.setString(3, json(change));
                    statement.setObject(4, organizationId);
                    statement.setString(5, String.valueOf(change.id()));
                    statement.setObject(6, organizationId);
                    statement.setObject(7, applicationId);
                    statement.setString(8, change.table());
                    statement.setArray(9, columnNames);
                    statement.setArray(10, columnNames);
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 1) {
                        throw new SeedResetException(Reason.PACK_FAILED, "pack '" + packId + "' updates " + first.table() + " row " + run.get(i).id()
                                + ", which this organization does not have: apply the pack it builds on first, or check the scenario", Map.of(SeedResetException.PACK, packId));
                    }
                }
            }
        }
    }

    /**
     * Refuses when an application that stays changed a row again after one of the applications
     * being removed: writing the older before-image back would undo the later change.
     */
    public static void refuseUndoingLaterChanges(Connection connection, UUID organizationId, Array applications) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT u.table_name, u.row_id::text, later.application_id::text FROM platform.seed_updates u
                  JOIN platform.seed_updates later ON later.org_id = u.org_id AND later.table_name = u.table_name
                                                  AND later.row_id = u.row_id AND later.id > u.id
                                                  AND NOT later.application_id = ANY (?)
                 WHERE u.application_id = ANY (?) AND u.org_id = ?
                 LIMIT 1""")) {
            statement.setArray(1, applications);
            statement.setArray(2, applications);
            statement.setObject(3, organizationId);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    throw new SeedResetException(Reason.ROWS_CHANGED, "teardown refused: " + rs.getString(1) + " row " + rs.getString(2)
                            + " was changed again afterwards by application " + rs.getString(3)
                            + ", which stays: tear that one down first; nothing was changed");
                }
            }
        }
    }

    /**
     * Refuses when a row the applications updated no longer holds, in a column they set, the value
     * the latest of their updates of that column set: someone changed it since (a person recording a
     * payment raises the bank balance a scenario set), and writing the before-image back would
     * silently lose that change while keeping the rest of their work. Only the columns the
     * applications set count; rows they created are skipped (they are deleted whole), and so are
     * updates recorded before after-images were (no {@code after}: written back as before). Values are
     * compared typed by the column (the recorded one read through the table's row type), so a
     * timestamp compares equal whatever the session's time zone.
     */
    public static void refuseOverwritingLaterChanges(Connection connection, TenantSchema schema, UUID organizationId, Array applications)
            throws SQLException {
        String latest = """
                WITH latest AS (
                    SELECT DISTINCT ON (u.table_name, u.row_id, k.name) u.table_name, u.row_id, u.application_id, k.name,
                           u.after -> k.name AS value, u.after IS NOT NULL AS known
                      FROM platform.seed_updates u CROSS JOIN LATERAL jsonb_object_keys(u.before) AS k(name)
                     WHERE u.application_id = ANY (?) AND u.org_id = ?
                       AND NOT EXISTS (SELECT 1 FROM platform.seed_rows s
                                        WHERE s.org_id = u.org_id AND s.table_name = u.table_name AND s.row_id = u.row_id
                                          AND s.application_id = ANY (?))
                     ORDER BY u.table_name, u.row_id, k.name, u.id DESC)
                """;
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(latest + "SELECT DISTINCT table_name FROM latest WHERE known ORDER BY 1")) {
            statement.setArray(1, applications);
            statement.setObject(2, organizationId);
            statement.setArray(3, applications);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<String> offenders = new ArrayList<>();
        long changedRows = 0;
        String firstTable = null;
        for (String table : tables) {
            TenantSchema.Table known = schema.table(table).orElseThrow();
            try (PreparedStatement statement = connection.prepareStatement(latest + """
                    SELECT l.row_id, l.application_id::text, string_agg(l.name, ', ' ORDER BY l.name)
                      FROM latest l JOIN %s t ON %s AND %s = %s
                     WHERE l.known AND l.table_name = ?
                       AND to_jsonb(t) -> l.name IS DISTINCT FROM to_jsonb(jsonb_populate_record(t, jsonb_build_object(l.name, l.value))) -> l.name
                     GROUP BY l.row_id, l.application_id
                     ORDER BY 1""".formatted(TenantSchema.sql(table), known.tenantIs("t"), known.keyColumn("t"), known.keyOf("l.row_id")))) {
                statement.setArray(1, applications);
                statement.setObject(2, organizationId);
                statement.setArray(3, applications);
                statement.setObject(4, organizationId);
                statement.setString(5, table);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        changedRows++;
                        if (firstTable == null) {
                            firstTable = table;
                        }
                        if (offenders.size() < 3) {
                            offenders.add(table + " row " + rs.getString(1) + " was changed since application " + rs.getString(2)
                                    + " set it (" + rs.getString(3) + ")");
                        }
                    }
                }
            }
        }
        if (!offenders.isEmpty()) {
            throw new SeedResetException(Reason.ROWS_CHANGED, "teardown refused: " + String.join("; ", offenders)
                    + (changedRows > offenders.size() ? "; and " + (changedRows - offenders.size()) + " more row(s)" : "")
                    + "; writing back the earlier values would lose " + (changedRows == 1 ? "that change" : "those changes")
                    + ": reset the organization instead (it removes everything and applies its packs again), or undo "
                    + (changedRows == 1 ? "the change" : "the changes") + " first; nothing was changed",
                    Map.of(SeedResetException.TABLE, firstTable));
        }
    }

    /**
     * Writes back the before-images of the applications' updates, latest first. Rows the same
     * applications created are skipped: they are about to be deleted. The images stay in the
     * ledger until those rows are gone (the database guard lets an image go only once its row
     * holds it again or is gone); {@link Removal} deletes them last.
     *
     * @return the rows put back, per table
     */
    public static Map<String, Long> restore(Connection connection, TenantSchema schema, UUID organizationId, Array applications)
            throws SQLException {
        List<Restore> restores = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT u.table_name, u.row_id, u.before::text, ARRAY(SELECT jsonb_object_keys(u.before) ORDER BY 1)
                  FROM platform.seed_updates u
                 WHERE u.application_id = ANY (?) AND u.org_id = ?
                   AND NOT EXISTS (SELECT 1 FROM platform.seed_rows s
                                    WHERE s.org_id = u.org_id AND s.table_name = u.table_name AND s.row_id = u.row_id
                                      AND s.application_id = ANY (?))
                 ORDER BY u.id DESC""")) {
            statement.setArray(1, applications);
            statement.setObject(2, organizationId);
            statement.setArray(3, applications);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    restores.add(new Restore(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(4).getArray()),
                            rs.getString(3)));
                }
            }
        }
        for (List<Restore> run : runsOfSameShape(restores, r -> r.table() + r.columns())) {
            Restore first = run.get(0);
            TenantSchema.Table known = schema.table(first.table()).orElseThrow();
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + TenantSchema.sql(first.table()) + " u SET "
                    + assignFromJson(first.columns()) + " WHERE " + known.tenantIs("u") + " AND " + known.keyColumn("u") + " = " + known.keyOf("?"))) {
                for (Restore restore : run) {
                    statement.setString(1, restore.json());
                    statement.setObject(2, organizationId);
                    statement.setString(3, restore.id());
                    statement.addBatch();
                }
                // A row deleted since (by a person) has nothing to restore: a count of 0 is fine.
                statement.executeBatch();
            }
        }
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        restores.forEach(restore -> rows.computeIfAbsent(restore.table(), t -> new HashSet<>()).add(restore.id()));
        Map<String, Long> restored = new LinkedHashMap<>();
        rows.forEach((table, ids) -> restored.put(table, (long) ids.size()));
        return restored;
    }

    /**
     * {@code (a, b) = (SELECT r.a, r.b FROM jsonb_populate_record(u, ?::jsonb) r)}: the values typed
     * by the table, over the row being updated ({@code u}), so columns not in the JSON keep theirs
     * (a NOT NULL domain never sees a null).
     */
    private static String assignFromJson(List<String> columns) {
        String list = columns.stream().map(TenantSchema::quote).collect(Collectors.joining(", "));
        String fromRecord = columns.stream().map(c -> "r." + TenantSchema.quote(c)).collect(Collectors.joining(", "));
        return "(" + list + ") = (SELECT " + fromRecord + " FROM jsonb_populate_record(u, ?::jsonb) r)";
    }

    /** Consecutive items of the same shape (table and columns), which share one statement. */
    private static <T> List<List<T>> runsOfSameShape(List<T> items, Function<T, String> shape) {
        List<List<T>> runs = new ArrayList<>();
        List<T> run = null;
        String runShape = null;
        for (T item : items) {
            String itemShape = shape.apply(item);
            if (run == null || !itemShape.equals(runShape)) {
                run = new ArrayList<>();
                runs.add(run);
                runShape = itemShape;
            }
            run.add(item);
        }
        return runs;
    }

    private static String json(Change change) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : change.columns()) {
            Object value = change.values().get(column);
            values.put(column, value instanceof Instant || value instanceof LocalDate || value instanceof LocalTime
                    || value instanceof UUID ? value.toString() : value);
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("row values are plain JSON values", e);
        }
    }
}
