package io.seedreset.packs.eventagency;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.eventagency.Catalog.City;
import io.seedreset.packs.eventagency.Catalog.EventType;
import io.seedreset.packs.eventagency.Catalog.LineItem;
import io.seedreset.packs.eventagency.Catalog.Metro;
import io.seedreset.packs.eventagency.Catalog.Offer;
import io.seedreset.packs.eventagency.Catalog.Schedule;
import io.seedreset.packs.people.People;
import io.seedreset.packs.people.People.Person;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of the pack: the rows of one organization, generated module by module, parents
 * before children. It keeps what later modules refer to (vendors, spaces, events, who works
 * each event), so it lives for a single {@code generate} call.
 *
 * <p>Every value comes from {@code ctx.draw(entity, ordinal)}: each row has its own stream, so its
 * values depend on its key, the parameters and the rows it refers to, never on the order in which
 * other rows were drawn. Twelve vendors are the first twelve of fifteen. Company names are the one
 * exception: a name (or web domain) an earlier row of the organization took is drawn again.
 */
final class Generation {

    private static final String USD = "USD";

    /** Upcoming events start 30 to 180 days out: the "next six months" a sales demo talks about. */
    private static final int FIRST_UPCOMING_DAY = 30;
    private static final int LAST_UPCOMING_DAY = 180;
    /** The longest event in the catalog; slots at least this long can never overlap, so no space is double-booked. */
    private static final int LONGEST_EVENT_DAYS = 3;

    /** Keys budget lines by budget, so one budget growing a line never renumbers another's. */
    private static final int LINES_PER_BUDGET_KEY = 100;

    private record Vendor(UUID id, String category) {
    }

    private record Space(UUID id, Catalog.Space spec) {
    }

    /** One priced item from one vendor on a budget. */
    private record Quote(Vendor vendor, LineItem item) {
    }

    private record Event(int ordinal, UUID id, String name, EventType type, String client, String contactFirst,
                         String contactLast, String contactDomain, String status, LocalDate firstDay, int days,
                         Instant startsAt, Instant endsAt, int attendees, LocalDate bookedOn) {
    }

    private final PackContext ctx;
    private final RowSink sink;
    private final Instant anchor;
    private final Metro metro;
    private final ZoneId zone;
    /** The anchor's calendar day where the agency works: "today" in every date the pack writes. */
    private final LocalDate today;

    private final List<Vendor> vendors = new ArrayList<>();
    private final Map<String, List<Vendor>> vendorsByCategory = new LinkedHashMap<>();
    private final List<Space> spaces = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    /** The vendors on each budgeted event's budget: its work order goes to one of them. */
    private final Map<UUID, List<Vendor>> budgetedVendors = new LinkedHashMap<>();
    /**
     * Clients first, then sponsors: never a vendor's, whose names all end in their trade, so the
     * events and deals stay the same however many vendors there are.
     */
    private final CompanyNames clientsAndSponsors = new CompanyNames();

    Generation(PackContext ctx, RowSink sink) {
        this.ctx = ctx;
        this.sink = sink;
        this.anchor = ctx.anchor();
        this.metro = ctx.draw("agency", 0).pick(Catalog.METROS);
        this.zone = metro.zone();
        this.today = LocalDate.ofInstant(anchor, zone);
    }

    void run() {
        staff();
        vendors(ctx.integer(EventAgencyStarterPack.VENDORS));
        spaces(ctx.integer(EventAgencyStarterPack.SPACES));
        events(ctx.integer(EventAgencyStarterPack.EVENTS));
        deals();
        budgets(EventAgencyStarterPack.budgetsFor(events.size()));
        workOrders();
        reservations();
    }

    // ---------------------------------------------------------------- identity

    /**
     * The agency's logins: the owner's account dates from when the agency moved onto the platform,
     * the planner's from when they joined. No client or sponsor takes the agency's own name or domain.
     */
    private void staff() {
        Staff.Agency agency = Staff.of(ctx);
        clientsAndSponsors.claim(agency.name());
        List<Staff.Member> members = agency.members();
        for (int i = 0; i < members.size(); i++) {
            Staff.Member member = members.get(i);
            Draw draw = ctx.draw("staff_account", i);
            LocalDate joined = member.role().equals(Staff.OWNER)
                    ? today.minusDays(draw.between(700, 1_500)) : today.minusDays(draw.between(90, 650));
            sink.add("identity.users", Row.withId(ctx.id("staff", i))
                    .set("email", member.email())
                    .set("password_hash", Staff.DEMO_PASSWORD_HASH)
                    .set("name", member.person().fullName())
                    .set("role", member.role())
                    .set("active", true)
                    .set("created_at", atWorkHours(draw, joined)));
        }
    }

