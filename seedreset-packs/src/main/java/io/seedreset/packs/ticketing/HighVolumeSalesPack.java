package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.PackFailure;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import io.seedreset.pack.Total;
import io.seedreset.packs.people.People;
import io.seedreset.packs.people.People.Person;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Scenario {@code high-volume-sales}: the on-sale of a stadium show on top of
 * {@code ticketing-demo}. One concert with 50,000 seats at the organization's stadium, 45,000
 * tickets sold across about 5,000 orders, three promo codes redeemed at once (a fan presale, a
 * card-member offer, group sales), and orders bunched the way an on-sale bunches them: a presale
 * two days before, a rush in the first minutes of the general on-sale, a long tail since.
 *
 * <p>It is also the bulk-load benchmark's workload (about 60,000 rows), so it streams: the
 * orders are planned first as small records (who buys which section, how many, when, with which
 * code) because the promo codes' use counts and the customers' sign-up times must be written
 * before the orders that determine them; then every row is emitted once and forgotten.
 */
public final class HighVolumeSalesPack implements SeedPack {

    public static final String ID = "high-volume-sales";
    static final String TICKETS = "tickets";
    static final int CAPACITY = 50_000;

    /** Ticket keys of this scenario start here, far above the base pack's, so barcodes never clash. */
    private static final int TICKET_KEY_BASE = 100_000_000;

    private static final BigDecimal FEE_RATE = new BigDecimal("0.12");

