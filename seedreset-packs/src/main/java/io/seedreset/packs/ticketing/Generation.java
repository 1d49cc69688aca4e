package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.people.People;
import io.seedreset.packs.people.People.Person;
import io.seedreset.packs.ticketing.Calendar.Show;
import io.seedreset.packs.ticketing.Calendar.Status;
import io.seedreset.packs.ticketing.Catalog.City;
import io.seedreset.packs.ticketing.Catalog.CompanySpec;
import io.seedreset.packs.ticketing.Catalog.VenueSpec;
import io.seedreset.packs.ticketing.Messages.Channel;
import io.seedreset.packs.ticketing.Messages.Kind;
import io.seedreset.packs.ticketing.Personas.Role;
import io.seedreset.packs.ticketing.Personas.Spec;
import io.seedreset.packs.ticketing.Personas.Story;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One run of the pack: the tenant's companies, venues and people, then the calendar, promo
 * codes and scanners, then the orders, streamed one at a time, and the messages around them.
 * It keeps what later rows refer to (companies, venues, customers, events with their inventory,
 * promo codes), never the rows themselves, so memory stays flat however many orders are asked for.
 */
final class Generation {

    record Company(int ordinal, UUID id, CompanySpec spec) {
    }

    record Venue(int ordinal, UUID id, VenueSpec spec, Company operator) {
    }

    /**
     * A customer as the orders see one. {@code user} is the ordinal of the users row; {@code canBuy}
     * says whether checkout would let them (an active account with a verified email);
     * {@code story} is set for the customer personas.
     */
    record Customer(int user, UUID id, String firstName, String lastName, String email, Instant createdAt, boolean canBuy,
                    Story story) {

        String name() {
            return firstName + " " + lastName;
        }
    }

    /** A staff member as devices and reports see one. */
    record Staff(int user, UUID id, Spec spec, Company company) {
    }

    /** Staff personas are users 0 to 8; customer {@code c} is user {@code STAFF + c}. */
    static final int STAFF = Personas.STAFF.size();

    private final PackContext ctx;
    private final RowSink sink;
    private final Instant anchor;
    private final Messages messages;
    private final List<Company> companies = new ArrayList<>();
    private final List<Venue> venues = new ArrayList<>();
    private final List<Staff> staff = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();

    Generation(PackContext ctx, RowSink sink) {
        this.ctx = ctx;
        this.sink = sink;
        this.anchor = ctx.anchor();
        this.messages = new Messages(ctx, sink);
    }

    void run() {
        companies(ctx.integer(TicketingDemoPack.COMPANIES));
        venues(ctx.integer(TicketingDemoPack.VENUES));
        staff();
        customers(ctx.integer(TicketingDemoPack.USERS));
        List<Show> shows = new Calendar(ctx, sink, venues, companies, ctx.integer(TicketingDemoPack.TICKET_TIERS))
                .write(ctx.integer(TicketingDemoPack.EVENTS));
        List<Promotion> promotions = Promotion.write(ctx, sink, ctx.integer(TicketingDemoPack.PROMO_CODES), shows);
        Map<Integer, List<UUID>> scanners = scanners(shows);
        new Orders(ctx, sink, messages, customers, shows, promotions, scanners).write(ctx.integer(TicketingDemoPack.ORDERS));
        presaleMessages(shows);
        salesReports();
    }

    // ---------------------------------------------------------------- companies and venues

    private void companies(int count) {
        for (int i = 0; i < count; i++) {
            CompanySpec spec = Catalog.COMPANIES.get(i);
            Draw draw = ctx.draw("company", i);
            UUID id = sink.add("ticketing.companies", Row.withId(ctx.id("company", i))
                    .set("name", spec.name())
                    .set("slug", spec.slug())
                    .set("type", spec.type().name())
                    .set("email", spec.email())
                    .set("phone", Contacts.phone(spec.city().areaCode(), draw))
                    .set("website", spec.website())
                    .set("city", spec.city().name())
                    .set("state", spec.city().state())
                    .set("created_at", Calendar.officeHours(draw, today(spec.city()).minusDays(draw.between(800, 3000)),
                            spec.city().zone())));
            companies.add(new Company(i, id, spec));
        }
    }

    private void venues(int count) {
        for (int i = 0; i < count; i++) {
            VenueSpec spec = Catalog.VENUES.get(i);
            Company operator = companies.get(spec.operators().stream().filter(c -> c < companies.size()).findFirst().orElse(0));
            UUID id = sink.add("ticketing.venues", Row.withId(ctx.id("venue", i))
                    .set("company_id", operator.id())
                    .set("name", spec.name())
                    .set("kind", spec.kind().name())
                    .set("address", spec.address())
                    .set("city", spec.city().name())
                    .set("state", spec.city().state())
                    .set("zip", spec.zip())
                    .set("timezone", spec.city().zone().getId())
                    .set("capacity", spec.capacity()));
            venues.add(new Venue(i, id, spec, operator));
        }
    }

