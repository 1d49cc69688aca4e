package io.seedreset.platform.agency;

import io.seedreset.platform.sql.Slice;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import static io.seedreset.platform.agency.TenantQuery.equal;
import static io.seedreset.platform.agency.TenantQuery.instant;
import static io.seedreset.platform.agency.TenantQuery.uuid;

/** The agency's vendor roster (module {@code suppliers}), by name. */
public final class Vendors {

    /** The categories a vendor may have (the table's CHECK constraint). */
    public static final List<String> CATEGORIES = List.of("catering", "audio_visual", "staging", "florals", "photography",
            "transportation", "security", "entertainment", "staffing", "printing", "airline", "lodging", "tour_operator",
            "professional_services", "office");

    /**
     * A vendor the agency buys from.
     *
     * @param rating 1.0 to 5.0, or null when the agency has not rated it yet
     */
    public record Vendor(UUID id, String name, String category, String contactName, String email, String phone, String city,
                         String state, BigDecimal rating, Instant createdAt) {
    }

    private final TenantQuery<Vendor> query;

    public Vendors(DataSource dataSource) {
        this.query = new TenantQuery<>(dataSource, "suppliers.vendors",
                "id, name, category, contact_name, email, phone, city, state, rating, created_at", "name, id",
                rs -> new Vendor(uuid(rs, "id"), rs.getString("name"), rs.getString("category"), rs.getString("contact_name"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("city"), rs.getString("state"),
                        rs.getBigDecimal("rating"), instant(rs, "created_at")));
    }

    /** The organization's vendors, of one category when {@code category} is not null. */
    public Slice<Vendor> list(UUID organizationId, String category, int offset, int limit) throws SQLException {
        return query.list(organizationId, offset, limit, equal("category", category));
    }

    public Optional<Vendor> byId(UUID organizationId, UUID id) throws SQLException {
        return query.byId(organizationId, id);
    }
}
