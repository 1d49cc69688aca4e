package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Sql;
import io.seedreset.platform.sql.Transactions;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A door scanner reads a barcode, in one transaction: a scanner persona scans on one of their company's
 * devices; a ticket for the event the device is assigned to that is VALID or TRANSFERRED (a transferred ticket
 * admits its new holder) is admitted and becomes USED; a ticket already USED is a DUPLICATE, a CANCELLED one
 * or one for another event is REJECTED. Every read of a known barcode is logged in {@code scan_logs} and the
 * device marked as seen and operated by the caller, a refusal included: the {@link Scan} says how it went
 * (admitted when its result is ACCEPTED), and it is committed whatever the result, so the door's record is complete.
 *
 * <p>Refused without a log: a caller who is not a scanner (403); a missing barcode (400); a device not of the
 * caller's company (404); an inactive device ({@code scanner_inactive}) or one assigned to no event
 * ({@code scanner_unassigned}): 409. A barcode the organization never issued is a {@link Scan} with result
 * REJECTED and reason {@code unknown_barcode}, not logged (a log row names a ticket).
 */
public final class DoorScan {

    private final DataSource dataSource;
    private final Clock clock;

    public DoorScan(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * How a scan went.
     *
     * @param result    ACCEPTED, DUPLICATE or REJECTED
     * @param reason    null when admitted; else {@code already_used}, {@code ticket_cancelled}, {@code wrong_event} or {@code unknown_barcode}
     * @param scanLogId the log row, or null for an unknown barcode
     * @param ticketId  the ticket, or null for an unknown barcode
     */
    public record Scan(String result, String reason, String message, UUID scanLogId, UUID ticketId, String barcode, String holderName,
                       String ticketType, String event, Instant scannedAt) {
    }

    private record Scanner(UUID id, UUID eventId) {
    }

    private record Ticket(UUID id, String status, UUID eventId, String holderName, String ticketType, String event) {
    }

    public Scan scan(Person person, UUID scannerId, String barcode) throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> {
            Caller operator = Caller.of(connection, person).require("SCANNER", "scan tickets");
            if (barcode == null || barcode.isBlank()) {
                throw WorkflowRefused.invalid("a scan needs the barcode read");
            }
            String read = barcode.strip();
            Instant now = io.seedreset.platform.clock.OrganizationClock.now(connection, clock, person.organizationId());
            UUID org = operator.organizationId();
            Scanner scanner = scanner(connection, operator, scannerId);
            Ticket ticket = ticket(connection, org, read);
            if (ticket == null) {
                return new Scan("REJECTED", "unknown_barcode", "no ticket has barcode " + read, null, null, read, null, null, null, now);
            }
            String result;
            String reason;
            String message;
            if (!ticket.eventId().equals(scanner.eventId())) {
                result = "REJECTED";
                reason = "wrong_event";
                message = "the ticket is for " + ticket.event() + ", not the event this scanner checks in";
            } else if (ticket.status().equals("USED")) {
                result = "DUPLICATE";
                reason = "already_used";
                message = "the ticket was already scanned in";
            } else if (ticket.status().equals("CANCELLED")) {
                result = "REJECTED";
                reason = "ticket_cancelled";
                message = "the ticket is cancelled";
            } else {
                result = "ACCEPTED";
                reason = null;
                message = "admit " + ticket.holderName() + " (" + ticket.ticketType() + ")";
                Sql.execute(connection, "UPDATE ticketing.tickets SET status = 'USED' WHERE org_id = ? AND id = ?", org, ticket.id());
            }
            UUID logId = UUID.randomUUID();
            Sql.execute(connection, "INSERT INTO ticketing.scan_logs (org_id, id, ticket_id, scanner_id, scanned_at, result) VALUES (?, ?, ?, ?, ?, ?)",
                    org, logId, ticket.id(), scanner.id(), now, result);
            Sql.execute(connection, "UPDATE ticketing.scanners SET last_seen_at = ?, operator_user_id = ? WHERE org_id = ? AND id = ?",
                    now, operator.id(), org, scanner.id());
            return new Scan(result, reason, message, logId, ticket.id(), read, ticket.holderName(), ticket.ticketType(), ticket.event(), now);
        });
    }

    /** The caller's company's device, active and assigned to an event. */
    private static Scanner scanner(Connection connection, Caller operator, UUID scannerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, event_id, active FROM ticketing.scanners WHERE org_id = ? AND id = ? AND company_id = ?")) {
            statement.setObject(1, operator.organizationId());
            statement.setObject(2, scannerId);
            statement.setObject(3, operator.companyId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowRefused.notFound("scanner", scannerId);
                }
                Map<String, String> details = Map.of("scannerId", scannerId.toString());
                if (!rs.getBoolean("active")) {
                    throw WorkflowRefused.conflict("scanner_inactive", "scanner " + rs.getString("name") + " is switched off", details);
                }
                UUID eventId = rs.getObject("event_id", UUID.class);
                if (eventId == null) {
                    throw WorkflowRefused.conflict("scanner_unassigned", "scanner " + rs.getString("name") + " is assigned to no event", details);
                }
                return new Scanner(scannerId, eventId);
            }
        }
    }

    /** The ticket with this barcode, locked (two scanners reading one ticket at once admit it once), or null. */
    private static Ticket ticket(Connection connection, UUID org, String barcode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT k.id, k.status, k.holder_name, t.name AS ticket_type, t.event_id, e.name AS event
                  FROM ticketing.tickets k
                  JOIN ticketing.ticket_types t ON t.org_id = k.org_id AND t.id = k.ticket_type_id
                  JOIN ticketing.events e ON e.org_id = t.org_id AND e.id = t.event_id
                 WHERE k.org_id = ? AND k.barcode = ? FOR UPDATE OF k""")) {
            statement.setObject(1, org);
            statement.setString(2, barcode);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new Ticket(rs.getObject("id", UUID.class), rs.getString("status"), rs.getObject("event_id", UUID.class),
                        rs.getString("holder_name"), rs.getString("ticket_type"), rs.getString("event")) : null;
            }
        }
    }
}
