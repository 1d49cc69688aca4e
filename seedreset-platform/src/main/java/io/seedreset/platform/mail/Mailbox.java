package io.seedreset.platform.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Where the platform's mail is written. {@link #send} joins the caller's transaction, so that a
 * confirmation exists exactly when its order does; whether it is delivered is decided by the
 * organization's row, here and again by {@link MailDelivery}: a production organization's mail waits for
 * delivery over SMTP, every other organization's is captured and never sent.
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

    /**
     * A message as the mailbox lists it.
     *
     * @param status    {@code captured} (never sent), {@code pending}, {@code sent} or {@code failed}
     * @param lastError why the last attempt to send it failed, if one did
     */
    public record Entry(UUID id, Instant createdAt, String kind, String recipient, String subject, String status, int attempts,
                        String lastError, Instant sentAt) {
    }

    /** The organization's messages, newest first, at most {@code limit}. */
    public static List<Entry> list(DataSource dataSource, UUID organizationId, int limit) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT id, created_at, kind, recipient, subject, status, attempts, last_error, sent_at
                       FROM operations.mail WHERE organization_id = ? ORDER BY created_at DESC, id LIMIT ?""")) {
            statement.setObject(1, organizationId);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
        }
        return entries;
    }

    /** A message with its body. */
    public record Message(Entry entry, String body) {
    }

    /** One of the organization's messages, with its body; empty when the organization has no message of this id. */
    public static Optional<Message> read(DataSource dataSource, UUID organizationId, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT id, created_at, kind, recipient, subject, status, attempts, last_error, sent_at, body
                       FROM operations.mail WHERE organization_id = ? AND id = ?""")) {
            statement.setObject(1, organizationId);
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Message(entry(rs), rs.getString("body"))) : Optional.empty();
            }
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new Entry(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(), rs.getString("kind"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("last_error"), sentAt == null ? null : sentAt.toInstant());
    }
}
