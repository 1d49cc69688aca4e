package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The tickets a ticketing account holds ({@code holder_user_id}): a buyer's own, and those passed on to
 * them; a ticket they passed on is its new holder's. Whatever the role, nobody reads another person's
 * tickets here.
 */
public final class TicketQueries {

    private static final String COLUMNS = """
            k.id, k.barcode, k.status, k.price_paid, k.holder_name, k.holder_email, k.issued_at, t.id AS ticket_type_id, t.tier,
            t.name AS ticket_type_name, e.id AS event_id, e.name AS event_name, e.starts_at, v.name AS venue_name""";
    private static final String FROM = """
            ticketing.tickets k
              JOIN ticketing.ticket_types t ON t.org_id = k.org_id AND t.id = k.ticket_type_id
              JOIN ticketing.events e ON e.org_id = t.org_id AND e.id = t.event_id
              JOIN ticketing.venues v ON v.org_id = e.org_id AND v.id = e.venue_id""";

    private final DataSource dataSource;

    public TicketQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The person's tickets, filtered by status when given, by the event's start, then tier, then id. */
    public Slice<Ticket> list(Person person, TicketStatus status, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return held(TicketingAccount.of(person)).whereEquals("k.status", status)
                    .page(connection, "e.starts_at, " + EventQueries.BY_TIER + ", k.id", offset, limit, TicketQueries::ticket);
        }
    }

    /** The ticket, when the person holds it. */
    public Optional<Ticket> find(Person person, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return held(TicketingAccount.of(person)).where("k.id = ?", id).one(connection, TicketQueries::ticket);
        }
    }

    private static Select held(TicketingAccount account) {
        return new Select(COLUMNS, FROM, "k.org_id", account.organizationId()).where("k.holder_user_id = ?", account.userId());
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getString("barcode"), rs.getString("status"), rs.getBigDecimal("price_paid"),
                rs.getString("holder_name"), rs.getString("holder_email"), Select.instant(rs, "issued_at"),
                rs.getObject("ticket_type_id", UUID.class), rs.getString("tier"), rs.getString("ticket_type_name"),
                rs.getObject("event_id", UUID.class), rs.getString("event_name"), Select.instant(rs, "starts_at"), rs.getString("venue_name"));
    }
}
