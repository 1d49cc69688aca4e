package io.seedreset.platform.agency;

import io.seedreset.platform.sql.Slice;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import static io.seedreset.platform.agency.TenantQuery.equal;
import static io.seedreset.platform.agency.TenantQuery.uuid;

/** The venue rooms the agency books (module {@code spaces}), by name. */
public final class Spaces {

    /** The kinds of room (the table's CHECK constraint). */
    public static final List<String> TYPES = List.of("ballroom", "meeting_room", "terrace", "studio", "hall");

    /** A room the agency books for its events. */
    public record Space(UUID id, String name, String building, String type, int capacity, BigDecimal hourlyRate) {
    }

    private final TenantQuery<Space> query;

    public Spaces(DataSource dataSource) {
        this.query = new TenantQuery<>(dataSource, "spaces.spaces", "id, name, building, space_type, capacity, hourly_rate", "name, id",
                rs -> new Space(uuid(rs, "id"), rs.getString("name"), rs.getString("building"), rs.getString("space_type"),
                        rs.getInt("capacity"), rs.getBigDecimal("hourly_rate")));
    }

    /** The organization's rooms, of one type when {@code type} is not null. */
    public Slice<Space> list(UUID organizationId, String type, int offset, int limit) throws SQLException {
        return query.list(organizationId, offset, limit, equal("space_type", type));
    }

    public Optional<Space> byId(UUID organizationId, UUID id) throws SQLException {
        return query.byId(organizationId, id);
    }
}