    // ---------------------------------------------------------------- people

    private void staff() {
        for (int s = 0; s < Personas.STAFF.size(); s++) {
            Spec spec = Personas.STAFF.get(s);
            Integer companyOrdinal = Personas.companyOf(spec, companies.size());
            Company company = companyOrdinal == null ? null : companies.get(companyOrdinal);
            UUID id = user(s, company, spec.email(), spec.firstName(), spec.lastName(), spec.phone(), spec.role(),
                    true, true, anchor.minus(spec.joined()), anchor.minus(spec.lastSeen()));
            staff.add(new Staff(s, id, spec, company));
        }
    }

    private void customers(int count) {
        Set<String> emails = new HashSet<>();
        Personas.STAFF.forEach(spec -> emails.add(spec.email()));
        Personas.CUSTOMERS.forEach(spec -> emails.add(spec.email()));
        for (int c = 0; c < count; c++) {
            int user = STAFF + c;
            if (c < Personas.CUSTOMERS.size()) {
                Spec spec = Personas.CUSTOMERS.get(c);
                Story story = Story.values()[c];
                boolean active = story != Story.INACTIVE;
                Instant createdAt = anchor.minus(spec.joined());
                UUID id = user(user, null, spec.email(), spec.firstName(), spec.lastName(), spec.phone(),
                        Role.CUSTOMER, true, active, createdAt, anchor.minus(spec.lastSeen()));
                customers.add(new Customer(user, id, spec.firstName(), spec.lastName(), spec.email(), createdAt, active, story));
                continue;
            }
            Draw draw = ctx.draw("customer", c);
            Person person = People.adult(draw, anchor);
            String first = person.firstName();
            String last = person.lastName();
            City city = draw.pick(Catalog.CITIES);
            String email = Contacts.uniqueEmail(draw, first, last, emails);
            String phone = draw.chance(0.75) ? Contacts.phone(city.areaCode(), draw) : null;
            // Everyone who buys signed up well before the earliest order the pack places (about four months back).
            LocalDate joined = today(city).minusDays(draw.between(200, 1400));
            Instant createdAt = ZonedDateTime.of(joined, LocalTime.of(draw.between(7, 23), draw.between(0, 59)), city.zone()).toInstant();
            boolean active = draw.chance(0.95);
            boolean verified = draw.chance(0.93);
            Instant lastLogin = active ? anchor.minus(Duration.ofMinutes(draw.between(30, 45 * 24 * 60)))
                    : createdAt.plus(Duration.ofDays(draw.between(1, 120)));
            UUID id = user(user, null, email, first, last, phone, Role.CUSTOMER, verified, active, createdAt, lastLogin);
            // Checkout needs an active account with a verified email.
            customers.add(new Customer(user, id, first, last, email, createdAt, active && verified, null));
        }
    }

    private UUID user(int user, Company company, String email, String first, String last, String phone,
                      Role role, boolean verified, boolean active, Instant createdAt, Instant lastLogin) {
        UUID id = sink.add("ticketing.users", Row.withId(ctx.id("user", user))
                .set("company_id", company == null ? null : company.id())
                .set("email", email)
                .set("password_hash", Personas.DEMO_PASSWORD_HASH)
                .set("first_name", first)
                .set("last_name", last)
                .set("phone", phone)
                .set("role", role.name())
                .set("email_verified", verified)
                .set("active", active)
                .set("created_at", createdAt)
                .set("last_login_at", lastLogin));
        messages.writePreferences(user, id, role);
        if (role == Role.CUSTOMER) {
            messages.send("account_notification", user * Messages.MESSAGES_PER_KEY, user, id, role, Channel.EMAIL, Kind.ACCOUNT,
                    "Welcome, " + first + "! Please confirm your email address",
                    "Thanks for signing up. Confirm your address to buy tickets, receive them by email and manage your orders.",
                    createdAt.plus(Duration.ofMinutes(1)));
        } else {
            messages.send("account_notification", user * Messages.MESSAGES_PER_KEY, user, id, role, Channel.EMAIL, Kind.ACCOUNT,
                    "Your staff account is ready",
                    "An administrator created your " + role.name().toLowerCase(Locale.ROOT) + " account"
                            + (company == null ? "" : " at " + company.spec().name())
                            + ". Sign in and set up two-step verification before your first shift.",
                    createdAt.plus(Duration.ofMinutes(1)));
        }
        return id;
    }

    // ---------------------------------------------------------------- door scanning