    // ---------------------------------------------------------------- suppliers

    private void vendors(int count) {
        CompanyNames names = new CompanyNames();
        for (int i = 0; i < count; i++) {
            Draw draw = ctx.draw("vendor", i);
            // Cycling through the categories in signing order gives every small roster the essentials.
            String category = Catalog.VENDOR_CATEGORIES.get(i % Catalog.VENDOR_CATEGORIES.size());
            City city = draw.chance(0.6) ? metro.hub() : draw.pick(metro.cities());
            Person contact = People.adult(draw, anchor);
            String name = names.claimFirstFree(() -> vendorName(draw, category, city, contact));
            BigDecimal rating = draw.chance(0.12) ? null : BigDecimal.valueOf(draw.between(34, 50), 1);
            Instant createdAt = workdayMoment(draw, today.minusDays(1100), today.minusDays(30));
            UUID id = sink.add("suppliers.vendors", Row.withId(ctx.id("vendor", i))
                    .set("name", name)
                    .set("category", category)
                    .set("contact_name", contact.fullName())
                    .set("email", Contacts.email(contact.firstName(), contact.lastName(), Contacts.domain(name)))
                    .set("phone", Contacts.phone(city.areaCode(), draw))
                    .set("city", city.name())
                    .set("state", city.state())
                    .set("rating", rating)
                    .set("created_at", createdAt));
            Vendor vendor = new Vendor(id, category);
            vendors.add(vendor);
            vendorsByCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(vendor);
        }
    }

    /** A vendor named after its owner ("Maria Keller Photography") has the owner as its contact. */
    private String vendorName(Draw draw, String category, City city, Person contact) {
        String pattern = draw.pick(Catalog.VENDOR_NAMES.get(category));
        return pattern.contains("{first}")
                ? pattern.replace("{first}", contact.firstName()).replace("{last}", contact.lastName())
                : companyName(draw, pattern, city);
    }

    /** A company name from a pattern of the catalog ({last}, {last2}, {place}, {line}, {city}, {region}). */
    private String companyName(Draw draw, String pattern, City city) {
        String name = local(pattern, city);
        if (name.contains("{last}")) {
            String last = People.surname(draw);
            name = name.replace("{last}", last);
            if (name.contains("{last2}")) {
                String partner = People.surname(draw);
                while (partner.equals(last)) {
                    partner = People.surname(draw);
                }
                name = name.replace("{last2}", partner);
            }
        }
        if (name.contains("{place}")) {
            name = name.replace("{place}", draw.pick(Catalog.FIRM_PLACES));
        }
        if (name.contains("{line}")) {
            name = name.replace("{line}", draw.pick(Catalog.CLIENT_LINES));
        }
        return name;
    }

    // ---------------------------------------------------------------- spaces

    private void spaces(int count) {
        for (int i = 0; i < count; i++) {
            Catalog.Space spec = Catalog.SPACES.get(i);
            UUID id = sink.add("spaces.spaces", Row.withId(ctx.id("space", i))
                    .set("name", spec.name())
                    .set("building", spec.building())
                    .set("space_type", spec.type())
                    .set("capacity", spec.capacity())
                    .set("hourly_rate", BigDecimal.valueOf(spec.hourlyRate()).setScale(2)));
            spaces.add(new Space(id, spec));
        }
    }

    // ---------------------------------------------------------------- events

