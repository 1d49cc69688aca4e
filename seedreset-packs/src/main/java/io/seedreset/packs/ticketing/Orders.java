package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.people.People;
import io.seedreset.packs.people.People.Person;
import io.seedreset.packs.ticketing.Calendar.Inventory;
import io.seedreset.packs.ticketing.Calendar.Show;
import io.seedreset.packs.ticketing.Calendar.Status;
import io.seedreset.packs.ticketing.Generation.Customer;
import io.seedreset.packs.ticketing.Messages.Channel;
import io.seedreset.packs.ticketing.Personas.Role;
import io.seedreset.packs.ticketing.Personas.Story;
import io.seedreset.packs.ticketing.Pricing.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The online orders, written one at a time with their items, tickets, transfers, door scans and
 * messages, so memory holds the events' inventory and never the orders.
 *
 * <p>How many orders of each status, and how many paid ones were for completed shows, are exact
 * allocations. The customer personas' orders come first, each shaped by its story; the rest are
 * spread over the active customers in a seeded order.
 *
 * <p>Consistency: an order is placed after its event went on sale and its customer signed up,
 * never after the anchor; tickets exist once an order is paid (pending orders have none), are
 * cancelled with their order, are used only at completed events and transferred only before
 * upcoming ones. Paid orders never issue more tickets of a type than it sold, and pending ones
 * never hold more than it has available.
 */
final class Orders {

    /** What an order is, which decides its event and its tickets. */
    enum Kind {
        PAID_PAST("PAID"), PAID_UPCOMING("PAID"), PENDING("PENDING"), CANCELLED("CANCELLED"), REFUNDED("REFUNDED");

        final String status;

        Kind(String status) {
            this.status = status;
        }

        boolean paid() {
            return this == PAID_PAST || this == PAID_UPCOMING;
        }
    }

    private record StoryOrder(Story story, Kind kind) {
    }

    /** The personas' orders, in the order they are written (orders 0, 1, ...), for the personas present. */
    private static final List<StoryOrder> STORY_ORDERS = List.of(
            new StoryOrder(Story.FREQUENT_ATTENDEE, Kind.PAID_PAST),
            new StoryOrder(Story.FREQUENT_ATTENDEE, Kind.PAID_UPCOMING),
            new StoryOrder(Story.FREQUENT_ATTENDEE, Kind.PENDING),
            new StoryOrder(Story.FIRST_TIME_BUYER, Kind.PAID_UPCOMING),
            new StoryOrder(Story.VIP, Kind.PAID_UPCOMING),
            new StoryOrder(Story.GROUP_BUYER, Kind.PAID_UPCOMING),
            new StoryOrder(Story.LAST_MINUTE_BUYER, Kind.PAID_PAST),
            new StoryOrder(Story.TRANSFERRED_TICKETS, Kind.PAID_UPCOMING),
            new StoryOrder(Story.CANCELLED_ORDER, Kind.CANCELLED));

    /** Order statuses PAID, PENDING, CANCELLED, REFUNDED in percent. */
    private static final int[] STATUS_WEIGHTS = {70, 15, 10, 5};
    /**
     * The share of paid orders that were for completed shows, in percent: with nine in ten of
     * their tickets scanned, it makes about a fifth of all tickets USED although only a tenth of
     * the events are over (a completed show had its whole sales run).
     */
    private static final int PAST_SHARE_OF_PAID = 28;
    /** Share of a completed show's tickets that were scanned in; the rest were no-shows. */
    private static final double SHOW_UP_RATE = 0.92;
    /** Chance that a ticket beyond the first of an order was sent on to a friend before the show. */
    private static final double TRANSFER_RATE = 0.19;
    /** Chance that someone passed on the single ticket they bought, because they cannot go. */
    private static final double SOLE_TICKET_TRANSFER_RATE = 0.03;
    private static final double PROMO_RATE = 0.2;

    /** Keys per order for items and tickets, so one order's rows never renumber another's. */
    static final int ITEMS_PER_ORDER_KEY = 2;
    static final int TICKETS_PER_ORDER_KEY = 16;
    private static final int SCANS_PER_TICKET_KEY = 2;

    private final PackContext ctx;
    private final RowSink sink;
    private final Messages messages;
    private final Instant anchor;
    private final List<Customer> customers;
    private final List<Customer> buyers;
    private final List<Show> shows;
    private final List<Promotion> promotions;
    private final Map<Integer, List<UUID>> scanners;

