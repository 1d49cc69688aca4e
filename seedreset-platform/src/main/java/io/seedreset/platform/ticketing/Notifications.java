package io.seedreset.platform.ticketing;

import io.seedreset.platform.mail.Mail;
import io.seedreset.platform.mail.Mailbox;
import io.seedreset.platform.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * The mail a workflow sends, as the ticketing-demo pack models it: a message in the organization's
 * {@link Mailbox} (delivered for production, captured for a demo), and, when the recipient has an account,
 * the email notification their account lists ({@code ticketing.notifications}, channel EMAIL). Order updates
 * and transfers by email are transactional: no preference switches them off, as at any checkout.
 */
final class Notifications {

    private Notifications() {
    }

    /** Sends one email in the caller's transaction; {@code userId} is the recipient's account, or null without one. */
    static void email(Connection connection, UUID organizationId, UUID userId, String recipient, String mailKind,
                      String notificationKind, String subject, String body, Instant now) throws SQLException {
        Mailbox.send(connection, organizationId, new Mail(mailKind, recipient, subject, body), now);
        if (userId == null) {
            return;
        }
        Sql.execute(connection, """
                INSERT INTO ticketing.notifications (org_id, id, user_id, channel, kind, subject, body, sent_at, read_at)
                VALUES (?, ?, ?, 'EMAIL', ?, ?, ?, ?, NULL)""", organizationId, UUID.randomUUID(), userId, notificationKind, subject, body, now);
    }
}
