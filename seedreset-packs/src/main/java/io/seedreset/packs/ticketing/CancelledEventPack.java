package io.seedreset.packs.ticketing;

import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.PackFailure;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario {@code cancelled-event}: this morning the promoter cancelled one of ticketing-demo's
 * events that was on sale. The event becomes CANCELLED, its paid orders REFUNDED, unpaid ones
 * CANCELLED, every ticket of those orders CANCELLED, and every affected customer and ticket
 * holder gets an email about it. Everything but the emails is an update of ticketing-demo's
 * rows, so tearing the scenario down puts the event, orders and tickets back as they were.
 *
 * <p>Without an anchor of its own it takes ticketing-demo's (the engine does that for scenarios),
 * and the cancellation always comes after the last order the event took.
 *
 * <p>The event is the earliest on-sale event of ticketing-demo (found by the ids that pack gives
 * its events) with at least one paid order, so the same base data always loses the same show.
 */
public final class CancelledEventPack implements SeedPack {

    public static final String ID = "cancelled-event";

    /** More than any mode of ticketing-demo has events: the ids the scenario looks among. */
    private static final int BASE_EVENT_IDS = 500;

    private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
            ID,
            "1.0.0",
            "Cancelled event",
            "An on-sale event of ticketing-demo is cancelled this morning: the event turns CANCELLED, its paid orders "
                    + "REFUNDED, unpaid ones CANCELLED, their tickets CANCELLED, and every affected customer and ticket "
                    + "holder gets an email. Shows refunds, inventory and customer messaging after a cancellation; "
                    + "tearing it down restores the event as it was.",
            List.of("ticketing"),
            List.of(Mode.of("default", "the earliest on-sale event with paid orders is cancelled", Map.of())),
            List.of(),
            List.of(TicketingDemoPack.ID));

    @Override
    public PackDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        UUID[] baseEvents = new UUID[BASE_EVENT_IDS];
        for (int i = 0; i < BASE_EVENT_IDS; i++) {
            baseEvents[i] = context.idOf(TicketingDemoPack.ID, "event", i);
        }
        List<Map<String, Object>> found = context.query("""
                SELECT e.id, e.name, e.starts_at, e.timezone FROM ticketing.events e
                 WHERE e.org_id = :org AND e.id = ANY (?) AND e.status = 'ON_SALE'
                   AND EXISTS (SELECT 1 FROM ticketing.orders o WHERE o.org_id = e.org_id AND o.event_id = e.id AND o.status = 'PAID')
                 ORDER BY e.starts_at, e.id LIMIT 1""", (Object) baseEvents);
        if (found.isEmpty()) {
            throw new PackFailure("ticketing-demo has no on-sale event with paid orders here to cancel: "
                    + "apply ticketing-demo in mode default or full");
        }
        Map<String, Object> event = found.get(0);
        UUID eventId = (UUID) event.get("id");
        String eventName = (String) event.get("name");
        String when = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US)
                .format(((Instant) event.get("starts_at")).atZone(ZoneId.of((String) event.get("timezone"))));
        // Three hours before "now", and in any case after the last order the event took, so the
        // story holds whatever anchor ticketing-demo was applied with.
        Instant lastOrder = (Instant) context.query("""
                SELECT max(coalesce(o.paid_at, o.placed_at)) AS last_order FROM ticketing.orders o
                 WHERE o.org_id = :org AND o.event_id = ?""", eventId).get(0).get("last_order");
        Instant cancelledAt = later(context.anchor().minus(Duration.ofHours(3)), lastOrder.plus(Duration.ofMinutes(9)));

        sink.update("ticketing.events", Row.withId(eventId).set("status", "CANCELLED"));

        // Who hears about it: each buyer once (with their orders), and each holder of a ticket who is not the buyer.
        Map<UUID, List<String>> ordersByCustomer = new LinkedHashMap<>();
        List<UUID> affectedOrders = new ArrayList<>();
        for (Map<String, Object> order : context.query("""
                SELECT o.id, o.customer_id, o.order_number, o.status, o.total FROM ticketing.orders o
                 WHERE o.org_id = :org AND o.event_id = ? AND o.status IN ('PAID', 'PENDING')
                 ORDER BY o.placed_at, o.id""", eventId)) {
            UUID orderId = (UUID) order.get("id");
            boolean paid = order.get("status").equals("PAID");
            sink.update("ticketing.orders", paid
                    ? Row.withId(orderId).set("status", "REFUNDED").set("refunded_at", cancelledAt.plus(Duration.ofMinutes(20)))
                    : Row.withId(orderId).set("status", "CANCELLED").set("cancelled_at", cancelledAt));
            affectedOrders.add(orderId);
            ordersByCustomer.computeIfAbsent((UUID) order.get("customer_id"), c -> new ArrayList<>())
                    .add(order.get("order_number") + (paid ? " ($" + ((BigDecimal) order.get("total")).toPlainString() + " refunded)" : ""));
        }
        List<UUID> holders = new ArrayList<>();
        for (Map<String, Object> ticket : context.query("""
                SELECT t.id, t.holder_user_id, o.customer_id FROM ticketing.tickets t
                  JOIN ticketing.order_items i ON i.org_id = t.org_id AND i.id = t.order_item_id
                  JOIN ticketing.orders o ON o.org_id = i.org_id AND o.id = i.order_id
                 WHERE t.org_id = :org AND o.id = ANY (?) AND t.status <> 'CANCELLED'
                 ORDER BY t.id""", (Object) affectedOrders.toArray(UUID[]::new))) {
            sink.update("ticketing.tickets", Row.withId((UUID) ticket.get("id")).set("status", "CANCELLED"));
            Object holder = ticket.get("holder_user_id");
            if (holder != null && !holder.equals(ticket.get("customer_id")) && !holders.contains(holder)
                    && !ordersByCustomer.containsKey(holder)) {
                holders.add((UUID) holder);
            }
        }

        int notification = 0;
        for (Map.Entry<UUID, List<String>> customer : ordersByCustomer.entrySet()) {
            sink.add("ticketing.notifications", notification(context, notification++, customer.getKey(), cancelledAt,
                    eventName + " on " + when + " is cancelled",
                    "We're sorry: " + eventName + " on " + when + " has been cancelled by the promoter. Your order "
                            + String.join(", ", customer.getValue()) + " has been cancelled; refunds go back to the original "
                            + "payment method within 5-10 business days. Your tickets are no longer valid."));
        }
        for (UUID holder : holders) {
            sink.add("ticketing.notifications", notification(context, notification++, holder, cancelledAt,
                    eventName + " on " + when + " is cancelled",
                    "We're sorry: " + eventName + " on " + when + " has been cancelled by the promoter. The ticket you "
                            + "hold is no longer valid; the buyer who sent it to you receives the refund."));
        }
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }

    private static Row notification(PackContext context, int ordinal, UUID user, Instant cancelledAt, String subject, String body) {
        return Row.withId(context.id("notification", ordinal))
                .set("user_id", user)
                .set("channel", "EMAIL")
                .set("kind", "ORDER_UPDATE")
                .set("subject", subject)
                .set("body", body)
                .set("sent_at", cancelledAt.plus(Duration.ofMinutes(5 + ordinal % 10)))
                .set("read_at", null);
    }
}
