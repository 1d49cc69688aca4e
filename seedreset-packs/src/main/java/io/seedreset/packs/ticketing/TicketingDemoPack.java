package io.seedreset.packs.ticketing;

import io.seedreset.pack.ActivityPack;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Persona;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.Total;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A ticketing platform's tenant in full swing: promoters, venue operators and a resale
 * marketplace; venues from a 61,500-seat stadium to 350-capacity clubs in six cities; a calendar
 * of concerts, games, theater, comedy, conferences and festivals from the last two months to six
 * months out; ticket tiers, promo codes, online orders with their tickets, transfers, door scans
 * and the emails around them; staff and customer persona logins (see docs/DEMO_DATA.md).
 *
 * <p>Scenario packs find its rows by id with {@code context.idOf("ticketing-demo", entity, ordinal)}:
 * <ul>
 *   <li>{@code company} 0..companies-1: the order of {@link Catalog#COMPANIES} (0 the major
 *       concert promoter, 1 the indie promoter, 2 the sports group, ...);</li>
 *   <li>{@code venue} 0..venues-1: the order of {@link Catalog#VENUES}; venue 0 is Lakeshore
 *       Stadium, Chicago, 61,500 seats, in every mode;</li>
 *   <li>{@code user} 0..8: the staff personas (0-1 admins, 2-6 promoters, 7-8 door scanners);
 *       {@code user} 9+c: customer c, of which c = 0..7 are the customer personas in
 *       {@link Personas.Story} order;</li>
 *   <li>{@code event} 0..events-1; event 0 is always a major concert ON_SALE at venue 0;</li>
 *   <li>{@code ticket_type} 3e+t: tier t (0 early bird, 1 general, 2 VIP) of event e (two tiers
 *       leave out the early bird);</li>
 *   <li>{@code promo_code} i; {@code order} i, its {@code order_item} 2i+j and {@code ticket}
 *       16i+k; {@code ticket_transfer} and the first {@code scan_log} (2 x key) share their
 *       ticket's key; {@code scanner} 3e+k for event e.</li>
 * </ul>
 */
public final class TicketingDemoPack implements ActivityPack {

    public static final String ID = "ticketing-demo";

    static final String USERS = "users";
    static final String COMPANIES = "companies";
    static final String VENUES = "venues";
    static final String EVENTS = "events";
    static final String TICKET_TIERS = "ticket_tiers";
    static final String PROMO_CODES = "promo_codes";
    static final String ORDERS = "orders";

    private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
            ID,
            "1.0.0",
            "Ticketing platform demo",
            "A ticketing platform's tenant in full swing: a major concert promoter, an indie promoter, a sports group, "
                    + "a performing-arts center, a convention center and a resale marketplace selling concerts, games, "
                    + "theater, comedy, conferences and festivals at venues from a 61,500-seat stadium to 350-capacity clubs "
                    + "in New York, Los Angeles, Chicago, Austin, Nashville and Portland. Ticket tiers priced by venue, promo "
                    + "codes, online orders with tickets, transfers, door scans and emails, and persona logins for admins, "
                    + "promoters, door staff and customers (one published demo password). Every date is relative to the anchor.",
            List.of("ticketing"),
            List.of(
                    Mode.of("default", "A tenant for a sales demo: 11 customers (20 users with the staff), 6 companies, 10 venues, 25 events, "
                                    + "75 ticket types, 15 promo codes, 40 orders",
                            sizes(11, 6, 10, 25, 3, 15, 40)),
                    Mode.of("minimal", "The smallest story: 5 customers, 2 promoters, 3 venues, 5 events, 10 ticket types, "
                                    + "5 promo codes, 10 orders",
                            sizes(5, 2, 3, 5, 2, 5, 10)),
                    Mode.of("full", "A busy tenant for QA and reporting: 30 customers, 10 companies, 20 venues, 50 events, "
                                    + "150 ticket types, 30 promo codes, 100 orders",
                            sizes(30, 10, 20, 50, 3, 30, 100))),
            List.of(
                    Parameter.integer(USERS, "customer accounts; the first eight are the customer personas, and the nine "
                            + "staff personas come on top", 11, 1, 20_000),
                    Parameter.integer(COMPANIES, "companies selling through the tenant, in catalog order", 6, 1, Catalog.COMPANIES.size()),
                    Parameter.integer(VENUES, "venues, in catalog order (venue 0 is the stadium)", 10, 1, Catalog.VENUES.size()),
                    Parameter.integer(EVENTS, "events on the calendar (event 0 is the flagship stadium show)", 25, 1, 200),
                    Parameter.integer(TICKET_TIERS, "ticket tiers per event: 2 (general, VIP) or 3 (early bird, general, VIP)",
                            3, 2, 3),
                    Parameter.integer(PROMO_CODES, "promo codes", 15, 0, 100),
                    // Bounded so that the events always have sold enough tickets to itemize every paid order.
                    Parameter.integer(ORDERS, "online orders; the personas' orders come first", 40, 0, 10_000)),
            List.of());

    private static final List<Total> TOTALS = List.of(
            new Total("gross order value", "ticketing.orders", "total"),
            new Total("tickets in online orders", "ticketing.order_items", "quantity"),
            new Total("tickets sold, all channels", "ticketing.ticket_types", "quantity_sold"));

    private static Map<String, Object> sizes(long users, long companies, long venues, long events, long tiers, long promoCodes,
                                             long orders) {
        return Map.of(USERS, users, COMPANIES, companies, VENUES, venues, EVENTS, events, TICKET_TIERS, tiers,
                PROMO_CODES, promoCodes, ORDERS, orders);
    }

    @Override
    public PackDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        new Generation(context, sink).run();
    }

    /** A day's new paid orders for events on sale, and door scans for the events that start that day ({@link Activity}). */
    @Override
    public void activity(PackContext context, LocalDate day, RowSink sink) {
        new Activity(context, day, sink).run();
    }

    @Override
    public List<Invariant> invariants() {
        return ValidationRules.ALL;
    }

    @Override
    public List<Persona> personas(PackContext context) {
        return Personas.present(context.integer(USERS), context.integer(COMPANIES));
    }

    @Override
    public List<Total> totals() {
        return TOTALS;
    }
}
