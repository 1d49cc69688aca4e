package io.seedreset.internal.audit;

import io.seedreset.api.AuditEntry;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.SeedResetException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code platform.seed_audit}: every attempt, written on its own connection in autocommit, so
 * a rolled-back or killed operation still leaves a record of who tried what, where, and why it
 * failed. An attempt is recorded as {@code started} before any work; if the process dies, it
 * stays {@code started} and history never shows it as a success.
 * <p>
 * The table keeps operations and outcomes as text (their labels); they become the public enums
 * here, at the boundary, and nowhere else.
 */
public final class AuditLog {

    private final DataSource dataSource;

    public AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long start(String actor, AuditOperation operation, String organization, String packId, String packVersion)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO platform.seed_audit (actor, operation, org_slug, org_id, pack_id, pack_version, outcome)
                     VALUES (?, ?, ?, (SELECT id FROM platform.organizations WHERE slug = ?), ?, ?, 'started')
                     RETURNING id""")) {
            connection.setAutoCommit(true);
            statement.setString(1, actor);
            statement.setString(2, operation.label());
            statement.setString(3, organization);
            statement.setString(4, organization);
            statement.setString(5, packId);
            statement.setString(6, packVersion);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void finish(long entry, AuditOutcome outcome, UUID applicationId, String message) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     UPDATE platform.seed_audit
                        SET outcome = ?, application_id = ?, message = ?, finished_at = clock_timestamp()
                      WHERE id = ?""")) {
            connection.setAutoCommit(true);
            statement.setString(1, outcome.label());
            statement.setObject(2, applicationId);
            statement.setString(3, message);
            statement.setLong(4, entry);
            statement.executeUpdate();
        }
    }

    /** Records something that happened at once (not an attempt with an outcome to come), finished. */
    public void record(String actor, AuditOperation operation, AuditOutcome outcome, String message) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO platform.seed_audit (actor, operation, outcome, message, finished_at)
                     VALUES (?, ?, ?, ?, clock_timestamp())""")) {
            connection.setAutoCommit(true);
            statement.setString(1, actor);
            statement.setString(2, operation.label());
            statement.setString(3, outcome.label());
            statement.setString(4, message);
            statement.executeUpdate();
        }
    }

    /** Newest first; all organizations when {@code organization} is null. */
    public static List<AuditEntry> list(Connection connection, String organization, Long before, int limit) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, started_at, finished_at, actor, operation, org_slug, pack_id, pack_version, application_id, outcome, message
                  FROM platform.seed_audit
                 WHERE (?::text IS NULL OR org_slug = ?) AND (?::bigint IS NULL OR id < ?)
                 ORDER BY id DESC
                 LIMIT ?""")) {
            statement.setString(1, organization);
            statement.setString(2, organization);
            statement.setObject(3, before, java.sql.Types.BIGINT);
            statement.setObject(4, before, java.sql.Types.BIGINT);
            statement.setInt(5, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Timestamp finished = rs.getTimestamp(3);
                    entries.add(new AuditEntry(id, rs.getTimestamp(2).toInstant(),
                            finished == null ? null : finished.toInstant(), rs.getString(4),
                            read(AuditOperation.class, "operation", id, rs.getString(5)),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, UUID.class),
                            read(AuditOutcome.class, "outcome", id, rs.getString(10)), rs.getString(11)));
                }
            }
        }
        return entries;
    }

    /**
     * An enum from the label the table stores. CHECK constraints hold outcomes and operations to
     * the known ones, so an unknown label means a database newer than this code.
     */
    private static <E extends Enum<E>> E read(Class<E> type, String column, long entry, String label) {
        for (E value : type.getEnumConstants()) {
            if (value.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(label)) {
                return value;
            }
        }
        throw new SeedResetException(SeedResetException.Reason.SCHEMA_TOO_NEW, "audit entry " + entry + " records the " + column
                + " '" + label + "', which this version of Seed & Reset does not know");
    }
}
