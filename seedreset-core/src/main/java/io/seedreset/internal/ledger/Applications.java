package io.seedreset.internal.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedreset.api.ApplicationRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads and writes {@code platform.seed_applications}. */
public final class Applications {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = """
            a.id, o.slug, a.pack_id, a.pack_version, a.mode, a.parameters::text, a.seed, a.anchor, a.actor, a.applied_at,
            a.row_counts::text, a.plan_hash, a.duration_ms, a.removed_at, a.removed_by, a.removal, a.seq, a.source, a.modules""";

    private Applications() {
    }

    /**
     * Records the start of a pack's application; counts, hash and duration follow with {@link #complete}.
     *
     * @param selectedModules the modules of the pack it is limited to; empty for the whole pack (stored as NULL)
     */
    public static void insert(Connection connection, UUID id, UUID organizationId, String packId, String packVersion,
                              String mode, List<String> selectedModules, Map<String, Object> parameters, long seed,
                              Instant anchor, String actor, Instant appliedAt) throws SQLException {
        insert(connection, ApplicationRecord.Source.PACK, id, organizationId, packId, packVersion, mode, selectedModules, parameters, seed,
                anchor, actor, appliedAt);
    }

    /** Records the start of an application of any source; counts, hash and duration follow with {@link #complete}. */
    public static void insert(Connection connection, ApplicationRecord.Source source, UUID id, UUID organizationId, String packId,
                              String packVersion, String mode, List<String> selectedModules, Map<String, Object> parameters, long seed,
                              Instant anchor, String actor, Instant appliedAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO platform.seed_applications
                       (id, org_id, pack_id, pack_version, mode, parameters, seed, anchor, actor, applied_at, source, modules)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")) {
            statement.setObject(1, id);
            statement.setObject(2, organizationId);
            statement.setString(3, packId);
            statement.setString(4, packVersion);
            statement.setString(5, mode);
            statement.setString(6, json(new TreeMap<>(parameters)));
            statement.setLong(7, seed);
            statement.setTimestamp(8, Timestamp.from(anchor));
            statement.setString(9, actor);
            statement.setTimestamp(10, Timestamp.from(appliedAt));
            statement.setString(11, source.label());
            if (selectedModules.isEmpty()) {
                statement.setNull(12, Types.ARRAY);
            } else {
                statement.setArray(12, connection.createArrayOf("text", selectedModules.toArray()));
            }
            statement.executeUpdate();
        }
    }

    public static void complete(Connection connection, UUID id, Map<String, Long> counts, String planHash,
                                long durationMillis) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE platform.seed_applications SET row_counts = ?::jsonb, plan_hash = ?, duration_ms = ? WHERE id = ?")) {
            statement.setString(1, json(counts));
            statement.setString(2, planHash);
            statement.setLong(3, durationMillis);
            statement.setObject(4, id);
            statement.executeUpdate();
        }
    }

    public static void markRemoved(Connection connection, List<UUID> ids, String actor, ApplicationRecord.Removal removal)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE platform.seed_applications SET removed_at = now(), removed_by = ?, removal = ?
                 WHERE id = ANY (?) AND removed_at IS NULL""")) {
            statement.setString(1, actor);
            statement.setString(2, removal.label());
            statement.setArray(3, connection.createArrayOf("uuid", ids.toArray()));
            statement.executeUpdate();
        }
    }

    /** The organization's applications whose rows are in place, oldest first. */
    public static List<ApplicationRecord> active(Connection connection, UUID organizationId) throws SQLException {
        return query(connection, "WHERE a.org_id = ? AND a.removed_at IS NULL ORDER BY a.seq", organizationId);
    }

    /** Newest first, made before the application numbered {@code before} when it is given; all organizations when {@code organization} is null. */
    public static List<ApplicationRecord> list(Connection connection, String organization, Long before, int limit) throws SQLException {
        return query(connection, "WHERE (?::text IS NULL OR o.slug = ?) AND (?::bigint IS NULL OR a.seq < ?) ORDER BY a.seq DESC LIMIT ?",
                organization, organization, before, before, limit);
    }

    private static List<ApplicationRecord> query(Connection connection, String where, Object... parameters) throws SQLException {
        List<ApplicationRecord> records = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM platform.seed_applications a JOIN platform.organizations o ON o.id = a.org_id " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    records.add(read(rs));
                }
            }
        }
        return records;
    }

    private static ApplicationRecord read(ResultSet rs) throws SQLException {
        Timestamp removedAt = rs.getTimestamp(14);
        Array modules = rs.getArray(19);
        return new ApplicationRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), modules == null ? List.of() : List.of((String[]) modules.getArray()), parse(rs.getString(6), new TypeReference<LinkedHashMap<String, Object>>() { }),
                rs.getLong(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getTimestamp(10).toInstant(),
                parse(rs.getString(11), new TypeReference<LinkedHashMap<String, Long>>() { }), rs.getString(12),
                rs.getLong(13), removedAt == null ? null : removedAt.toInstant(), rs.getString(15), removal(rs.getString(16)), rs.getLong(17),
                ApplicationRecord.Source.valueOf(rs.getString(18).toUpperCase(Locale.ROOT)));
    }

    /** The table keeps the removal's label; a CHECK constraint holds it to the enum's values. */
    private static ApplicationRecord.Removal removal(String label) {
        return label == null ? null : ApplicationRecord.Removal.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parameters and counts are plain values", e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("platform.seed_applications holds malformed JSON: " + json, e);
        }
    }
}