    private void events(int count) {
        // A pack of three or more events opens with one that just happened, so reports and
        // invoices have something to show; smaller packs are all upcoming work.
        boolean withCompleted = count >= 3;
        int upcoming = count - (withCompleted ? 1 : 0);
        double slot = (double) (LAST_UPCOMING_DAY - FIRST_UPCOMING_DAY) / upcoming;
        for (int i = 0; i < count; i++) {
            Draw draw = ctx.draw("event", i);
            EventType type = pickType(draw);
            Schedule schedule = type.schedule();
            int days = draw.between(schedule.minDays(), schedule.maxDays());
            boolean completed = withCompleted && i == 0;
            LocalDate firstDay = completed
                    ? today.minusDays(draw.between(16, 30)).with(TemporalAdjusters.nextOrSame(schedule.usualFirstDay()))
                    : upcomingFirstDay(draw, FIRST_UPCOMING_DAY + (i - (withCompleted ? 1 : 0)) * slot, slot,
                    schedule.usualFirstDay());
            Instant startsAt = ZonedDateTime.of(firstDay, schedule.starts(), zone).toInstant();
            Instant endsAt = ZonedDateTime.of(firstDay.plusDays(days - 1L), schedule.ends(), zone).toInstant();
            City city = draw.chance(0.75) ? metro.hub() : draw.pick(metro.cities());
            int attendees = 5 * draw.between(type.minAttendees() / 5, type.maxAttendees() / 5);

            Person contact;
            String client;
            String name;
            String contactDomain;
            String theme = draw.pick(type.themes());
            if (type.code().equals("wedding")) {
                // The couple is the client, two people in their late twenties or thirties; the contact
                // is one partner, writing from a family address.
                contact = People.bornIn(draw, firstDay.getYear() - draw.between(26, 39));
                Person partner = People.bornIn(draw, contact.birthYear() + draw.between(-4, 4));
                client = contact.fullName() + " & " + partner.fullName();
                String last = contact.lastName();
                name = theme.replace("{couple}", last.equals(partner.lastName()) ? last : last + "-" + partner.lastName());
                contactDomain = Contacts.domain(last + " family");
            } else {
                contact = People.adult(draw, anchor);
                List<String> patterns = type.code().equals("festival") || type.code().equals("trade_show")
                        ? Catalog.ORGANIZER_PATTERNS : Catalog.CLIENT_PATTERNS;
                client = clientsAndSponsors.claimFirstFree(() -> companyName(draw, draw.pick(patterns), city));
                name = local(theme, city).replace("{client}", client).replace("{season}", season(firstDay));
                contactDomain = Contacts.domain(client);
            }
            LocalDate bookedOn = completed
                    ? dateBetween(draw, firstDay.minusDays(240), firstDay.minusDays(90))
                    : dateBetween(draw, today.minusDays(180), today.minusDays(14));
            String status = completed ? "completed" : upcomingStatus(draw, firstDay, count);

            UUID id = sink.add("events.events", Row.withId(ctx.id("event", i))
                    .set("name", name)
                    .set("event_type", type.code())
                    .set("client_name", client)
                    .set("status", status)
                    .set("starts_at", startsAt)
                    .set("ends_at", endsAt)
                    .set("city", city.name())
                    .set("state", city.state())
                    .set("expected_attendees", attendees)
                    .set("created_at", atWorkHours(draw, bookedOn)));
            events.add(new Event(i, id, name, type, client, contact.firstName(), contact.lastName(), contactDomain, status,
                    firstDay, days, startsAt, endsAt, attendees, bookedOn));
        }
    }

    private static EventType pickType(Draw draw) {
        int total = Catalog.EVENT_TYPES.stream().mapToInt(EventType::weight).sum();
        int roll = draw.between(1, total);
        for (EventType type : Catalog.EVENT_TYPES) {
            roll -= type.weight();
            if (roll <= 0) {
                return type;
            }
        }
        throw new IllegalStateException("event type weights add up to " + total);
    }

    /**
     * The first day of an upcoming event inside its own slot of the six-month window. An event
     * ends at least a day before the next slot begins, so events never overlap and the venue
     * calendar stays free of double bookings. Where the slot has a week to spare the event moves
     * to its usual weekday (weddings on Saturdays, conferences on Tuesdays).
     */
    private LocalDate upcomingFirstDay(Draw draw, double slotStart, double slotLength, DayOfWeek usualDay) {
        double slack = slotLength - LONGEST_EVENT_DAYS;
        if (slack >= 7) {
            LocalDate day = today.plusDays((long) Math.floor(slotStart + draw.random().nextDouble() * (slack - 7)));
            return day.with(TemporalAdjusters.nextOrSame(usualDay));
        }
        return today.plusDays((long) Math.floor(slotStart + draw.random().nextDouble() * Math.max(0, slack)));
    }

    /** Nearer events are further along: confirmed within ~10 weeks, still an inquiry at 4+ months. */
    private String upcomingStatus(Draw draw, LocalDate firstDay, int eventCount) {
        long daysOut = ChronoUnit.DAYS.between(today, firstDay);
        // Only a larger book of business shows a cancellation; the default demo stays upbeat.
        if (eventCount >= 8 && draw.chance(0.06)) {
            return "cancelled";
        }
        if (daysOut < 75) {
            return "confirmed";
        }
        if (daysOut < 130) {
            return draw.chance(0.3) ? "confirmed" : "planning";
        }
        return draw.chance(0.5) ? "planning" : "inquiry";
    }

