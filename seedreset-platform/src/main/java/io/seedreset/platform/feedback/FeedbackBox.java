package io.seedreset.platform.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Where people's feedback is kept ({@code operations.feedback}) until {@link FeedbackDelivery} has
 * forwarded it: stored before anything else happens to it, so that a webhook that is down, slow or
 * not configured loses nothing.
 */
public final class FeedbackBox {

    /** The longest message kept, in characters. */
    public static final int MAX_MESSAGE = 4_000;
    /** The longest page (where the person was) kept, in characters. */
    public static final int MAX_PAGE = 2_000;

    private final DataSource dataSource;

    public FeedbackBox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a message, pending delivery; returns its id. The caller checks the lengths first
     * ({@link #MAX_MESSAGE}, {@link #MAX_PAGE}); the table refuses what is over them.
     *
     * @param page where the person was when they wrote it, or null
     */
    public UUID store(UUID organizationId, String personaEmail, String message, String page, Instant now) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO operations.feedback (id, organization_id, persona_email, message, page, created_at)
                     VALUES (?, ?, ?, ?, ?, ?)""")) {
            statement.setObject(1, id);
            statement.setObject(2, organizationId);
            statement.setString(3, personaEmail);
            statement.setString(4, message);
            statement.setString(5, page);
            statement.setTimestamp(6, Timestamp.from(now));
            statement.executeUpdate();
        }
        return id;
    }

    /** Feedback as staff read it: what was said, by whom, where, and whether it reached the webhook. */
    public record Entry(UUID id, Instant createdAt, String persona, String message, String page, String status, int attempts,
                        String lastError, Instant sentAt) {
    }

    /** The organization's feedback, newest first, at most {@code limit}. */
    public List<Entry> list(UUID organizationId, int limit) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT id, created_at, persona_email, message, page, status, attempts, last_error, sent_at
                       FROM operations.feedback WHERE organization_id = ? ORDER BY created_at DESC, id LIMIT ?""")) {
            statement.setObject(1, organizationId);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Timestamp sentAt = rs.getTimestamp("sent_at");
                    entries.add(new Entry(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                            rs.getString("persona_email"), rs.getString("message"), rs.getString("page"), rs.getString("status"),
                            rs.getInt("attempts"), rs.getString("last_error"), sentAt == null ? null : sentAt.toInstant()));
                }
            }
        }
        return entries;
    }
}