    Orders(PackContext ctx, RowSink sink, Messages messages, List<Customer> customers, List<Show> shows,
           List<Promotion> promotions, Map<Integer, List<UUID>> scanners) {
        this.ctx = ctx;
        this.sink = sink;
        this.messages = messages;
        this.anchor = ctx.anchor();
        this.customers = customers;
        this.shows = shows;
        this.promotions = promotions;
        this.scanners = scanners;
        this.buyers = buyers(customers);
    }

    /**
     * Who places the orders that tell no story: the generated customers who can check out, or,
     * when a mode has none, the personas whose story more orders do not spoil (not the first-time
     * buyer, who has exactly one, nor the inactive account).
     */
    private static List<Customer> buyers(List<Customer> customers) {
        List<Customer> generated = customers.stream().filter(c -> c.story() == null && c.canBuy()).toList();
        if (!generated.isEmpty()) {
            return generated;
        }
        return customers.stream().filter(c -> c.story() != Story.FIRST_TIME_BUYER && c.story() != Story.INACTIVE).toList();
    }

    void write(int count) {
        List<StoryOrder> stories = STORY_ORDERS.stream().filter(o -> o.story().ordinal() < customers.size()).toList();
        stories = stories.subList(0, Math.min(stories.size(), count));
        int[] remaining = kindCounts(count);
        for (StoryOrder story : stories) {
            remaining[story.kind().ordinal()] = Math.max(0, remaining[story.kind().ordinal()] - 1);
        }
        trim(remaining, count - stories.size());
        int[] kinds = Allocation.shuffled(remaining, ctx.draw("order_plan", 0).random());
        for (int i = 0; i < count; i++) {
            if (i < stories.size()) {
                StoryOrder story = stories.get(i);
                order(i, story.kind(), customers.get(story.story().ordinal()), story.story());
            } else {
                order(i, Kind.values()[kinds[i - stories.size()]], null, null);
            }
        }
    }

    /** Exact counts per kind: the status shares, and 28% of the paid orders at completed shows if there are any. */
    private int[] kindCounts(int count) {
        int[] statuses = Allocation.of(count, STATUS_WEIGHTS);
        boolean anyCompleted = shows.stream().anyMatch(s -> s.status() == Status.COMPLETED);
        int past = anyCompleted ? Math.round(statuses[0] * PAST_SHARE_OF_PAID / 100f) : 0;
        return new int[] {past, statuses[0] - past, statuses[1], statuses[2], statuses[3]};
    }

    /** Takes from the largest counts until they add up to {@code total} (the personas' orders were taken out first). */
    private static void trim(int[] counts, int total) {
        int sum = 0;
        for (int count : counts) {
            sum += count;
        }
        for (; sum > total; sum--) {
            int largest = 0;
            for (int k = 1; k < counts.length; k++) {
                if (counts[k] > counts[largest]) {
                    largest = k;
                }
            }
            counts[largest]--;
        }
    }

    // ---------------------------------------------------------------- one order

    private record Item(Inventory inventory, int quantity) {
    }

