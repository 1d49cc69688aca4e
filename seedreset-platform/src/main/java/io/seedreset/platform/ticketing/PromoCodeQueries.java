package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The promo codes staff manage: an admin reads every one; a promoter those of their company's events and
 * the codes for every event (which their buyers can redeem too), but not another company's event codes.
 * Customers and scanners read none: a code is handed out, not browsed.
 */
public final class PromoCodeQueries {

    private static final String COLUMNS = """
            p.id, p.code, p.description, p.discount_type, p.discount_value, p.valid_from, p.valid_to, p.max_uses, p.used_count, p.active,
            e.id AS event_id, e.name AS event_name""";
    private static final String FROM = """
            ticketing.promo_codes p LEFT JOIN ticketing.events e ON e.org_id = p.org_id AND e.id = p.event_id""";

    private final DataSource dataSource;

    public PromoCodeQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The codes the person may read, by code (then id).
     *
     * @throws NotPermitted for a customer or a scanner
     */
    public Slice<PromoCode> list(Person person, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TicketingAccount account = TicketingAccount.of(person);
            account.require("promo codes", Role.ADMIN, Role.PROMOTER);
            Select select = new Select(COLUMNS, FROM, "p.org_id", account.organizationId());
            if (account.role() == Role.PROMOTER) {
                select.where("(p.event_id IS NULL OR e.promoter_company_id = ?)", account.companyId());
            }
            return select.page(connection, "p.code, p.id", offset, limit, PromoCodeQueries::promoCode);
        }
    }

    private static PromoCode promoCode(ResultSet rs) throws SQLException {
        return new PromoCode(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("description"), rs.getString("discount_type"),
                rs.getBigDecimal("discount_value"), Select.instant(rs, "valid_from"), Select.instant(rs, "valid_to"),
                rs.getObject("max_uses", Integer.class), rs.getInt("used_count"), rs.getBoolean("active"), rs.getObject("event_id", UUID.class),
                rs.getString("event_name"));
    }
}
