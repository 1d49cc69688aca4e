package io.seedreset.packs.ticketing;

import io.seedreset.pack.ActivityPack;
import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One day of a ticketing tenant's life on top of the seeded data: a few paid online orders, with
 * their items and tickets, for events on sale that day, and door scans for the events that start
 * that day. Read from the organization's rows (the pack's and any earlier day's activity), so it
 * follows whatever the tenant holds, and keeps the pack's rules: tickets sold move from available
 * to sold on their ticket type, a scanned ticket is USED, order numbers continue the tenant's
 * numbering (the slot after the highest number, as the platform takes it).
 */
final class Activity {

    /** Orders placed on a day: a quiet weekday to a busy one. */
    private static final int MIN_ORDERS = 3;
    private static final int MAX_ORDERS = 8;
    /** The hours (UTC) the day's orders are spread over. */
    private static final Duration SALES_OPEN = Duration.ofHours(8);
    private static final Duration SALES_CLOSE = Duration.ofHours(22);
    /** At most this many tickets are scanned in per event a day: enough to fill a door-staff demo, few enough to stay a handful. */
    private static final int SCANS_PER_EVENT = 40;
    private static final double SHOW_UP_RATE = 0.9;
    /** Ticket keys (the middle of a barcode) of activity start here, far above the pack's and its scenarios'. */
    private static final int TICKET_KEY_BASE = 900_000_000;
    private static final int TICKET_KEYS_PER_DAY = 1_000;
    private static final int DAYS_BEFORE_REUSING_KEYS = 89_999;

    private static final String[] PERSONA_EMAILS = Personas.CUSTOMERS.stream().map(p -> p.email().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);
    private static final String[] FIRST_TIME_BUYER = {
            Personas.CUSTOMERS.get(Personas.Story.FIRST_TIME_BUYER.ordinal()).email().toLowerCase(Locale.ROOT)};

    private final PackContext ctx;
    private final LocalDate day;
    private final RowSink sink;
    private final Instant dayStart;