    private void order(int ordinal, Kind planned, Customer persona, Story story) {
        Draw draw = ctx.draw("order", ordinal);
        Customer customer = persona != null ? persona : draw.pick(buyers);
        int wanted = quantity(draw, planned, story);
        Show show = show(draw, planned, story, wanted);
        Kind kind = planned == Kind.PAID_PAST && show.status() != Status.COMPLETED ? Kind.PAID_UPCOMING : planned;
        Instant placedAt = placedAt(draw, kind, story, show, customer);
        List<Item> items = items(draw, kind, customer.story(), show, placedAt, wanted);

        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (Item item : items) {
            subtotal = subtotal.add(item.inventory().price.multiply(BigDecimal.valueOf(item.quantity())));
        }
        Promotion promotion = story == null && draw.chance(PROMO_RATE) ? promotion(draw, show, placedAt) : null;
        BigDecimal discount = promotion == null ? BigDecimal.ZERO.setScale(2) : promotion.discount(subtotal);
        BigDecimal fees = Pricing.fees(subtotal, show.feeRate());
        BigDecimal tax = Pricing.tax(subtotal.subtract(discount), show.venue().spec().city().admissionsTax());
        BigDecimal total = subtotal.add(fees).add(tax).subtract(discount);

        Instant paidAt = kind == Kind.PENDING ? null : placedAt.plus(Duration.ofMinutes(draw.between(1, 4)));
        Instant cancelledAt = kind == Kind.CANCELLED
                ? earlier(paidAt.plus(Duration.ofMinutes(draw.between(60, 48 * 60))), anchor.minus(Duration.ofMinutes(5))) : null;
        Instant refundedAt = kind == Kind.REFUNDED
                ? earlier((show.cancelledAt() != null ? show.cancelledAt() : paidAt.plus(Duration.ofDays(1)))
                .plus(Duration.ofMinutes(draw.between(60, 72 * 60))), anchor.minus(Duration.ofMinutes(5))) : null;
        String number = "ORD-" + (100_000 + ordinal * 7 + draw.between(0, 6));

        UUID orderId = sink.add("ticketing.orders", Row.withId(ctx.id("order", ordinal))
                .set("order_number", number)
                .set("customer_id", customer.id())
                .set("event_id", show.id())
                .set("promo_code_id", promotion == null ? null : promotion.id)
                .set("status", kind.status)
                .set("subtotal", subtotal)
                .set("fees", fees)
                .set("tax", tax)
                .set("discount", discount)
                .set("total", total)
                .set("placed_at", placedAt)
                .set("paid_at", paidAt)
                .set("cancelled_at", cancelledAt)
                .set("refunded_at", refundedAt));

        int ticket = 0;
        for (int j = 0; j < items.size(); j++) {
            Item item = items.get(j);
            BigDecimal unitPrice = item.inventory().price;
            UUID itemId = sink.add("ticketing.order_items", Row.withId(ctx.id("order_item", ordinal * ITEMS_PER_ORDER_KEY + j))
                    .set("order_id", orderId)
                    .set("ticket_type_id", item.inventory().id)
                    .set("quantity", item.quantity())
                    .set("unit_price", unitPrice)
                    .set("line_total", unitPrice.multiply(BigDecimal.valueOf(item.quantity()))));
            if (paidAt == null) {
                continue;
            }
            // What the holder paid for the ticket itself: its price less its share of the order's discount.
            BigDecimal pricePaid = discount.signum() == 0 ? unitPrice
                    : unitPrice.multiply(subtotal.subtract(discount)).divide(subtotal, 2, RoundingMode.HALF_UP);
            for (int u = 0; u < item.quantity(); u++, ticket++) {
                ticketFor(ordinal * TICKETS_PER_ORDER_KEY + ticket, ticket, kind, story, show, customer, itemId,
                        item.inventory(), pricePaid, paidAt);
            }
        }
        orderMessages(ordinal, kind, show, customer, number, items, placedAt, paidAt, cancelledAt, refundedAt);
    }

    /**
     * How many tickets: mostly pairs, about 2.3 for a paid or pending order. Cancellations and
     * refunds are mostly single seats (a plan that changed), which keeps cancelled tickets near a
     * tenth of all tickets while a sixth of the orders are cancelled or refunded.
     */
    private static int quantity(Draw draw, Kind kind, Story story) {
        if (story != null) {
            return switch (story) {
                case GROUP_BUYER -> 10;
                case TRANSFERRED_TICKETS -> 4;
                case LAST_MINUTE_BUYER -> 1;
                default -> 2;
            };
        }
        double roll = draw.random().nextDouble();
        if (kind == Kind.CANCELLED || kind == Kind.REFUNDED) {
            return roll < 0.75 ? 1 : roll < 0.97 ? 2 : 3;
        }
        return roll < 0.22 ? 1 : roll < 0.70 ? 2 : roll < 0.83 ? 3 : roll < 0.96 ? 4 : 6;
    }

    /** The event: one of the kind's events with room for the order, where the story needs one, that one. */
    private Show show(Draw draw, Kind kind, Story story, int quantity) {
        List<Show> candidates = candidates(kind);
        if (candidates.isEmpty() && kind == Kind.PAID_PAST) {
            candidates = candidates(Kind.PAID_UPCOMING);
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("ticketing-demo has no event with tickets left for another " + kind.status
                    + " order: lower 'orders' or raise 'events'");
        }
        if (story == Story.VIP && candidates.contains(shows.get(0))) {
            return shows.get(0);
        }
        if (story == Story.GROUP_BUYER) {
            List<Show> roomy = candidates.stream().filter(s -> room(s.tier(Tier.GENERAL), kind) >= quantity).toList();
            if (!roomy.isEmpty()) {
                return draw.pick(roomy);
            }
        }
        return draw.pick(candidates);
    }

