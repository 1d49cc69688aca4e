package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Select;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Sales of one event ({@link EventSales}) for the people who run it: the admins, and the promoters of
 * the company promoting it. Another company's event is not found for a promoter, like a missing one;
 * customers and scanners read no sales at all.
 */
public final class SalesReports {

    private final DataSource dataSource;

    public SalesReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The event's sales, when the person may read them.
     *
     * @throws NotPermitted for a customer or a scanner
     */
    public Optional<EventSales> of(Person person, UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            TicketingAccount account = TicketingAccount.of(person);
            account.require("sales", Role.ADMIN, Role.PROMOTER);
            Select event = new Select("e.id, e.name, e.status, e.timezone", "ticketing.events e", "e.org_id", account.organizationId())
                    .where("e.id = ?", eventId);
            if (account.role() == Role.PROMOTER) {
                event.where("e.promoter_company_id = ?", account.companyId());
            }
            Optional<Header> header = event.one(connection, rs -> new Header(rs.getString("name"), rs.getString("status"), rs.getString("timezone")));
            if (header.isEmpty()) {
                return Optional.empty();
            }
            List<EventSales.TierSales> tiers = tiers(connection, account.organizationId(), eventId);
            return Optional.of(new EventSales(eventId, header.get().name(), header.get().status(), header.get().timezone(),
                    totals(connection, account.organizationId(), eventId, tiers), tiers, days(connection, account.organizationId(), eventId)));
        }
    }

    /** What the report says of the event itself. */
    private record Header(String name, String status, String timezone) {
    }

    private static List<EventSales.TierSales> tiers(Connection connection, UUID organizationId, UUID eventId) throws SQLException {
        List<EventSales.TierSales> tiers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH paid AS (SELECT i.ticket_type_id, sum(i.quantity) AS tickets, sum(i.line_total) AS revenue
                                FROM ticketing.orders o
                                JOIN ticketing.order_items i ON i.org_id = o.org_id AND i.order_id = o.id
                               WHERE o.org_id = ? AND o.event_id = ? AND o.status = 'PAID'
                               GROUP BY i.ticket_type_id)
                SELECT t.id, t.tier, t.name, t.price, t.quantity_total, t.quantity_sold, t.quantity_available,
                       coalesce(paid.tickets, 0) AS tickets, coalesce(paid.revenue, 0) AS revenue
                  FROM ticketing.ticket_types t LEFT JOIN paid ON paid.ticket_type_id = t.id
                 WHERE t.org_id = ? AND t.event_id = ?
                 ORDER BY\s""" + EventQueries.BY_TIER + ", t.id")) {
            bind(statement, organizationId, eventId, organizationId, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int total = rs.getInt("quantity_total");
                    int sold = rs.getInt("quantity_sold");
                    tiers.add(new EventSales.TierSales(rs.getObject("id", UUID.class), rs.getString("tier"), rs.getString("name"),
                            rs.getBigDecimal("price"), total, sold, rs.getInt("quantity_available"), EventSales.sellThrough(sold, total),
                            rs.getLong("tickets"), rs.getBigDecimal("revenue")));
                }
            }
        }
        return tiers;
    }

    private static List<EventSales.DaySales> days(Connection connection, UUID organizationId, UUID eventId) throws SQLException {
        List<EventSales.DaySales> days = new ArrayList<>();
        // The day an order was placed is read on the event's calendar: a Friday-night on-sale in Los Angeles is Friday's.
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT (o.placed_at AT TIME ZONE e.timezone)::date AS day, count(DISTINCT o.id) AS orders, sum(i.quantity) AS tickets,
                       sum(i.line_total) AS revenue
                  FROM ticketing.orders o
                  JOIN ticketing.events e ON e.org_id = o.org_id AND e.id = o.event_id
                  JOIN ticketing.order_items i ON i.org_id = o.org_id AND i.order_id = o.id
                 WHERE o.org_id = ? AND o.event_id = ? AND o.status = 'PAID'
                 GROUP BY day
                 ORDER BY day""")) {
            bind(statement, organizationId, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    days.add(new EventSales.DaySales(rs.getObject("day", LocalDate.class), rs.getLong("orders"), rs.getLong("tickets"),
                            rs.getBigDecimal("revenue")));
                }
            }
        }
        return days;
    }

    private static EventSales.SalesTotals totals(Connection connection, UUID organizationId, UUID eventId, List<EventSales.TierSales> tiers)
            throws SQLException {
        int quantityTotal = tiers.stream().mapToInt(EventSales.TierSales::quantityTotal).sum();
        int quantitySold = tiers.stream().mapToInt(EventSales.TierSales::quantitySold).sum();
        long ticketsSold = tiers.stream().mapToLong(EventSales.TierSales::ticketsSold).sum();
        BigDecimal revenue = tiers.stream().map(EventSales.TierSales::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) AS orders, coalesce(sum(fees), 0) AS fees, coalesce(sum(tax), 0) AS tax,
                       coalesce(sum(discount), 0) AS discount, coalesce(sum(total), 0) AS total
                  FROM ticketing.orders
                 WHERE org_id = ? AND event_id = ? AND status = 'PAID'""")) {
            bind(statement, organizationId, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new EventSales.SalesTotals(quantityTotal, quantitySold, EventSales.sellThrough(quantitySold, quantityTotal),
                        rs.getLong("orders"), ticketsSold, revenue, rs.getBigDecimal("fees"), rs.getBigDecimal("tax"), rs.getBigDecimal("discount"),
                        rs.getBigDecimal("total"));
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
