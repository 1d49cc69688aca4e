package io.seedreset.internal.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.seedreset.internal.schema.TenantSchema;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Snapshots kept in the database: {@code platform.snapshots} (what and whose) and {@code platform.snapshot_chunks} (the rows). */
public final class StoredSnapshots {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A stored snapshot. {@code baseline}: some organization resets to it. */
    public record Stored(UUID id, UUID organizationId, String organization, String name, String kind, Manifest manifest, long bytes,
                         boolean baseline) {
    }

    private StoredSnapshots() {
    }

    /**
     * Takes a snapshot of the organization in the caller's transaction: every tenant table, parents
     * first. The caller holds the organization's lock and reads at one snapshot of the database, so
     * the tables agree with each other.
     */
    public static Stored capture(Connection connection, TenantSchema schema, UUID organizationId, String tenantKey, String organization, String name,
                                 String kind, String schemaVersion, String actor, Instant takenAt, List<io.seedreset.pack.Persona> personas)
            throws SQLException {
        UUID id = UUID.randomUUID();
        List<Manifest.TableEntry> entries = new ArrayList<>();
        try (PreparedStatement chunk = connection.prepareStatement(
                "INSERT INTO platform.snapshot_chunks (snapshot_id, table_name, seq, data) VALUES (?, ?, ?, ?)")) {
            // The snapshot's row goes first, for the chunks' foreign key; its manifest follows them.
            insert(connection, id, organizationId, name, kind, new Manifest(Manifest.FORMAT, name, schemaVersion, organization, takenAt,
                    actor, List.of(), personas));
            for (String table : kept(connection, schema)) {
                TableCapture.Captured captured = TableCapture.capture(connection, schema.table(table).orElseThrow(), tenantKey);
                entries.add(captured.entry());
                int seq = 0;
                for (byte[] data : captured.chunks()) {
                    chunk.setObject(1, id);
                    chunk.setString(2, table);
                    chunk.setInt(3, seq++);
                    chunk.setBytes(4, data);
                    chunk.executeUpdate();
                }
            }
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, name, schemaVersion, organization, takenAt, actor, entries, personas);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE platform.snapshots SET manifest = ?::jsonb, row_counts = ?::jsonb, bytes = ? WHERE id = ?")) {
            statement.setString(1, json(manifest));
            statement.setString(2, json(manifest.counts()));
            statement.setLong(3, manifest.compressedBytes());
            statement.setObject(4, id);
            statement.executeUpdate();
        }
        return new Stored(id, organizationId, organization, name, kind, manifest, manifest.compressedBytes(), false);
    }

    /**
     * Keeps a snapshot read from a file as the organization's, under the manifest's name: a restore
     * loads it from here, and a reset can restore it again. Its rows are checked (count, SHA-256) when
     * they load, in the same transaction.
     */
    public static Stored store(Connection connection, UUID organizationId, String organization, Manifest manifest,
                               SnapshotLoad.Tables tables) throws SQLException, java.io.IOException {
        UUID id = UUID.randomUUID();
        insert(connection, id, organizationId, manifest.name(), "manual", manifest);
        try (PreparedStatement chunk = connection.prepareStatement(
                "INSERT INTO platform.snapshot_chunks (snapshot_id, table_name, seq, data) VALUES (?, ?, ?, ?)")) {
            for (Manifest.TableEntry table : manifest.tables()) {
                try (InputStream in = tables.open(table)) {
                    int seq = 0;
                    byte[] data;
                    while ((data = in.readNBytes(TableCapture.CHUNK_BYTES)).length > 0) {
                        chunk.setObject(1, id);
                        chunk.setString(2, table.table());
                        chunk.setInt(3, seq++);
                        chunk.setBytes(4, data);
                        chunk.executeUpdate();
                    }
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE platform.snapshots SET row_counts = ?::jsonb, bytes = ? WHERE id = ?")) {
            statement.setString(1, json(manifest.counts()));
            statement.setLong(2, manifest.compressedBytes());
            statement.setObject(3, id);
            statement.executeUpdate();
        }
        return new Stored(id, organizationId, organization, manifest.name(), "manual", manifest, manifest.compressedBytes(), false);
    }

    /** Whether an application still active was restored from this snapshot: reset would restore it again. */
    public static boolean restoredByActiveApplication(Connection connection, UUID snapshotId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM platform.seed_applications
                                WHERE source = 'snapshot' AND removed_at IS NULL AND parameters ->> 'snapshotId' = ?)""")) {
            statement.setString(1, snapshotId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A stored snapshot by id, locked (FOR SHARE) until the transaction ends. */
    public static Optional<Stored> find(Connection connection, UUID id) throws SQLException {
        return query(connection, "WHERE s.id = ? FOR SHARE OF s", id).stream().findFirst();
    }

    /** The logins a stored snapshot knows (its manifest's), or none when it no longer exists. Reads only. */
    public static List<io.seedreset.pack.Persona> personas(Connection connection, UUID id) throws SQLException {
        return query(connection, "WHERE s.id = ?", id).stream().findFirst().map(stored -> stored.manifest().personas()).orElse(List.of());
    }

    /** The tenant tables a snapshot keeps, parents first: all but those a module excluded ({@code platform.snapshot_exclusions}). */
    static List<String> kept(Connection connection, TenantSchema schema) throws SQLException {
        java.util.Set<String> excluded = new java.util.HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name FROM platform.snapshot_exclusions");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                excluded.add(rs.getString(1));
            }
        }
        return schema.parentsFirst().stream().filter(table -> !excluded.contains(table)).toList();
    }

    private static void insert(Connection connection, UUID id, UUID organizationId, String name, String kind, Manifest manifest)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO platform.snapshots (id, org_id, name, kind, schema_version, taken_from, taken_at, taken_by, row_counts, manifest, bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?::jsonb, 0)""")) {
            statement.setObject(1, id);
            statement.setObject(2, organizationId);
            statement.setString(3, name);
            statement.setString(4, kind);
            statement.setString(5, manifest.schemaVersion());
            statement.setString(6, manifest.takenFrom());
            statement.setTimestamp(7, Timestamp.from(manifest.takenAt()));
            statement.setString(8, manifest.takenBy());
            statement.setString(9, json(manifest));
            statement.executeUpdate();
        }
    }

    /** The organization's snapshot of this name; {@code lock} holds it (FOR SHARE) until the transaction ends, so nobody deletes it meanwhile. */
    public static Optional<Stored> find(Connection connection, UUID organizationId, String name, boolean lock) throws SQLException {
        List<Stored> found = query(connection, "WHERE s.org_id = ? AND s.name = ?" + (lock ? " FOR SHARE OF s" : ""), organizationId, name);
        return found.stream().findFirst();
    }

    /** The organization's snapshots (every organization's when null), newest first. */
    public static List<Stored> list(Connection connection, UUID organizationId) throws SQLException {
        return query(connection, "WHERE (?::uuid IS NULL OR s.org_id = ?) ORDER BY s.taken_at DESC, s.name", organizationId, organizationId);
    }

    private static List<Stored> query(Connection connection, String where, Object... parameters) throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT s.id, s.org_id, o.slug, s.name, s.kind, s.manifest::text, s.bytes,
                       EXISTS (SELECT 1 FROM platform.baselines b WHERE b.snapshot_id = s.id)
                  FROM platform.snapshots s JOIN platform.organizations o ON o.id = s.org_id""" + " " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), manifest(rs.getString(6)), rs.getLong(7), rs.getBoolean(8)));
                }
            }
        }
        return stored;
    }

    /** The organization's baseline snapshot, if it has one. */
    public static Optional<Stored> baseline(Connection connection, UUID organizationId) throws SQLException {
        return query(connection, "WHERE s.id = (SELECT b.snapshot_id FROM platform.baselines b WHERE b.org_id = ?)", organizationId).stream()
                .findFirst();
    }

    public static void delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM platform.snapshots WHERE id = ?")) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

    /**
     * Keeps the newest {@code keep} backups of the organization and deletes the older ones, except a
     * backup that is a baseline or that an active application was restored from (a reset restores it
     * again). Returns the names deleted.
     */
    public static List<String> rotate(Connection connection, UUID organizationId, int keep) throws SQLException {
        List<String> deleted = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                DELETE FROM platform.snapshots s
                 WHERE s.id IN (SELECT id FROM platform.snapshots WHERE org_id = ? AND kind = 'backup'
                                 ORDER BY taken_at DESC, name DESC OFFSET ?)
                   AND NOT EXISTS (SELECT 1 FROM platform.baselines b WHERE b.snapshot_id = s.id)
                   AND NOT EXISTS (SELECT 1 FROM platform.seed_applications a
                                    WHERE a.source = 'snapshot' AND a.removed_at IS NULL AND a.parameters ->> 'snapshotId' = s.id::text)
                RETURNING s.name""")) {
            statement.setObject(1, organizationId);
            statement.setInt(2, keep);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    deleted.add(rs.getString(1));
                }
            }
        }
        Collections.sort(deleted);
        return deleted;
    }

    /**
     * A table's compressed rows, read into memory on the caller's connection before its COPY starts
     * (a connection runs one statement at a time, and COPY holds it): a table's gzip, not the database's.
     */
    public static InputStream table(Connection connection, UUID snapshotId, String table) throws SQLException {
        List<InputStream> parts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT data FROM platform.snapshot_chunks WHERE snapshot_id = ? AND table_name = ? ORDER BY seq")) {
            statement.setObject(1, snapshotId);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    parts.add(new ByteArrayInputStream(rs.getBytes(1)));
                }
            }
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof java.util.Map<?, ?> map ? new TreeMap<>(map) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest is plain values", e);
        }
    }

    static Manifest manifest(String json) {
        try {
            return JSON.readValue(json, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("platform.snapshots holds a malformed manifest: " + e.getOriginalMessage(), e);
        }
    }
}