    private List<Show> candidates(Kind kind) {
        List<Show> candidates = shows.stream().filter(s -> switch (kind) {
            case PAID_PAST -> s.status() == Status.COMPLETED;
            case PENDING -> s.status() == Status.ON_SALE;
            case REFUNDED -> s.status() == Status.CANCELLED;
            default -> s.status() == Status.ON_SALE || s.status() == Status.SOLD_OUT;
        }).filter(s -> s.inventory().stream().anyMatch(i -> room(i, kind) > 0)).toList();
        // Without a cancelled event, refunds are customers' own requests on events still selling.
        return candidates.isEmpty() && kind == Kind.REFUNDED ? candidates(Kind.CANCELLED) : candidates;
    }

    /**
     * How many more tickets of a type an order of that kind may take: paid tickets come out of
     * what was sold, pending ones out of what is still available, and cancelled or refunded ones
     * went back, so those only need a type that sold.
     */
    private static int room(Inventory inventory, Kind kind) {
        if (inventory == null) {
            return 0;
        }
        return switch (kind) {
            case PAID_PAST, PAID_UPCOMING -> inventory.sold - inventory.issued;
            case PENDING -> inventory.available - inventory.held;
            case CANCELLED, REFUNDED -> inventory.sold;
        };
    }

    /**
     * When the order was placed: most paid orders two to four weeks before the show, as long as
     * that is before the anchor; otherwise within the last weeks of sales so far. Pending orders
     * are from the last two days, refunds of a cancelled show from before it was called off.
     */
    private Instant placedAt(Draw draw, Kind kind, Story story, Show show, Customer customer) {
        Instant opens = later(show.salesStart(), customer.createdAt()).plus(Duration.ofHours(1));
        Instant closes;
        Instant preferred;
        switch (kind) {
            case PAID_PAST -> {
                closes = show.startsAt().minus(Duration.ofHours(2));
                preferred = story == Story.LAST_MINUTE_BUYER ? show.startsAt().minus(Duration.ofMinutes(draw.between(20 * 60, 40 * 60)))
                        : beforeShow(draw, show);
            }
            case PENDING -> {
                opens = later(opens, anchor.minus(Duration.ofHours(48)));
                closes = anchor.minus(Duration.ofMinutes(10));
                preferred = null;
            }
            case REFUNDED -> {
                closes = show.cancelledAt() != null ? show.cancelledAt().minus(Duration.ofHours(1)) : anchor.minus(Duration.ofHours(2));
                preferred = beforeShow(draw, show);
            }
            default -> {
                closes = anchor.minus(Duration.ofHours(2));
                preferred = story == Story.FIRST_TIME_BUYER ? anchor.minus(Duration.ofMinutes(draw.between(2 * 24 * 60, 6 * 24 * 60)))
                        : beforeShow(draw, show);
            }
        }
        if (preferred != null && !preferred.isBefore(opens) && !preferred.isAfter(closes)) {
            return preferred;
        }
        return draw.instantBetween(later(opens, closes.minus(Duration.ofDays(45))), closes);
    }

    /** Two to four weeks ahead for most buyers, one to two months for planners, the last two weeks for the rest. */
    private static Instant beforeShow(Draw draw, Show show) {
        double roll = draw.random().nextDouble();
        int days = roll < 0.6 ? draw.between(14, 28) : roll < 0.8 ? draw.between(29, 60) : draw.between(2, 13);
        return show.startsAt().minus(Duration.ofDays(days)).minus(Duration.ofMinutes(draw.between(0, 12 * 60)));
    }

    /**
     * The tickets bought: the tier the buyer wanted (early bird in the first three weeks of sales,
     * VIP now and then, the VIP persona always, the other personas general admission) or else one
     * with room, and now and then a larger order adds a VIP upgrade as a second item.
     */
    private List<Item> items(Draw draw, Kind kind, Story buyer, Show show, Instant placedAt, int wanted) {
        Tier tier;
        if (buyer == Story.VIP) {
            tier = Tier.VIP;
        } else if (buyer != null) {
            tier = Tier.GENERAL;
        } else if (show.tier(Tier.EARLY_BIRD) != null && placedAt.isBefore(show.salesStart().plus(Duration.ofDays(21)))
                && draw.chance(0.7)) {
            tier = Tier.EARLY_BIRD;
        } else {
            tier = draw.chance(0.1) ? Tier.VIP : Tier.GENERAL;
        }
        Inventory inventory = room(show.tier(tier), kind) > 0 ? show.tier(tier)
                : room(show.tier(Tier.GENERAL), kind) > 0 ? show.tier(Tier.GENERAL)
                : show.inventory().stream().filter(i -> room(i, kind) > 0).findFirst().orElseThrow();
        int quantity = Math.min(wanted, room(inventory, kind));
        List<Item> items = new ArrayList<>(2);
        Inventory vip = show.tier(Tier.VIP);
        if (buyer == null && quantity >= 3 && inventory.tier == Tier.GENERAL && draw.chance(0.2) && room(vip, kind) > 0) {
            items.add(take(new Item(inventory, quantity - 1), kind));
            items.add(take(new Item(vip, 1), kind));
        } else {
            items.add(take(new Item(inventory, quantity), kind));
        }
        return items;
    }

