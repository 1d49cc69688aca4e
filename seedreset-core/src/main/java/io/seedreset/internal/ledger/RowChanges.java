package io.seedreset.internal.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedreset.api.SeedResetException;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Updates of existing rows, and their undoing. Each update records the row's previous values
 * of the columns it sets ({@code platform.seed_updates.before}) in the same statement that
 * changes it; teardown writes them back, latest first. Values travel as JSON and are typed by
 * the table itself ({@code jsonb_populate_record}), so any column type round-trips.
 */
public final class RowChanges {

    /** Updates handed to the database at once (one JDBC batch). */
    public static final int BATCH = 500;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** One update: the row's {@code id} and the columns to set. */
    public record Change(String table, Map<String, Object> values) {
        Object id() {
            return values.get("id");
        }

        List<String> columns() {
            return values.keySet().stream().filter(c -> !c.equals("id")).sorted().toList();
        }
    }

    private RowChanges() {
    }

    /** Applies the changes in order, recording before-images; a row the organization lacks fails the batch. */
    public static void write(Connection connection, String packId, UUID organizationId, UUID applicationId,
                             List<Change> changes) throws SQLException {
        for (List<Change> run : runsOfSameShape(changes)) {
            Change first = run.get(0);
            List<String> columns = first.columns();
            String table = TenantSchema.sql(first.table());
            // The before-image is read from the statement's snapshot, before the UPDATE. No FOR UPDATE
            // there: the UPDATE locks the row, and a locking read of a row its own statement updates
            // returns nothing.
            String sql = """
                    WITH target AS (SELECT * FROM %1$s WHERE org_id = ? AND id = ?),
                         logged AS (INSERT INTO platform.seed_updates (org_id, application_id, table_name, row_id, before)
                                    SELECT org_id, ?, ?, id, jsonb_build_object(%2$s) FROM target)
                    UPDATE %1$s SET %3$s WHERE org_id = ? AND id = ?""".formatted(table,
                    columns.stream().map(c -> "'" + c.replace("'", "''") + "', " + TenantSchema.quote(c)).collect(Collectors.joining(", ")),
                    assignFromJson(table, columns));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Change change : run) {
                    statement.setObject(1, organizationId);
                    statement.setObject(2, change.id());
                    statement.setObject(3, applicationId);
                    statement.setString(4, change.table());
                    statement.setString(5, json(change));
                    statement.setObject(6, organizationId);
                    statement.setObject(7, change.id());
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 1) {
                        throw SeedResetException.failure("pack '" + packId + "' updates " + first.table() + " row " + run.get(i).id()
                                + ", which this organization does not have: apply the pack it builds on first, or check the scenario");
                    }
                }
            }
        }
    }

    /**
     * Writes back the before-images of the applications' updates, latest first, and forgets
     * them. Rows the same applications created are skipped: they are about to be deleted.
     *
     * @return the rows put back, per table
     */
    public static Map<String, Long> restore(Connection connection, UUID organizationId, Array applications) throws SQLException {
        List<Change> restores = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT u.table_name, u.row_id, u.before::text FROM platform.seed_updates u
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
                    Map<String, Object> values = new LinkedHashMap<>(readJson(rs.getString(3)));
                    values.put("id", rs.getObject(2));
                    restores.add(new Change(rs.getString(1), values));
                }
            }
        }
        for (List<Change> run : runsOfSameShape(restores)) {
            String table = TenantSchema.sql(run.get(0).table());
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table + " SET "
                    + assignFromJson(table, run.get(0).columns()) + " WHERE org_id = ? AND id = ?")) {
                for (Change change : run) {
                    statement.setString(1, json(change));
                    statement.setObject(2, organizationId);
                    statement.setObject(3, change.id());
                    statement.addBatch();
                }
                // A row deleted since (by a person) has nothing to restore: a count of 0 is fine.
                statement.executeBatch();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM platform.seed_updates WHERE application_id = ANY (?) AND org_id = ?")) {
            statement.setArray(1, applications);
            statement.setObject(2, organizationId);
            statement.executeUpdate();
        }
        Map<String, Set<Object>> rows = new LinkedHashMap<>();
        restores.forEach(change -> rows.computeIfAbsent(change.table(), t -> new HashSet<>()).add(change.id()));
        Map<String, Long> restored = new LinkedHashMap<>();
        rows.forEach((table, ids) -> restored.put(table, (long) ids.size()));
        return restored;
    }

    /** {@code (a, b) = (SELECT r.a, r.b FROM jsonb_populate_record(NULL::t, ?::jsonb) r)}: the values typed by the table. */
    private static String assignFromJson(String table, List<String> columns) {
        String list = columns.stream().map(TenantSchema::quote).collect(Collectors.joining(", "));
        String fromRecord = columns.stream().map(c -> "r." + TenantSchema.quote(c)).collect(Collectors.joining(", "));
        return "(" + list + ") = (SELECT " + fromRecord + " FROM jsonb_populate_record(NULL::" + table + ", ?::jsonb) r)";
    }

    /** Consecutive changes to the same table and columns, which share one statement. */
    private static List<List<Change>> runsOfSameShape(List<Change> changes) {
        List<List<Change>> runs = new ArrayList<>();
        Iterator<Change> it = changes.iterator();
        List<Change> run = null;
        while (it.hasNext()) {
            Change change = it.next();
            if (run == null || !run.get(0).table().equals(change.table()) || !run.get(0).columns().equals(change.columns())) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(change);
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(String text) {
        try {
            return JSON.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("platform.seed_updates.before holds JSON objects", e);
        }
    }
}