    private static String season(LocalDate day) {
        return switch (day.getMonth()) {
            case DECEMBER, JANUARY, FEBRUARY -> "Winter";
            case MARCH, APRIL, MAY -> "Spring";
            case JUNE, JULY, AUGUST -> "Summer";
            default -> "Fall";
        };
    }

    private String local(String pattern, City city) {
        return pattern.replace("{city}", city.name()).replace("{region}", metro.region());
    }

    // ---------------------------------------------------------------- sales

    private void deals() {
        for (Event event : events) {
            List<Offer> offers = event.type().offers();
            for (int j = 0; j < EventAgencyStarterPack.DEALS_PER_EVENT; j++) {
                int key = event.ordinal() * EventAgencyStarterPack.DEALS_PER_EVENT + j;
                Draw draw = ctx.draw("deal", key);
                // Rotating through the type's offers varies the mix between events without repeating one within an event.
                Offer offer = offers.get((event.ordinal() + j) % offers.size());
                String company;
                String first;
                String last;
                String email;
                if (offer.toSponsor()) {
                    List<String> patterns = Catalog.SPONSOR_PATTERNS.get(event.type().code());
                    company = clientsAndSponsors.claimFirstFree(() -> companyName(draw, draw.pick(patterns), metro.hub()));
                    Person contact = People.adult(draw, anchor);
                    first = contact.firstName();
                    last = contact.lastName();
                    email = Contacts.email(first, last, Contacts.domain(company));
                } else {
                    company = event.client();
                    first = event.contactFirst();
                    last = event.contactLast();
                    email = Contacts.email(first, last, event.contactDomain());
                }
                String stage = stage(draw, event);
                LocalDate openedOn = event.status().equals("completed")
                        ? dateBetween(draw, event.firstDay().minusDays(84), event.firstDay().minusDays(14))
                        : dateBetween(draw, later(event.bookedOn().plusDays(1), today.minusDays(49)), today.minusDays(1));
                LocalDate expectedClose = switch (stage) {
                    case "won", "lost" -> dateBetween(draw, openedOn,
                            earlier(today.minusDays(1), event.firstDay().minusDays(3)));
                    default -> earlier(today.plusDays(draw.between(7, 45)), event.firstDay().minusDays(7));
                };
                sink.add("sales.deals", Row.withId(ctx.id("deal", key))
                        .set("event_id", event.id())
                        .set("title", offer.title() + ": " + event.name())
                        .set("client_company", company)
                        .set("contact_name", first + " " + last)
                        .set("contact_email", email)
                        .set("stage", stage)
                        .set("amount", draw.money(offer.minAmount(), offer.maxAmount(), offer.step()))
                        .set("probability", probability(draw, stage))
                        .set("opened_at", atWorkHours(draw, openedOn))
                        .set("expected_close", expectedClose));
            }
        }
    }

    private static String stage(Draw draw, Event event) {
        return switch (event.status()) {
            case "completed" -> draw.chance(0.8) ? "won" : "lost";
            case "cancelled" -> "lost";
            default -> {
                double roll = draw.random().nextDouble();
                yield roll < 0.20 ? "lead" : roll < 0.45 ? "proposal" : roll < 0.65 ? "negotiation" : roll < 0.90 ? "won" : "lost";
            }
        };
    }

    /** The round percentages a sales team actually types in for each stage. */
    private static int probability(Draw draw, String stage) {
        return switch (stage) {
            case "lead" -> draw.pick(List.of(10, 20));
            case "proposal" -> draw.pick(List.of(30, 40, 50));
            case "negotiation" -> draw.pick(List.of(60, 70, 75, 80));
            case "won" -> 100;
            default -> 0;
        };
    }

    // ---------------------------------------------------------------- budget

