package io.seedreset.platform.mail;

import io.seedreset.platform.delivery.Outbox;
import io.seedreset.platform.delivery.Retries;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Sends pending mail over SMTP, production organizations' only. Whether a message may leave is
 * decided here again, by the organization's row, whatever the message's status says: a demo, qa or
 * sandbox organization's mail is never handed to SMTP, even a message wrongly left pending.
 * {@code seedreset serve} runs {@link #deliverPending()} every few seconds; two servers on one database
 * never send a message twice ({@link Outbox}).
 */
public final class MailDelivery {

    private static final String DUE = """
            SELECT m.id, m.attempts, m.recipient, m.subject, m.body, m.created_at
              FROM operations.mail m JOIN platform.organizations o ON o.id = m.organization_id
             WHERE m.status = 'pending' AND o.is_production AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= ?)
             ORDER BY m.next_attempt_at NULLS FIRST, m.created_at
             LIMIT 1
               FOR UPDATE OF m SKIP LOCKED""";

    private record Pending(UUID id, String recipient, String subject, String body, java.sql.Timestamp createdAt) {
    }

    private final Outbox<Pending> outbox;

    public MailDelivery(DataSource dataSource, Clock clock, SmtpSettings smtp, Retries retries) {
        Session session = Session.getInstance(properties(smtp));
        this.outbox = new Outbox<>(dataSource, clock, retries, "operations.mail", DUE,
                row -> new Pending(row.getObject("id", UUID.class), row.getString("recipient"), row.getString("subject"),
                        row.getString("body"), row.getTimestamp("created_at")),
                pending -> Transport.send(message(session, smtp, pending)));
    }

    /** Sends every production message due now; one that fails is retried later, and given up after its last attempt. */
    public Outbox.Run deliverPending() throws SQLException {
        return outbox.deliverDue();
    }

    private static MimeMessage message(Session session, SmtpSettings smtp, Pending pending) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.from(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(pending.recipient(), true));
        message.setSubject(pending.subject(), "UTF-8");
        message.setText(pending.body(), "UTF-8");
        message.setSentDate(new Date(pending.createdAt().getTime()));
        // The mailbox row's id, so that a message can be traced back to the work that sent it.
        message.setHeader("X-Seedreset-Mail-Id", pending.id().toString());
        return message;
    }

    private static Properties properties(SmtpSettings smtp) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        String timeout = Long.toString(smtp.timeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        return properties;
    }
}