    Activity(PackContext ctx, LocalDate day, RowSink sink) {
        this.ctx = ctx;
        this.day = day;
        this.sink = sink;
        this.dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    void run() {
        orders();
        scans();
    }

    // ---------------------------------------------------------------- orders

    /** A ticket type's stock as the day found it, and what the day's orders took of it. */
    private static final class Stock {
        final UUID id;
        final String tier;
        final BigDecimal price;
        final int sold;
        final int available;
        int taken;

        Stock(Map<String, Object> row) {
            this.id = (UUID) row.get("id");
            this.tier = (String) row.get("tier");
            this.price = (BigDecimal) row.get("price");
            this.sold = (Integer) row.get("quantity_sold");
            this.available = (Integer) row.get("quantity_available");
        }

        int room() {
            return available - taken;
        }
    }

    private void orders() {
        Instant opens = dayStart.plus(SALES_OPEN);
        Instant closes = dayStart.plus(SALES_CLOSE);
        List<Map<String, Object>> events = ctx.query("""
                SELECT e.id, e.name, v.city FROM ticketing.events e
                  JOIN ticketing.venues v ON v.org_id = e.org_id AND v.id = e.venue_id
                 WHERE e.org_id = :org AND e.status = 'ON_SALE' AND e.sales_start <= ? AND e.sales_end >= ? AND e.starts_at > ?
                 ORDER BY e.starts_at, e.id""", opens, closes, closes);
        // Not the customer personas, who each tell their own story, as the pack's own orders; when a tenant has no one
        // else, the personas whose story more orders do not spoil (not the first-time buyer, who has exactly one).
        String customersSql = """
                SELECT id, first_name, last_name, email FROM ticketing.users
                 WHERE org_id = :org AND role = 'CUSTOMER' AND active AND created_at < ? AND lower(email) <> ALL (?)
                 ORDER BY created_at, id""";
        List<Map<String, Object>> customers = ctx.query(customersSql, opens, PERSONA_EMAILS);
        if (customers.isEmpty()) {
            customers = ctx.query(customersSql, opens, FIRST_TIME_BUYER);
        }
        if (events.isEmpty() || customers.isEmpty()) {
            return;
        }
        Long highest = (Long) ctx.query("""
                SELECT max(substring(order_number FROM 5)::bigint) AS highest FROM ticketing.orders
                 WHERE org_id = :org AND order_number ~ '^ORD-[0-9]{6,18}$'""").get(0).get("highest");
        long firstSlot = highest == null ? 0 : Math.max(0, (highest - 100_000) / 7 + 1);

        Map<UUID, List<Stock>> stock = new LinkedHashMap<>();
        int count = ctx.draw(ActivityPack.key(day, "order_plan"), 0).between(MIN_ORDERS, MAX_ORDERS);
        Duration slot = Duration.between(opens, closes).dividedBy(count);
        for (int i = 0; i < count; i++) {
            Draw draw = ctx.draw(ActivityPack.key(day, "order"), i);
            Map<String, Object> event = draw.pick(events);
            Map<String, Object> customer = draw.pick(customers);
            UUID eventId = (UUID) event.get("id");
            List<Stock> types = stock.computeIfAbsent(eventId, id -> ctx.query("""
                    SELECT id, tier, price, quantity_sold, quantity_available FROM ticketing.ticket_types
                     WHERE org_id = :org AND event_id = ? ORDER BY tier, id""", id).stream().map(Stock::new).toList());
            int wanted = quantity(draw);
            String tier = draw.chance(0.1) ? "VIP" : "GENERAL";
            Stock chosen = types.stream().filter(t -> t.tier.equals(tier) && t.room() >= wanted).findFirst()
                    .or(() -> types.stream().filter(t -> t.room() >= wanted).findFirst()).orElse(null);
            if (chosen == null) {
                continue;
            }
            Instant placedAt = draw.instantBetween(opens.plus(slot.multipliedBy(i)), opens.plus(slot.multipliedBy(i + 1)));
            order(i, draw, firstSlot + i, event, customer, chosen, wanted, placedAt);
        }
        for (List<Stock> types : stock.values()) {
            for (Stock type : types) {
                if (type.taken > 0) {
                    sink.update("ticketing.ticket_types", Row.withId(type.id)
                            .set("quantity_sold", type.sold + type.taken)
                            .set("quantity_available", type.available - type.taken));
                }
            }
        }
    }

    /** Mostly pairs, as the pack's orders. */
    private static int quantity(Draw draw) {
        double roll = draw.random().nextDouble();
        return roll < 0.22 ? 1 : roll < 0.70 ? 2 : roll < 0.83 ? 3 : 4;
    }

    private void order(int ordinal, Draw draw, long numberSlot, Map<String, Object> event, Map<String, Object> customer,
                       Stock type, int quantity, Instant placedAt) {
        type.taken += quantity;
        BigDecimal subtotal = type.price.multiply(BigDecimal.valueOf(quantity));
        BigDecimal fees = Pricing.fees(subtotal, Pricing.feeRate(draw));
        BigDecimal tax = Pricing.tax(subtotal, admissionsTax((String) event.get("city")));
        Instant paidAt = placedAt.plus(Duration.ofMinutes(draw.between(1, 4)));
        UUID customerId = (UUID) customer.get("id");
        UUID orderId = sink.add("ticketing.orders", Row.withId(ctx.id(ActivityPack.key(day, "order"), ordinal))
                .set("order_number", "ORD-" + (100_000 + numberSlot * 7 + draw.between(0, 6)))
                .set("customer_id", customerId)
                .set("event_id", event.get("id"))
                .set("promo_code_id", null)
                .set("status", "PAID")
                .set("subtotal", subtotal)
                .set("fees", fees)
                .set("tax", tax)
                .set("discount", BigDecimal.ZERO.setScale(2))
                .set("total", subtotal.add(fees).add(tax))
                .set("placed_at", placedAt)
                .set("paid_at", paidAt)
                .set("cancelled_at", null)
                .set("refunded_at", null));
        UUID itemId = sink.add("ticketing.order_items", Row.withId(ctx.id(ActivityPack.key(day, "order_item"), ordinal))
                .set("order_id", orderId)
                .set("ticket_type_id", type.id)
                .set("quantity", quantity)
                .set("unit_price", type.price)
                .set("line_total", subtotal));
        for (int u = 0; u < quantity; u++) {
            int key = ordinal * Orders.TICKETS_PER_ORDER_KEY + u;
            sink.add("ticketing.tickets", Row.withId(ctx.id(ActivityPack.key(day, "ticket"), key))
                    .set("order_item_id", itemId)
                    .set("ticket_type_id", type.id)
                    .set("barcode", Contacts.barcode(draw, ticketKey(key)))
                    .set("status", "VALID")
                    .set("price_paid", type.price)
                    .set("holder_user_id", customerId)
                    .set("holder_name", customer.get("first_name") + " " + customer.get("last_name"))
                    .set("holder_email", customer.get("email"))
                    .set("issued_at", paidAt));
        }
    }

    /** A barcode key no other day (within 246 years) and none of the pack's tickets use. */
    private int ticketKey(int key) {
        return TICKET_KEY_BASE + (int) Math.floorMod(day.toEpochDay(), (long) DAYS_BEFORE_REUSING_KEYS) * TICKET_KEYS_PER_DAY + key;
    }

    private static BigDecimal admissionsTax(String city) {
        return Catalog.CITIES.stream().filter(c -> c.name().equals(city)).map(Catalog.City::admissionsTax).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    // ---------------------------------------------------------------- door scans

    /** Doors open for the events that start this day: most valid tickets are scanned in on the devices assigned to the event. */
    private void scans() {
        List<Map<String, Object>> events = ctx.query("""
                SELECT id, starts_at FROM ticketing.events
                 WHERE org_id = :org AND status IN ('ON_SALE', 'SOLD_OUT') AND starts_at >= ? AND starts_at < ?
                 ORDER BY starts_at, id""", dayStart, dayStart.plus(Duration.ofDays(1)));
        int scan = 0;
        for (Map<String, Object> event : events) {
            UUID eventId = (UUID) event.get("id");
            Instant startsAt = (Instant) event.get("starts_at");
            List<UUID> scanners = ctx.query("""
                    SELECT id FROM ticketing.scanners WHERE org_id = :org AND event_id = ? AND active ORDER BY id""", eventId)
                    .stream().map(r -> (UUID) r.get("id")).toList();
            if (scanners.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> tickets = ctx.query("""
                    SELECT t.id FROM ticketing.tickets t
                      JOIN ticketing.order_items i ON i.org_id = t.org_id AND i.id = t.order_item_id
                      JOIN ticketing.orders o ON o.org_id = i.org_id AND o.id = i.order_id
                     WHERE t.org_id = :org AND o.event_id = ? AND o.status = 'PAID' AND t.status = 'VALID'
                     ORDER BY t.id LIMIT ?""", eventId, SCANS_PER_EVENT);
            for (Map<String, Object> ticket : tickets) {
                Draw draw = ctx.draw(ActivityPack.key(day, "scan_log"), scan);
                if (draw.chance(SHOW_UP_RATE)) {
                    UUID ticketId = (UUID) ticket.get("id");
                    sink.add("ticketing.scan_logs", Row.withId(ctx.id(ActivityPack.key(day, "scan_log"), scan))
                            .set("ticket_id", ticketId)
                            .set("scanner_id", draw.pick(scanners))
                            .set("scanned_at", startsAt.minus(Duration.ofMinutes(draw.between(5, 90))))
                            .set("result", "ACCEPTED"));
                    sink.update("ticketing.tickets", Row.withId(ticketId).set("status", "USED"));
                }
                scan++;
            }
        }
    }
}
