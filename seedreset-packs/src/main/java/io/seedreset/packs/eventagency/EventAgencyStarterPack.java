package io.seedreset.packs.eventagency;

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
 * A regional event agency a few months into its season: a vendor roster, a calendar of
 * upcoming events (and one that just wrapped), a sales pipeline per event, production
 * budgets priced line by line, crews dispatched to each event and the venue rooms booked
 * for them; and the agency's owner and an event planner, who sign in to the platform.
 *
 * <p>The two parameters size the agency; everything else follows from them, so that the
 * default mode gives exactly the numbers sales demos are scripted around: 12 vendors,
 * 5 events, 15 deals, 3 budgets, 5 work orders and 8 reservations in 4 rooms.
 */
public final class EventAgencyStarterPack implements ActivityPack {

    public static final String ID = "event-agency-starter";

    static final String EVENTS = "events";
    static final String VENDORS = "vendors";
    static final String SPACES = "spaces";

    /** Each event is sold three ways (sponsorships, packages, add-ons), enough to fill a pipeline board. */
    static final int DEALS_PER_EVENT = 3;

    private static final PackDescriptor DESCRIPTOR = new PackDescriptor(
            ID,
            "1.0.0",
            "Event agency starter",
            "A regional event agency mid-season: a roster of local vendors (caterers, AV, staging, florists and more), "
                    + "a calendar of conferences, galas, launches, offsites and weddings over the next six months plus one "
                    + "that just wrapped, a sales pipeline of sponsorships and packages for each event, production budgets "
                    + "priced line by line from vendor quotes, crews dispatched to each event, and the venue rooms booked "
                    + "for them, and logins for the agency's owner and an event planner. Every date is relative to the anchor, so the calendar always looks current.",
            List.of("suppliers", "events", "sales", "budget", "dispatch", "spaces", "identity"),
            List.of(
                    Mode.of("default", "A small agency for a sales demo: 12 vendors, 5 events, 15 deals, 3 budgets, "
                            + "5 work orders, 8 reservations in 4 rooms",
                            Map.of(EVENTS, 5L, VENDORS, 12L, SPACES, 4L)),
                    Mode.of("minimal", "The least that shows every module: 6 vendors, 2 events, 2 rooms",
                            Map.of(EVENTS, 2L, VENDORS, 6L, SPACES, 2L)),
                    Mode.of("full", "A busy season for QA and reporting: 40 vendors, 24 events, 10 rooms",
                            Map.of(EVENTS, 24L, VENDORS, 40L, SPACES, 10L))),
            List.of(
                    // At most 50 events: each gets its own slot of at least three days in the six-month window.
                    Parameter.integer(EVENTS, "events on the calendar; deals, budgets, work orders and reservations follow",
                            5, 1, 50),
                    // At least 4 vendors: a caterer, AV, staging and a florist, which every budget and work order can use.
                    Parameter.integer(VENDORS, "vendors on the roster, cycling through ten categories", 12, 4, 200),
                    Parameter.integer(SPACES, "venue rooms the agency books (at least two, so side programs get their own room)",
                            4, 2, Catalog.SPACES.size())),
            List.of());

    private static final List<Invariant> INVARIANTS = List.of(
            new Invariant("budget total equals the sum of its lines", """
                    SELECT 'budget ''' || b.name || ''' totals ' || b.total || ' but its lines add up to '
                           || coalesce(sum(l.amount), 0)
                      FROM budget.budgets b
                      LEFT JOIN budget.budget_lines l ON l.org_id = b.org_id AND l.budget_id = b.id
                     WHERE b.org_id = :org
                     GROUP BY b.id, b.name, b.total
                    HAVING b.total <> coalesce(sum(l.amount), 0)
                    """),
            new Invariant("budget lines belong to their budget's event", """
                    SELECT 'line ''' || l.description || ''' of budget ''' || b.name || ''' is charged to another event'
                      FROM budget.budget_lines l
                      JOIN budget.budgets b ON b.org_id = l.org_id AND b.id = l.budget_id
                     WHERE l.org_id = :org AND l.event_id <> b.event_id
                    """),
            new Invariant("reservations fall within their event's time", """
                    SELECT 'reservation ''' || r.purpose || ''' (' || r.starts_at || ' to ' || r.ends_at
                           || ') is outside event ''' || e.name || ''' (' || e.starts_at || ' to ' || e.ends_at || ')'
                      FROM spaces.reservations r
                      JOIN events.events e ON e.org_id = r.org_id AND e.id = r.event_id
                     WHERE r.org_id = :org AND (r.starts_at < e.starts_at OR r.ends_at > e.ends_at)
                    """),
            new Invariant("no room is booked twice at once", """
                    SELECT s.name || ' is booked for ''' || a.purpose || ''' and ''' || b.purpose || ''' at the same time'
                      FROM spaces.reservations a
                      JOIN spaces.reservations b ON b.org_id = a.org_id AND b.space_id = a.space_id AND a.id < b.id
                           AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                      JOIN spaces.spaces s ON s.org_id = a.org_id AND s.id = a.space_id
                     WHERE a.org_id = :org AND a.status <> 'released' AND b.status <> 'released'
                    """),
            new Invariant("deals are opened before their event starts", """
                    SELECT 'deal ''' || d.title || ''' opened ' || d.opened_at || ', after its event started ' || e.starts_at
                      FROM sales.deals d
                      JOIN events.events e ON e.org_id = d.org_id AND e.id = d.event_id
                     WHERE d.org_id = :org AND d.opened_at >= e.starts_at
                    """));

    private static final List<Total> TOTALS = List.of(
            new Total("pipeline value (all deals)", "sales.deals", "amount"),
            new Total("budgeted", "budget.budgets", "total"),
            new Total("budget lines", "budget.budget_lines", "amount"));

    /** Six in ten events, rounded up ({@code ceil(events * 0.6)}), have a budget: the later ones are too early to price. */
    static int budgetsFor(int events) {
        return (events * 3 + 4) / 5;
    }

    @Override
    public PackDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        new Generation(context, sink).run();
    }

    /** The agency's owner and event planner ({@link Staff}), who sign in with the published demo password. */
    @Override
    public List<Persona> personas(PackContext context) {
        return Staff.personas(context);
    }

    /** A day's new lead for an upcoming event ({@link Activity}). */
    @Override
    public void activity(PackContext context, LocalDate day, RowSink sink) {
        new Activity(context, day, sink).run();
    }

    @Override
    public List<Invariant> invariants() {
        return INVARIANTS;
    }

    @Override
    public List<Total> totals() {
        return TOTALS;
    }
}