    private static Item take(Item item, Kind kind) {
        if (kind.paid()) {
            item.inventory().issued += item.quantity();
        } else if (kind == Kind.PENDING) {
            item.inventory().held += item.quantity();
        }
        return item;
    }

    /** A code the order could redeem, looked for from a random place in the list so codes share the orders. */
    private Promotion promotion(Draw draw, Show show, Instant placedAt) {
        if (promotions.isEmpty()) {
            return null;
        }
        int start = draw.between(0, promotions.size() - 1);
        for (int k = 0; k < promotions.size(); k++) {
            Promotion promotion = promotions.get((start + k) % promotions.size());
            if (promotion.redeemableFor(show.id(), placedAt)) {
                promotion.uses++;
                return promotion;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- tickets

    private void ticketFor(int key, int seq, Kind kind, Story story, Show show, Customer buyer, UUID itemId,
                           Inventory inventory, BigDecimal pricePaid, Instant issuedAt) {
        Draw draw = ctx.draw("ticket", key);
        String status = switch (kind) {
            case CANCELLED, REFUNDED -> "CANCELLED";
            case PAID_PAST -> draw.chance(SHOW_UP_RATE) ? "USED" : "VALID";
            default -> transferred(draw, story, seq) ? "TRANSFERRED" : "VALID";
        };
        Customer recipient = null;
        String holderName = buyer.name();
        String holderEmail = buyer.email();
        Instant transferredAt = null;
        if (status.equals("TRANSFERRED")) {
            // Half go to someone with an account here (the transfer persona's first one always does), half to a friend's email.
            boolean toAccount = story == Story.TRANSFERRED_TICKETS ? seq == 2 : draw.chance(0.5);
            recipient = toAccount ? recipient(draw, buyer) : null;
            if (recipient != null) {
                holderName = recipient.name();
                holderEmail = recipient.email();
            } else {
                Person friend = People.adult(draw, anchor);
                holderName = friend.fullName();
                holderEmail = Contacts.email(draw, friend.firstName(), friend.lastName());
            }
            transferredAt = draw.instantBetween(issuedAt.plus(Duration.ofHours(1)), anchor.minus(Duration.ofMinutes(10)));
        }
        UUID ticketId = sink.add("ticketing.tickets", Row.withId(ctx.id("ticket", key))
                .set("order_item_id", itemId)
                .set("ticket_type_id", inventory.id)
                .set("barcode", Contacts.barcode(draw, key))
                .set("status", status)
                .set("price_paid", pricePaid)
                .set("holder_user_id", transferredAt == null ? buyer.id() : recipient == null ? null : recipient.id())
                .set("holder_name", holderName)
                .set("holder_email", holderEmail)
                .set("issued_at", issuedAt));
        if (transferredAt != null) {
            sink.add("ticketing.ticket_transfers", Row.withId(ctx.id("ticket_transfer", key))
                    .set("ticket_id", ticketId)
                    .set("from_user_id", buyer.id())
                    .set("to_user_id", recipient == null ? null : recipient.id())
                    .set("to_email", holderEmail)
                    .set("transferred_at", transferredAt));
            if (recipient != null) {
                messages.send("transfer_notification", key, recipient.user(), recipient.id(), Role.CUSTOMER, Channel.EMAIL,
                        Messages.Kind.TICKET_TRANSFER, buyer.firstName() + " sent you a ticket to " + show.name(),
                        "Your ticket is in your account. Show the barcode at the door on " + show.venue().spec().name() + ".",
                        transferredAt.plus(Duration.ofMinutes(1)));
            }
        }
        if (status.equals("USED")) {
            scans(draw, key, show, ticketId);
        }
    }

    /**
     * The group buyer passed two tickets to colleagues and the transfer persona two of four to
     * friends; other buyers pass on an extra ticket now and then, rarely the only one they have.
     */
    private static boolean transferred(Draw draw, Story story, int seq) {
        if (story == Story.GROUP_BUYER) {
            return seq == 1 || seq == 2;
        }
        if (story == Story.TRANSFERRED_TICKETS) {
            return seq == 2 || seq == 3;
        }
        return draw.chance(seq == 0 ? SOLE_TICKET_TRANSFER_RATE : TRANSFER_RATE);
    }

    /** Another active customer, or null when the tenant has no one else. */
    private Customer recipient(Draw draw, Customer buyer) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Customer candidate = draw.pick(customers);
            if (candidate != buyer && candidate.canBuy()) {
                return candidate;
            }
        }
        return null;
    }

    /** Checked in at the doors before the start; now and then the same barcode is tried again and refused. */
    private void scans(Draw draw, int key, Show show, UUID ticketId) {
        List<UUID> devices = scanners.get(show.ordinal());
        Instant scannedAt = show.startsAt().minus(Duration.ofMinutes(draw.between(5, 90)));
        scan(key * SCANS_PER_TICKET_KEY, ticketId, draw.pick(devices), scannedAt, "ACCEPTED");
        if (draw.chance(0.04)) {
            scan(key * SCANS_PER_TICKET_KEY + 1, ticketId, draw.pick(devices),
                    scannedAt.plus(Duration.ofMinutes(draw.between(2, 30))), "DUPLICATE");
        }
    }

    private void scan(int key, UUID ticketId, UUID scannerId, Instant at, String result) {
        sink.add("ticketing.scan_logs", Row.withId(ctx.id("scan_log", key))
                .set("ticket_id", ticketId)
                .set("scanner_id", scannerId)
                .set("scanned_at", at)
                .set("result", result));
    }

    // ---------------------------------------------------------------- messages

    private void orderMessages(int ordinal, Kind kind, Show show, Customer customer, String number, List<Item> items,
                               Instant placedAt, Instant paidAt, Instant cancelledAt, Instant refundedAt) {
        int key = ordinal * Messages.MESSAGES_PER_KEY;
        int tickets = items.stream().mapToInt(Item::quantity).sum();
        String what = tickets + (tickets == 1 ? " ticket" : " tickets") + " for " + show.name();
        if (paidAt == null) {
            send(key, customer, Messages.Kind.ORDER_UPDATE, "Complete your order " + number,
                    "Order " + number + " (" + what + ") is reserved for you. Finish payment to receive your tickets.",
                    placedAt.plus(Duration.ofMinutes(5)));
            return;
        }
        send(key, customer, Messages.Kind.ORDER_UPDATE, "Your tickets for " + show.name(),
                "Order " + number + ": " + what + " at " + show.venue().spec().name() + ". Your tickets are in your account.",
                paidAt.plus(Duration.ofMinutes(1)));
        if (cancelledAt != null) {
            send(key + 1, customer, Messages.Kind.ORDER_UPDATE, "Order " + number + " has been cancelled",
                    "Order " + number + " (" + what + ") was cancelled and the payment voided.", cancelledAt.plus(Duration.ofMinutes(1)));
        }
        if (refundedAt != null) {
            String subject = show.status() == Status.CANCELLED ? show.name() + " is cancelled: your refund is on its way"
                    : "Your refund for order " + number;
            send(key + 1, customer, Messages.Kind.ORDER_UPDATE, subject,
                    "We have refunded order " + number + " (" + what + ") to your original payment method.",
                    refundedAt.plus(Duration.ofMinutes(1)));
        }
        Instant reminder = show.startsAt().minus(Duration.ofDays(1));
        if (kind == Kind.PAID_PAST && reminder.isAfter(paidAt)) {
            send(key + 2, customer, Messages.Kind.EVENT_REMINDER, show.name() + " is tomorrow",
                    "Doors open before the show at " + show.venue().spec().name() + ". Have your tickets ready on your phone.",
                    reminder);
        }
    }

    private void send(int key, Customer customer, Messages.Kind kind, String subject, String body, Instant sentAt) {
        messages.send("order_notification", key, customer.user(), customer.id(), Role.CUSTOMER, Channel.EMAIL, kind, subject, body,
                sentAt);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
