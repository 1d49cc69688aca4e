package io.seedreset.platform.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Where the platform's mail is written. {@link #send} joins the caller's transaction, so that a
 * confirmation exists exactly when its order does; whether it is delivered is decided here, by the
 * organization, and only here: a production organization's mail waits for delivery over SMTP, every
 * other organization's is captured and never sent.
 */
public final class Mailbox {

    private Mailbox() {
    }

    /**
     * Writes the message in the connection's transaction: pending delivery for a production
     * organization, captured for any other. Returns its id.
     */
    public static UUID send(Connection connection, UUID organizationId, Mail mail, Instant now) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO operations.mail (id, organization_id, kind, recipient, subject, body, status, created_at)
                SELECT ?, o.id, ?, ?, ?, ?, CASE WHEN o.is_production THEN 'pending' ELSE 'captured' END, ?
                  FROM platform.organizations o WHERE o.id = ?""")) {
            statement.setObject(1, id);
            statement.setString(2, mail.kind());
            statement.setString(3, mail.recipient());
            statement.setString(4, mail.subject());
            statement.setString(5, mail.body());
            statement.setTimestamp(6, Timestamp.from(now));
            statement.setObject(7, organizationId);
            if (statement.executeUpdate() != 1) {
                throw new SQLException("no organization " + organizationId + " to send mail for");
            }
        }
        return id;
    }
}