    /**
     * Devices for the events that need them: three at every completed event (its check-ins were
     * scanned on them) and two already assigned to each on-sale event of the coming weeks. The
     * venue's operator owns them; the door staff persona of that company, or else one of the two,
     * is signed in.
     */
    private Map<Integer, List<UUID>> scanners(List<Show> shows) {
        String[] names = {"Gate A handheld", "Gate B turnstile", "Box office mobile"};
        String[] types = {"HANDHELD", "TURNSTILE", "MOBILE"};
        String[] serialPrefixes = {"HH", "TS", "MB"};
        List<Staff> doorStaff = staff.stream().filter(s -> s.spec().role() == Role.SCANNER).toList();
        Map<Integer, List<UUID>> byEvent = new LinkedHashMap<>();
        for (Show show : shows) {
            boolean completed = show.status() == Status.COMPLETED;
            boolean nextWeeks = show.horizon() == Calendar.Horizon.NEAR
                    && (show.status() == Status.ON_SALE || show.status() == Status.SOLD_OUT);
            if (!completed && !nextWeeks) {
                continue;
            }
            Company owner = show.venue().operator();
            List<UUID> devices = new ArrayList<>();
            for (int k = 0; k < (completed ? 3 : 2); k++) {
                int key = show.ordinal() * names.length + k;
                Draw draw = ctx.draw("scanner", key);
                int fallback = k;
                Staff operator = doorStaff.stream().filter(s -> s.company() == owner).findFirst()
                        .orElseGet(() -> doorStaff.get(fallback % doorStaff.size()));
                Instant lastSeen = completed ? show.endsAt().plus(Duration.ofMinutes(draw.between(10, 90)))
                        : anchor.minus(Duration.ofMinutes(draw.between(60, 72 * 60)));
                devices.add(sink.add("ticketing.scanners", Row.withId(ctx.id("scanner", key))
                        .set("company_id", owner.id())
                        .set("event_id", show.id())
                        .set("operator_user_id", operator.id())
                        .set("name", names[k])
                        .set("device_type", types[k])
                        .set("serial_number", serialPrefixes[k] + "-" + (20_000 + key))
                        .set("active", true)
                        .set("last_seen_at", lastSeen)));
            }
            byEvent.put(show.ordinal(), devices);
        }
        return byEvent;
    }

    // ---------------------------------------------------------------- messages

    /** Customers who opted in hear about a show on sale now and then, in the weeks before the anchor. */
    private void presaleMessages(List<Show> shows) {
        List<Show> onSale = shows.stream().filter(s -> s.status() == Status.ON_SALE).toList();
        for (Customer customer : customers) {
            Draw draw = ctx.draw("presale_message", customer.user());
            int count = customer.canBuy() ? draw.between(0, 2) : 0;
            for (int k = 0; k < count; k++) {
                Show show = draw.pick(onSale);
                Instant sentAt = later(show.salesStart(), customer.createdAt()).plus(Duration.ofHours(draw.between(1, 240)));
                if (sentAt.isAfter(anchor)) {
                    continue;
                }
                messages.send("account_notification", customer.user() * Messages.MESSAGES_PER_KEY + 1 + k, customer.user(),
                        customer.id(), Role.CUSTOMER, Channel.EMAIL, Kind.PROMOTION,
                        "On sale now: " + show.name(),
                        show.name() + " at " + show.venue().spec().name() + ", " + show.venue().spec().city().name()
                                + ". Tickets are going fast: get yours before they are gone.",
                        sentAt);
            }
        }
    }

    /** Staff with sales reports switched on get one every Monday at 8 a.m.; these are the last two. */
    private void salesReports() {
        for (Staff member : staff) {
            City city = member.company() == null ? Catalog.NEW_YORK : member.company().spec().city();
            LocalDate lastMonday = today(city).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (int k = 0; k < 2; k++) {
                LocalDate monday = lastMonday.minusWeeks(k);
                Instant sentAt = ZonedDateTime.of(monday, LocalTime.of(8, 0), city.zone()).toInstant();
                if (sentAt.isAfter(anchor)) {
                    continue;
                }
                String scope = member.company() == null ? "all companies" : member.company().spec().name();
                messages.send("account_notification", member.user() * Messages.MESSAGES_PER_KEY + 1 + k, member.user(),
                        member.id(), member.spec().role(), Channel.EMAIL, Kind.SALES_REPORT,
                        "Weekly sales report: week of " + monday.minusWeeks(1),
                        "Ticket sales, check-ins and refunds by event for " + scope + " are ready in your dashboard.",
                        sentAt);
            }
        }
    }

    private LocalDate today(City city) {
        return LocalDate.ofInstant(anchor, city.zone());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
