package io.seedreset.packs.ticketing;

import io.seedreset.pack.Persona;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The logins a sales rep or tester signs in with. Names, emails and phones are fixed (they do not
 * change with the seed, so the docs and a demo script can name them), at the reserved domains
 * example.com, example.net and example.org so no mail reaches a real inbox, with phone numbers in
 * the 555-0100..0199 range North American numbering keeps for fiction. They all share one
 * published password.
 */
final class Personas {

    /** The demo password of every seeded login; only its bcrypt hash is stored. */
    static final String DEMO_PASSWORD = "DemoTickets!2026";
    /** The work factor real platforms use today; the platform's own login code verifies the hash unchanged. */
    static final int HASH_COST = 10;
    /** The hash's 16 bytes of salt, fixed so that the hash is a constant. */
    static final String HASH_SALT = "Seed&ResetDemo01";
    /**
     * The bcrypt hash of {@link #DEMO_PASSWORD} at {@link #HASH_COST} with {@link #HASH_SALT}, computed
     * once when this was written ({@code PersonasTest} computes it again), and carried by every seeded
     * user whatever the seed. Computing it in each apply took about 0.1 s in a warm JVM and most of a
     * second in a fresh one, the larger part of a small apply, and protected nothing: the password is
     * published in the docs. One fixed hash also keeps the same rows for the same inputs, and dumps of
     * two tenants compare equal on it.
     */
    static final String DEMO_PASSWORD_HASH = "$2a$10$S0TjXAXQXVLjbCPjZU6uKOUUVYq8Batk/4DyNiNJa1jy7mszrx4vC";

    enum Role { ADMIN, PROMOTER, SCANNER, CUSTOMER }

    /** What a customer persona is there to show; the generation gives each one the orders its story needs. */
    enum Story {
        FREQUENT_ATTENDEE, FIRST_TIME_BUYER, VIP, GROUP_BUYER, LAST_MINUTE_BUYER, TRANSFERRED_TICKETS, CANCELLED_ORDER,
        INACTIVE
    }

    /**
     * One persona. {@code companies} are the companies a staff member could work for, most likely
     * first (the first one present in the mode is theirs; {company} in the description names it).
     * {@code joined} and {@code lastSeen} are how long before the anchor the account was created
     * and last signed in.
     */
    record Spec(String firstName, String lastName, String email, String phone, Role role, List<Integer> companies,
                Duration joined, Duration lastSeen, String description) {

        String name() {
            return firstName + " " + lastName;
        }
    }

    static final List<Spec> STAFF = List.of(
            staff("Dana", "Whitfield", "(212) 555-0101", Role.ADMIN, List.of(), 1_460,
                    "Tenant administrator: companies, venues, users and settings; sees every event and report"),
            staff("Marcus", "Oyelaran", "(312) 555-0102", Role.ADMIN, List.of(), 900,
                    "Finance and support administrator: orders, refunds, cancellations and customer accounts"),
            staff("Priya", "Raman", "(213) 555-0103", Role.PROMOTER, List.of(Catalog.MAJOR_PROMOTER), 1_200,
                    "Tour promoter at {company}: the flagship stadium show, arena tours and their sales dashboards"),
            staff("Jake", "Morrison", "(312) 555-0104", Role.PROMOTER, List.of(Catalog.INDIE_PROMOTER, Catalog.MAJOR_PROMOTER), 800,
                    "Talent buyer at {company}: club and concert-hall shows, early-bird tiers, fast sell-outs"),
            staff("Sofia", "Delgado", "(312) 555-0105", Role.PROMOTER, List.of(Catalog.SPORTS_GROUP, Catalog.MAJOR_PROMOTER), 650,
                    "Ticketing manager at {company}: home games and stadium inventory by seating level"),
            staff("Hannah", "Brooks", "(212) 555-0106", Role.PROMOTER, List.of(Catalog.PERFORMING_ARTS, Catalog.INDIE_PROMOTER), 1_000,
                    "Programs the season at {company}: theater evenings, weekday matinees and comedy"),
            staff("Theo", "Nakamura", "(512) 555-0107", Role.PROMOTER,
                    List.of(Catalog.CONVENTION_CENTER, Catalog.CONFERENCE_ORGANIZER, Catalog.MAJOR_PROMOTER), 500,
                    "Sells conference and festival passes for {company}: promo codes and group rates"),
            staff("Luis", "Ortega", "(312) 555-0108", Role.SCANNER, List.of(Catalog.SPORTS_GROUP, Catalog.MAJOR_PROMOTER), 420,
                    "Door supervisor for {company}: signs in on the scanners and checks tickets in at the gates"),
            staff("Keisha", "Grant", "(512) 555-0109", Role.SCANNER,
                    List.of(Catalog.CONVENTION_CENTER, Catalog.INDIE_PROMOTER, Catalog.MAJOR_PROMOTER), 300,
                    "Entry lead for {company}: runs the handhelds and turnstiles on event days"));

