package io.seedreset.platform.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
}
