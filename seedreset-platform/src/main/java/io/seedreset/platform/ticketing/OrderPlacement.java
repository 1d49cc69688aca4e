package io.seedreset.platform.ticketing;

import io.seedreset.platform.identity.Person;
import io.seedreset.platform.sql.Sql;
import io.seedreset.platform.sql.Transactions;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A customer buys tickets: one order for one event, paid at once, in one transaction. The ticket types are
 * locked in id order (so two buyers of the same tiers queue rather than deadlock, and never oversell), then the
 * event, the promo code, and the organization's order numbering; then the order, its items and its tickets are written,
 * the inventory and the code's uses move, and the confirmation is mailed. Every refusal writes nothing.
 *
 * <p>The checks, in order: the caller is a customer (403); the items are well formed (400: none, a quantity
 * below 1 or above {@link #MOST_OF_ONE_TYPE}, a type twice); every type exists in the organization (404) and
 * all are of one event (400); the event is on sale now (409 {@code event_not_on_sale}); each type has enough
 * left (409 {@code sold_out}, {@code not_enough_tickets}); the promo code, if any, can be redeemed (422
 * {@code unknown_promo_code}, {@code promo_code_disabled}, {@code promo_code_not_yet_valid},
 * {@code promo_code_expired}, {@code promo_code_exhausted}, {@code promo_code_other_event}).
 *
 * <p>Amounts follow the ticketing-demo pack's rules ({@link OrderPricing}); numbers and barcodes its formats
 * ({@link OrderNumbers}, {@link Barcodes}). The tickets are the customer's (holder and account), VALID. When
 * the order sells an event's last ticket, the event is SOLD_OUT.
 */
public final class OrderPlacement {

    /** The most tickets of one type an order may take: the pack's largest order (the group buyer's) is ten. */
    public static final int MOST_OF_ONE_TYPE = 10;

    private final DataSource dataSource;
    private final Clock clock;

    public OrderPlacement(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What a customer asks for: quantities of ticket types, and a promo code or null. */
    public record OrderRequest(List<Line> items, String promoCode) {
    }

    /** One line of a request; the quantity is an Integer so that a missing one is refused, not read as 0. */
    public record Line(UUID ticketTypeId, Integer quantity) {
    }

    /** The order as placed. */
    public record PlacedOrder(UUID id, String orderNumber, String status, UUID eventId, String eventName, String promoCode,
                              List<PlacedOrderItem> items, BigDecimal subtotal, BigDecimal fees, BigDecimal tax,
                              BigDecimal discount, BigDecimal total, Instant placedAt, Instant paidAt, List<IssuedTicket> tickets) {
    }

    /** One item of a placed order. */
    public record PlacedOrderItem(UUID id, UUID ticketTypeId, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    /** A ticket a placed order issued. */
    public record IssuedTicket(UUID id, UUID ticketTypeId, String barcode, String status, BigDecimal pricePaid, String holderName,
                               String holderEmail) {
    }

    private record TicketType(UUID id, UUID eventId, String name, BigDecimal price, int available) {
    }

    private record Event(UUID id, String name, String status, Instant salesStart, Instant salesEnd, String venue, String city,
                         String state) {
    }

    private record Promo(UUID id, String code, String discountType, BigDecimal value) {
    }

    public PlacedOrder place(Person person, OrderRequest request) throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> {
            Caller customer = Caller.of(connection, person).require("CUSTOMER", "place orders");
            List<Line> lines = wellFormed(request);
            Instant now = io.seedreset.platform.clock.OrganizationClock.now(connection, clock, person.organizationId());
            UUID org = customer.organizationId();

            Map<UUID, TicketType> types = lockTicketTypes(connection, org, lines);
            Set<UUID> events = new HashSet<>();
            types.values().forEach(type -> events.add(type.eventId()));
            if (events.size() > 1) {
                throw WorkflowRefused.invalid("an order is for one event: these ticket types are of " + events.size() + " events");
            }
            Event event = event(connection, org, events.iterator().next());
            if (!event.status().equals("ON_SALE") || now.isBefore(event.salesStart()) || now.isAfter(event.salesEnd())) {
                throw WorkflowRefused.conflict("event_not_on_sale", event.name() + " is not on sale (" + event.status()
                        + ", sales " + event.salesStart() + " to " + event.salesEnd() + ")", Map.of("eventId", event.id().toString()));
            }
            for (Line line : lines) {
                TicketType type = types.get(line.ticketTypeId());
                if (type.available() < line.quantity()) {
                    throw WorkflowRefused.conflict(type.available() == 0 ? "sold_out" : "not_enough_tickets",
                            type.available() == 0 ? type.name() + " is sold out"
                                    : "only " + type.available() + " " + type.name() + " left, " + line.quantity() + " asked",
                            Map.of("ticketTypeId", type.id().toString(), "available", Integer.toString(type.available())));
                }
            }
            Promo promo = request.promoCode() == null || request.promoCode().isBlank() ? null
                    : redeemable(connection, org, request.promoCode().strip(), event.id(), now);

            BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
            for (Line line : lines) {
                subtotal = subtotal.add(types.get(line.ticketTypeId()).price().multiply(BigDecimal.valueOf(line.quantity())));
            }
            BigDecimal discount = promo == null ? BigDecimal.ZERO.setScale(2) : OrderPricing.discount(promo.discountType(), promo.value(), subtotal);
            BigDecimal fees = OrderPricing.fees(subtotal, feeRate(connection, org, event.id()));
            BigDecimal tax = OrderPricing.tax(subtotal.subtract(discount), OrderPricing.admissionsTaxRate(event.city(), event.state()));
            BigDecimal total = OrderPricing.total(subtotal, fees, tax, discount);

            String number = OrderNumbers.next(connection, org);
            UUID orderId = UUID.randomUUID();
            insertOrder(connection, org, orderId, number, customer.id(), event.id(), promo, subtotal, fees, tax, discount, total, now);
            List<PlacedOrderItem> items = new ArrayList<>();
            List<IssuedTicket> tickets = new ArrayList<>();
            for (Line line : lines) {
                TicketType type = types.get(line.ticketTypeId());
                PlacedOrderItem item = new PlacedOrderItem(UUID.randomUUID(), type.id(), type.name(), line.quantity(), type.price(),
                        type.price().multiply(BigDecimal.valueOf(line.quantity())));
                insertItem(connection, org, orderId, item);
                BigDecimal pricePaid = OrderPricing.pricePaid(type.price(), subtotal, discount);
                for (int i = 0; i < line.quantity(); i++) {
                    tickets.add(issueTicket(connection, org, item, pricePaid, customer, now));
                }
                items.add(item);
            }
            sell(connection, org, lines);
            if (promo != null) {
                Sql.execute(connection, "UPDATE ticketing.promo_codes SET used_count = used_count + 1 WHERE org_id = ? AND id = ?", org, promo.id());
            }
            Sql.execute(connection, """
                    UPDATE ticketing.events e SET status = 'SOLD_OUT'
                     WHERE e.org_id = ? AND e.id = ?
                       AND NOT EXISTS (SELECT 1 FROM ticketing.ticket_types t
                                        WHERE t.org_id = e.org_id AND t.event_id = e.id AND t.quantity_available > 0)""", org, event.id());

            int count = tickets.size();
            String what = count + (count == 1 ? " ticket" : " tickets") + " for " + event.name();
            Notifications.email(connection, org, customer.id(), customer.email(), "order_confirmation", "ORDER_UPDATE",
                    "Your tickets for " + event.name(),
                    "Order " + number + ": " + what + " at " + event.venue() + ". Your tickets are in your account.", now);
            return new PlacedOrder(orderId, number, "PAID", event.id(), event.name(), promo == null ? null : promo.code(), items,
                    subtotal, fees, tax, discount, total, now, now, tickets);
        });
    }

    /** The lines, checked on their own: at least one, each type once, each quantity from 1 to {@link #MOST_OF_ONE_TYPE}. */
    private static List<Line> wellFormed(OrderRequest request) {
        if (request == null || request.items() == null || request.items().isEmpty()) {
            throw WorkflowRefused.invalid("an order needs at least one item");
        }
        Set<UUID> seen = new HashSet<>();
        for (Line line : request.items()) {
            if (line == null || line.ticketTypeId() == null) {
                throw WorkflowRefused.invalid("each item needs a ticketTypeId");
            }
            if (line.quantity() == null || line.quantity() < 1) {
                throw WorkflowRefused.invalid("the quantity of ticket type " + line.ticketTypeId() + " must be at least 1, not " + line.quantity());
            }
            if (line.quantity() > MOST_OF_ONE_TYPE) {
                throw WorkflowRefused.invalid("at most " + MOST_OF_ONE_TYPE + " tickets of one type per order, not " + line.quantity());
            }
            if (!seen.add(line.ticketTypeId())) {
                throw WorkflowRefused.invalid("ticket type " + line.ticketTypeId() + " is on two items: give its quantity once");
            }
        }
        return request.items();
    }

    /** Locks the lines' ticket types in id order, the one order every buyer takes them in; a type not there is a 404. */
    private static Map<UUID, TicketType> lockTicketTypes(Connection connection, UUID org, List<Line> lines) throws SQLException {
        Map<UUID, TicketType> types = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, event_id, name, price, quantity_available FROM ticketing.ticket_types
                 WHERE org_id = ? AND id = ANY (?) ORDER BY id FOR UPDATE""")) {
            Array ids = connection.createArrayOf("uuid", lines.stream().map(Line::ticketTypeId).toArray());
            statement.setObject(1, org);
            statement.setArray(2, ids);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    TicketType type = new TicketType(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                            rs.getString("name"), rs.getBigDecimal("price"), rs.getInt("quantity_available"));
                    types.put(type.id(), type);
                }
            }
        }
        for (Line line : lines) {
            if (!types.containsKey(line.ticketTypeId())) {
                throw WorkflowRefused.notFound("ticket type", line.ticketTypeId());
            }
        }
        return types;
    }

    /**
     * The event, locked after its ticket types: orders for one event then settle one after the other, so that the
     * one selling its last ticket sees every other tier's count and marks it SOLD_OUT.
     */
    private static Event event(Connection connection, UUID org, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT e.id, e.name, e.status, e.sales_start, e.sales_end, v.name AS venue, v.city, v.state
                  FROM ticketing.events e JOIN ticketing.venues v ON v.org_id = e.org_id AND v.id = e.venue_id
                 WHERE e.org_id = ? AND e.id = ? FOR UPDATE OF e""")) {
            statement.setObject(1, org);
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Event(id, rs.getString("name"), rs.getString("status"), rs.getTimestamp("sales_start").toInstant(),
                        rs.getTimestamp("sales_end").toInstant(), rs.getString("venue"), rs.getString("city"), rs.getString("state"));
            }
        }
    }

    /**
     * The promo code, locked, if this order may redeem it: active, valid now, uses left, and for this event or
     * every event. Codes are unique without case, as the pack's rule {@code unique-promo-codes} has them.
     */
    private static Promo redeemable(Connection connection, UUID org, String code, UUID eventId, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, code, event_id, discount_type, discount_value, valid_from, valid_to, max_uses, used_count, active
                  FROM ticketing.promo_codes WHERE org_id = ? AND upper(code) = upper(?) FOR UPDATE""")) {
            statement.setObject(1, org);
            statement.setString(2, code);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw WorkflowRefused.unprocessable("unknown_promo_code", "no promo code " + code, Map.of("promoCode", code));
                }
                String name = rs.getString("code");
                Map<String, String> details = Map.of("promoCode", name);
                Instant from = rs.getTimestamp("valid_from").toInstant();
                Instant to = rs.getTimestamp("valid_to").toInstant();
                int maxUses = rs.getInt("max_uses");
                boolean limited = !rs.wasNull();
                UUID forEvent = rs.getObject("event_id", UUID.class);
                if (!rs.getBoolean("active")) {
                    throw WorkflowRefused.unprocessable("promo_code_disabled", "promo code " + name + " is disabled", details);
                }
                if (now.isBefore(from)) {
                    throw WorkflowRefused.unprocessable("promo_code_not_yet_valid", "promo code " + name + " is valid from " + from, details);
                }
                if (now.isAfter(to)) {
                    throw WorkflowRefused.unprocessable("promo_code_expired", "promo code " + name + " expired " + to, details);
                }
                if (limited && rs.getInt("used_count") >= maxUses) {
                    throw WorkflowRefused.unprocessable("promo_code_exhausted",
                            "promo code " + name + " has been used all " + maxUses + " times it may be", details);
                }
                if (forEvent != null && !forEvent.equals(eventId)) {
                    throw WorkflowRefused.unprocessable("promo_code_other_event", "promo code " + name + " is for another event", details);
                }
                return new Promo(rs.getObject("id", UUID.class), name, rs.getString("discount_type"), rs.getBigDecimal("discount_value"));
            }
        }
    }

    /** The event's service fee rate, read back from any 50 of its orders (the pack charged each the same): see {@link OrderPricing#feeRateOf}. */
    private static BigDecimal feeRate(Connection connection, UUID org, UUID eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT sum(fees), sum(subtotal), count(*) FROM (SELECT fees, subtotal FROM ticketing.orders
                                                                 WHERE org_id = ? AND event_id = ? AND subtotal > 0 LIMIT 50) o""")) {
            statement.setObject(1, org);
            statement.setObject(2, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return OrderPricing.feeRateOf(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getLong(3));
            }
        }
    }

    private static void insertOrder(Connection connection, UUID org, UUID id, String number, UUID customer, UUID event, Promo promo,
                                    BigDecimal subtotal, BigDecimal fees, BigDecimal tax, BigDecimal discount, BigDecimal total,
                                    Instant now) throws SQLException {
        Sql.execute(connection, """
                INSERT INTO ticketing.orders (org_id, id, order_number, customer_id, event_id, promo_code_id, status,
                                              subtotal, fees, tax, discount, total, placed_at, paid_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PAID', ?, ?, ?, ?, ?, ?, ?)""",
                org, id, number, customer, event, promo == null ? null : promo.id(), subtotal, fees, tax, discount, total, now, now);
    }

    private static void insertItem(Connection connection, UUID org, UUID orderId, PlacedOrderItem item) throws SQLException {
        Sql.execute(connection, """
                INSERT INTO ticketing.order_items (org_id, id, order_id, ticket_type_id, quantity, unit_price, line_total)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                org, item.id(), orderId, item.ticketTypeId(), item.quantity(), item.unitPrice(), item.lineTotal());
    }

    /** One VALID ticket held by the customer; a barcode that happens to be taken already is drawn again. */
    private static IssuedTicket issueTicket(Connection connection, UUID org, PlacedOrderItem item, BigDecimal pricePaid, Caller holder,
                                            Instant now) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO ticketing.tickets (org_id, id, order_item_id, ticket_type_id, barcode, status, price_paid,
                                               holder_user_id, holder_name, holder_email, issued_at)
                VALUES (?, ?, ?, ?, ?, 'VALID', ?, ?, ?, ?, ?) ON CONFLICT (org_id, barcode) DO NOTHING""")) {
            statement.setObject(1, org);
            statement.setObject(2, id);
            statement.setObject(3, item.id());
            statement.setObject(4, item.ticketTypeId());
            statement.setBigDecimal(6, pricePaid);
            statement.setObject(7, holder.id());
            statement.setString(8, holder.name());
            statement.setString(9, holder.email());
            statement.setTimestamp(10, Timestamp.from(now));
            while (true) {
                String barcode = Barcodes.issue();
                statement.setString(5, barcode);
                if (statement.executeUpdate() == 1) {
                    return new IssuedTicket(id, item.ticketTypeId(), barcode, "VALID", pricePaid, holder.name(), holder.email());
                }
            }
        }
    }

    private static void sell(Connection connection, UUID org, List<Line> lines) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE ticketing.ticket_types SET quantity_sold = quantity_sold + ?, quantity_available = quantity_available - ?
                 WHERE org_id = ? AND id = ?""")) {
            for (Line line : lines) {
                statement.setInt(1, line.quantity());
                statement.setInt(2, line.quantity());
                statement.setObject(3, org);
                statement.setObject(4, line.ticketTypeId());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