    private void budgets(int count) {
        for (int b = 0; b < count; b++) {
            Event event = events.get(b);
            Draw draw = ctx.draw("budget", b);
            String status = switch (event.status()) {
                case "completed" -> "approved";
                case "confirmed" -> draw.chance(0.7) ? "approved" : "submitted";
                case "planning" -> draw.chance(0.5) ? "submitted" : "draft";
                default -> "draft";
            };
            LocalDate createdOn = dateBetween(draw, event.bookedOn().plusDays(3),
                    earlier(event.bookedOn().plusDays(30), today.minusDays(1)));
            Instant createdAt = atWorkHours(draw, createdOn);
            List<Quote> quotes = quotes(draw, event);

            // The lines are priced first because the budget, written before them, carries their exact sum.
            UUID budgetId = ctx.id("budget", b);
            List<Row> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (int k = 0; k < quotes.size(); k++) {
                Quote quote = quotes.get(k);
                int key = b * LINES_PER_BUDGET_KEY + k;
                Draw line = ctx.draw("budget_line", key);
                int quantity = quantity(line, quote, event);
                BigDecimal unitCost = cents(line, quote.item().minCents(), quote.item().maxCents(), quote.item().stepCents());
                BigDecimal amount = unitCost.multiply(BigDecimal.valueOf(quantity));
                total = total.add(amount);
                lines.add(Row.withId(ctx.id("budget_line", key))
                        .set("budget_id", budgetId)
                        .set("event_id", event.id())
                        .set("vendor_id", quote.vendor().id())
                        .set("category", quote.vendor().category())
                        .set("description", quote.item().description())
                        .set("quantity", quantity)
                        .set("unit_cost", unitCost)
                        .set("amount", amount));
            }
            sink.add("budget.budgets", Row.withId(budgetId)
                    .set("event_id", event.id())
                    .set("name", "Production budget: " + event.name())
                    .set("currency", USD)
                    .set("status", status)
                    .set("total", total)
                    .set("created_at", createdAt));
            lines.forEach(line -> sink.add("budget.budget_lines", line));
            budgetedVendors.put(event.id(), quotes.stream().map(Quote::vendor).distinct().toList());
        }
    }

    /**
     * What the event buys, in the order its type lists the categories: one vendor per category,
     * one item each, two from the caterer (a meal and a break or reception), each item one that
     * suits the event's type and size. Categories with no vendor on the roster are left out, and a
     * few nice-to-haves are skipped now and then.
     */
    private List<Quote> quotes(Draw draw, Event event) {
        List<Quote> quotes = new ArrayList<>();
        for (String category : event.type().categories()) {
            List<Vendor> candidates = vendorsByCategory.get(category);
            if (candidates == null || (Catalog.OPTIONAL_CATEGORIES.contains(category) && draw.chance(0.3))) {
                continue;
            }
            Vendor vendor = draw.pick(candidates);
            List<LineItem> items = new ArrayList<>(Catalog.LINE_ITEMS.get(category).stream()
                    .filter(item -> item.fits(event.type(), event.attendees())).toList());
            Collections.shuffle(items, draw.random());
            int take = category.equals("catering") ? 2 : 1;
            items.subList(0, Math.min(take, items.size())).forEach(item -> quotes.add(new Quote(vendor, item)));
        }
        return quotes;
    }

    private static int quantity(Draw draw, Quote quote, Event event) {
        LineItem item = quote.item();
        // Caterers and florists serve the seated guests; badges and signage are for everyone who comes.
        boolean seated = quote.vendor().category().equals("catering") || quote.vendor().category().equals("florals");
        int guests = seated ? Math.max(10, event.attendees() * event.type().cateredPercent() / 100) : event.attendees();
        return switch (item.basis()) {
            case HEADCOUNT -> guests;
            case GUEST_DAYS -> guests * event.days();
            case DAYS -> event.days();
            case TABLES -> (guests + 9) / 10;
            case COUNT -> draw.between(item.minQuantity(), item.maxQuantity());
        };
    }

    private static BigDecimal cents(Draw draw, long minCents, long maxCents, long stepCents) {
        long steps = (maxCents - minCents) / stepCents;
        return BigDecimal.valueOf(minCents + stepCents * draw.between(0, Math.toIntExact(steps)), 2);
    }

    // ---------------------------------------------------------------- dispatch

