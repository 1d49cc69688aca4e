package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import io.seedreset.platform.sql.Slice;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The orders a ticketing account may see, with their lines: a customer their own, a promoter those of
 * their company's events, an admin every one. Scanners check tickets at the door and read no orders.
 */
public final class OrderQueries {

    private static final String COLUMNS = """
            o.id, o.order_number, o.status, e.id AS event_id, e.name AS event_name, u.id AS customer_id,
            u.first_name || ' ' || u.last_name AS customer_name, u.email AS customer_email, p.code AS promo_code,
            o.subtotal, o.fees, o.tax, o.discount, o.total, o.placed_at, o.paid_at, o.cancelled_at, o.refunded_at""";
    private static final String FROM = """
            ticketing.orders o
              JOIN ticketing.events e ON e.org_id = o.org_id AND e.id = o.event_id
              JOIN ticketing.users u ON u.org_id = o.org_id AND u.id = o.customer_id
              LEFT JOIN ticketing.promo_codes p ON p.org_id = o.org_id AND p.id = o.promo_code_id""";

    private final DataSource dataSource;

    public OrderQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The orders the person may see, filtered by status when given, newest first (then by id).
     *
     * @throws NotPermitted for a scanner
     */
    public Slice<TicketOrder> list(Person person, OrderStatus status, int offset, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TicketingAccount account = TicketingAccount.of(person);
            Slice<Select.Parent<TicketOrder, OrderItem>> page = visible(account).whereEquals("o.status", status)
                    .page(connection, "o.placed_at DESC, o.id", offset, limit, OrderQueries::order);
            return new Slice<>(withItems(connection, account, page.items()), page.total());
        }
    }

    /**
     * The order, when the person may see it.
     *
     * @throws NotPermitted for a scanner
     */
    public Optional<TicketOrder> find(Person person, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TicketingAccount account = TicketingAccount.of(person);
            return withItems(connection, account, visible(account).where("o.id = ?", id).all(connection, "o.id", OrderQueries::order))
                    .stream().findFirst();
        }
    }

    private static Select visible(TicketingAccount account) {
        account.require("orders", Role.ADMIN, Role.PROMOTER, Role.CUSTOMER);
        Select select = new Select(COLUMNS, FROM, "o.org_id", account.organizationId());
        return switch (account.role()) {
            case PROMOTER -> select.where("e.promoter_company_id = ?", account.companyId());
            case CUSTOMER -> select.where("o.customer_id = ?", account.userId());
            case ADMIN, SCANNER -> select;
        };
    }

    private static List<TicketOrder> withItems(Connection connection, TicketingAccount account, List<Select.Parent<TicketOrder, OrderItem>> orders)
            throws SQLException {
        return new Select("i.order_id, i.id, i.ticket_type_id, t.tier, t.name, i.quantity, i.unit_price, i.line_total",
                "ticketing.order_items i JOIN ticketing.ticket_types t ON t.org_id = i.org_id AND t.id = i.ticket_type_id",
                "i.org_id", account.organizationId())
                .children(connection, orders, "i.order_id", EventQueries.BY_TIER + ", i.id", rs -> new OrderItem(rs.getObject("id", UUID.class),
                        rs.getObject("ticket_type_id", UUID.class), rs.getString("tier"), rs.getString("name"), rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"), rs.getBigDecimal("line_total")));
    }

    private static Select.Parent<TicketOrder, OrderItem> order(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String number = rs.getString("order_number");
        String status = rs.getString("status");
        UUID eventId = rs.getObject("event_id", UUID.class);
        String eventName = rs.getString("event_name");
        UUID customerId = rs.getObject("customer_id", UUID.class);
        String customerName = rs.getString("customer_name");
        String customerEmail = rs.getString("customer_email");
        String promoCode = rs.getString("promo_code");
        BigDecimal subtotal = rs.getBigDecimal("subtotal");
        BigDecimal fees = rs.getBigDecimal("fees");
        BigDecimal tax = rs.getBigDecimal("tax");
        BigDecimal discount = rs.getBigDecimal("discount");
        BigDecimal total = rs.getBigDecimal("total");
        Instant placedAt = Select.instant(rs, "placed_at");
        Instant paidAt = Select.instant(rs, "paid_at");
        Instant cancelledAt = Select.instant(rs, "cancelled_at");
        Instant refundedAt = Select.instant(rs, "refunded_at");
        return new Select.Parent<>(id, items -> new TicketOrder(id, number, status, eventId, eventName, customerId, customerName, customerEmail,
                promoCode, subtotal, fees, tax, discount, total, placedAt, paidAt, cancelledAt, refundedAt, items));
    }
}