    /** In {@link Story} order: customer persona {@code i} tells story {@code i}. */
    static final List<Spec> CUSTOMERS = List.of(
            customer("Olivia", "Bennett", "olivia.bennett@example.net", "(312) 555-0110", 1_095, 1,
                    "Frequent attendee: several orders, tickets scanned at a completed show, one order awaiting payment"),
            customer("Ethan", "Park", "ethan.park@example.org", "(213) 555-0111", 18, 2,
                    "First-time buyer: signed up this month and placed exactly one order"),
            customer("Victoria", "Hale", "victoria.hale@example.net", "(212) 555-0112", 730, 1,
                    "VIP buyer: VIP packages for the flagship stadium show, the highest-value orders"),
            customer("Carlos", "Mendoza", "carlos.mendoza@example.org", "(512) 555-0113", 540, 3,
                    "Group buyer: one order of ten tickets for a company outing, two already passed on to colleagues"),
            customer("Maya", "Thompson", "maya.thompson@example.net", "(615) 555-0114", 365, 1,
                    "Last-minute buyer: bought the day before a show and was scanned in at the door"),
            customer("Noah", "Williams", "noah.williams@example.org", "(503) 555-0115", 700, 4,
                    "Bought four tickets and transferred two of them to friends"),
            customer("Grace", "Liu", "grace.liu@example.net", "(213) 555-0116", 300, 6,
                    "Cancelled an order: the order and its tickets show as cancelled"),
            customer("Samuel", "Reed", "samuel.reed@example.org", "(312) 555-0117", 1_460, 730,
                    "Inactive account: deactivated two years after his last sign-in, no orders; signing in is refused"));

    private Personas() {
    }

    /** The personas a mode creates: all staff, and the first {@code customers} customer personas. */
    static List<Persona> present(int customers, int companies) {
        List<Persona> personas = new ArrayList<>();
        for (Spec spec : STAFF) {
            Integer company = companyOf(spec, companies);
            String description = company == null ? spec.description()
                    : spec.description().replace("{company}", Catalog.COMPANIES.get(company).name());
            personas.add(new Persona(spec.name(), spec.role().name(), spec.email(), DEMO_PASSWORD, description));
        }
        for (Spec spec : CUSTOMERS.subList(0, Math.min(customers, CUSTOMERS.size()))) {
            personas.add(new Persona(spec.name(), spec.role().name(), spec.email(), DEMO_PASSWORD, spec.description()));
        }
        return personas;
    }

    /** The ordinal of the staff member's company among the mode's {@code companies}, or null for admins. */
    static Integer companyOf(Spec spec, int companies) {
        if (spec.companies().isEmpty()) {
            return null;
        }
        return spec.companies().stream().filter(c -> c < companies).findFirst().orElse(0);
    }

    private static Spec staff(String first, String last, String phone, Role role, List<Integer> companies, int joinedDays,
                              String description) {
        String email = first.toLowerCase() + "." + last.toLowerCase() + "@example.com";
        return new Spec(first, last, email, phone, role, companies, Duration.ofDays(joinedDays), Duration.ofHours(20),
                description);
    }

    private static Spec customer(String first, String last, String email, String phone, int joinedDays, int lastSeenDays,
                                 String description) {
        return new Spec(first, last, email, phone, Role.CUSTOMER, List.of(), Duration.ofDays(joinedDays),
                Duration.ofDays(lastSeenDays), description);
    }
}