    private void workOrders() {
        List<Vendor> onSite = vendors.stream().filter(v -> Catalog.ON_SITE_CATEGORIES.contains(v.category())).toList();
        for (Event event : events) {
            Draw draw = ctx.draw("work_order", event.ordinal());
            // The crew comes from the event's own budget when it has one, so dispatch and budget tell one story.
            List<Vendor> budgeted = budgetedVendors.getOrDefault(event.id(), List.of()).stream()
                    .filter(v -> Catalog.ON_SITE_CATEGORIES.contains(v.category())).toList();
            List<Vendor> candidates = !budgeted.isEmpty() ? budgeted : !onSite.isEmpty() ? onSite : vendors;
            Vendor vendor = draw.pick(candidates);
            int[] crew = Catalog.CREW_SIZES.get(vendor.category());
            // Stage and AV crews load in the afternoon or evening before; the rest arrive an hour or three before doors.
            Instant scheduledAt = Catalog.BUILD_CATEGORIES.contains(vendor.category())
                    ? ZonedDateTime.of(event.firstDay().minusDays(1), LocalTime.of(draw.between(13, 19), 30 * draw.between(0, 1)), zone)
                    .toInstant()
                    : event.startsAt().minus(Duration.ofMinutes(30L * draw.between(2, 6)));
            String status = switch (event.status()) {
                case "completed" -> "completed";
                case "cancelled" -> "cancelled";
                default -> scheduledAt.isBefore(anchor.plus(Duration.ofDays(2))) ? "dispatched" : "scheduled";
            };
            sink.add("dispatch.work_orders", Row.withId(ctx.id("work_order", event.ordinal()))
                    .set("event_id", event.id())
                    .set("vendor_id", vendor.id())
                    .set("task", draw.pick(Catalog.TASKS.get(vendor.category())))
                    .set("status", status)
                    .set("crew_size", draw.between(crew[0], crew[1]))
                    .set("scheduled_at", scheduledAt));
        }
    }

    // ---------------------------------------------------------------- spaces

    /**
     * Every event books its main room for its whole run; a budgeted event also books a second
     * room for a side program on its first day. Both stay inside the event's hours.
     */
    private void reservations() {
        int budgeted = EventAgencyStarterPack.budgetsFor(events.size());
        for (Event event : events) {
            // One hold per event: the venue confirms or pencils in all of an event's rooms together.
            Draw draw = ctx.draw("reservation", event.ordinal());
            String status = switch (event.status()) {
                case "completed", "confirmed" -> "confirmed";
                case "cancelled" -> "released";
                case "planning" -> draw.chance(0.6) ? "confirmed" : "tentative";
                default -> "tentative";
            };
            Space main = bestFit(spaces, event.attendees());
            reserve(event, 2 * event.ordinal(), main, event.type().mainPurpose(), status, event.startsAt(), event.endsAt());
            if (event.ordinal() < budgeted) {
                Space side = bestFit(spaces.stream().filter(s -> s != main).toList(), Math.max(1, event.attendees() / 3));
                Instant from;
                Instant to;
                if (event.days() > 1) {
                    from = event.startsAt().plus(Duration.ofHours(1));
                    to = from.plus(Duration.ofHours(6));
                } else {
                    from = event.startsAt();
                    to = from.plus(Duration.ofMinutes(90));
                }
                reserve(event, 2 * event.ordinal() + 1, side, event.type().sidePurpose(), status, from, to);
            }
        }
    }

    private void reserve(Event event, int key, Space space, String purpose, String status, Instant from, Instant to) {
        sink.add("spaces.reservations", Row.withId(ctx.id("reservation", key))
                .set("space_id", space.id())
                .set("event_id", event.id())
                .set("purpose", purpose)
                .set("status", status)
                .set("starts_at", from)
                .set("ends_at", to));
    }

    /** The smallest room that seats everyone, or the largest there is when none does. */
    private static Space bestFit(List<Space> options, int guests) {
        Comparator<Space> bySize = Comparator.comparingInt(s -> s.spec().capacity());
        return options.stream().filter(s -> s.spec().capacity() >= guests).min(bySize)
                .orElseGet(() -> options.stream().max(bySize).orElseThrow());
    }

    // ---------------------------------------------------------------- time

    /** A day in [from, to], inclusive; an empty range gives {@code to}, the later bound never being crossed. */
    private static LocalDate dateBetween(Draw draw, LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return span <= 0 ? to : from.plusDays(draw.between(0, Math.toIntExact(span)));
    }

    /** A moment during office hours on that day, where the agency works: when people create records. */
    private Instant atWorkHours(Draw draw, LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(draw.between(8, 17), draw.between(0, 59)), zone).toInstant();
    }

    private Instant workdayMoment(Draw draw, LocalDate from, LocalDate to) {
        return atWorkHours(draw, dateBetween(draw, from, to));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
