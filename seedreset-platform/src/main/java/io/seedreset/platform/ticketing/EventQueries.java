package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The events a ticketing account may see, with their ticket types. A draft is its promoter's work in
 * progress: only the promoting company's promoters and the admins see it; everyone else sees every
 * event that is not a draft.
 */
public final class EventQueries {

    private static final String COLUMNS = """
            e.id, e.name, e.slug, e.category, e.status, e.tags, e.description, e.starts_at, e.ends_at, e.timezone,
            e.sales_start, e.sales_end, e.capacity, v.id AS venue_id, v.name AS venue_name, v.city AS venue_city,
            c.id AS promoter_id, c.name AS promoter_name""";
    private static final String FROM = """
            ticketing.events e
              JOIN ticketing.venues v ON v.org_id = e.org_id AND v.id = e.venue_id
              JOIN ticketing.companies c ON c.org_id = e.org_id AND c.id = e.promoter_company_id""";
    /** Ticket types (alias {@code t}) in the order a buyer reads them: early bird, general admission, VIP. */
    static final String BY_TIER = "array_position(ARRAY['EARLY_BIRD', 'GENERAL', 'VIP'], t.tier)";

    private final DataSource dataSource;

    public EventQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The events the person may see, filtered by status and category when given, by start time (then id). */
    public Slice<TicketedEvent> list(Person person, EventStatus status, EventCategory category, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TicketingAccount account = TicketingAccount.of(person);
            Slice<Select.Parent<TicketedEvent, TicketType>> page = visible(account).whereEquals("e.status", status)
                    .whereEquals("e.category", category).page(connection, "e.starts_at, e.id", offset, limit, EventQueries::event);
            return new Slice<>(withTicketTypes(connection, account, page.items()), page.total());
        }
    }

    /** The event, when the person may see it. */
    public Optional<TicketedEvent> find(Person person, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TicketingAccount account = TicketingAccount.of(person);
            return withTicketTypes(connection, account, visible(account).where("e.id = ?", id).all(connection, "e.id", EventQueries::event))
                    .stream().findFirst();
        }
    }

    private static Select visible(TicketingAccount account) {
        Select select = new Select(COLUMNS, FROM, "e.org_id", account.organizationId());
        return switch (account.role()) {
            case ADMIN -> select;
            case PROMOTER -> select.where("(e.status <> 'DRAFT' OR e.promoter_company_id = ?)", account.companyId());
            case CUSTOMER, SCANNER -> select.where("e.status <> 'DRAFT'");
        };
    }

    private static List<TicketedEvent> withTicketTypes(Connection connection, TicketingAccount account,
                                                       List<Select.Parent<TicketedEvent, TicketType>> events) throws SQLException {
        return new Select("t.event_id, t.id, t.tier, t.name, t.price, t.quantity_total, t.quantity_sold, t.quantity_available",
                "ticketing.ticket_types t", "t.org_id", account.organizationId())
                .children(connection, events, "t.event_id", BY_TIER + ", t.id", rs -> new TicketType(rs.getObject("id", UUID.class),
                        rs.getString("tier"), rs.getString("name"), rs.getBigDecimal("price"), rs.getInt("quantity_total"),
                        rs.getInt("quantity_sold"), rs.getInt("quantity_available")));
    }

    private static Select.Parent<TicketedEvent, TicketType> event(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String name = rs.getString("name");
        String slug = rs.getString("slug");
        String category = rs.getString("category");
        String status = rs.getString("status");
        List<String> tags = Select.texts(rs, "tags");
        String description = rs.getString("description");
        Instant startsAt = Select.instant(rs, "starts_at");
        Instant endsAt = Select.instant(rs, "ends_at");
        String timezone = rs.getString("timezone");
        Instant salesStart = Select.instant(rs, "sales_start");
        Instant salesEnd = Select.instant(rs, "sales_end");
        int capacity = rs.getInt("capacity");
        UUID venueId = rs.getObject("venue_id", UUID.class);
        String venueName = rs.getString("venue_name");
        String venueCity = rs.getString("venue_city");
        UUID promoterId = rs.getObject("promoter_id", UUID.class);
        String promoterName = rs.getString("promoter_name");
        return new Select.Parent<>(id, types -> new TicketedEvent(id, name, slug, category, status, tags, description, startsAt, endsAt,
                timezone, salesStart, salesEnd, capacity, venueId, venueName, venueCity, promoterId, promoterName, types));
    }
}
