package io.seedreset.platform.agency;

import io.seedreset.platform.sql.Slice;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import static io.seedreset.platform.agency.TenantQuery.equal;
import static io.seedreset.platform.agency.TenantQuery.instant;
import static io.seedreset.platform.agency.TenantQuery.uuid;

/** The events the agency runs for its clients (module {@code events}), soonest first. */
public final class Events {

    /** An event's statuses, from first call to wrap (the table's CHECK constraint). */
    public static final List<String> STATUSES = List.of("inquiry", "planning", "confirmed", "completed", "cancelled");
    /** The kinds of event the agency runs. */
    public static final List<String> TYPES = List.of("conference", "gala", "product_launch", "offsite", "wedding", "festival",
            "trade_show");

    /**
     * An event of the agency's calendar. Named so beside ticketing's events, which are another module's
     * (the API's description names schemas by their simple name).
     */
    public record AgencyEvent(UUID id, String name, String type, String clientName, String status, Instant startsAt, Instant endsAt,
                              String city, String state, int expectedAttendees, Instant createdAt) {
    }

    private final TenantQuery<AgencyEvent> query;

    public Events(DataSource dataSource) {
        this.query = new TenantQuery<>(dataSource, "events.events",
                "id, name, event_type, client_name, status, starts_at, ends_at, city, state, expected_attendees, created_at",
                "starts_at, id",
                rs -> new AgencyEvent(uuid(rs, "id"), rs.getString("name"), rs.getString("event_type"), rs.getString("client_name"),
                        rs.getString("status"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("city"),
                        rs.getString("state"), rs.getInt("expected_attendees"), instant(rs, "created_at")));
    }

    /** The organization's events, filtered by status and type where they are not null. */
    public Slice<AgencyEvent> list(UUID organizationId, String status, String type, int offset, int limit) throws SQLException {
        return query.list(organizationId, offset, limit, equal("status", status), equal("event_type", type));
    }

    public Optional<AgencyEvent> byId(UUID organizationId, UUID id) throws SQLException {
        return query.byId(organizationId, id);
    }
}
