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

/** The organization's venues: public information, the same for every ticketing account. */
public final class VenueQueries {

    private static final String COLUMNS = """
            v.id, v.name, v.kind, v.address, v.city, v.state, v.zip, v.timezone, v.capacity, c.id AS operator_id, c.name AS operator_name""";
    private static final String FROM = "ticketing.venues v JOIN ticketing.companies c ON c.org_id = v.org_id AND c.id = v.company_id";

    private final DataSource dataSource;

    public VenueQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The venues by name (then id). */
    public Slice<Venue> list(Person person, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TicketingAccount account = TicketingAccount.of(person);
            return new Select(COLUMNS, FROM, "v.org_id", account.organizationId()).page(connection, "v.name, v.id", offset, limit, VenueQueries::venue);
        }
    }

    public Optional<Venue> find(Person person, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TicketingAccount account = TicketingAccount.of(person);
            return new Select(COLUMNS, FROM, "v.org_id", account.organizationId()).where("v.id = ?", id).one(connection, VenueQueries::venue);
        }
    }

    private static Venue venue(ResultSet rs) throws SQLException {
        return new Venue(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"), rs.getString("address"),
                rs.getString("city"), rs.getString("state"), rs.getString("zip"), rs.getString("timezone"), rs.getInt("capacity"),
                rs.getObject("operator_id", UUID.class), rs.getString("operator_name"));
    }
}
