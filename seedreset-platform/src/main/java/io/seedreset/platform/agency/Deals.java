package io.seedreset.platform.agency;

import io.seedreset.platform.sql.Slice;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import static io.seedreset.platform.agency.TenantQuery.equal;
import static io.seedreset.platform.agency.TenantQuery.instant;
import static io.seedreset.platform.agency.TenantQuery.uuid;

/** The sales pipeline (module {@code sales}): what the agency sells of each event, in the order deals were opened. */
public final class Deals {

    /** A deal's stages, from lead to won or lost (the table's CHECK constraint). */
    public static final List<String> STAGES = List.of("lead", "proposal", "negotiation", "won", "lost");

    /**
     * A sponsorship, package or add-on sold to a client for one event.
     *
     * @param probability the chance of winning it, in percent
     */
    public record Deal(UUID id, UUID eventId, String title, String clientCompany, String contactName, String contactEmail,
                       String stage, BigDecimal amount, int probability, Instant openedAt, LocalDate expectedClose) {
    }

    private final TenantQuery<Deal> query;

    public Deals(DataSource dataSource) {
        this.query = new TenantQuery<>(dataSource, "sales.deals",
                "id, event_id, title, client_company, contact_name, contact_email, stage, amount, probability, opened_at, expected_close",
                "opened_at, id",
                rs -> new Deal(uuid(rs, "id"), uuid(rs, "event_id"), rs.getString("title"), rs.getString("client_company"),
                        rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("stage"), rs.getBigDecimal("amount"),
                        rs.getInt("probability"), instant(rs, "opened_at"), rs.getObject("expected_close", LocalDate.class)));
    }

    /** The organization's deals, filtered by stage and event where they are not null. */
    public Slice<Deal> list(UUID organizationId, String stage, UUID eventId, int offset, int limit) throws SQLException {
        return query.list(organizationId, offset, limit, equal("stage", stage), equal("event_id", eventId));
    }

    public Optional<Deal> byId(UUID organizationId, UUID id) throws SQLException {
        return query.byId(organizationId, id);
    }
}
