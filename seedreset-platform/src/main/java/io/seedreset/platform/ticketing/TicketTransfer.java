package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Sql;
import io.seedreset.platform.sql.Transactions;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A ticket's holder passes it on to someone by email, in one transaction, as the ticketing-demo pack models
 * transfers: a {@code ticket_transfers} row from the holder to the email (and to its account when the
 * organization has one), the ticket's holder becomes the recipient (their account, or none, with their name
 * and email), its status TRANSFERRED (the pack's meaning: a ticket now held by someone other than its buyer,
 * still good at the door; its rule {@code ticket-status-consistent} wants a transfer row behind every one), and
 * the recipient is mailed. The barcode stays the ticket's, as in the pack.
 *
 * <p>A ticket admits while VALID or TRANSFERRED, so its new holder, when they have an account, may pass it on
 * again. Refused: an email that is not well formed (by the pack's rule) or the holder's own (400); a ticket
 * that is not the caller's (404, the same as a missing one); a USED ({@code ticket_used}) or CANCELLED
 * ({@code ticket_cancelled}) ticket, or one whose event has started ({@code event_started}): 409.
 */
public final class TicketTransfer {

    private static final int LONGEST_NAME = 200;

    private final DataSource dataSource;
    private final Clock clock;

    public TicketTransfer(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The ticket as passed on.
     *
     * @param toUserId the recipient's account in the organization, or null when the email has none
     */
    public record Transferred(UUID transferId, UUID ticketId, String status, UUID toUserId, String holderName, String holderEmail,
                              Instant transferredAt) {
    }

    /**
     * Passes the caller's ticket on to {@code email}; {@code name} is the recipient's name for a ticket sent to
     * someone without an account (their account's name otherwise), and when it is null the email stands for it.
     */
    public Transferred transfer(Person person, UUID ticketId, String email, String name) throws SQLException {
        String to = email == null ? null : email.strip();
        if (!EmailAddresses.wellFormed(to)) {
            throw WorkflowRefused.invalid("'" + email + "' is not an email address");
        }
        if (name != null && (name.isBlank() || name.length() > LONGEST_NAME)) {
            throw WorkflowRefused.invalid("the recipient's name must be 1 to " + LONGEST_NAME + " characters when given");
        }
        return Transactions.inTransaction(dataSource, connection -> {
            Caller holder = Caller.of(connection, person);
            Instant now = io.seedreset.platform.clock.OrganizationClock.now(connection, clock, person.organizationId());
            UUID org = holder.organizationId();
            String status;
            String barcode;
            String eventName;
            String venue;
            Instant startsAt;
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT k.status, k.barcode, e.name AS event, e.starts_at, v.name AS venue
                      FROM ticketing.tickets k
                      JOIN ticketing.ticket_types t ON t.org_id = k.org_id AND t.id = k.ticket_type_id
                      JOIN ticketing.events e ON e.org_id = t.org_id AND e.id = t.event_id
                      JOIN ticketing.venues v ON v.org_id = e.org_id AND v.id = e.venue_id
                     WHERE k.org_id = ? AND k.id = ? AND k.holder_user_id = ? FOR UPDATE OF k""")) {
                statement.setObject(1, org);
                statement.setObject(2, ticketId);
                statement.setObject(3, holder.id());
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw WorkflowRefused.notFound("ticket", ticketId);
                    }
                    status = rs.getString("status");
                    barcode = rs.getString("barcode");
                    eventName = rs.getString("event");
                    venue = rs.getString("venue");
                    startsAt = rs.getTimestamp("starts_at").toInstant();
                }
            }
            Map<String, String> details = Map.of("ticketId", ticketId.toString(), "status", status);
            if (status.equals("USED") || status.equals("CANCELLED")) {
                throw WorkflowRefused.conflict("ticket_" + status.toLowerCase(Locale.ROOT),
                        "the ticket is " + status + ": only a valid ticket can be passed on", details);
            }
            if (!now.isBefore(startsAt)) {
                throw WorkflowRefused.conflict("event_started", eventName + " started " + startsAt + ": tickets pass on only before it", details);
            }
            if (to.equalsIgnoreCase(holder.email())) {
                throw WorkflowRefused.invalid("the ticket is already " + holder.email() + "'s");
            }

            UUID recipientId = null;
            String holderName = name == null ? to : name.strip();
            String holderEmail = to;
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT id, first_name || ' ' || last_name AS name, email FROM ticketing.users WHERE org_id = ? AND lower(email) = lower(?)""")) {
                statement.setObject(1, org);
                statement.setString(2, to);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        recipientId = rs.getObject("id", UUID.class);
                        holderName = rs.getString("name");
                        holderEmail = rs.getString("email");
                    }
                }
            }

            UUID transferId = UUID.randomUUID();
            Sql.execute(connection, """
                    INSERT INTO ticketing.ticket_transfers (org_id, id, ticket_id, from_user_id, to_user_id, to_email, transferred_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", org, transferId, ticketId, holder.id(), recipientId, holderEmail, now);
            Sql.execute(connection, """
                    UPDATE ticketing.tickets SET status = 'TRANSFERRED', holder_user_id = ?, holder_name = ?, holder_email = ?
                     WHERE org_id = ? AND id = ?""", recipientId, holderName, holderEmail, org, ticketId);
            String body = recipientId != null
                    ? "Your ticket is in your account. Show the barcode at the door of " + venue + "."
                    : "Your barcode is " + barcode + ": show it at the door of " + venue + ".";
            Notifications.email(connection, org, recipientId, holderEmail, "ticket_transfer", "TICKET_TRANSFER",
                    holder.name() + " sent you a ticket to " + eventName, body, now);
            return new Transferred(transferId, ticketId, "TRANSFERRED", recipientId, holderName, holderEmail, now);
        });
    }
}