    /** A priced section of the stadium: how many seats, and what share of them sells. */
    private record Section(String name, String tier, BigDecimal price, int seats, int sellThroughPercent) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("Floor General Admission", "GENERAL", new BigDecimal("149.50"), 9_000, 100),
            new Section("Lower Bowl Reserved", "GENERAL", new BigDecimal("119.00"), 17_000, 93),
            new Section("Upper Bowl Reserved", "GENERAL", new BigDecimal("79.00"), 20_000, 85),
            new Section("Upper Bowl Early Bird", "EARLY_BIRD", new BigDecimal("67.00"), 1_500, 100),
            new Section("Front Row VIP Package", "VIP", new BigDecimal("449.00"), 2_500, 72));

    /** Invented headliners and tours: the show a prospect has never heard of but believes in. */
    private static final List<String[]> TOURS = List.of(
            new String[] {"The Velvet Hours", "Afterglow Stadium Tour", "VELVET"},
            new String[] {"Marisol Reyes", "Golden Coast Tour", "MARISOL"},
            new String[] {"Harbor Lights", "Long Way Home Tour", "HARBOR"},
            new String[] {"Cobalt Atlas", "Gravity Stadium Tour", "COBALT"});

    /** The promo codes redeemed during the on-sale. */
    private enum Promo {
        PRESALE("PRESALE", "Fan club presale: 15% off", "PERCENTAGE", "15.00"),
        CARD("CARD10", "Card-member offer: 10% off", "PERCENTAGE", "10.00"),
        GROUP("GROUP20", "Groups of 12 or more: 20% off", "PERCENTAGE", "20.00");

        final String suffix;
        final String description;
        final String type;
        final BigDecimal value;

        Promo(String suffix, String description, String type, String value) {
            this.suffix = suffix;
            this.description = description;
            this.type = type;
            this.value = new BigDecimal(value);
        }
    }

    /** One planned order: small enough to keep 5,000 of them while the rows stream. */
    private record PlannedOrder(int section, int quantity, String status, Promo promo, Instant placedAt, int customer) {
    }

    private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
            ID,
            "1.0.0",
            "High-volume stadium on-sale",
            "A stadium concert on sale on top of ticketing-demo: 50,000 seats in five priced sections, 45,000 tickets "
                    + "sold across about 5,000 orders from some 4,000 new customers, three promo codes in use at once, and "
                    + "sales bunched around the presale and the first minutes of the general on-sale. Shows what the "
                    + "reports, dashboards and search look like under real volume.",
            List.of("ticketing"),
            List.of(Mode.of("default", "45,000 of 50,000 tickets sold", Map.of())),
            List.of(Parameter.integer(TICKETS, "tickets sold (the orders follow: about one per nine tickets)", 45_000, 1_000,
                    45_000)),
            List.of(TicketingDemoPack.ID));

    @Override
    public PackDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        Map<String, Object> stadium = single(context.query("""
                SELECT v.id, v.name, v.city, v.timezone FROM ticketing.venues v
                 WHERE v.org_id = :org AND v.capacity >= ? ORDER BY v.capacity DESC, v.id LIMIT 1""", CAPACITY),
                "no venue with " + CAPACITY + " seats or more: apply ticketing-demo, whose first venue is a stadium");
        Map<String, Object> promoter = single(context.query("""
                SELECT c.id FROM ticketing.companies c
                 WHERE c.org_id = :org AND c.type = 'PROMOTER' ORDER BY c.created_at, c.id LIMIT 1"""),
                "no promoter company: apply ticketing-demo first");
        String passwordHash = (String) single(context.query("""
                SELECT u.password_hash FROM ticketing.users u
                 WHERE u.org_id = :org AND u.role = 'CUSTOMER' ORDER BY u.email LIMIT 1"""),
                "no customer account to take the demo password from: apply ticketing-demo first").get("password_hash");
        Set<String> takenEmails = new HashSet<>();
        context.query("SELECT u.email FROM ticketing.users u WHERE u.org_id = :org").forEach(r -> takenEmails.add((String) r.get("email")));

        Catalog.City city = Catalog.CITIES.stream().filter(c -> c.name().equals(stadium.get("city"))).findFirst()
                .orElseThrow(() -> new PackFailure("the stadium is in " + stadium.get("city") + ", a city this pack has no tax rate for"));
        ZoneId zone = ZoneId.of((String) stadium.get("timezone"));
        Draw show = context.draw("show", 0);
        String[] tour = show.pick(TOURS);
        Timeline timeline = new Timeline(context.anchor(), zone);

        int[] sold = Allocation.of(context.integer(TICKETS),
                SECTIONS.stream().mapToInt(s -> s.seats() * s.sellThroughPercent() / 100).toArray());
        List<PlannedOrder> orders = planOrders(context, sold, timeline);
        int customers = customersFor(orders.size());

        UUID event = context.id("event", 0);
        String name = tour[0] + ": " + tour[1];
        sink.add("ticketing.events", Row.withId(event)
                .set("promoter_company_id", promoter.get("id"))
                .set("venue_id", stadium.get("id"))
                .set("name", name)
                .set("slug", Contacts.slug(name + " " + city.name() + " " + timeline.startsAt.atZone(zone).toLocalDate()))
                .set("category", "CONCERT")
                .set("tags", new String[] {"stadium", "tour", "pop"})
                .set("description", tour[0] + " bring the " + tour[1] + " to " + stadium.get("name")
                        + " for one night only: a two-hour set on a 360-degree stage, with special guests.")
                .set("starts_at", timeline.startsAt)
                .set("ends_at", timeline.startsAt.plus(Duration.ofMinutes(270)))
                .set("timezone", zone.getId())
                .set("status", "ON_SALE")
                .set("sales_start", timeline.presale)
                .set("sales_end", timeline.startsAt.minus(Duration.ofHours(2)))
                .set("capacity", CAPACITY)
                .set("created_at", timeline.presale.minus(Duration.ofDays(30))));

        for (int s = 0; s < SECTIONS.size(); s++) {
            Section section = SECTIONS.get(s);
            sink.add("ticketing.ticket_types", Row.withId(context.id("ticket_type", s))
                    .set("event_id", event)
                    .set("tier", section.tier())
                    .set("name", section.name())
                    .set("price", section.price())
                    .set("quantity_total", section.seats())
                    .set("quantity_sold", sold[s])
                    .set("quantity_available", section.seats() - sold[s]));
        }

        int[] uses = new int[Promo.values().length];
        Instant[] firstOrder = new Instant[customers];
        for (PlannedOrder order : orders) {
            if (order.promo() != null) {
                uses[order.promo().ordinal()]++;
            }
            if (firstOrder[order.customer()] == null || order.placedAt().isBefore(firstOrder[order.customer()])) {
                firstOrder[order.customer()] = order.placedAt();
            }
        }
        for (Promo promo : Promo.values()) {
            boolean presale = promo == Promo.PRESALE;
            sink.add("ticketing.promo_codes", Row.withId(context.id("promo_code", promo.ordinal()))
                    .set("event_id", event)
                    .set("code", tour[2] + promo.suffix)
                    .set("description", promo.description)
                    .set("discount_type", promo.type)
                    .set("discount_value", promo.value)
                    .set("valid_from", timeline.presale)
                    .set("valid_to", presale ? timeline.onSale : timeline.startsAt.minus(Duration.ofHours(2)))
                    .set("max_uses", presale ? 5_000 : null)
                    .set("used_count", uses[promo.ordinal()])
                    .set("active", true)
                    .set("created_at", timeline.presale.minus(Duration.ofDays(14))));
        }

        // Ticket holders are the buyers: their names and emails are kept (two strings a customer).
        String[] holderNames = new String[customers];
        String[] holderEmails = new String[customers];
        for (int c = 0; c < customers; c++) {
            Draw draw = context.draw("customer", c);
            Person person = People.adult(draw, context.anchor());
            String first = person.firstName();
            String last = person.lastName();
            holderNames[c] = person.fullName();
            holderEmails[c] = Contacts.uniqueEmail(draw, first, last, takenEmails);
            Instant firstPurchase = firstOrder[c] == null ? timeline.onSale : firstOrder[c];
            // Most sign up in the minutes before their first purchase; the rest are longtime customers.
            Instant created = draw.chance(0.6) ? firstPurchase.minus(Duration.ofMinutes(draw.between(2, 45)))
                    : context.anchor().minus(Duration.ofDays(draw.between(60, 900)));
            sink.add("ticketing.users", Row.withId(context.id("customer", c))
                    .set("company_id", null)
                    .set("email", holderEmails[c])
                    .set("password_hash", passwordHash)
                    .set("first_name", first)
                    .set("last_name", last)
                    .set("phone", draw.chance(0.8) ? Contacts.phone(city.areaCode(), draw) : null)
                    .set("role", "CUSTOMER")
                    .set("email_verified", draw.chance(0.9))
                    .set("active", true)
                    .set("created_at", created)
                    .set("last_login_at", firstPurchase));
        }

        Buyers buyers = new Buyers(holderNames, holderEmails);
        int ticket = 0;
        for (int o = 0; o < orders.size(); o++) {
            ticket = writeOrder(context, sink, o, orders.get(o), ticket, city, buyers);
        }
    }

    /** {@code wanted}, or the anchor if that is sooner: nothing happens after "now". */
    private static Instant notAfter(Instant wanted, Instant anchor) {
        return wanted.isAfter(anchor) ? anchor : wanted;
    }

    /** The customers' names and emails by customer ordinal, for the tickets they hold. */
    private record Buyers(String[] names, String[] emails) {
    }

    /** Emits one order with its item, and its tickets when it is paid; returns the next ticket ordinal. */
    private static int writeOrder(PackContext context, RowSink sink, int ordinal, PlannedOrder order, int ticket,
                                  Catalog.City city, Buyers buyers) {
        Section section = SECTIONS.get(order.section());
        BigDecimal subtotal = section.price().multiply(BigDecimal.valueOf(order.quantity()));
        BigDecimal discount = order.promo() == null ? BigDecimal.ZERO.setScale(2)
                : subtotal.multiply(order.promo().value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        BigDecimal fees = Pricing.fees(subtotal, FEE_RATE);
        BigDecimal tax = Pricing.tax(subtotal.subtract(discount), city.admissionsTax());
        UUID orderId = context.id("order", ordinal);
        UUID customer = context.id("customer", order.customer());
        Instant paid = order.placedAt().plus(Duration.ofSeconds(40 + ordinal % 140));
        sink.add("ticketing.orders", Row.withId(orderId)
                .set("order_number", String.format(Locale.ROOT, "HV-%06d", 200_000 + ordinal))
                .set("customer_id", customer)
                .set("event_id", context.id("event", 0))
                .set("promo_code_id", order.promo() == null ? null : context.id("promo_code", order.promo().ordinal()))
                .set("status", order.status())
                .set("subtotal", subtotal.setScale(2))
                .set("fees", fees)
                .set("tax", tax)
                .set("discount", discount)
                .set("total", subtotal.add(fees).add(tax).subtract(discount).setScale(2))
                .set("placed_at", order.placedAt())
                .set("paid_at", order.status().equals("PENDING") || order.status().equals("CANCELLED") ? null : paid)
                .set("cancelled_at", order.status().equals("CANCELLED") ? order.placedAt().plus(Duration.ofMinutes(15)) : null)
                .set("refunded_at", order.status().equals("REFUNDED") ? notAfter(paid.plus(Duration.ofDays(2)), context.anchor()) : null));
        UUID item = context.id("order_item", ordinal);
        sink.add("ticketing.order_items", Row.withId(item)
                .set("order_id", orderId)
                .set("ticket_type_id", context.id("ticket_type", order.section()))
                .set("quantity", order.quantity())
                .set("unit_price", section.price())
                .set("line_total", subtotal.setScale(2)));
        // Tickets are issued on payment: a refunded order keeps its tickets, cancelled; unpaid orders have none.
        boolean refunded = order.status().equals("REFUNDED");
        if (!order.status().equals("PAID") && !refunded) {
            return ticket;
        }
        BigDecimal pricePaid = section.price().subtract(order.promo() == null ? BigDecimal.ZERO
                : section.price().multiply(order.promo().value).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
        for (int t = 0; t < order.quantity(); t++, ticket++) {
            Draw draw = context.draw("ticket", ticket);
            sink.add("ticketing.tickets", Row.withId(context.id("ticket", ticket))
                    .set("order_item_id", item)
                    .set("ticket_type_id", context.id("ticket_type", order.section()))
                    .set("barcode", Contacts.barcode(draw, TICKET_KEY_BASE + ticket))
                    .set("status", refunded ? "CANCELLED" : "VALID")
                    .set("price_paid", pricePaid)
                    .set("holder_user_id", customer)
                    .set("holder_name", buyers.names()[order.customer()])
                    .set("holder_email", buyers.emails()[order.customer()])
                    .set("issued_at", paid));
        }
        return ticket;
    }

    /**
     * Plans orders until the sections' sold counts are reached: statuses 94% paid, 3% pending,
     * 2% cancelled, 1% refunded (only paid orders hold seats: a refund puts them back on sale); most buy 2-8 tickets, a quarter
     * are groups of 12-36, which averages about nine tickets an order.
     */
    private static List<PlannedOrder> planOrders(PackContext context, int[] sold, Timeline timeline) {
        int[] remaining = sold.clone();
        int left = 0;
        for (int count : remaining) {
            left += count;
        }
        List<PlannedOrder> orders = new ArrayList<>();
        for (int o = 0; left > 0; o++) {
            Draw draw = context.draw("order", o);
            int roll = draw.between(1, 100);
            String status = roll <= 94 ? "PAID" : roll <= 97 ? "PENDING" : roll <= 99 ? "CANCELLED" : "REFUNDED";
            int size = draw.between(1, 100);
            int wanted = size <= 45 ? draw.between(2, 4) : size <= 75 ? draw.between(5, 8) : draw.between(12, 36);
            int section = pickSection(draw, remaining);
            int quantity = status.equals("PAID") ? Math.min(wanted, remaining[section]) : wanted;
            if (status.equals("PAID")) {
                remaining[section] -= quantity;
                left -= quantity;
            }
            // An order still pending is one the buyer has not finished paying: a recent one.
            Instant placed = status.equals("PENDING") ? timeline.recent(draw) : timeline.purchase(draw);
            Promo promo = placed.isBefore(timeline.onSale) ? (draw.chance(0.7) ? Promo.PRESALE : null)
                    : quantity >= 12 ? (draw.chance(0.6) ? Promo.GROUP : null)
                    : draw.chance(0.08) ? Promo.CARD : null;
            orders.add(new PlannedOrder(section, quantity, status, promo, placed, -1));
        }
        // The first orders each bring a new customer, later ones are repeat buyers picking an earlier customer.
        int customers = customersFor(orders.size());
        List<PlannedOrder> withCustomers = new ArrayList<>(orders.size());
        for (int o = 0; o < orders.size(); o++) {
            PlannedOrder order = orders.get(o);
            int customer = o < customers ? o : context.draw("repeat_buyer", o).between(0, customers - 1);
            withCustomers.add(new PlannedOrder(order.section(), order.quantity(), order.status(), order.promo(),
                    order.placedAt(), customer));
        }
        return withCustomers;
    }

    /** About four customers for every five orders. */
    private static int customersFor(int orders) {
        return Math.max(1, orders * 4 / 5);
    }

    /** A section with seats left, in proportion to the seats left: the sections sell down together. */
    private static int pickSection(Draw draw, int[] remaining) {
        int total = 0;
        for (int count : remaining) {
            total += count;
        }
        if (total == 0) {
            return draw.between(0, remaining.length - 1);
        }
        int point = draw.between(1, total);
        for (int s = 0; s < remaining.length; s++) {
            point -= remaining[s];
            if (point <= 0) {
                return s;
            }
        }
        throw new IllegalStateException("a point within the total falls in some section");
    }

    /** When things happen, in the stadium's time zone, relative to the anchor. */
    private static final class Timeline {
        final Instant presale;
        final Instant onSale;
        final Instant startsAt;
        final Instant anchor;

        Timeline(Instant anchor, ZoneId zone) {
            this.anchor = anchor;
            LocalDate today = anchor.atZone(zone).toLocalDate();
            // The general on-sale was a Friday at 10 AM a week or two ago; the fan presale opened two days before.
            LocalDate onSaleDay = today.minusDays(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
            this.onSale = ZonedDateTime.of(onSaleDay, LocalTime.of(10, 0), zone).toInstant();
            this.presale = onSale.minus(Duration.ofDays(2));
            // The show is on a Saturday night about two months out.
            LocalDate showDay = today.plusDays(60).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            this.startsAt = ZonedDateTime.of(showDay, LocalTime.of(19, 30), zone).toInstant();
        }

        Instant recent(Draw draw) {
            return draw.instantBetween(anchor.minus(Duration.ofDays(1)), anchor.minus(Duration.ofMinutes(10)));
        }

        /** 12% in the presale, 40% in the first 20 minutes of the on-sale, then the first day, week, and since. */
        Instant purchase(Draw draw) {
            int phase = draw.between(1, 100);
            if (phase <= 12) {
                return draw.instantBetween(presale, onSale.minusSeconds(1));
            }
            if (phase <= 52) {
                // The rush: the first minutes are the busiest (the smaller of two draws leans early).
                long seconds = Math.min(draw.between(0, 1_200), draw.between(0, 1_200));
                return onSale.plusSeconds(seconds);
            }
            if (phase <= 75) {
                return draw.instantBetween(onSale.plus(Duration.ofMinutes(20)), onSale.plus(Duration.ofDays(1)));
            }
            if (phase <= 90) {
                return draw.instantBetween(onSale.plus(Duration.ofDays(1)), onSale.plus(Duration.ofDays(7)));
            }
            return draw.instantBetween(onSale.plus(Duration.ofDays(7)), anchor.minus(Duration.ofHours(1)));
        }
    }

    @Override
    public List<Total> totals() {
        return List.of(new Total("gross ticket sales", "ticketing.orders", "total"));
    }

    private static Map<String, Object> single(List<Map<String, Object>> rows, String missing) {
        if (rows.isEmpty()) {
            throw new PackFailure(missing);
        }
        return rows.get(0);
    }
}
